import type { FastifyInstance } from "fastify";
import { previewPublication, withdrawPublication } from "../commands/publication-lifecycle.ts";
import {
  EXPORT_TYPES,
  exportPublic,
  getPublicPage,
  listPublic,
  listPublications,
  publish,
} from "../commands/publications.ts";
import { publicResults, publicWithdrawnResults, publishRoundResults } from "../commands/self-evaluation-results.ts";
import { ctxOf } from "../http/context.ts";
import { fiscalYear, idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

export function publicationRoutes(app: FastifyInstance, state: AppState): void {
  app.post<{ Body: { fiscalYear: number; deptCode: string; confirmIncomplete?: boolean; reason?: string } }>(
    "/api/v1/publications",
    {
      schema: {
        tags: ["publish"],
        summary: "Publish a department-year's approved tables (表12)",
        body: {
          type: "object",
          required: ["fiscalYear", "deptCode"],
          additionalProperties: false,
          properties: {
            fiscalYear,
            deptCode: { type: "string", pattern: "^[0-9]{3}$" },
            confirmIncomplete: { type: "boolean" },
            reason: { type: "string", maxLength: 500 },
          },
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await publish(ctxOf(state, req), req.body.fiscalYear, req.body.deptCode, {
          confirmIncomplete: req.body.confirmIncomplete ?? false,
          reason: req.body.reason,
        }),
      ),
  );
  app.get<{ Querystring: { fiscalYear: number; deptCode: string } }>(
    "/api/v1/publications/preview",
    {
      schema: {
        tags: ["publish"],
        summary: "Exactly what a publication would show now, the projects left out, and what it replaces",
        querystring: {
          type: "object",
          required: ["fiscalYear", "deptCode"],
          additionalProperties: false,
          properties: { fiscalYear, deptCode: { type: "string", pattern: "^[0-9]{3}$" } },
        },
      },
    },
    async (req) => previewPublication(ctxOf(state, req), req.query.fiscalYear, req.query.deptCode),
  );
  app.post<{ Params: { id: number }; Body: { reason: string } }>(
    "/api/v1/publications/:id/withdraw",
    {
      schema: {
        tags: ["publish"],
        summary: "撤回 the current publication with a public reason",
        params: idParams,
        body: {
          type: "object",
          required: ["reason"],
          additionalProperties: false,
          properties: { reason: { type: "string", minLength: 1, maxLength: 500 } },
        },
      },
    },
    async (req) => withdrawPublication(ctxOf(state, req), req.params.id, req.body.reason),
  );
  app.get<{ Querystring: { fiscalYear?: number } }>(
    "/api/v1/publications",
    {
      schema: {
        tags: ["publish"],
        summary: "Publications in your scope",
        querystring: { type: "object", additionalProperties: false, properties: { fiscalYear } },
      },
    },
    async (req) => ({ items: await listPublications(ctxOf(state, req), req.query.fiscalYear) }),
  );

  // Public, read-only, no login.
  app.get<{ Querystring: { regionCode?: string; fiscalYear?: number; history?: boolean } }>(
    "/api/v1/public/publications",
    {
      schema: {
        tags: ["public"],
        summary: "Published tables (no login)",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            regionCode: { type: "string", pattern: "^[0-9]{6,12}$" },
            fiscalYear,
            history: { type: "boolean", description: "also replaced and withdrawn publications" },
          },
        },
      },
    },
    async (req) => ({
      items: await listPublic(state.db, req.query.regionCode, req.query.fiscalYear, req.query.history ?? false),
    }),
  );
  app.get<{ Params: { id: number } }>(
    "/api/v1/public/publications/:id",
    {
      schema: {
        tags: ["public"],
        summary: "One published 表12 document and the department-year's published self-evaluation results (no login)",
        params: idParams,
      },
    },
    async (req) => getPublicPage(state.db, req.params.id),
  );
  app.get<{ Querystring: { regionCode?: string; fiscalYear?: number; deptCode?: string } }>(
    "/api/v1/public/self-evaluations",
    {
      schema: {
        tags: ["public"],
        summary:
          "Published self-evaluation results: score (the unit's, or the finance bureau's 抽评 when it re-scored the project), grade, 自评结论, indicator actuals; and the withdrawn ones with the public reason (no login)",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            regionCode: { type: "string", pattern: "^[0-9]{6,12}$" },
            fiscalYear,
            deptCode: { type: "string", pattern: "^[0-9]{3}$" },
          },
        },
      },
    },
    async (req) => ({
      items: await publicResults(state.db, req.query),
      withdrawn: await publicWithdrawnResults(state.db, req.query),
    }),
  );
  app.post<{ Params: { id: number }; Body: { projectIds?: number[] } | undefined }>(
    "/api/v1/evaluation-rounds/:id/publish",
    {
      schema: {
        tags: ["publish"],
        summary: "Publish a round's accepted self-evaluation results (finance); shown beside the public 表12",
        description:
          "Without `projectIds` every accepted result of the round in your scope is published (the others come back as `skipped`); with `projectIds` each must be accepted, else 409 `publication.not-accepted`.",
        params: idParams,
        body: {
          type: ["object", "null"],
          additionalProperties: false,
          properties: {
            projectIds: {
              type: "array",
              minItems: 1,
              maxItems: 5000,
              items: { type: "integer", minimum: 1, maximum: 2147483647 },
            },
          },
        },
      },
    },
    async (req) => publishRoundResults(ctxOf(state, req), req.params.id, req.body?.projectIds),
  );
  app.get<{ Params: { id: number; format: keyof typeof EXPORT_TYPES } }>(
    "/api/v1/public/publications/:id/export.:format",
    {
      schema: {
        tags: ["public"],
        summary: "A published 表12 as xlsx, pdf, html, csv or json (no login)",
        description: "pdf is printed by the server's chromium; without it the answer is 503 `export.pdf-unavailable`.",
        params: {
          type: "object",
          required: ["id", "format"],
          properties: { ...idParams.properties, format: { type: "string", enum: Object.keys(EXPORT_TYPES) } },
        },
      },
    },
    async (req, reply) => {
      const f = await exportPublic(state.db, req.params.id, req.params.format, state.exporter, `ip:${req.ip}`);
      reply.header("Content-Type", f.contentType);
      reply.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
      return reply.send(Buffer.from(f.bytes));
    },
  );
}
