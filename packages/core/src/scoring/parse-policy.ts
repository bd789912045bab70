/**
 * Reads a scoring policy from JSON data (a region's own settings): `{"extends": "default",
 * "name": "…", "indicatorTotal": 80, "execution": {"weight": 20, "steps": [...],
 * "allowOverExecution": true}, "qualitative": {"达成": {...}}, "deviationExcessRatio": 1.3,
 * "grades": [...] or "好较好一般差"}` and the switches `"execution": {"capRate": false}`,
 * `"zeroTarget": "actual-zero-only"`, `"overAchievement": {"ratio": 1.3, "mode": "deduct"}` (null: off),
 * `"consistency": {"scoreRateExcess": 0.05, "unspentShare": 0.2, "targetTooLowRatio": 2}` (each
 * key optional). Every field is optional and overrides the preset it extends. Bad input
 * yields coded diagnostics and a null value; never throws.
 */
import type { Diagnostic, Parsed } from "../model/diagnostic.ts";
import { defineDiagnostics } from "../model/diagnostic-registry.ts";
import type { Grade } from "../model/document.ts";
import {
  DEFAULT_CONSISTENCY_POLICY,
  GRADE_SCHEMES,
  type GradeBand,
  type ScoringPolicy,
  scoringPreset,
  type TotalGrade,
} from "./policy.ts";

const GRADES: Grade[] = ["达成", "部分达成", "未达成"];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isNum(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && v >= 0;
}

/**
 * Builds a policy from JSON data, on top of the preset named by `extends` (default: "default").
 * @example parseScoringPolicy({ extends: "default", indicatorTotal: 80, execution: { weight: 20 } }).value?.execution.weight // 20
 */
export function parseScoringPolicy(data: unknown): Parsed<ScoringPolicy> {
  const problems: string[] = [];
  const bad = (path: string, want: string) => problems.push(`${path}: ${want}`);
  if (!isObj(data)) return fail(["/: object expected"]);
  const baseName = data.extends === undefined ? "default" : data.extends;
  const base = typeof baseName === "string" ? scoringPreset(baseName) : null;
  if (!base) return fail([`/extends: unknown preset ${JSON.stringify(baseName)}`]);
  const policy: ScoringPolicy = structuredClone(base);
  policy.name = typeof data.name === "string" ? data.name : `${base.name}+custom`;
  if (data.name !== undefined && typeof data.name !== "string") bad("/name", "string expected");

  if (data.indicatorTotal !== undefined) {
    if (isNum(data.indicatorTotal)) policy.indicatorTotal = data.indicatorTotal;
    else bad("/indicatorTotal", "non-negative number expected");
  }
  if (data.deviationExcessRatio !== undefined) {
    if (isNum(data.deviationExcessRatio) && data.deviationExcessRatio > 0)
      policy.deviationExcessRatio = data.deviationExcessRatio;
    else bad("/deviationExcessRatio", "positive number expected");
  }
  if (data.execution !== undefined) {
    const e = data.execution;
    if (!isObj(e)) bad("/execution", "object expected");
    else {
      if (e.weight !== undefined) {
        if (isNum(e.weight)) policy.execution.weight = e.weight;
        else bad("/execution/weight", "non-negative number expected");
      }
      if (e.allowOverExecution !== undefined) {
        if (typeof e.allowOverExecution === "boolean") policy.execution.allowOverExecution = e.allowOverExecution;
        else bad("/execution/allowOverExecution", "boolean expected");
      }
      if (e.capRate !== undefined) {
        if (typeof e.capRate === "boolean") policy.execution.capRate = e.capRate;
        else bad("/execution/capRate", "boolean expected");
      }
      if (e.steps === null) delete policy.execution.steps;
      else if (e.steps !== undefined) {
        if (Array.isArray(e.steps) && e.steps.every((s) => isObj(s) && isNum(s.minRate) && isNum(s.points))) {
          policy.execution.steps = (e.steps as { minRate: number; points: number }[]).map((s) => ({
            minRate: s.minRate,
            points: s.points,
          }));
        } else bad("/execution/steps", "array of {minRate, points} (non-negative numbers) or null expected");
      }
    }
  }
  if (data.qualitative !== undefined) {
    const q = data.qualitative;
    if (!isObj(q)) bad("/qualitative", "object expected");
    else
      for (const [key, v] of Object.entries(q)) {
        if (!GRADES.includes(key as Grade)) {
          bad(`/qualitative/${key}`, `one of ${GRADES.join(", ")} expected`);
          continue;
        }
        const band = { ...policy.qualitative[key as Grade], ...(isObj(v) ? v : {}) } as GradeBand;
        const ok =
          isObj(v) &&
          isNum(band.min) &&
          isNum(band.max) &&
          isNum(band.default) &&
          typeof band.maxInclusive === "boolean" &&
          band.min <= band.max &&
          band.max <= 1 &&
          band.default >= band.min &&
          (band.maxInclusive ? band.default <= band.max : band.default < band.max || band.default === band.min);
        if (ok) policy.qualitative[key as Grade] = band;
        else bad(`/qualitative/${key}`, "{min, max, maxInclusive, default} with 0 ≤ min ≤ default ≤ max ≤ 1 expected");
      }
  }
  readSwitches(data, policy, bad);
  if (data.grades !== undefined) {
    const g = data.grades;
    if (typeof g === "string") {
      const scheme = Object.hasOwn(GRADE_SCHEMES, g) ? GRADE_SCHEMES[g]! : null;
      if (scheme) policy.grades = scheme.map((x) => ({ min: x.min, grade: x.grade }));
      else bad("/grades", `one of ${Object.keys(GRADE_SCHEMES).join(", ")} expected`);
    } else if (
      Array.isArray(g) &&
      g.length > 0 &&
      g.every((x) => isObj(x) && isNum(x.min) && typeof x.grade === "string")
    ) {
      policy.grades = (g as TotalGrade[]).map((x) => ({ min: x.min, grade: x.grade }));
    } else bad("/grades", "non-empty array of {min, grade} expected");
  }
  const known = new Set([
    "extends",
    "name",
    "indicatorTotal",
    "deviationExcessRatio",
    "execution",
    "qualitative",
    "grades",
    "zeroTarget",
    "overAchievement",
    "consistency",
  ]);
  for (const k of Object.keys(data)) if (!known.has(k)) bad(`/${k}`, "unknown setting");
  return problems.length ? fail(problems) : { value: policy, diagnostics: [] };
}

const ZERO_TARGET = ["any-nonnegative", "actual-zero-only"];
const OVER_MODES = ["explain", "deduct"];
const CONSISTENCY_KEYS = ["scoreRateExcess", "unspentShare", "targetTooLowRatio"] as const;

/** The optional switches: zeroTarget, overAchievement, consistency. */
function readSwitches(
  data: Record<string, unknown>,
  policy: ScoringPolicy,
  bad: (path: string, want: string) => void,
): void {
  const z = data.zeroTarget;
  if (z !== undefined) {
    if (typeof z === "string" && ZERO_TARGET.includes(z)) policy.zeroTarget = z as ScoringPolicy["zeroTarget"];
    else bad("/zeroTarget", `one of ${ZERO_TARGET.join(", ")} expected`);
  }
  const o = data.overAchievement;
  if (o === null) delete policy.overAchievement;
  else if (o !== undefined) {
    if (isObj(o) && isNum(o.ratio) && o.ratio >= 1 && typeof o.mode === "string" && OVER_MODES.includes(o.mode)) {
      policy.overAchievement = { ratio: o.ratio, mode: o.mode as "explain" | "deduct" };
    } else bad("/overAchievement", `{ratio ≥ 1, mode: ${OVER_MODES.join(" | ")}} or null expected`);
  }
  const c = data.consistency;
  if (c !== undefined) {
    if (!isObj(c)) bad("/consistency", "object expected");
    else {
      const next = { ...(policy.consistency ?? DEFAULT_CONSISTENCY_POLICY) };
      for (const [k, v] of Object.entries(c)) {
        if (!(CONSISTENCY_KEYS as readonly string[]).includes(k)) bad(`/consistency/${k}`, "unknown setting");
        else if (!isNum(v)) bad(`/consistency/${k}`, "non-negative number expected");
        else if (k === "targetTooLowRatio" && v <= 0) bad(`/consistency/${k}`, "positive number expected");
        else next[k as (typeof CONSISTENCY_KEYS)[number]] = v;
      }
      policy.consistency = next;
    }
  }
}

/** Diagnostics of reading a scoring policy file. */
export const SCORING_POLICY_DIAGNOSTICS = defineDiagnostics<"policy.invalid">("@jixiao/core", "scoring policy", {
  "policy.invalid": {
    severity: "error",
    zh: "评分规则无效：{problem}",
    en: "Invalid scoring policy: {problem}",
    about:
      "A scoring policy file has a setting of the wrong type or an unknown key (the JSON path says which); nothing is scored with it.",
  },
});

function fail(problems: string[]): Parsed<ScoringPolicy> {
  const diagnostics: Diagnostic[] = problems.map((problem) =>
    SCORING_POLICY_DIAGNOSTICS.diagnostic("policy.invalid", { problem }),
  );
  return { value: null, diagnostics };
}
