import type { TargetDocument } from "@jixiao/core";
import type { FastifyInstance } from "fastify";
import { addComment, listComments, reviewDocument, reviewProject } from "../commands/review.ts";
import { ctxOf } from "../http/context.ts";
import { documentSchema, idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

export function reviewRoutes(app: FastifyInstance, state: AppState): void {
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
  app.post<{ Params: { id: number }; Body: { cell: string; body: string } }>(
    "/api/v1/projects/:id/comments",
    {
      schema: {
        tags: ["review"],
        summary: "Comment on a cell, e.g. indicators[3].target",
        params: idParams,
        body: {
          type: "object",
          required: ["cell", "body"],
          additionalProperties: false,
          properties: {
            cell: { type: "string", pattern: "^[A-Za-z]+(\\[\\d+\\])?(\\.[A-Za-z]+)?$", maxLength: 100 },
            body: { type: "string", minLength: 1, maxLength: 5000 },
          },
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addComment(ctxOf(state, req), req.params.id, req.body.cell, req.body.body)),
  );
}
