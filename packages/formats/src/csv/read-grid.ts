/**
 * Moved to ../table/ (the grid layer shared by every container). Kept as a re-export so that
 * importers of the old path keep working; new code imports from ../table/read-grid.ts.
 */
export type { GridCell, GridSheet } from "../table/grid.ts";
export { type GridOptions, type GridResult, readGrid } from "../table/read-grid.ts";
