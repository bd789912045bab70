import type { FastifyInstance } from "fastify";
import { copyFromLastYear, type LibraryQuery, searchLibrary } from "../commands/library.ts";
import { ctxOf, expectedVersion } from "../http/context.ts";
import { fiscalYear, idParams, rowVersionBody } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

export function libraryRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{ Querystring: LibraryQuery }>(
    "/api/v1/library/indicators",
    {
      schema: {
        tags: ["library"],
        summary: "Search indicators of approved tables in your scope",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            q: { type: "string", maxLength: 100 },
            level1: { type: "string", maxLength: 50 },
            level2: { type: "string", maxLength: 50 },
            fiscalYear,
            limit: { type: "integer", minimum: 1, maximum: 500, default: 50 },
          },
        },
      },
    },
    async (req) => ({ items: await searchLibrary(ctxOf(state, req), req.query) }),
  );
  app.post<{ Params: { id: number }; Body: { rowVersion?: number } }>(
    "/api/v1/projects/:id/copy-from-last-year",
    {
      schema: {
        tags: ["library"],
        summary: "Copy last year's approved indicators of the same-named project into this draft",
        params: idParams,
        body: rowVersionBody,
      },
    },
    async (req) => copyFromLastYear(ctxOf(state, req), req.params.id, expectedVersion(req, req.body)),
  );
}
