/** 整改 tasks (issue 17): list in scope, create (reviewers), mark done with a note. */
import type { FastifyInstance } from "fastify";
import { completeRectification, createRectification, listRectifications } from "../commands/self-evaluation/index.ts";
import { ctxOf } from "../http/context.ts";
import { fiscalYear, idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

const TAG = ["self-evaluation"];

export function rectificationRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{ Querystring: { fiscalYear?: number; status?: "open" | "done"; projectId?: number } }>(
    "/api/v1/rectifications",
    {
      schema: {
        tags: TAG,
        summary: "整改 tasks in the user's scope (deadline first); overdue when open past the deadline",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            fiscalYear,
            status: { type: "string", enum: ["open", "done"] },
            projectId: idParams.properties.id,
          },
        },
      },
    },
    async (req) => listRectifications(ctxOf(state, req), req.query),
  );
  app.post<{ Body: { projectId: number; deadline: string; text: string } }>(
    "/api/v1/rectifications",
    {
      schema: {
        tags: TAG,
        summary: "Create a 整改 task for a project with a deadline (reviewers; 中/差 results get one on acceptance)",
        body: {
          type: "object",
          required: ["projectId", "deadline", "text"],
          additionalProperties: false,
          properties: {
            projectId: idParams.properties.id,
            deadline: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            text: { type: "string", minLength: 1, maxLength: 2000 },
          },
        },
      },
    },
    async (req, reply) => reply.code(201).send(await createRectification(ctxOf(state, req), req.body)),
  );
  app.post<{ Params: { id: number }; Body: { note?: string } | undefined }>(
    "/api/v1/rectifications/:id/done",
    {
      schema: {
        tags: TAG,
        summary: "Mark a 整改 task done with a note",
        params: idParams,
        body: {
          type: "object",
          additionalProperties: false,
          properties: { note: { type: "string", maxLength: 2000 } },
        },
      },
    },
    async (req) => completeRectification(ctxOf(state, req), req.params.id, req.body?.note ?? ""),
  );
}
