/**
 * Moved: column keys, printed headers and header names are the core vocabulary's
 * (`@jixiao/core`: ColumnKey, HEADER_LABEL, matchHeader); the grid reader's use of them is in
 * ../table/. Kept as a re-export for the writers that import this path.
 */
export { type ColumnKey, HEADER_LABEL as HEADER, matchHeader, OPERATOR_WORD, parseOperator } from "@jixiao/core";
