import type { FastifyInstance } from "fastify";
import {
  diffVersions,
  getVersion,
  listSteps,
  listVersions,
  openSubmission,
  transition,
} from "../commands/projects/index.ts";
import { getTodo, listNotices } from "../commands/todo.ts";
import { ctxOf, expectedVersion } from "../http/context.ts";
import { fiscalYear, idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";
import { NEEDS_REASON, TRANSITIONS } from "../workflow.ts";

export function workflowRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{ Querystring: { fiscalYear: number } }>(
    "/api/v1/todo",
    {
      schema: {
        tags: ["workflow"],
        summary:
          "待办: my to-do list with counts (drafts, returned, to review at my level, self-evaluations, publications)",
        querystring: {
          type: "object",
          required: ["fiscalYear"],
          additionalProperties: false,
          properties: { fiscalYear },
        },
      },
    },
    async (req) => getTodo(ctxOf(state, req), req.query.fiscalYear),
  );
  app.get<{ Querystring: { fiscalYear?: number } }>(
    "/api/v1/notices",
    {
      schema: {
        tags: ["workflow"],
        summary: "In-app notices addressed to me (submit, return, approve), newest first",
        querystring: { type: "object", additionalProperties: false, properties: { fiscalYear } },
      },
    },
    async (req) => ({ items: await listNotices(ctxOf(state, req), req.query.fiscalYear) }),
  );
  for (const t of TRANSITIONS) {
    const needsReason = NEEDS_REASON.includes(t);
    app.post<{
      Params: { id: number };
      Body: { reason?: string; explanation?: string; rowVersion?: number } | undefined;
    }>(
      `/api/v1/projects/:id/${t}`,
      {
        schema: {
          tags: ["workflow"],
          summary: `Workflow: ${t}`,
          params: idParams,
          body: {
            type: "object",
            additionalProperties: false,
            ...(needsReason ? { required: ["reason"] } : {}),
            properties: {
              ...(needsReason ? { reason: { type: "string", minLength: 1, maxLength: 2000 } } : {}),
              ...(t === "submit" || t === "approve" ? { explanation: { type: "string", maxLength: 2000 } } : {}),
              rowVersion: { type: "integer", minimum: 1 },
            },
          },
        },
      },
      async (req) =>
        transition(ctxOf(state, req), req.params.id, t, {
          reason: req.body?.reason,
          explanation: req.body?.explanation,
          rowVersion: expectedVersion(req, req.body),
        }),
    );
  }

  app.post<{ Params: { id: number } }>(
    "/api/v1/projects/:id/open",
    {
      schema: {
        tags: ["workflow"],
        summary: "A reviewer of the current level opened the submission (the unit can no longer withdraw it)",
        params: idParams,
      },
    },
    async (req) => openSubmission(ctxOf(state, req), req.params.id),
  );
  app.get<{ Params: { id: number } }>(
    "/api/v1/projects/:id/timeline",
    {
      schema: {
        tags: ["workflow"],
        summary: "Every workflow step (who, when, what, reason)",
        params: idParams,
      },
    },
    async (req) => ({ items: await listSteps(ctxOf(state, req), req.params.id) }),
  );
  app.get<{ Params: { id: number } }>(
    "/api/v1/projects/:id/versions",
    { schema: { tags: ["workflow"], summary: "Versions of a project's table", params: idParams } },
    async (req) => ({ items: await listVersions(ctxOf(state, req), req.params.id) }),
  );
  app.get<{ Params: { id: number; no: number } }>(
    "/api/v1/projects/:id/versions/:no",
    {
      schema: {
        tags: ["workflow"],
        summary: "One version with its table",
        params: {
          type: "object",
          required: ["id", "no"],
          properties: { ...idParams.properties, no: { type: "integer", minimum: 1, maximum: 100000 } },
        },
      },
    },
    async (req) => getVersion(ctxOf(state, req), req.params.id, req.params.no),
  );
  app.get<{ Params: { id: number }; Querystring: { from: number; to: number } }>(
    "/api/v1/projects/:id/diff",
    {
      schema: {
        tags: ["workflow"],
        summary: "Field-level diff between two versions",
        params: idParams,
        querystring: {
          type: "object",
          required: ["from", "to"],
          additionalProperties: false,
          properties: { from: { type: "integer", minimum: 1 }, to: { type: "integer", minimum: 1 } },
        },
      },
    },
    async (req) => diffVersions(ctxOf(state, req), req.params.id, req.query.from, req.query.to),
  );
}
