/**
 * Reads a budget advice policy from JSON data (a region's own settings): `{"name": "…",
 * "grades": {"中": {"action": "reduce", "share": 0.2, "rectify": true}, "合格": {...}}}`. Grades
 * not named keep DEFAULT_BUDGET_ADVICE_POLICY's rules; a grade set to null is removed. Bad input
 * yields coded diagnostics (`advice.invalid`, naming the JSON path) and a null value; never throws.
 */
import type { Diagnostic, Parsed } from "../model/diagnostic.ts";
import { defineDiagnostics } from "../model/diagnostic-registry.ts";
import {
  type BudgetAction,
  type BudgetAdvicePolicy,
  type BudgetAdviceRule,
  DEFAULT_BUDGET_ADVICE_POLICY,
} from "./budget-advice.ts";

const ACTIONS: readonly BudgetAction[] = ["priority", "as-needed", "reduce", "cancel"];

/** Diagnostics of reading a budget advice policy. */
export const BUDGET_ADVICE_DIAGNOSTICS = defineDiagnostics<"advice.invalid">("@jixiao/core", "budget advice policy", {
  "advice.invalid": {
    severity: "error",
    zh: "预算安排建议规则无效：{problem}",
    en: "Invalid budget advice policy: {problem}",
    about:
      "A budget advice policy (grade → next year's advice) has a setting of the wrong type or an unknown key (the JSON path says which); it is not used.",
  },
});

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function readRule(v: unknown, path: string, bad: (p: string, want: string) => void): BudgetAdviceRule | null {
  if (!isObj(v)) {
    bad(path, "object {action, share?, rectify?} or null expected");
    return null;
  }
  const action = v.action;
  if (typeof action !== "string" || !ACTIONS.includes(action as BudgetAction)) {
    bad(`${path}/action`, `one of ${ACTIONS.join(", ")} expected`);
    return null;
  }
  const rule: BudgetAdviceRule = {
    action: action as BudgetAction,
    rectify: action === "reduce" || action === "cancel",
  };
  if (v.rectify !== undefined) {
    if (typeof v.rectify === "boolean") rule.rectify = v.rectify;
    else bad(`${path}/rectify`, "boolean expected");
  }
  if (action === "reduce") {
    if (typeof v.share === "number" && Number.isFinite(v.share) && v.share > 0 && v.share <= 1) rule.share = v.share;
    else bad(`${path}/share`, "a share 0 < share ≤ 1 expected for reduce");
  } else if (v.share !== undefined) bad(`${path}/share`, "share applies to reduce only");
  for (const k of Object.keys(v))
    if (!["action", "share", "rectify"].includes(k)) bad(`${path}/${k}`, "unknown setting");
  return rule;
}

/**
 * Builds a budget advice policy from JSON data, over the default.
 * @example parseBudgetAdvicePolicy({ grades: { 中: { action: "reduce", share: 0.2 } } }).value?.grades["中"]?.share // 0.2
 */
export function parseBudgetAdvicePolicy(data: unknown): Parsed<BudgetAdvicePolicy> {
  const problems: string[] = [];
  const bad = (path: string, want: string) => problems.push(`${path}: ${want}`);
  if (!isObj(data)) return fail(["/: object expected"]);
  const policy: BudgetAdvicePolicy = structuredClone(DEFAULT_BUDGET_ADVICE_POLICY);
  if (data.name !== undefined) {
    if (typeof data.name === "string") policy.name = data.name;
    else bad("/name", "string expected");
  } else policy.name = "default+custom";
  if (data.grades !== undefined) {
    if (!isObj(data.grades)) bad("/grades", "object of grade → {action, share?, rectify?} expected");
    else
      for (const [grade, v] of Object.entries(data.grades)) {
        if (v === null) {
          delete policy.grades[grade];
          continue;
        }
        const rule = readRule(v, `/grades/${grade}`, bad);
        if (rule) policy.grades[grade] = rule;
      }
  }
  for (const k of Object.keys(data)) if (k !== "name" && k !== "grades") bad(`/${k}`, "unknown setting");
  return problems.length ? fail(problems) : { value: policy, diagnostics: [] };
}

function fail(problems: string[]): Parsed<BudgetAdvicePolicy> {
  const diagnostics: Diagnostic[] = problems.map((problem) =>
    BUDGET_ADVICE_DIAGNOSTICS.diagnostic("advice.invalid", { problem }),
  );
  return { value: null, diagnostics };
}
