/**
 * Reads the indicator part of one printed row by meaning: the cells that are level labels,
 * the name, the nature (定性/正向/反向), the operator, the target, the unit and the weight —
 * whatever columns they ended up in after the PDF extraction shifted them.
 */
import {
  type Diagnostic,
  type Level1,
  labelSpellings,
  type Nature,
  type NatureWord,
  normalizeLevel1,
  normalizeLevel2,
  type Operator,
  parseLevelLabel,
  parseTargetCell,
  resolveNature,
} from "@jixiao/core";
import { textDiagnostic } from "./text-diagnostics.ts";
import { looksLikeUnit, numberCell, parseNature, parseOperator } from "./vocab.ts";

export interface Token {
  text: string;
  col: number;
}

export interface LabelToken {
  text: string;
  level1: Level1 | null;
  level2: string | null;
}

/** An indicator row as printed, before levels are resolved. */
export interface RawIndicator {
  line: number;
  labels: LabelToken[];
  name: string;
  /** True when the name cell was empty and the last label was used as the name. */
  nameFromLabel: boolean;
  nature: Nature;
  operator: Operator | null;
  target: string;
  unit: string | null;
  weight: number;
  /** Column the nature was printed in (to report shifted cells). */
  natureCol: number;
  diagnostics: Diagnostic[];
}

const NONE: Diagnostic[] = [];

/** Appends to a diagnostics list, allocating it on first use. */
function add(list: Diagnostic[], d: Diagnostic): Diagnostic[] {
  const out = list === NONE ? [] : list;
  out.push(d);
  return out;
}
const NO_LABELS: LabelToken[] = [];

/** Last characters of every 一级/二级 label (指标, 效益, 影响, 满意度, 产出, 成本 …). */
const LABEL_ENDINGS = new Set([..."标益响度出本量效展"].map((c) => c.charCodeAt(0)));
/** Last characters of a label printed with a score band: 产出指标（50分）, 成本指标(0-20)分. */
const BAND_ENDINGS = new Set([..."分）)"].map((c) => c.charCodeAt(0)));

/** Every known label spelling → its token (labels with spaces are joined before lookup). */
const LABELS: ReadonlyMap<string, LabelToken> = new Map(
  labelSpellings().map((text) => [text, { text, level1: normalizeLevel1(text), level2: normalizeLevel2(text) }]),
);

function label(text: string): LabelToken | null {
  // Labels are short and end in 指标/效益/影响/满意度 etc.; skip long free text cheaply.
  const last = text.charCodeAt(text.length - 1);
  if (text.length <= 16 && LABEL_ENDINGS.has(last)) return LABELS.get(text) ?? null;
  // A label with its score band: the core vocabulary strips the band, the printed text is kept.
  if (text.length <= 24 && BAND_ENDINGS.has(last)) {
    const l = parseLevelLabel(text);
    return l ? { text, level1: l.level1, level2: l.level2 } : null;
  }
  return null;
}

/**
 * Parses the indicator cells of a row. Returns null when the row holds no indicator
 * (no nature and no weight: a continuation line or stray text).
 */
export function parseIndicatorTokens(tokens: readonly Token[], line: number): RawIndicator | null {
  // Most rows need no diagnostics and have no labels: share empty arrays until one is needed.
  let diagnostics: Diagnostic[] = NONE;
  let ni = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (parseNature(tokens[i]!.text)) {
      ni = i;
      break;
    }
  }
  // Weight: the last numeric cell.
  const last = tokens.length - 1;
  const weightValue = last >= 0 ? numberCell(tokens[last]!.text) : null;
  const weightTok = weightValue !== null ? tokens[last]! : null;
  if (ni < 0) {
    // No nature: an indicator only if it still has an operator and a weight.
    const oi = tokens.findIndex((t) => parseOperator(t.text) !== null);
    if (oi < 0 || !weightTok || oi === 0) return null;
    ni = -1;
  }
  /** The nature as printed; null when the row prints none. */
  let word: NatureWord | null;
  let natureCol: number;
  let beforeEnd: number;
  let middleStart: number;
  if (ni >= 0) {
    word = parseNature(tokens[ni]!.text)!;
    natureCol = tokens[ni]!.col;
    beforeEnd = ni;
    middleStart = ni + 1;
  } else {
    const oi = tokens.findIndex((t) => parseOperator(t.text) !== null);
    word = null;
    natureCol = tokens[oi]!.col - 1;
    beforeEnd = oi;
    middleStart = oi;
  }

  // Labels and name before the nature.
  let labels: LabelToken[] = NO_LABELS;
  let i = 0;
  while (i < beforeEnd && labels.length < 2) {
    const l = label(tokens[i]!.text);
    if (!l) break;
    // A second 一级-only label after a first one cannot be a 二级; after a 二级 (no 一级 printed)
    // the next cell is the name even when it reads like a label (服务对象满意度).
    if (labels.length === 1 && (!l.level2 || !labels[0]!.level1)) break;
    if (labels === NO_LABELS) labels = [];
    labels.push(l);
    i++;
  }
  const nameCells = beforeEnd - i;
  let name = nameCells === 1 ? tokens[i]!.text : "";
  if (nameCells > 1) {
    for (let j = i; j < beforeEnd; j++) name += tokens[j]!.text;
    diagnostics = add(diagnostics, textDiagnostic("text.name-joined", { cells: nameCells, name }, { line }));
  }
  let nameFromLabel = false;
  if (!name && labels.length > 0) {
    const l = labels[labels.length - 1]!;
    name = l.text;
    nameFromLabel = true;
    // A lone label may be the name itself (merged cells omit labels, not the 三级): the level
    // resolver decides with the levels above, and reports it only when it really was a label.
    if (labels.length === 2)
      diagnostics = add(diagnostics, textDiagnostic("text.name-missing", { label: l.text, level2: true }, { line }));
  } else if (!name) {
    diagnostics = add(diagnostics, textDiagnostic("text.name-missing", {}, { line }));
  }

  // Operator, target, unit, weight after the nature.
  let end = tokens.length;
  let weight = 0;
  if (weightTok && tokens.length - 1 >= middleStart) {
    weight = weightValue!;
    end = tokens.length - 1;
  } else {
    diagnostics = add(diagnostics, textDiagnostic("text.weight-missing", {}, { line }));
  }
  let operator: Operator | null = null;
  let k = middleStart;
  if (k < end) {
    const op = parseOperator(tokens[k]!.text);
    if (op) {
      operator = op;
      k++;
    }
  }
  let target = k < end ? tokens[k]!.text : "";
  let unit: string | null = null;
  if (end - (k + 1) === 1) unit = tokens[k + 1]!.text;
  else if (end - (k + 1) > 1) {
    const rest = tokens.slice(k + 1, end).map((t) => t.text);
    // More cells than target + unit: the unit is the last short one, the target the rest.
    const u = rest[rest.length - 1]!;
    if (looksLikeUnit(u)) {
      unit = u;
      target = [target, ...rest.slice(0, -1)].join("");
    } else target = [target, ...rest].join("");
    diagnostics = add(diagnostics, textDiagnostic("text.target-joined", {}, { line }));
  }
  // Operator or unit printed inside the value (≥95%, 95%以上), by the core cell grammar.
  if (word !== "定性" && (!operator || unit === null)) {
    const cell = parseTargetCell(target);
    if (cell.kind === "number") {
      let split = false;
      if (!operator && cell.operator) {
        operator = cell.operator;
        split = true;
        const rest = target.slice(target.indexOf(cell.operatorPrinted!) + cell.operatorPrinted!.length).trim();
        diagnostics = add(
          diagnostics,
          textDiagnostic("text.operator-in-value", { operator: cell.operatorPrinted!, target: rest }, { line }),
        );
      }
      if (cell.unit !== null && (unit === null || unit === cell.unit)) {
        if (unit === null) {
          unit = cell.unit;
          diagnostics = add(diagnostics, textDiagnostic("text.unit-in-value", { unit }, { line }));
        }
        split = true;
      }
      if (split)
        target = cell.unit !== null && unit !== cell.unit ? cell.number!.text + cell.unitPrinted : cell.number!.text;
    }
  }
  // The nature: as printed, else inferred by the vocabulary (定量 prints no direction).
  let nature: Nature;
  if (word === "定性" || word === "正向" || word === "反向") nature = word;
  else {
    const resolved = resolveNature(word, operator, parseTargetCell(target));
    nature = resolved.nature;
    diagnostics = add(
      diagnostics,
      word === null
        ? textDiagnostic("text.nature-missing", { nature }, { line })
        : textDiagnostic(
            "text.nature-inferred",
            { nature, zh: resolved.reason?.zh ?? "", en: resolved.reason?.en ?? "" },
            { line },
          ),
    );
  }
  return { line, labels, name, nameFromLabel, nature, operator, target, unit, weight, natureCol, diagnostics };
}
