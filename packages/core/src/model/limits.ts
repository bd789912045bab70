/**
 * The input limits of jixiao, in ONE place: the editor, the HTTP API and every importer refuse
 * the same things (docs/SECURITY.md lists them). A document beyond them is refused with the
 * offending cells named, never truncated silently.
 */
import type { TargetDocument } from "./document.ts";

/** The limits, by name. Money is in the document's unit (万元 or 元). */
export const LIMITS = {
  /** Indicators (三级指标 rows) per project. */
  indicatorsPerProject: 500,
  /** Projects in one document / one import. */
  projectsPerDocument: 10_000,
  /** Project, unit, department names. */
  nameLength: 100,
  /** Indicator name, target, unit, labels, standard, deviation reason. */
  indicatorTextLength: 500,
  /** 年度绩效目标 and other long free text (category, notes). */
  goalLength: 2000,
  /** Budgets and executed amounts: 0 ≤ money ≤ this (1e9 万元 = 10 万亿元; exact in 分 as a double). */
  moneyMax: 1e9,
  /** Indicator weights (分值): 0 ≤ weight ≤ this (a 0 weight is a review finding, not a refusal). */
  weightMax: 100,
  /** Any other free text field (comments, titles). */
  textLength: 2000,
} as const;

/** One field beyond a limit: where it is (project/indicator index, field), what was found, the limit. */
export interface LimitViolation {
  /** JSON-pointer-like path, e.g. `projects/3/indicators/7/name`. */
  path: string;
  projectIndex: number | null;
  indicatorIndex: number | null;
  field: string;
  /** Project name, to tell the user which table (cut to 100 characters). */
  projectName: string | null;
  limit: keyof typeof LIMITS;
  /** The limit's value. */
  max: number;
  /** What was found: a length, a count or the number itself. */
  found: number;
  message: string;
  messageEn: string;
}

const cut = (s: string): string => (s.length > 100 ? `${s.slice(0, 100)}…` : s);

/**
 * Every field of a document beyond {@link LIMITS} (at most `maxReported` of them).
 * @example limitViolations({ format: "jixiao.targets/1", moneyUnit: "万元", projects: [] }) // []
 */
export function limitViolations(doc: TargetDocument, maxReported = 100): LimitViolation[] {
  const out: LimitViolation[] = [];
  const add = (
    v: Omit<LimitViolation, "max" | "message" | "messageEn" | "projectName">,
    projectName: string | null,
  ): void => {
    if (out.length >= maxReported) return;
    const max = LIMITS[v.limit];
    const where =
      v.projectIndex === null
        ? ""
        : v.indicatorIndex === null
          ? `项目 ${v.projectIndex + 1}`
          : `项目 ${v.projectIndex + 1} 第 ${v.indicatorIndex + 1} 个指标`;
    const whereEn =
      v.projectIndex === null
        ? ""
        : v.indicatorIndex === null
          ? `project ${v.projectIndex + 1}`
          : `project ${v.projectIndex + 1}, indicator ${v.indicatorIndex + 1}`;
    const isLength = v.limit.endsWith("Length");
    const message = isLength
      ? `${where}「${v.field}」长度 ${v.found} 超过上限 ${max}`
      : v.limit === "weightMax" || v.limit === "moneyMax"
        ? `${where}「${v.field}」数值 ${v.found} 超出范围（应在 0 与 ${max} 之间）`
        : `${where}「${v.field}」数量 ${v.found} 超过上限 ${max}`;
    const messageEn = isLength
      ? `${whereEn}: ${v.field} is ${v.found} characters long (limit ${max})`
      : v.limit === "weightMax" || v.limit === "moneyMax"
        ? `${whereEn}: ${v.field} ${v.found} is out of range (0 … ${max})`
        : `${whereEn}: ${v.found} ${v.field} (limit ${max})`;
    out.push({ ...v, max, projectName: projectName === null ? null : cut(projectName), message, messageEn });
  };
  const text = (
    s: unknown,
    limit: "nameLength" | "indicatorTextLength" | "goalLength" | "textLength",
    path: string,
    field: string,
    pi: number | null,
    ii: number | null,
    pname: string | null,
  ): void => {
    if (typeof s === "string" && s.length > LIMITS[limit])
      add({ path, projectIndex: pi, indicatorIndex: ii, field, limit, found: s.length }, pname);
  };
  const money = (x: unknown, path: string, field: string, pi: number, pname: string): void => {
    if (typeof x === "number" && !(Number.isFinite(x) && x >= 0 && x <= LIMITS.moneyMax))
      add({ path, projectIndex: pi, indicatorIndex: null, field, limit: "moneyMax", found: x }, pname);
  };
  text(doc.title, "textLength", "title", "title", null, null, null);
  text(doc.department?.name, "nameLength", "department/name", "department", null, null, null);
  if (doc.projects.length > LIMITS.projectsPerDocument)
    add(
      {
        path: "projects",
        projectIndex: null,
        indicatorIndex: null,
        field: "projects",
        limit: "projectsPerDocument",
        found: doc.projects.length,
      },
      null,
    );
  for (const [pi, p] of doc.projects.entries()) {
    if (out.length >= maxReported) break;
    const base = `projects/${pi}`;
    const pn = typeof p.name === "string" ? p.name : "";
    text(p.name, "nameLength", `${base}/name`, "name", pi, null, pn);
    text(p.unitName, "nameLength", `${base}/unitName`, "unitName", pi, null, pn);
    text(p.unitCode, "nameLength", `${base}/unitCode`, "unitCode", pi, null, pn);
    text(p.category, "nameLength", `${base}/category`, "category", pi, null, pn);
    text(p.goal, "goalLength", `${base}/goal`, "goal", pi, null, pn);
    money(p.budget, `${base}/budget`, "budget", pi, pn);
    money(p.executed, `${base}/executed`, "executed", pi, pn);
    money(p.initialBudget, `${base}/initialBudget`, "initialBudget", pi, pn);
    const inds = Array.isArray(p.indicators) ? p.indicators : [];
    if (inds.length > LIMITS.indicatorsPerProject)
      add(
        {
          path: `${base}/indicators`,
          projectIndex: pi,
          indicatorIndex: null,
          field: "indicators",
          limit: "indicatorsPerProject",
          found: inds.length,
        },
        pn,
      );
    for (const [ii, ind] of inds.entries()) {
      if (out.length >= maxReported) break;
      const ib = `${base}/indicators/${ii}`;
      for (const f of ["name", "target", "unit", "level1Label", "level2Label", "standard", "deviationReason"] as const)
        text(ind[f], "indicatorTextLength", `${ib}/${f}`, f, pi, ii, pn);
      if (typeof ind.actual === "string") text(ind.actual, "indicatorTextLength", `${ib}/actual`, "actual", pi, ii, pn);
      if (
        typeof ind.weight === "number" &&
        !(Number.isFinite(ind.weight) && ind.weight >= 0 && ind.weight <= LIMITS.weightMax)
      )
        add(
          {
            path: `${ib}/weight`,
            projectIndex: pi,
            indicatorIndex: ii,
            field: "weight",
            limit: "weightMax",
            found: ind.weight,
          },
          pn,
        );
    }
  }
  return out;
}
