import type { FastifyInstance } from "fastify";
import { listFiscalYears, openFiscalYear, previewRollover, rollover } from "../commands/fiscal-years.ts";
import {
  createDepartment,
  createUnit,
  createUser,
  listDepartments,
  listUnits,
  listUsers,
  updateUser,
} from "../commands/org.ts";
import { ctxOf } from "../http/context.ts";
import { fiscalYear, idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";
import { ROLE_INFO, ROLES, type Role } from "../policies.ts";

const role = { type: "string", enum: ROLES } as const;
const code3 = { type: "string", pattern: "^[0-9]{3}$" } as const;
const code6 = { type: "string", pattern: "^[0-9]{6}$" } as const;

export function orgRoutes(app: FastifyInstance, state: AppState): void {
  app.get(
    "/api/v1/fiscal-years",
    { schema: { tags: ["admin"], summary: "The fiscal years of your region (from the data and opened years)" } },
    async (req) => ({ items: await listFiscalYears(ctxOf(state, req)) }),
  );
  app.post<{ Body: { fiscalYear: number } }>(
    "/api/v1/fiscal-years",
    {
      schema: {
        tags: ["admin"],
        summary: "Open a new fiscal year (admin)",
        body: { type: "object", required: ["fiscalYear"], additionalProperties: false, properties: { fiscalYear } },
      },
    },
    async (req) => ({ items: await openFiscalYear(ctxOf(state, req), req.body.fiscalYear) }),
  );
  app.get<{ Querystring: { from: number; to: number } }>(
    "/api/v1/org/rollover",
    {
      schema: {
        tags: ["admin"],
        summary: "Preview the rollover of departments and units from one year to another (admin)",
        querystring: {
          type: "object",
          required: ["from", "to"],
          additionalProperties: false,
          properties: { from: fiscalYear, to: fiscalYear },
        },
      },
    },
    async (req) => previewRollover(ctxOf(state, req), req.query.from, req.query.to),
  );
  app.post<{ Body: { from: number; to: number } }>(
    "/api/v1/org/rollover",
    {
      schema: {
        tags: ["admin"],
        summary: "Carry the departments and units of one year over to another, in one step (admin)",
        body: {
          type: "object",
          required: ["from", "to"],
          additionalProperties: false,
          properties: { from: fiscalYear, to: fiscalYear },
        },
      },
    },
    async (req) => rollover(ctxOf(state, req), req.body.from, req.body.to),
  );
  app.get("/api/v1/roles", { schema: { tags: ["admin"], summary: "The roles" } }, async (req) => {
    ctxOf(state, req);
    return { items: ROLES.map((r) => ({ role: r, ...ROLE_INFO[r] })) };
  });

  app.get<{ Querystring: { fiscalYear?: number } }>(
    "/api/v1/departments",
    {
      schema: {
        tags: ["admin"],
        summary: "Departments in your scope",
        querystring: { type: "object", additionalProperties: false, properties: { fiscalYear } },
      },
    },
    async (req) => ({ items: await listDepartments(ctxOf(state, req), req.query.fiscalYear) }),
  );
  app.post<{ Body: { fiscalYear: number; code: string; name: string } }>(
    "/api/v1/departments",
    {
      schema: {
        tags: ["admin"],
        summary: "Create a department (admin)",
        body: {
          type: "object",
          required: ["fiscalYear", "code", "name"],
          additionalProperties: false,
          properties: { fiscalYear, code: code3, name: { type: "string", minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (req, reply) => reply.status(201).send(await createDepartment(ctxOf(state, req), req.body)),
  );
  app.get<{ Querystring: { fiscalYear?: number; deptCode?: string } }>(
    "/api/v1/units",
    {
      schema: {
        tags: ["admin"],
        summary: "Units in your scope",
        querystring: { type: "object", additionalProperties: false, properties: { fiscalYear, deptCode: code3 } },
      },
    },
    async (req) => ({ items: await listUnits(ctxOf(state, req), req.query.fiscalYear, req.query.deptCode) }),
  );
  app.post<{ Body: { fiscalYear: number; code: string; name: string } }>(
    "/api/v1/units",
    {
      schema: {
        tags: ["admin"],
        summary: "Create a unit (admin); its department is the code's first 3 digits",
        body: {
          type: "object",
          required: ["fiscalYear", "code", "name"],
          additionalProperties: false,
          properties: { fiscalYear, code: code6, name: { type: "string", minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (req, reply) => reply.status(201).send(await createUnit(ctxOf(state, req), req.body)),
  );

  app.get("/api/v1/users", { schema: { tags: ["admin"], summary: "Users of your region (admin)" } }, async (req) => ({
    items: await listUsers(ctxOf(state, req)),
  }));
  app.post<{
    Body: {
      username: string;
      displayName?: string;
      password: string;
      role: Role;
      deptCode?: string;
      unitCode?: string;
    };
  }>(
    "/api/v1/users",
    {
      schema: {
        tags: ["admin"],
        summary: "Create a user (admin)",
        body: {
          type: "object",
          required: ["username", "password", "role"],
          additionalProperties: false,
          properties: {
            username: { type: "string", pattern: "^[A-Za-z0-9_.-]{2,50}$" },
            displayName: { type: "string", maxLength: 100 },
            password: { type: "string", minLength: 10, maxLength: 200 },
            role,
            deptCode: code3,
            unitCode: code6,
          },
        },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(ctxOf(state, req), req.body)),
  );
  app.patch<{
    Params: { id: number };
    Body: {
      displayName?: string;
      role?: Role;
      deptCode?: string;
      unitCode?: string;
      disabled?: boolean;
      password?: string;
    };
  }>(
    "/api/v1/users/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Change a user (admin)",
        params: idParams,
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            displayName: { type: "string", maxLength: 100 },
            role,
            deptCode: code3,
            unitCode: code6,
            disabled: { type: "boolean" },
            password: { type: "string", minLength: 10, maxLength: 200 },
          },
        },
      },
    },
    async (req) => updateUser(ctxOf(state, req), req.params.id, req.body),
  );
}
