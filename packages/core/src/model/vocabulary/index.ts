/**
 * The one domain vocabulary of jixiao: numbers and money, operators, natures, 一级/二级
 * labels, header names and the grammar of a target cell. Every reader, the review rules,
 * scoring and the web editor read printed cells through these functions.
 */
export * from "./cell-grammar.ts";
export * from "./headers.ts";
export * from "./indicator-cells.ts";
export * from "./levels.ts";
export * from "./natures.ts";
export * from "./numbers.ts";
export * from "./operators.ts";
export * from "./row-cells.ts";
