/**
 * One grid row → one indicator: levels through merged and inherited cells (score bands kept as
 * the printed label), 指标性质/指标方向/指标方向性 in whichever layout the table uses (the Sichuan
 * form prints ≥ under 指标性质 and 正向指标 under 指标方向性), the target read by the core cell
 * grammar (operator and unit inside the value, dates kept as text), the nature inferred when
 * none is printed, weights, and a self-evaluation's actuals and scores. Every inference is logged.
 */
import type { Diagnostic, Grade, Indicator, Nature, Operator } from "@jixiao/core";
import type { ColumnKey } from "./columns.ts";
import { cellText, type GridCell, sameMerge } from "./grid.ts";
import type { HeaderMap } from "./header.ts";
import {
  isValidPairAnyLayout,
  level1Of,
  level2Of,
  normalizeUnit,
  parentOf,
  parseNatureWord,
  parseOperator,
  parseTargetCell,
  readNumber,
  resolveNature,
} from "./vocab.ts";
import { say } from "./words.ts";

type Row = readonly (GridCell | undefined)[];

/** Levels carried from row to row inside one project. */
export interface LevelState {
  l1: string;
  l2: string;
  /** The cell the current 一级 came from (to tell a merged 一级 from a printed one). */
  l1Cell?: GridCell;
}

export interface IndicatorContext {
  src: string;
  map: HeaderMap;
  ref: (row: number, col: number) => string;
  diagnostics: Diagnostic[];
  at: { projectIndex: number; indicatorIndex: number };
  levels: LevelState;
}

/** Where an indicator's cells were, for the checks after reading. */
export interface IndicatorCells {
  name: string;
  target: string;
  row: number;
}

/** A weight as printed: 10, "10", "10分", "10%" (a 权重 in per cent is its points). */
function pointsOf(c: GridCell | undefined): number | null {
  const plain = numberOf(c);
  if (plain !== null || !c) return plain;
  const t = parseTargetCell(cellText(c));
  return t.kind === "number" && t.number && !t.operator && (t.unit === "分" || t.unit === "%") ? t.number.value : null;
}

function numberOf(c: GridCell | undefined): number | null {
  if (!c) return null;
  if (c.num !== undefined && Number.isFinite(c.num)) return c.num;
  return readNumber(cellText(c))?.value ?? null;
}

/** What the row prints in the indicator columns, or why it is not an indicator. */
export function rowKind(row: Row, map: HeaderMap): "indicator" | "structural" | "spanning" | "empty" {
  const at = (k: ColumnKey) => {
    const i = map.cols.get(k);
    return i === undefined ? undefined : row[i];
  };
  const name = at("indicator");
  const target = at("target");
  if (name && target && sameMerge(name, target) && cellText(name)) return "spanning";
  const filled = (k: ColumnKey) => cellText(at(k)) !== "";
  const values: ColumnKey[] = ["indicator", "target", "weight", "actual", "nature", "operator", "measure"];
  if (values.some(filled)) return "indicator";
  return filled("level1") || filled("level2") ? "structural" : "empty";
}

/** Reads the indicator of one row (the row is an indicator row: see rowKind). */
export function readIndicator(row: Row, r: number, ctx: IndicatorContext): { ind: Indicator; cells: IndicatorCells } {
  const { map, src, diagnostics: out } = ctx;
  const cols = map.cols;
  const cell = (k: ColumnKey) => {
    const i = cols.get(k);
    return i === undefined ? undefined : row[i];
  };
  const txt = (k: ColumnKey) => cellText(cell(k));
  const ref = (k: ColumnKey) => ctx.ref(r, cols.get(k) ?? cols.get("target") ?? cols.get("indicator") ?? 0);
  const at = { ...ctx.at };

  // --- levels ---
  const st = ctx.levels;
  let l1 = map.shifted ? "" : txt("level1");
  let l2 = txt("level2");
  const l1Cell = map.shifted ? undefined : cell("level1");
  let l1Carried = false;
  if (l1) {
    if (l1 !== st.l1) st.l2 = "";
    l1Carried = Boolean(st.l1Cell && sameMerge(st.l1Cell, l1Cell));
    st.l1 = l1;
    st.l1Cell = l1Cell;
  } else if (!map.shifted) {
    l1 = st.l1;
    l1Carried = true;
  }
  if (!l2) l2 = st.l2;
  else st.l2 = l2;
  const ind: Indicator = {
    level1: l1,
    level2: l2,
    name: txt("indicator"),
    nature: "定性",
    operator: null,
    target: "",
    unit: null,
    weight: null,
  };
  const n2 = l2 ? level2Of(l2) : null;
  let n1 = l1 ? level1Of(l1) : null;
  if (n2 && !l1) {
    const parent = parentOf(n2, "older") ?? parentOf(n2, "cost-first-level-2021");
    if (parent) {
      n1 = parent;
      out.push(
        say(
          src,
          "level1-inferred",
          { cell: ref("level2"), l1: parent, l2 },
          { cell: ref("level2"), ...at, action: `inferred 一级 ${parent}` },
        ),
      );
    }
  } else if (n1 && n2 && !isValidPairAnyLayout(n1, n2)) {
    const parent = parentOf(n2, "older") ?? parentOf(n2, "cost-first-level-2021");
    if (parent && l1Carried) {
      out.push(
        say(
          src,
          "level1-from-level2",
          { cell: ref("level2"), l1: parent, l2, printed: l1 },
          { cell: ref("level2"), ...at, action: `一级 read as ${parent}` },
        ),
      );
      n1 = parent;
      l1 = parent;
    }
  }
  if (n1) {
    ind.level1 = n1;
    if (l1 && n1 !== l1) ind.level1Label = l1;
  } else if (l1)
    out.push(say(src, "level1-unknown", { cell: ref("level1"), text: l1 }, { cell: ref("level1"), ...at }));
  if (n2) {
    ind.level2 = n2;
    if (n2 !== l2) ind.level2Label = l2;
  } else if (l2)
    out.push(say(src, "level2-unknown", { cell: ref("level2"), text: l2 }, { cell: ref("level2"), ...at }));

  // --- 指标性质 / 指标方向 / 指标方向性 ---
  const natureText = txt("nature");
  const opText = txt("operator");
  const polarityText = txt("polarity");
  let operator: Operator | null = null;
  let natureWord: string | null = null;
  const opInNature = natureText ? parseOperator(natureText) : null;
  if (opInNature) {
    operator = opInNature;
    natureWord = polarityText || (parseNatureWord(opText) ? opText : null);
  } else {
    natureWord = natureText || polarityText || null;
    if (natureText && !parseNatureWord(natureText) && parseNatureWord(polarityText)) natureWord = polarityText;
    operator = opText ? parseOperator(opText) : null;
    if (opText && !operator && !parseNatureWord(opText))
      out.push(say(src, "operator-unknown", { cell: ref("operator"), text: opText }, { cell: ref("operator"), ...at }));
    if (!natureWord && opText && parseNatureWord(opText)) natureWord = opText;
  }

  // --- 目标值 ---
  const targetCell = cell("target");
  const rawTarget =
    targetCell?.num !== undefined && Number.isFinite(targetCell.num) ? String(targetCell.num) : cellText(targetCell);
  const word = natureWord ? parseNatureWord(natureWord) : null;
  const tc = parseTargetCell(rawTarget);
  const measure = txt("measure") || null;
  let unit = measure;
  let target = rawTarget;
  if (word !== "定性" && tc.kind === "number" && tc.number) {
    target = tc.number.text;
    operator ??= tc.operator;
    if (tc.unit) {
      if (!unit) unit = tc.unitPrinted === "百分比" ? "%" : (tc.unitPrinted ?? tc.unit);
      else if (normalizeUnit(unit) !== tc.unit)
        out.push(
          say(
            src,
            "unit-conflict",
            { cell: ref("target"), inner: tc.unitPrinted ?? "", unit },
            { cell: ref("target"), ...at },
          ),
        );
    }
  }
  let nature: Nature;
  if (word === "定性" || word === "正向" || word === "反向") nature = word;
  else if (natureText && !word && !opInNature) {
    out.push(say(src, "nature-unknown", { cell: ref("nature"), text: natureText }, { cell: ref("nature"), ...at }));
    nature = "定性";
  } else {
    const resolved = resolveNature(natureWord, operator, tc);
    nature = resolved.nature;
    if (resolved.inferred && rawTarget !== "")
      out.push(
        say(
          src,
          "nature-inferred",
          {
            cell: ref("nature"),
            zh: resolved.reason?.zh ?? `推定为${nature}`,
            en: resolved.reason?.en ?? `inferred ${nature}`,
          },
          { cell: ref("nature"), ...at, action: `inferred nature ${nature}` },
        ),
      );
  }
  if (nature !== "定性" && target !== "" && tc.kind !== "number")
    out.push(
      say(src, "target-not-number", { cell: ref("target"), text: target, nature }, { cell: ref("target"), ...at }),
    );
  if (nature === "定性") {
    // A 定性 row keeps its cell as printed; an operator belongs to quantities only.
    if (tc.kind !== "number") operator = opText ? operator : null;
  }
  ind.nature = nature;
  ind.operator = operator;
  ind.target = target;
  ind.unit = unit;

  // --- 分值 ---
  if (cols.has("weight")) {
    const w = pointsOf(cell("weight"));
    if (w !== null) ind.weight = w;
    else if (/^[—–\-/／\\]*$/.test(txt("weight")))
      out.push(say(src, "weight-empty", { cell: ref("weight"), name: ind.name }, { cell: ref("weight"), ...at }));
    else
      out.push(
        say(src, "weight-not-number", { cell: ref("weight"), text: txt("weight") }, { cell: ref("weight"), ...at }),
      );
  }
  if (txt("standard")) ind.standard = txt("standard");

  // --- self-evaluation ---
  const actual = txt("actual");
  if (actual) {
    const plain = numberOf(cell("actual"));
    const ac = parseTargetCell(actual);
    if (plain !== null) ind.actual = plain;
    else if (nature !== "定性" && ac.kind === "number" && ac.number) {
      ind.actual = ac.number.value;
      out.push(
        say(
          src,
          "actual-inferred",
          { cell: ref("actual"), text: actual, value: ac.number.text },
          { cell: ref("actual"), ...at, action: `actual read as ${ac.number.text}` },
        ),
      );
    } else ind.actual = actual;
  }
  const grade = txt("grade");
  if (grade === "达成" || grade === "部分达成" || grade === "未达成") ind.grade = grade as Grade;
  const score = numberOf(cell("score"));
  if (score !== null) ind.score = score;
  const na = txt("notApplicable");
  if (na) ind.notApplicable = /^(是|true|1|y|yes|√)$/i.test(na);
  if (txt("deviationReason")) ind.deviationReason = txt("deviationReason");
  return { ind, cells: { name: ref("indicator"), target: ref("target"), row: r } };
}
