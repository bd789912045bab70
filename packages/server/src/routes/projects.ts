import type { MoneyUnit, Project } from "@jixiao/core";
import type { FastifyInstance } from "fastify";
import { createProject, deleteProject, getProject, listProjects, updateTable } from "../commands/projects/index.ts";
import { ctxOf, expectedVersion } from "../http/context.ts";
import { requiredVersion } from "../http/required-version.ts";
import { fiscalYear, idParams, moneyUnit, projectSchema } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";
import { STATUSES } from "../workflow.ts";

export function projectRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{
    Querystring: {
      fiscalYear?: number;
      deptCode?: string;
      unitCode?: string;
      status?: string;
      q?: string;
      limit?: number;
      offset?: number;
    };
  }>(
    "/api/v1/projects",
    {
      schema: {
        tags: ["projects"],
        summary: "Projects in your scope",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            fiscalYear,
            deptCode: { type: "string", maxLength: 20 },
            unitCode: { type: "string", maxLength: 20 },
            status: { type: "string", enum: STATUSES },
            q: { type: "string", maxLength: 100 },
            limit: { type: "integer", minimum: 1, maximum: 500, default: 50 },
            offset: { type: "integer", minimum: 0, default: 0 },
          },
        },
      },
    },
    async (req) => listProjects(ctxOf(state, req), req.query),
  );

  app.post<{ Body: { fiscalYear: number; moneyUnit?: MoneyUnit; project: Project } }>(
    "/api/v1/projects",
    {
      schema: {
        tags: ["projects"],
        summary: "Create a project with its target table (draft)",
        body: {
          type: "object",
          required: ["fiscalYear", "project"],
          additionalProperties: false,
          properties: { fiscalYear, moneyUnit, project: projectSchema },
        },
      },
    },
    async (req, reply) => reply.status(201).send(await createProject(ctxOf(state, req), req.body)),
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/projects/:id",
    { schema: { tags: ["projects"], summary: "A project with its current target table", params: idParams } },
    async (req, reply) => {
      const p = await getProject(ctxOf(state, req), req.params.id);
      reply.header("ETag", `"${p.rowVersion}"`);
      return p;
    },
  );

  app.put<{ Params: { id: number }; Body: { project: Project; rowVersion?: number } }>(
    "/api/v1/projects/:id/table",
    {
      schema: {
        tags: ["projects"],
        summary: "Replace the current draft's target table (If-Match: rowVersion)",
        params: idParams,
        body: {
          type: "object",
          required: ["project"],
          additionalProperties: false,
          properties: { project: projectSchema, rowVersion: { type: "integer", minimum: 1 } },
        },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(state, req);
      const version = await requiredVersion(ctx, req.params.id, expectedVersion(req, req.body));
      const p = await updateTable(ctx, req.params.id, req.body.project, version);
      reply.header("ETag", `"${p.rowVersion}"`);
      return p;
    },
  );

  app.delete<{ Params: { id: number } }>(
    "/api/v1/projects/:id",
    {
      schema: {
        tags: ["projects"],
        summary: "Delete a never-approved project (If-Match: rowVersion)",
        params: idParams,
      },
    },
    async (req) => {
      const ctx = ctxOf(state, req);
      await deleteProject(ctx, req.params.id, await requiredVersion(ctx, req.params.id, expectedVersion(req)));
      return { ok: true };
    },
  );
}
