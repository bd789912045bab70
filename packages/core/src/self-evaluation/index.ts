// Self-evaluation as a campaign (issue 17): consistency findings, missing explanations, the
// funding split, the 抽评 sample and comparison, and budget advice. Pure domain, no I/O.
export * from "./budget-advice.ts";
export * from "./consistency.ts";
export * from "./draw-sample.ts";
export * from "./finding.ts";
export * from "./funding-split.ts";
export * from "./missing-explanations.ts";
export * from "./parse-budget-advice.ts";
export * from "./spot-check.ts";
