/**
 * Starting the server: open the database (PGlite in a data dir, or DATABASE_URL), run and check
 * migrations, create `admin` on first start (password from JIXIAO_ADMIN_PASSWORD or generated
 * and printed once), load the demo data unless disabled, then listen.
 */
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { generatePassword } from "./auth/password.ts";
import { insertUser, userCount } from "./commands/org.ts";
import { type Database, openDatabase } from "./db/connect.ts";
import { DEMO_REGION, loadDemo } from "./demo/load-demo.ts";

export interface StartOptions {
  port?: number;
  host?: string;
  /** postgres://… ; else PGlite in dataDir. */
  databaseUrl?: string;
  dataDir?: string;
  /** Load the seed department on first start (default true). */
  demo?: boolean;
  /** Also create the demo users with their documented passwords (only with an explicit --demo). */
  demoUsers?: boolean;
  /** Session cookie marked Secure (behind HTTPS). */
  secureCookies?: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges). */
  trustProxy?: string[];
  adminPassword?: string;
  logger?: boolean;
  webDist?: string | null;
  /** Where to print first-start messages. */
  print?: (line: string) => void;
}

export interface FirstStart {
  adminCreated: boolean;
  /** The generated password (only when generated). */
  generatedPassword: string | null;
  demoProjects: number;
}

/** Creates admin and demo data when the database has no users yet. */
export async function bootstrap(
  database: Database,
  opts: { demo: boolean; demoUsers?: boolean; adminPassword?: string },
): Promise<FirstStart> {
  if ((await userCount(database.db)) > 0) return { adminCreated: false, generatedPassword: null, demoProjects: 0 };
  const generated = opts.adminPassword ? null : generatePassword();
  await database.db.transaction().execute((trx) =>
    insertUser(trx, null, DEMO_REGION, {
      username: "admin",
      displayName: "系统管理员",
      password: opts.adminPassword ?? (generated as string),
      role: "admin",
    }),
  );
  const demoProjects = opts.demo ? await loadDemo(database.db, { users: opts.demoUsers ?? false }) : 0;
  return { adminCreated: true, generatedPassword: generated, demoProjects };
}

export async function startServer(
  o: StartOptions = {},
): Promise<{ app: FastifyInstance; database: Database; url: string; close(): Promise<void> }> {
  const print = o.print ?? ((l: string) => process.stdout.write(`${l}\n`));
  const database = await openDatabase(
    o.databaseUrl ? { url: o.databaseUrl } : { dataDir: path.resolve(o.dataDir ?? "data") },
  );
  const first = await bootstrap(database, {
    demo: o.demo ?? true,
    demoUsers: o.demoUsers ?? false,
    adminPassword: o.adminPassword,
  }).catch(async (e) => {
    await database.close();
    throw e;
  });
  if (first.generatedPassword) {
    print(`首次启动：已创建管理员 admin，密码 ${first.generatedPassword}（仅显示一次，请妥善保存并修改）`);
    print(`First start: created user admin with password ${first.generatedPassword} (shown once; change it)`);
  } else if (first.adminCreated) {
    print("首次启动：已创建管理员 admin（密码取自 JIXIAO_ADMIN_PASSWORD） / created admin from JIXIAO_ADMIN_PASSWORD");
  }
  if (first.demoProjects)
    print(`已载入演示数据：呼和浩特市总工会 2024，${first.demoProjects} 个项目 / demo data loaded`);
  if (first.demoProjects && o.demoUsers)
    print(
      "已创建演示用户（密码见 docs/API.md，仅供演示，勿用于生产） / demo users created (--demo; known passwords, never in production)",
    );
  const app = await buildApp({
    database,
    logger: o.logger ?? false,
    webDist: o.webDist,
    secureCookies: o.secureCookies ?? false,
    trustProxy: o.trustProxy,
  });
  const addr = await app.listen({ port: o.port ?? 3000, host: o.host ?? "0.0.0.0" });
  const url = addr.replace("0.0.0.0", "localhost").replace("[::]", "localhost");
  print(`jixiao 已启动 listening on ${url} (database: ${database.kind}, migration ${database.migration.level})`);
  const close = async (): Promise<void> => {
    await app.close();
    await database.close();
  };
  return { app, database, url, close };
}
