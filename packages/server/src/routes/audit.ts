import type { FastifyInstance } from "fastify";
import { type AuditQuery, queryAudit } from "../commands/audit-query.ts";
import { ctxOf } from "../http/context.ts";
import { fiscalYear } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

export function auditRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{ Querystring: AuditQuery }>(
    "/api/v1/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "The audit log of your region, newest first (finance reviewer, admin)",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            entity: { type: "string", maxLength: 50 },
            entityId: { type: "string", maxLength: 50 },
            username: { type: "string", maxLength: 100 },
            action: { type: "string", maxLength: 50 },
            fiscalYear,
            limit: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
            before: { type: "integer", minimum: 1 },
          },
        },
      },
    },
    async (req) => ({ items: await queryAudit(ctxOf(state, req), req.query) }),
  );
}
