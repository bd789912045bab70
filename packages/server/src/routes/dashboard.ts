import type { FastifyInstance } from "fastify";
import { dashboard } from "../commands/dashboard.ts";
import { ctxOf } from "../http/context.ts";
import { fiscalYear } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

const count = { type: "integer" } as const;
const money = { type: "number" } as const;
const bySeverity = {
  type: "object",
  required: ["error", "warning", "info"],
  properties: { error: count, warning: count, info: count },
} as const;

/** The answer's shape (documents the figures in OpenAPI and serialises them fast). */
const dashboardResponse = {
  type: "object",
  properties: {
    fiscalYear: count,
    deptCode: { type: ["string", "null"] },
    moneyUnit: { type: "string", enum: ["万元", "元"] },
    projectCount: count,
    approvedCount: count,
    totalBudget: money,
    budgetByProject: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: count,
          name: { type: "string" },
          unitCode: { type: "string" },
          unitName: { type: "string" },
          budget: money,
        },
      },
    },
    budgetByUnit: {
      type: "array",
      items: {
        type: "object",
        properties: { unitCode: { type: "string" }, unitName: { type: "string" }, projects: count, budget: money },
      },
    },
    indicators: {
      type: "object",
      properties: {
        total: count,
        byLevel: {
          type: "array",
          items: {
            type: "object",
            properties: { level1: { type: "string" }, level2: { type: "string" }, count },
          },
        },
      },
    },
    findings: {
      type: "object",
      properties: {
        total: count,
        bySeverity,
        byRule: {
          type: "array",
          items: {
            type: "object",
            properties: { code: { type: "string" }, total: count, ...bySeverity.properties },
          },
        },
      },
    },
    status: {
      type: "object",
      properties: { draft: count, submitted: count, approved: count, returned: count },
    },
    grades: {
      type: "object",
      properties: {
        items: {
          type: "array",
          items: { type: "object", properties: { grade: { type: "string" }, count } },
        },
        notEvaluated: count,
      },
    },
  },
} as const;

export function dashboardRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{ Querystring: { fiscalYear: number; deptCode?: string } }>(
    "/api/v1/dashboard",
    {
      schema: {
        tags: ["projects"],
        summary: "Dashboard figures of a fiscal year over every project in your scope",
        querystring: {
          type: "object",
          required: ["fiscalYear"],
          additionalProperties: false,
          properties: { fiscalYear, deptCode: { type: "string", maxLength: 20 } },
        },
        response: { 200: dashboardResponse },
      },
    },
    async (req) => dashboard(ctxOf(state, req), req.query),
  );
}
