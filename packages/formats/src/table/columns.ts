/**
 * The columns of a flat target table (表12 and its relatives): the keys jixiao reads and
 * writes (the core vocabulary's ColumnKey) and the groups of them the grid reader uses.
 */
import type { ColumnKey } from "@jixiao/core";

export { type ColumnKey, HEADER_LABEL as HEADER, OPERATOR_WORD } from "@jixiao/core";

/** Columns that describe a project in a row table. */
export const PROJECT_KEYS: readonly ColumnKey[] = ["name", "unit", "category", "budget", "goal"];
