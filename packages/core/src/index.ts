// Public surface of @jixiao/core: pure domain, no I/O.
export * from "./model/diagnostic.ts";
export * from "./model/document.ts";
export * from "./model/money.ts";
export * from "./model/schema.ts";
export * from "./model/taxonomy.ts";
export * from "./model/validate.ts";
export * from "./scoring/index.ts";
