import type { FastifyInstance } from "fastify";
import {
  EXPORT_TYPES,
  exportPublic,
  getPublic,
  listPublic,
  listPublications,
  publish,
} from "../commands/publications.ts";
import { ctxOf } from "../http/context.ts";
import { fiscalYear, idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

export function publicationRoutes(app: FastifyInstance, state: AppState): void {
  app.post<{ Body: { fiscalYear: number; deptCode: string } }>(
    "/api/v1/publications",
    {
      schema: {
        tags: ["publish"],
        summary: "Publish a department-year's approved tables (表12)",
        body: {
          type: "object",
          required: ["fiscalYear", "deptCode"],
          additionalProperties: false,
          properties: { fiscalYear, deptCode: { type: "string", pattern: "^[0-9]{3}$" } },
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await publish(ctxOf(state, req), req.body.fiscalYear, req.body.deptCode)),
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
  app.get<{ Querystring: { regionCode?: string; fiscalYear?: number } }>(
    "/api/v1/public/publications",
    {
      schema: {
        tags: ["public"],
        summary: "Published tables (no login)",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { regionCode: { type: "string", pattern: "^[0-9]{6,12}$" }, fiscalYear },
        },
      },
    },
    async (req) => ({ items: await listPublic(state.db, req.query.regionCode, req.query.fiscalYear) }),
  );
  app.get<{ Params: { id: number } }>(
    "/api/v1/public/publications/:id",
    { schema: { tags: ["public"], summary: "One published 表12 document (no login)", params: idParams } },
    async (req) => getPublic(state.db, req.params.id),
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
      const f = await exportPublic(state.db, req.params.id, req.params.format, state.printLock);
      reply.header("Content-Type", f.contentType);
      reply.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
      return reply.send(Buffer.from(f.bytes));
    },
  );
}
