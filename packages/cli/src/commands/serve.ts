/**
 * `jixiao serve [--port N] [--host H] [--data DIR] [--database-url URL] [--no-demo] [--demo]
 * [--secure-cookies] [--trust-proxy LIST]`: runs the server (API + web app). Environment: PORT,
 * JIXIAO_DATA_DIR, DATABASE_URL, JIXIAO_ADMIN_PASSWORD, JIXIAO_SECURE_COOKIES, JIXIAO_TRUST_PROXY.
 * A data directory that is locked, read-only or on a full disk is one line and exit code 3.
 */
import { parseArgs } from "node:util";
import type { Io } from "../io.ts";

export const summary = "启动服务（API 与网页）· run the server (API and web app)";

const HELP = `用法 Usage: jixiao serve [--port 3000] [--host 0.0.0.0] [--data ./data] [--database-url postgres://…]
                    [--no-demo] [--demo] [--secure-cookies] [--trust-proxy 127.0.0.1,10.0.0.0/8]
  启动绩效目标管理服务：默认内嵌 PGlite 数据库（./data），DATABASE_URL 指定 PostgreSQL。
  Runs the API and the web app. Database: embedded PGlite in ./data (JIXIAO_DATA_DIR), or
  a PostgreSQL server with --database-url / DATABASE_URL. First start creates user admin
  (password from JIXIAO_ADMIN_PASSWORD, else generated and printed once) and loads the seed
  department unless --no-demo. PORT overrides the port.
  --demo             也创建演示用户（口令公开于 docs/API.md，仅供演示）/ also create the demo users
                     (their passwords are public in docs/API.md: demos only, never in production)
  --secure-cookies   会话 Cookie 仅经 HTTPS 发送 / session cookie marked Secure (JIXIAO_SECURE_COOKIES=1)
  --trust-proxy L    信任这些反向代理的 X-Forwarded-For（地址或 CIDR，逗号分隔）/ believe X-Forwarded-For
                     from these reverse proxies (addresses or CIDR, comma-separated; JIXIAO_TRUST_PROXY)
  Exit codes: 0 stopped, 2 bad usage, 3 data directory locked, read-only or disk full.
`;

const truthy = (v: string | undefined): boolean => v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());

export async function run(argv: string[], io: Io): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`jixiao serve: ${(e as Error).message}\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    io.out(HELP);
    return 0;
  }
  const port = Number(args.values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`jixiao serve: 端口无效 invalid port ${args.values.port ?? process.env.PORT}\n`);
    return 2;
  }
  if (args.values.demo && args.values["no-demo"]) {
    io.err("jixiao serve: --demo 与 --no-demo 不能同时使用 / --demo and --no-demo exclude each other\n");
    return 2;
  }
  const proxyList = args.values["trust-proxy"] ?? process.env.JIXIAO_TRUST_PROXY ?? "";
  const trustProxy = proxyList
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const { startServer, StartError } = await import("@jixiao/server");
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port,
      host: args.values.host ?? process.env.HOST ?? "0.0.0.0",
      databaseUrl: args.values["database-url"] ?? process.env.DATABASE_URL,
      dataDir: args.values.data ?? process.env.JIXIAO_DATA_DIR ?? "data",
      demo: !args.values["no-demo"],
      demoUsers: Boolean(args.values.demo),
      secureCookies: Boolean(args.values["secure-cookies"]) || truthy(process.env.JIXIAO_SECURE_COOKIES),
      trustProxy,
      adminPassword: process.env.JIXIAO_ADMIN_PASSWORD || undefined,
      logger: Boolean(args.values.log),
      print: (l) => io.out(`${l}\n`),
    });
  } catch (e) {
    if (e instanceof StartError) {
      io.err(`jixiao serve: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.out("正在停止 stopping…\n");
      server.close().then(resolve, resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      port: { type: "string", short: "p" },
      host: { type: "string" },
      data: { type: "string" },
      "database-url": { type: "string" },
      "no-demo": { type: "boolean" },
      demo: { type: "boolean" },
      "secure-cookies": { type: "boolean" },
      "trust-proxy": { type: "string" },
      log: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
