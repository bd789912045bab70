/**
 * JSON Schema (draft 2020-12) of the exchange format `jixiao.targets/1`. The file
 * docs/jixiao.targets-1.schema.json is generated from this object (a test fails on drift).
 */
import { FORMAT_ID } from "./document.ts";

const indicator = {
  type: "object",
  required: ["level1", "level2", "name", "nature", "operator", "target", "unit", "weight"],
  additionalProperties: false,
  properties: {
    id: {
      type: "string",
      maxLength: 40,
      description: "Stable id of the row within its project, kept across edits and versions",
    },
    level1: { type: "string", description: "Normalised 一级指标, e.g. 产出指标" },
    level2: { type: "string", description: "Normalised 二级指标, e.g. 数量指标" },
    level1Label: { type: "string", description: "Original 一级 label when normalising changed it" },
    level2Label: { type: "string", description: "Original 二级 label when normalising changed it" },
    name: { type: "string", description: "三级指标" },
    nature: { enum: ["定性", "正向", "反向"], description: "指标性质" },
    operator: { enum: ["=", "≥", "≤", ">", "<", null], description: "指标方向; null for 定性" },
    target: { type: "string", description: "目标值 as written" },
    unit: { type: ["string", "null"], description: "计量单位" },
    weight: { type: ["number", "null"], description: "分值; null when the table prints none (not printed)" },
    standard: { type: "string", description: "绩效标准 (计划标准/行业标准/历史标准)" },
    actual: { type: ["string", "number"], description: "Self-evaluation: actual value in the indicator's unit" },
    grade: { enum: ["达成", "部分达成", "未达成"], description: "Self-evaluation grade of a 定性 row" },
    score: { type: "number", description: "Self-evaluation: hand-given score of a 定性 row" },
    notApplicable: { type: "boolean", description: "Self-evaluation: dropped from scoring" },
    deviationReason: { type: "string", description: "Self-evaluation: 偏差原因" },
  },
} as const;

const project = {
  type: "object",
  required: ["name", "unitCode", "unitName", "category", "budget", "goal", "indicators"],
  additionalProperties: false,
  properties: {
    name: { type: "string", description: "项目名称" },
    unitCode: { type: "string", description: "项目单位 code: 3-digit department + 3-digit unit" },
    unitName: { type: "string", description: "项目单位 name" },
    category: { type: "string", description: "项目类别" },
    budget: { type: "number", description: "预算数, in the document's moneyUnit" },
    goal: { type: "string", description: "年度绩效目标" },
    indicators: { type: "array", items: { $ref: "#/$defs/indicator" } },
    executed: { type: "number", description: "Self-evaluation: 全年执行数, in moneyUnit" },
    initialBudget: { type: "number", description: "Self-evaluation: 年初预算数, in moneyUnit" },
  },
} as const;

export const TARGETS_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://jixiao.dev/schema/jixiao.targets-1.json",
  title: "jixiao.targets/1 — budget project performance targets (项目绩效目标表)",
  type: "object",
  required: ["format", "moneyUnit", "projects"],
  additionalProperties: false,
  properties: {
    format: { const: FORMAT_ID },
    title: { type: "string" },
    department: {
      type: "object",
      required: ["name"],
      additionalProperties: false,
      properties: { code: { type: "string" }, name: { type: "string" } },
    },
    fiscalYear: { type: "integer", minimum: 1900, maximum: 2200 },
    moneyUnit: { enum: ["万元", "元"] },
    total: { type: "number", description: "The 合计 row as printed" },
    notes: { type: "array", items: { type: "string" }, description: "Footer notes (口径说明)" },
    projects: { type: "array", items: { $ref: "#/$defs/project" } },
  },
  $defs: { indicator, project },
} as const;
