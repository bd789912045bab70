/** 绩效运行监控 routes (issue 16): rounds, the dashboard, one table per project, its workflow, downloads. */
import { DEVIATION_CAUSES, LIKELIHOODS, MONITORING_PRESETS } from "@jixiao/core";
import type { FastifyInstance, FastifyReply } from "fastify";
import {
  DECISIONS,
  type Decision,
  decideReport,
  exportReport,
  exportRound,
  getReport,
  getRound,
  listRounds,
  MONITORING_EXPORTS,
  type MonitoringExport,
  type OpenRoundInput,
  openRound,
  type ReportInput,
  type ReportTransition,
  saveReport,
  transitionReport,
} from "../commands/monitoring/index.ts";
import type { Download } from "../commands/project-export.ts";
import { ctxOf, expectedVersion } from "../http/context.ts";
import { fiscalYear, idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

const TAG = ["monitoring"];
const money = { type: ["number", "null"], minimum: 0, maximum: 1e9 } as const;
const text = { type: ["string", "null"], maxLength: 2000 } as const;
const value = { type: ["string", "number", "null"], maxLength: 500 } as const;

const entry = {
  type: "object",
  additionalProperties: false,
  properties: {
    actualToDate: value,
    forecast: value,
    likelihood: { type: ["string", "null"], enum: [...LIKELIHOODS, null] },
    deviationCause: { type: ["string", "null"], enum: [...DEVIATION_CAUSES, null] },
    deviationText: text,
    correctiveAction: text,
  },
} as const;

const exportParams = {
  type: "object",
  required: ["id", "format"],
  properties: { ...idParams.properties, format: { type: "string", enum: MONITORING_EXPORTS } },
} as const;

function send(reply: FastifyReply, f: Download) {
  reply.header("Content-Type", f.contentType);
  reply.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
  return reply.send(Buffer.from(f.bytes));
}

export function monitoringRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{ Querystring: { fiscalYear?: number } }>(
    "/api/v1/monitoring/rounds",
    {
      schema: {
        tags: TAG,
        summary: "Monitoring rounds the user may see, with their tables in scope counted by status",
        querystring: { type: "object", additionalProperties: false, properties: { fiscalYear } },
      },
    },
    async (req) => listRounds(ctxOf(state, req), req.query.fiscalYear),
  );
  app.post<{ Body: OpenRoundInput }>(
    "/api/v1/monitoring/rounds",
    {
      schema: {
        tags: TAG,
        summary:
          "Open a monitoring round: the finance bureau for its region, a department for its projects (one table per approved project)",
        body: {
          type: "object",
          required: ["fiscalYear", "asOfMonth", "scope"],
          additionalProperties: false,
          properties: {
            fiscalYear,
            asOfMonth: { type: "integer", minimum: 1, maximum: 12 },
            scope: { type: "string", enum: ["region", "department"] },
            deptCode: { type: "string", pattern: "^[0-9]{3}$" },
            dueDate: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            policy: {
              description:
                "A preset name, or the region's own settings {extends?, name?, thresholds?: {red?, green?}, executionForecastFloor?, excessRatio?}",
              oneOf: [
                { type: "string", enum: Object.keys(MONITORING_PRESETS) },
                { type: "object", maxProperties: 10 },
              ],
            },
          },
        },
      },
    },
    async (req, reply) => reply.code(201).send(await openRound(ctxOf(state, req), req.body)),
  );
  const deptQuery = {
    type: "object",
    additionalProperties: false,
    properties: { deptCode: { type: "string", pattern: "^[0-9]{3}$" } },
  } as const;
  app.get<{ Params: { id: number }; Querystring: { deptCode?: string } }>(
    "/api/v1/monitoring/rounds/:id",
    {
      schema: {
        tags: TAG,
        summary:
          "A round's dashboard: every project in scope (deptCode narrows to one department) with its execution light and indicator lights",
        params: idParams,
        querystring: deptQuery,
      },
    },
    async (req) => getRound(ctxOf(state, req), req.params.id, req.query.deptCode),
  );
  app.get<{ Params: { id: number; format: MonitoringExport }; Querystring: { deptCode?: string } }>(
    "/api/v1/monitoring/rounds/:id/export.:format",
    {
      schema: {
        tags: TAG,
        summary:
          "The round's 绩效运行监控表 (汇总 + one per project in scope; deptCode narrows) as xlsx, html, pdf or json",
        params: exportParams,
        querystring: deptQuery,
      },
    },
    async (req, reply) =>
      send(
        reply,
        await exportRound(ctxOf(state, req), req.params.id, req.params.format, state.exporter, req.query.deptCode),
      ),
  );
  app.get<{ Params: { id: number } }>(
    "/api/v1/monitoring/reports/:id",
    {
      schema: {
        tags: TAG,
        summary: "One project's monitoring table: the approved targets, the entries, the lights, the decision",
        params: idParams,
      },
    },
    async (req, reply) => {
      const r = await getReport(ctxOf(state, req), req.params.id);
      reply.header("ETag", `"${r.rowVersion}"`);
      return r;
    },
  );
  app.put<{ Params: { id: number }; Body: ReportInput & { rowVersion?: number } }>(
    "/api/v1/monitoring/reports/:id",
    {
      schema: {
        tags: TAG,
        summary: "Fill the monitoring table (If-Match: the rowVersion read); targets stay as approved",
        params: idParams,
        body: {
          type: "object",
          required: ["indicators"],
          additionalProperties: false,
          properties: {
            adjustedBudget: money,
            executed: money,
            forecastExecuted: money,
            indicators: { type: "array", items: entry, maxItems: 500 },
            rowVersion: { type: "integer", minimum: 1 },
          },
        },
      },
    },
    async (req, reply) => {
      const { rowVersion: _, ...input } = req.body;
      const r = await saveReport(ctxOf(state, req), req.params.id, input, expectedVersion(req, req.body));
      reply.header("ETag", `"${r.rowVersion}"`);
      return r;
    },
  );
  for (const t of ["submit", "accept", "return"] as ReportTransition[]) {
    app.post<{ Params: { id: number }; Body: { reason?: string; rowVersion?: number } | undefined }>(
      `/api/v1/monitoring/reports/:id/${t}`,
      {
        schema: {
          tags: TAG,
          summary:
            t === "submit"
              ? "The unit submits its monitoring table (refused while error findings remain)"
              : t === "accept"
                ? "The department accepts a submitted monitoring table"
                : "The department returns a submitted monitoring table with a reason",
          params: idParams,
          body: {
            type: "object",
            additionalProperties: false,
            ...(t === "return" ? { required: ["reason"] } : {}),
            properties: {
              ...(t === "return" ? { reason: { type: "string", minLength: 1, maxLength: 2000 } } : {}),
              rowVersion: { type: "integer", minimum: 1 },
            },
          },
        },
      },
      async (req) =>
        transitionReport(ctxOf(state, req), req.params.id, t, {
          reason: req.body?.reason,
          rowVersion: expectedVersion(req, req.body),
        }),
    );
  }
  app.post<{ Params: { id: number }; Body: { decision: Decision | null; reason?: string; rowVersion?: number } }>(
    "/api/v1/monitoring/reports/:id/decision",
    {
      schema: {
        tags: TAG,
        summary:
          "The finance bureau marks the project 暂缓拨款 or 整改 with a reason (null clears it); the unit sees it",
        params: idParams,
        body: {
          type: "object",
          required: ["decision"],
          additionalProperties: false,
          properties: {
            decision: { type: ["string", "null"], enum: [...DECISIONS, null] },
            reason: { type: "string", maxLength: 2000 },
            rowVersion: { type: "integer", minimum: 1 },
          },
        },
      },
    },
    async (req) =>
      decideReport(ctxOf(state, req), req.params.id, {
        decision: req.body.decision,
        reason: req.body.reason,
        rowVersion: expectedVersion(req, req.body),
      }),
  );
  app.get<{ Params: { id: number; format: MonitoringExport } }>(
    "/api/v1/monitoring/reports/:id/export.:format",
    {
      schema: { tags: TAG, summary: "One project's 绩效运行监控表 as xlsx, html, pdf or json", params: exportParams },
    },
    async (req, reply) =>
      send(reply, await exportReport(ctxOf(state, req), req.params.id, req.params.format, state.exporter)),
  );
}
