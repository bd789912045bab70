/**
 * The comparison cells of one printed indicator row, read into the model's nature, operator,
 * target and unit the same way by every reader, whatever the layout put where:
 *
 * - 指标性质 may hold a nature (定性/定量/正向) or, in the Sichuan form, the operator (≥), with
 *   指标方向性 holding 正向指标; 指标方向 may hold the operator or a nature;
 * - the target may carry its own operator and unit (≥95%, ≤65万元, 95%以上), split off when
 *   the row agrees with them and kept when it does not;
 * - with no nature printed (or only 定量), the nature is inferred and said so.
 *
 * Every decision is returned as a coded note (zh + en) for the reader's repair log; the
 * reader prefixes the code with its source (`grid.nature-inferred`) and names the cell.
 */
import type { Nature, Operator } from "../document.ts";
import { normalizeUnit, parseTargetCell } from "./cell-grammar.ts";
import { type NatureWord, parseNatureWord, resolveNature } from "./natures.ts";
import { parseOperator } from "./operators.ts";

/** The cells of a row as printed; absent columns are undefined or null. */
export interface PrintedIndicatorCells {
  /** 指标性质 / 指标值类型. */
  nature?: string | null;
  /** 指标方向. */
  operator?: string | null;
  /** 指标方向性 (正向指标/反向指标). */
  polarity?: string | null;
  /** 指标值 / 目标值. */
  target?: string | number | null;
  /** 计量单位 / 度量单位. */
  unit?: string | null;
}

/** What was done with a cell, for the repair log. */
export interface IndicatorCellNote {
  code:
    | "nature-inferred"
    | "nature-unknown"
    | "operator-unknown"
    | "operator-in-target"
    | "operator-conflict"
    | "unit-in-target"
    | "unit-conflict"
    | "target-empty"
    | "target-not-number";
  severity: "error" | "warning" | "info";
  /** The cell the note is about. */
  field: "nature" | "operator" | "target" | "unit";
  message: string;
  messageEn: string;
}

/** The row's comparison, in the model's terms. */
export interface ReadIndicatorCells {
  nature: Nature;
  /** True when the nature was not printed as one of 定性/正向/反向. */
  natureInferred: boolean;
  operator: Operator | null;
  /** The target: the number alone when its operator and unit were split off, else as printed. */
  target: string;
  unit: string | null;
  notes: IndicatorCellNote[];
}

function str(v: string | number | null | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * Reads the nature, operator, target and unit cells of one row.
 * @example readIndicatorCells({ nature: "≥", polarity: "正向指标", target: "95", unit: "%" }) // { nature: "正向", operator: "≥", target: "95", unit: "%", … }
 * @example readIndicatorCells({ target: "≤65万元" }) // { nature: "反向", natureInferred: true, operator: "≤", target: "65", unit: "万元", … }
 */
export function readIndicatorCells(cells: PrintedIndicatorCells): ReadIndicatorCells {
  const notes: IndicatorCellNote[] = [];
  const note = (n: IndicatorCellNote) => notes.push(n);
  const natureText = str(cells.nature);
  const operatorText = str(cells.operator);
  const polarityText = str(cells.polarity);

  // Each of the three cells may hold a nature word or an operator: read both from all of them.
  let word: NatureWord | null = null;
  let operator: Operator | null = null;
  for (const [text, field] of [
    [natureText, "nature"],
    [polarityText, "nature"],
    [operatorText, "operator"],
  ] as const) {
    if (text === "") continue;
    const w = parseNatureWord(text);
    const op = w ? null : parseOperator(text);
    if (w && (word === null || word === "定量")) word = w;
    else if (op && operator === null) operator = op;
    else if (!w && !op)
      note({
        code: field === "nature" ? "nature-unknown" : "operator-unknown",
        severity: "warning",
        field,
        message: `「${text}」不是指标${field === "nature" ? "性质" : "方向"}，未采用`,
        messageEn: `"${text}" is not ${field === "nature" ? "a nature (定性/正向/反向)" : "an operator"}; not used`,
      });
  }

  const printedTarget = str(cells.target);
  let unit: string | null = str(cells.unit) || null;
  let target = printedTarget;
  const cell = parseTargetCell(printedTarget);
  if (cell.kind === "empty") {
    note({
      code: "target-empty",
      severity: "error",
      field: "target",
      message: "指标值为空",
      messageEn: "the target is empty",
    });
  }
  if (cell.number !== null) {
    let split = true;
    if (cell.operator !== null) {
      if (operator === null) {
        operator = cell.operator;
        note({
          code: "operator-in-target",
          severity: "info",
          field: "target",
          message: `指标值「${printedTarget}」中的「${cell.operatorPrinted}」读作指标方向 ${cell.operator}`,
          messageEn: `"${cell.operatorPrinted}" in the target "${printedTarget}" read as the operator ${cell.operator}`,
        });
      } else if (operator !== cell.operator) {
        split = false;
        note({
          code: "operator-conflict",
          severity: "warning",
          field: "target",
          message: `指标值「${printedTarget}」写明 ${cell.operator}，指标方向却是 ${operator}；指标值原样保留`,
          messageEn: `the target "${printedTarget}" says ${cell.operator} but the operator cell says ${operator}; target kept as printed`,
        });
      }
    }
    if (cell.unit !== null) {
      if (unit === null) {
        unit = cell.unit;
        note({
          code: "unit-in-target",
          severity: "info",
          field: "target",
          message: `指标值「${printedTarget}」中的单位「${cell.unitPrinted}」读作计量单位`,
          messageEn: `the unit "${cell.unitPrinted}" in the target "${printedTarget}" read as the unit of measure`,
        });
      } else if (normalizeUnit(unit) !== cell.unit) {
        split = false;
        note({
          code: "unit-conflict",
          severity: "warning",
          field: "unit",
          message: `指标值「${printedTarget}」的单位「${cell.unitPrinted}」与计量单位「${unit}」不一致；指标值原样保留`,
          messageEn: `the target "${printedTarget}" is in "${cell.unitPrinted}" but the unit of measure is "${unit}"; target kept as printed`,
        });
      }
    }
    if (split) target = cell.number.text;
  }

  const resolved = resolveNature(word, operator, cell);
  if (resolved.inferred && resolved.reason && cell.kind !== "empty") {
    note({
      code: "nature-inferred",
      severity: "info",
      field: "nature",
      message: word === "定量" ? `指标性质为定量，${resolved.reason.zh}` : `未写指标性质，${resolved.reason.zh}`,
      messageEn:
        word === "定量" ? `指标性质 is 定量; ${resolved.reason.en}` : `no 指标性质 printed; ${resolved.reason.en}`,
    });
  }
  if (resolved.nature !== "定性" && cell.number === null && cell.kind !== "empty") {
    note({
      code: "target-not-number",
      severity: "warning",
      field: "target",
      message: `指标值「${printedTarget}」不是数字，而指标性质为${resolved.nature}`,
      messageEn: `the target "${printedTarget}" is not a number for a ${resolved.nature} indicator`,
    });
  }
  return {
    nature: resolved.nature,
    natureInferred: resolved.inferred,
    operator,
    target,
    unit,
    notes,
  };
}
