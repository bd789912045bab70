import type { FastifyInstance } from "fastify";
import { exportAudit } from "../commands/audit-export.ts";
import { type AuditQuery, auditActors, queryAudit } from "../commands/audit-query.ts";
import { ctxOf } from "../http/context.ts";
import { fiscalYear } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

/** A day (YYYY-MM-DD) or an instant (ISO 8601). */
const when = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$", maxLength: 40 };

const filters = {
  entity: { type: "string", maxLength: 50 },
  entityId: { type: "string", maxLength: 50 },
  username: { type: "string", maxLength: 100, description: "The actor's user name" },
  action: { type: "string", maxLength: 50 },
  fiscalYear,
  from: { ...when, description: "From this day (its start, UTC) or instant" },
  to: { ...when, description: "To the end of this day (UTC), or up to this instant" },
} as const;

export function auditRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{ Querystring: AuditQuery }>(
    "/api/v1/audit",
    {
      schema: {
        tags: ["audit"],
        summary:
          "The audit log of your region as a timeline in words, newest first (finance reviewer, admin): action, object and before/after fields labelled in zh and en",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            ...filters,
            limit: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
            before: { type: "integer", minimum: 1 },
          },
        },
      },
    },
    async (req) => ({ items: await queryAudit(ctxOf(state, req), req.query) }),
  );
  app.get(
    "/api/v1/audit/actors",
    { schema: { tags: ["audit"], summary: "Who appears in the region's audit log (for the actor filter)" } },
    async (req) => ({ items: await auditActors(ctxOf(state, req)) }),
  );
  app.get<{ Querystring: AuditQuery & { lang?: "zh" | "en" } }>(
    "/api/v1/audit/export.xlsx",
    {
      schema: {
        tags: ["audit"],
        summary:
          "The filtered audit log as xlsx, one row per changed field, in zh (default) or en (at most 5000 entries)",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            ...filters,
            lang: { type: "string", enum: ["zh", "en"], default: "zh" },
            limit: { type: "integer", minimum: 1, maximum: 5000 },
          },
        },
      },
    },
    async (req, reply) => {
      const { lang, ...q } = req.query;
      const f = await exportAudit(ctxOf(state, req), q, lang ?? "zh", state.pool);
      reply.header("Content-Type", f.contentType);
      reply.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
      return reply.send(Buffer.from(f.bytes));
    },
  );
}
