import type { TargetDocument } from "@jixiao/core";
import type { FastifyInstance } from "fastify";
import {
  addComment,
  COMMENT_FIELDS,
  listComments,
  type NewComment,
  resolveComment,
  reviewDocument,
  reviewProject,
} from "../commands/review.ts";
import { getReviewSettings, putReviewSettings, type ReviewSettings } from "../commands/review-settings.ts";
import { ctxOf } from "../http/context.ts";
import { documentSchema, idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

const gate = { type: "string", enum: ["block", "explain", "none"] } as const;
const settingsBody = {
  type: "object",
  additionalProperties: false,
  properties: {
    chain: {
      type: "array",
      minItems: 1,
      maxItems: 10,
      items: {
        type: "object",
        required: ["name", "roles"],
        additionalProperties: false,
        properties: {
          name: { type: "string", minLength: 1, maxLength: 50 },
          roles: {
            type: "array",
            minItems: 1,
            items: { type: "string", enum: ["unit_staff", "dept_reviewer", "finance_reviewer", "admin"] },
          },
        },
      },
    },
    checks: {
      type: "object",
      required: ["severity", "rules"],
      additionalProperties: false,
      properties: {
        severity: {
          type: "object",
          required: ["error", "warning", "info"],
          additionalProperties: false,
          properties: { error: gate, warning: gate, info: gate },
        },
        rules: { type: "object", maxProperties: 200, additionalProperties: gate },
      },
    },
  },
} as const;

export function reviewRoutes(app: FastifyInstance, state: AppState): void {
  app.get(
    "/api/v1/settings/review",
    { schema: { tags: ["review"], summary: "The region's review chain and check policy (强制/提示性审核)" } },
    async (req) => getReviewSettings(ctxOf(state, req)),
  );
  app.put<{ Body: Partial<ReviewSettings> }>(
    "/api/v1/settings/review",
    { schema: { tags: ["review"], summary: "Set the review chain and check policy (admin)", body: settingsBody } },
    async (req) => putReviewSettings(ctxOf(state, req), req.body),
  );
  app.post<{ Params: { id: number } }>(
    "/api/v1/projects/:id/review",
    { schema: { tags: ["review"], summary: "Run the review rules on the current table", params: idParams } },
    async (req) => ({ findings: await reviewProject(ctxOf(state, req), req.params.id) }),
  );
  app.post<{ Body: { document: TargetDocument } }>(
    "/api/v1/review",
    {
      schema: {
        tags: ["review"],
        summary: "Review a posted document (stateless)",
        body: {
          type: "object",
          required: ["document"],
          additionalProperties: false,
          properties: { document: documentSchema },
        },
      },
    },
    async (req) => ({ findings: reviewDocument(ctxOf(state, req), req.body.document) }),
  );
  app.get<{ Params: { id: number } }>(
    "/api/v1/projects/:id/comments",
    { schema: { tags: ["review"], summary: "Comments on a project's cells", params: idParams } },
    async (req) => ({ items: await listComments(ctxOf(state, req), req.params.id) }),
  );
  app.post<{ Params: { id: number }; Body: NewComment }>(
    "/api/v1/projects/:id/comments",
    {
      schema: {
        tags: ["review"],
        summary: "Comment on a cell: anchored to (indicator id, field), or a project field; a reply names its parent",
        params: idParams,
        body: {
          type: "object",
          required: ["body"],
          additionalProperties: false,
          properties: {
            cell: { type: "string", pattern: "^[A-Za-z]+(\\[\\d+\\])?(\\.[A-Za-z]+)?$", maxLength: 100 },
            indicatorId: { type: "string", minLength: 1, maxLength: 40 },
            field: { type: "string", enum: [...COMMENT_FIELDS] },
            parentId: { type: "integer", minimum: 1, maximum: 2147483647 },
            body: { type: "string", minLength: 1, maxLength: 5000 },
          },
        },
      },
    },
    async (req, reply) => reply.status(201).send(await addComment(ctxOf(state, req), req.params.id, req.body)),
  );
  app.post<{ Params: { id: number }; Body: { resolved?: boolean } }>(
    "/api/v1/comments/:id/resolve",
    {
      schema: {
        tags: ["review"],
        summary: "Mark a comment 已处理 (resolved: false reopens it)",
        params: idParams,
        body: { type: "object", additionalProperties: false, properties: { resolved: { type: "boolean" } } },
      },
    },
    async (req) => resolveComment(ctxOf(state, req), req.params.id, req.body?.resolved ?? true),
  );
}
