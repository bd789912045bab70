/** JSON schemas of request bodies shared by routes; the project schema is core's exchange-format schema. */
import { TARGETS_SCHEMA } from "@jixiao/core";

const { indicator, project } = TARGETS_SCHEMA.$defs;

/** A project (jixiao.targets/1) with its indicators inline (Fastify's Ajv is draft-07). */
export const projectSchema = {
  ...project,
  properties: { ...project.properties, indicators: { type: "array", items: indicator, maxItems: 500 } },
} as const;

export const documentSchema = {
  type: "object",
  required: ["format", "moneyUnit", "projects"],
  properties: {
    ...TARGETS_SCHEMA.properties,
    format: { type: "string", enum: ["jixiao.targets/1"] },
    projects: { type: "array", items: projectSchema },
  },
  additionalProperties: false,
} as const;

export const idParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "integer", minimum: 1, maximum: 2147483647 } },
} as const;

export const fiscalYear = { type: "integer", minimum: 1900, maximum: 2200 } as const;
export const moneyUnit = { type: "string", enum: ["万元", "元"] } as const;
export const emptyBody = { type: "object", additionalProperties: false, properties: {} } as const;
export const rowVersionBody = {
  type: "object",
  additionalProperties: false,
  properties: { rowVersion: { type: "integer", minimum: 1 } },
} as const;
