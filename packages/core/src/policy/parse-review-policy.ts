/**
 * Parses a review policy from JSON data (a policy file's contents). Pure: the caller reads
 * the file. A policy file may `extends` a preset and override any setting:
 *
 * ```json
 * { "id": "my-city", "extends": "default", "weightTotal": 100,
 *   "rules": { "value.vague-target": "off", "weight.level1-split": "error" } }
 * ```
 */
import type { Diagnostic, Parsed } from "../model/diagnostic.ts";
import { defineDiagnostics } from "../model/diagnostic-registry.ts";
import { LEVEL1, type Level1 } from "../model/taxonomy.ts";
import { RULES } from "../rules/all-rules.ts";
import type { Level1Share, ReviewPolicy, RuleSetting } from "./policy.ts";
import { DEFAULT_REVIEW_POLICY, REVIEW_PRESETS } from "./presets.ts";

/** Codes of reading a review policy file; each call below gives the words for its case. */
export const REVIEW_POLICY_DIAGNOSTICS = defineDiagnostics("@jixiao/core", "review policy", {
  "policy.not-object": {
    severity: "error",
    zh: "政策文件应为 JSON 对象",
    en: "A policy file must be a JSON object",
    about: "The policy file is not a JSON object; the default policy is used.",
  },
  "policy.unknown-preset": {
    severity: "error",
    zh: "未知的预置政策「{preset}」",
    en: 'Unknown preset "{preset}"',
    about: "`extends` names no shipped preset (the message lists them).",
  },
  "policy.unknown-key": {
    severity: "warning",
    zh: "未知的政策设置「{key}」",
    en: 'Unknown policy setting "{key}"',
    about: "A setting the policy format does not have (a typo?); it is ignored.",
  },
  "policy.bad-value": {
    severity: "error",
    zh: "「{key}」的值无效",
    en: 'Invalid value of "{key}"',
    about:
      "A setting has a value of the wrong type or range (the message says what it must be); the preset's value is kept.",
  },
  "policy.unknown-rule": {
    severity: "warning",
    zh: "未知的规则代码「{code}」",
    en: 'Unknown rule code "{code}"',
    about: "`rules` names a code no review rule has (see RULES.md); it is ignored.",
  },
});

type PolicyCode = keyof typeof REVIEW_POLICY_DIAGNOSTICS.codes extends `policy.${infer C}` ? C : never;

function problem(
  code: PolicyCode,
  message: string,
  messageEn: string,
  severity: "error" | "warning" = "error",
): Diagnostic {
  return { code: `policy.${code}`, severity, message, messageEn };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const SETTINGS: ReadonlySet<string> = new Set(["error", "warning", "info", "off"]);
const LEVEL1_SET: ReadonlySet<string> = new Set(LEVEL1);
const KNOWN_KEYS = new Set([
  "id",
  "name",
  "extends",
  "weightTotal",
  "level1Split",
  "layout",
  "requireCost",
  "minIndicators",
  "fiscalYear",
  "moneyTolerance",
  "costShortfallRatio",
  "rules",
  "$schema",
  "description",
]);

/**
 * A preset by id, or null.
 * @example reviewPreset("indicators-80")?.weightTotal // 80
 */
export function reviewPreset(id: string): ReviewPolicy | null {
  return REVIEW_PRESETS[id] ?? null;
}

/**
 * Parses policy data; never throws. Errors make the value null; unknown keys or rule codes
 * are warnings.
 * @example parseReviewPolicy({ extends: "default", weightTotal: 100 }).value?.weightTotal // 100
 */
export function parseReviewPolicy(data: unknown): Parsed<ReviewPolicy> {
  const diagnostics: Diagnostic[] = [];
  if (!isObject(data)) {
    return {
      value: null,
      diagnostics: [problem("not-object", "政策文件应为 JSON 对象", "A policy file must be a JSON object")],
    };
  }
  let base = DEFAULT_REVIEW_POLICY;
  if (data.extends !== undefined) {
    const preset = typeof data.extends === "string" ? reviewPreset(data.extends) : null;
    if (!preset) {
      diagnostics.push(
        problem(
          "unknown-preset",
          `未知的预置政策「${String(data.extends)}」，可选：${Object.keys(REVIEW_PRESETS).join("、")}`,
          `Unknown preset "${String(data.extends)}"; one of ${Object.keys(REVIEW_PRESETS).join(", ")}`,
        ),
      );
    } else base = preset;
  }
  const policy: ReviewPolicy = { ...base, rules: { ...base.rules } };
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) {
      diagnostics.push(
        problem("unknown-key", `未知的政策设置「${key}」`, `Unknown policy setting "${key}"`, "warning"),
      );
    }
  }
  const num = (key: string, min: number, max: number): number | undefined => {
    const v = data[key];
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
      diagnostics.push(
        problem("bad-value", `「${key}」应为 ${min}–${max} 之间的数`, `"${key}" must be a number in ${min}–${max}`),
      );
      return undefined;
    }
    return v;
  };
  if (typeof data.id === "string" && data.id) policy.id = data.id;
  if (isObject(data.name) && typeof data.name.zh === "string" && typeof data.name.en === "string") {
    policy.name = { zh: data.name.zh, en: data.name.en };
  } else if (typeof data.name === "string") policy.name = { zh: data.name, en: data.name };
  policy.weightTotal = num("weightTotal", 1, 1000) ?? policy.weightTotal;
  policy.minIndicators = num("minIndicators", 0, 1000) ?? policy.minIndicators;
  policy.moneyTolerance = num("moneyTolerance", 0, 1) ?? policy.moneyTolerance;
  policy.costShortfallRatio = num("costShortfallRatio", 0, 1) ?? policy.costShortfallRatio;
  if (data.fiscalYear === null) policy.fiscalYear = null;
  else policy.fiscalYear = num("fiscalYear", 1900, 2200) ?? policy.fiscalYear;
  if (data.requireCost !== undefined) {
    if (typeof data.requireCost === "boolean") policy.requireCost = data.requireCost;
    else
      diagnostics.push(
        problem("bad-value", "「requireCost」应为 true 或 false", '"requireCost" must be true or false'),
      );
  }
  if (data.layout !== undefined) {
    if (data.layout === "any" || data.layout === "older" || data.layout === "cost-first-level-2021") {
      policy.layout = data.layout;
    } else {
      diagnostics.push(
        problem(
          "bad-value",
          "「layout」应为 any、older 或 cost-first-level-2021",
          '"layout" must be "any", "older" or "cost-first-level-2021"',
        ),
      );
    }
  }
  if (data.level1Split !== undefined) {
    const split = parseSplit(data.level1Split, diagnostics);
    if (split !== undefined) policy.level1Split = split;
  }
  if (data.rules !== undefined) {
    if (!isObject(data.rules)) {
      diagnostics.push(
        problem("bad-value", "「rules」应为对象 {规则代码: 级别}", '"rules" must be an object {code: setting}'),
      );
    } else {
      const known = new Set(RULES.map((r) => r.code));
      for (const [code, setting] of Object.entries(data.rules)) {
        if (!known.has(code)) {
          diagnostics.push(
            problem("unknown-rule", `未知的规则代码「${code}」`, `Unknown rule code "${code}"`, "warning"),
          );
          continue;
        }
        if (typeof setting !== "string" || !SETTINGS.has(setting)) {
          diagnostics.push(
            problem(
              "bad-value",
              `规则「${code}」的设置应为 error、warning、info 或 off`,
              `Rule "${code}" must be set to error, warning, info or off`,
            ),
          );
          continue;
        }
        policy.rules[code] = setting as RuleSetting;
      }
    }
  }
  const failed = diagnostics.some((d) => d.severity === "error");
  return { value: failed ? null : policy, diagnostics };
}

function parseSplit(v: unknown, diagnostics: Diagnostic[]): Level1Share[] | null | undefined {
  if (v === null) return null;
  const bad = () =>
    diagnostics.push(
      problem(
        "bad-value",
        '「level1Split」应为 [{"level1": ["产出指标"], "points": 50}, …] 或 null',
        '"level1Split" must be [{"level1": ["产出指标"], "points": 50}, …] or null',
      ),
    );
  if (!Array.isArray(v)) {
    bad();
    return undefined;
  }
  const out: Level1Share[] = [];
  for (const item of v) {
    if (!isObject(item) || typeof item.points !== "number" || !Number.isFinite(item.points) || item.points < 0) {
      bad();
      return undefined;
    }
    const l1 = typeof item.level1 === "string" ? [item.level1] : item.level1;
    if (!Array.isArray(l1) || l1.length === 0 || !l1.every((x) => typeof x === "string" && LEVEL1_SET.has(x))) {
      bad();
      return undefined;
    }
    out.push({ level1: l1 as Level1[], points: item.points });
  }
  return out;
}
