// Self-evaluation scoring (绩效自评): policies, per-concept scoring, findings.
export * from "./execution.ts";
export * from "./finding.ts";
export * from "./not-applicable.ts";
export * from "./parse-policy.ts";
export * from "./policy.ts";
export * from "./qualitative.ts";
export * from "./quantitative.ts";
export * from "./quantity.ts";
export * from "./score-indicator.ts";
export * from "./score-project.ts";
export * from "./totals.ts";
