/**
 * Places review findings at the cells of the editor. A finding names its indicator
 * (indicatorIndex) and, when the engine says so, its field; otherwise the field is
 * inferred from the rule code (e.g. `values.direction-mismatch` → 指标方向).
 */

export interface CellFinding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  messageEn: string;
  projectIndex?: number | null;
  indicatorIndex?: number | null;
  field?: string;
  cell?: string;
}

export type CellField = "level1" | "level2" | "name" | "nature" | "operator" | "target" | "unit" | "weight";

const FIELD_HINTS: [RegExp, CellField][] = [
  [/operator|direction|comparison|方向/i, "operator"],
  [/weight|score|分值/i, "weight"],
  [/unit(?!-?code)|计量/i, "unit"],
  [/nature|qualitative|性质/i, "nature"],
  [/percent|target|value|vague|numeric|deadline|placeholder/i, "target"],
  [/level-?2|second|二级/i, "level2"],
  [/level-?1|first|一级/i, "level1"],
];

const FIELDS = new Set<CellField>(["level1", "level2", "name", "nature", "operator", "target", "unit", "weight"]);

/** The field a finding points at, or "name" when it concerns the whole row. */
export function fieldOf(f: CellFinding): CellField {
  const explicit = f.field ?? /\.(\w+)$/.exec(f.cell ?? "")?.[1];
  if (explicit && FIELDS.has(explicit as CellField)) return explicit as CellField;
  for (const [re, field] of FIELD_HINTS) if (re.test(f.code)) return field;
  return "name";
}

export interface FindingIndex {
  /** key `${indicatorIndex}.${field}` → findings. */
  cells: Map<string, CellFinding[]>;
  /** Findings about the project as a whole (goal, budget, weights total…). */
  project: CellFinding[];
}

/**
 * @example indexFindings([{code:"values.direction-mismatch", indicatorIndex: 2, ...}]).cells.get("2.operator")
 */
export function indexFindings(findings: readonly CellFinding[], projectIndex = 0): FindingIndex {
  const cells = new Map<string, CellFinding[]>();
  const project: CellFinding[] = [];
  for (const f of findings) {
    if (f.projectIndex !== undefined && f.projectIndex !== null && f.projectIndex !== projectIndex) continue;
    if (f.indicatorIndex === undefined || f.indicatorIndex === null) {
      project.push(f);
      continue;
    }
    const key = `${f.indicatorIndex}.${fieldOf(f)}`;
    const list = cells.get(key) ?? [];
    list.push(f);
    cells.set(key, list);
  }
  return { cells, project };
}

export function worstSeverity(list: readonly CellFinding[] | undefined): "error" | "warning" | "info" | null {
  if (!list?.length) return null;
  if (list.some((f) => f.severity === "error")) return "error";
  if (list.some((f) => f.severity === "warning")) return "warning";
  return "info";
}
