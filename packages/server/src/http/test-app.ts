/**
 * Test harness: a migrated database (one of DRIVERS) with the demo data, a foreign tenant
 * (region 150200, with the SAME department/unit codes) and the app, plus logged-in clients.
 */
import type { Project } from "@jixiao/core";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { type AppOptions, buildApp } from "../app.ts";
import { ensureOrg, insertUser } from "../commands/org.ts";
import { insertProject } from "../commands/projects/index.ts";
import type { Database } from "../db/connect.ts";
import type { TestDriver } from "../db/test-databases.ts";
import { defineTemplate } from "../db/test-templates.ts";
import { DEMO_USERS, seedDocument } from "../demo/load-demo.ts";
import { bootstrap } from "../start.ts";

export const ADMIN_PASSWORD = "admin-password-1";
export const FOREIGN_REGION = "150200";
export const FOREIGN_USERS = [
  { username: "f_unit", password: "foreign-unit-1", role: "unit_staff" as const, unitCode: "151001" },
  { username: "f_dept", password: "foreign-dept-1", role: "dept_reviewer" as const, deptCode: "151" },
  { username: "f_fin", password: "foreign-fin-1", role: "finance_reviewer" as const },
  { username: "f_admin", password: "foreign-admin-1", role: "admin" as const },
];

export interface Client {
  csrf: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Id of a project of the foreign tenant (region 150200, unit 151001). */
  foreignProjectId: number;
  login(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

/** A small valid project (factory with overrides). */
export function buildProject(over: Partial<Project> = {}): Project {
  const base = seedDocument().projects[0] as Project;
  return { ...base, ...over };
}

export const PASSWORDS: Record<string, string> = Object.fromEntries([
  ["admin", ADMIN_PASSWORD],
  ...DEMO_USERS.map((u) => [u.username, u.password]),
  ...FOREIGN_USERS.map((u) => [u.username, u.password]),
]);

const FOREIGN_PROJECT_NAME = "外地项目";

/**
 * What every test app's database holds before its tests run: admin, the demo department and its
 * users (bootstrap, as a first start with --demo) and the foreign tenant with one project. Made
 * once per run as a template on PGlite (see db/test-templates.ts), run per database on PostgreSQL.
 */
const TEST_APP_DATA = defineTemplate("test-app", async (database) => {
  await bootstrap(database, { demo: true, demoUsers: true, adminPassword: ADMIN_PASSWORD });
  await database.db.transaction().execute(async (trx) => {
    await ensureOrg(trx, null, {
      regionCode: FOREIGN_REGION,
      fiscalYear: 2024,
      deptCode: "151",
      deptName: "外地部门",
      unitCode: "151001",
      unitName: "外地单位",
    });
    for (const u of FOREIGN_USERS) await insertUser(trx, null, FOREIGN_REGION, u);
    await insertProject(trx, null, {
      regionCode: FOREIGN_REGION,
      fiscalYear: 2024,
      moneyUnit: "万元",
      project: buildProject({ name: FOREIGN_PROJECT_NAME, unitName: "外地单位" }),
    });
  });
});

/** `options`: more of buildApp's options (a web build to serve, a page renderer). */
export async function openTestApp(driver: TestDriver, options: Omit<AppOptions, "database"> = {}): Promise<TestApp> {
  const database = await driver.openPrepared(TEST_APP_DATA);
  const { id: foreignProjectId } = await database.db
    .selectFrom("projects")
    .select("id")
    .where("region_code", "=", FOREIGN_REGION)
    .where("name", "=", FOREIGN_PROJECT_NAME)
    .executeTakeFirstOrThrow();
  const app = await buildApp({ database, webDist: null, ...options });
  await app.ready();

  const client = (cookie: string | null, csrf: string): Client => ({
    csrf,
    request(method, url, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (cookie) h.cookie = cookie;
      if (csrf && method !== "GET" && !("x-csrf-token" in h)) h["x-csrf-token"] = csrf;
      return app.inject({
        method: method as "GET",
        url,
        headers: h,
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
  });

  return {
    app,
    database,
    foreignProjectId,
    anonymous: client(null, ""),
    async login(username, password = PASSWORDS[username]) {
      const r = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
      if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
      const c = r.cookies.find((x) => x.name === "jixiao_session");
      return client(`jixiao_session=${c?.value}`, r.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A multipart/form-data body with one `file` field, for app.inject. */
export function multipart(
  fileName: string,
  content: Uint8Array | string,
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----jixiao${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const data = typeof content === "string" ? Buffer.from(content) : Buffer.from(content);
  return {
    body: Buffer.concat([head, data, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
