import type { FastifyInstance, FastifyReply } from "fastify";
import {
  type Download,
  exportProjectTable,
  exportSelfEvaluation,
  PROJECT_EXPORTS,
  type ProjectExport,
} from "../commands/project-export.ts";
import { getSelfEvaluation, type SelfEvaluationInput, saveSelfEvaluation } from "../commands/self-evaluation/actuals.ts";
import { ctxOf } from "../http/context.ts";
import { idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

const actual = {
  type: "object",
  additionalProperties: false,
  properties: {
    actual: { type: ["string", "number"] },
    grade: { type: "string", enum: ["达成", "部分达成", "未达成"] },
    score: { type: "number", minimum: 0 },
    notApplicable: { type: "boolean" },
    deviationReason: { type: "string", maxLength: 2000 },
  },
} as const;

export function selfEvaluationRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{ Params: { id: number } }>(
    "/api/v1/projects/:id/self-evaluation",
    { schema: { tags: ["self-evaluation"], summary: "Actuals and scores", params: idParams } },
    async (req) => getSelfEvaluation(ctxOf(state, req), req.params.id),
  );
  app.put<{ Params: { id: number }; Body: SelfEvaluationInput }>(
    "/api/v1/projects/:id/self-evaluation",
    {
      schema: {
        tags: ["self-evaluation"],
        summary: "Enter actuals against the approved table; returns the scores",
        params: idParams,
        body: {
          type: "object",
          required: ["indicators"],
          additionalProperties: false,
          properties: {
            executed: { type: ["number", "null"], minimum: 0 },
            initialBudget: { type: ["number", "null"], minimum: 0 },
            indicators: { type: "array", items: actual, maxItems: 500 },
          },
        },
      },
    },
    async (req) => saveSelfEvaluation(ctxOf(state, req), req.params.id, req.body),
  );

  const exportParams = {
    type: "object",
    required: ["id", "format"],
    properties: { ...idParams.properties, format: { type: "string", enum: PROJECT_EXPORTS } },
  } as const;
  const send = (reply: FastifyReply, f: Download) => {
    reply.header("Content-Type", f.contentType);
    reply.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
    return reply.send(Buffer.from(f.bytes));
  };
  app.get<{ Params: { id: number; format: ProjectExport } }>(
    "/api/v1/projects/:id/export.:format",
    {
      schema: {
        tags: ["projects"],
        summary: "The project's 表12 (current version; 送审稿 while not approved) as xlsx, html, pdf or json",
        params: exportParams,
      },
    },
    async (req, reply) =>
      send(reply, await exportProjectTable(ctxOf(state, req), req.params.id, req.params.format, state.exporter)),
  );
  app.get<{ Params: { id: number; format: ProjectExport } }>(
    "/api/v1/projects/:id/self-evaluation/export.:format",
    {
      schema: {
        tags: ["self-evaluation"],
        summary: "The project's 自评表 with scores as xlsx, html, pdf or json",
        params: exportParams,
      },
    },
    async (req, reply) =>
      send(reply, await exportSelfEvaluation(ctxOf(state, req), req.params.id, req.params.format, state.exporter)),
  );
}
