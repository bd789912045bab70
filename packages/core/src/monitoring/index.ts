// Mid-year performance monitoring (绩效运行监控): model, policies, lights, findings.
export * from "./finding.ts";
export * from "./from-approved.ts";
export * from "./light.ts";
export * from "./model.ts";
export * from "./monitor-indicator.ts";
export * from "./monitor-project.ts";
export * from "./parse-monitoring.ts";
export * from "./parse-policy.ts";
export * from "./policy.ts";
