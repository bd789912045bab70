/**
 * `jixiao serve [--port N] [--host H] [--data DIR] [--database-url URL] [--no-demo]`: runs the
 * server (API + web app). Environment: PORT, JIXIAO_DATA_DIR, DATABASE_URL, JIXIAO_ADMIN_PASSWORD.
 */
import { parseArgs } from "node:util";
import type { Io } from "../io.ts";

export const summary = "启动服务（API 与网页）· run the server (API and web app)";

const HELP = `用法 Usage: jixiao serve [--port 3000] [--host 0.0.0.0] [--data ./data] [--database-url postgres://…] [--no-demo]
  启动绩效目标管理服务：默认内嵌 PGlite 数据库（./data），DATABASE_URL 指定 PostgreSQL。
  Runs the API and the web app. Database: embedded PGlite in ./data (JIXIAO_DATA_DIR), or
  a PostgreSQL server with --database-url / DATABASE_URL. First start creates user admin
  (password from JIXIAO_ADMIN_PASSWORD, else generated and printed once) and loads the demo
  department unless --no-demo. PORT overrides the port.
`;

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
  const { startServer } = await import("@jixiao/server");
  const server = await startServer({
    port,
    host: args.values.host ?? process.env.HOST ?? "0.0.0.0",
    databaseUrl: args.values["database-url"] ?? process.env.DATABASE_URL,
    dataDir: args.values.data ?? process.env.JIXIAO_DATA_DIR ?? "data",
    demo: !args.values["no-demo"],
    adminPassword: process.env.JIXIAO_ADMIN_PASSWORD || undefined,
    logger: Boolean(args.values.log),
    print: (l) => io.out(`${l}\n`),
  });
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
      log: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
