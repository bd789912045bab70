// Public surface of @jixiao/core: pure domain, no I/O.
export * from "./model/diagnostic.ts";
export * from "./model/document.ts";
export * from "./model/limits.ts";
export * from "./model/money.ts";
export * from "./model/schema.ts";
export * from "./model/table12.ts";
export * from "./model/taxonomy.ts";
export * from "./model/validate.ts";
export * from "./model/vocabulary/index.ts";
export * from "./policy/parse-review-policy.ts";
export * from "./policy/policy.ts";
export * from "./policy/presets.ts";
export * from "./review.ts";
export * from "./rules/all-rules.ts";
export type { Finding, FindingField } from "./rules/finding.ts";
export { FINDING_KEYS } from "./rules/finding.ts";
export type { DocumentRule, ProjectRule, Rule } from "./rules/rule.ts";
export * from "./scoring/index.ts";
