/**
 * How a table was read, in a serialisable shape: for each block of each sheet, the layout
 * recognised, where its header is and which header cell became which field. The import wizard
 * shows it and sends back ColumnOverrides to re-read.
 */
import type { MoneyUnit } from "@jixiao/core";
import type { ColumnOverride, MappedColumn } from "./header.ts";

/** The layout classes of docs/LAYOUTS.md. */
export type LayoutClass =
  | "row-table"
  | "form-block"
  | "self-evaluation"
  | "department-wide"
  | "single-table"
  | "levels-shifted"
  | "long-and-annual"
  | "continued";

/** Words for each layout class (zh, en). */
export const LAYOUT_WORDS: Record<LayoutClass, [string, string]> = {
  "row-table": [
    "逐行项目表（每行一个指标，项目列重复或合并）",
    "a row table (one indicator per row, project cells repeated or merged)",
  ],
  "form-block": ["表单式项目表（项目名称等在指标表上方）", "a form block (项目名称 etc. above the indicator grid)"],
  "self-evaluation": ["绩效自评表（含实际完成值/得分）", "a self-evaluation table (实际完成值 / 得分)"],
  "department-wide": ["部门整体绩效目标表", "a department-wide target table"],
  "single-table": ["单个指标表（无项目名称）", "a single indicator table (no project name)"],
  "levels-shifted": ["层级错位表（一级列填二级）", "levels one column over (一级 column holds 二级)"],
  "long-and-annual": ["长期/年度并列指标表（读取年度）", "long-term / annual column pairs (annual read)"],
  continued: ["上一表格的续表（无表头）", "the continuation of the table before (no header)"],
};

/** One block: a header and the rows under it (one project for a form, many for a row table). */
export interface BlockReading {
  sheet: string;
  layouts: LayoutClass[];
  /** 0-based header row (-1 for a continued table, read with the header before) and its reference. */
  headerRow: number;
  headerRef: string;
  columns: MappedColumn[];
  /** Indices of the projects the block produced, in the document. */
  projects: number[];
}

export interface TableReading {
  blocks: BlockReading[];
  /** The money unit used and where it came from. */
  moneyUnit: { unit: MoneyUnit; from: "stated" | "cells" | "default" };
  /** The overrides that were applied. */
  overrides: ColumnOverride[];
}
