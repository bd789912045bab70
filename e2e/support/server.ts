/**
 * Starts a real jixiao server for a browser test: `node packages/cli/bin/jixiao.js serve` on a
 * free port with a fresh PGlite data dir, serving a build of the web app keyed by its sources
 * (see ensureWebBuild).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SEED = path.resolve(ROOT, "examples/seed-2024-hohhot-union.txt");
export const ADMIN_PASSWORD = "e2e-admin-password";

function stamp(dir: string, into: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist") continue;
    const p = path.join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) stamp(p, into);
    else into.push(`${p}:${s.mtimeMs}:${s.size}`);
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the web app into a folder keyed by its sources (web + core), once, and points
 * servers started by this process at it through JIXIAO_WEB_DIST. Keyed folders mean that
 * parallel test runs on different sources never overwrite a build another run is serving;
 * a lock directory serialises builds of the same sources.
 */
export function ensureWebBuild(): string {
  const files: string[] = [];
  stamp(path.join(ROOT, "packages/web/src"), files);
  stamp(path.join(ROOT, "packages/core/src"), files);
  files.push(`index:${statSync(path.join(ROOT, "packages/web/index.html")).mtimeMs}`);
  const key = createHash("sha256").update(files.sort().join("\n")).digest("hex").slice(0, 16);
  const out = path.join(os.tmpdir(), `jixiao-web-${key}`);
  process.env.JIXIAO_WEB_DIST = out;
  if (existsSync(path.join(out, "index.html"))) return out;
  const lock = `${out}.lock`;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(path.join(out, "index.html"))) return out;
      // A lock older than 5 minutes belongs to a build that died.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`web build lock ${lock} held too long`);
      sleep(500);
    }
  }
  try {
    if (existsSync(path.join(out, "index.html"))) return out;
    const partial = `${out}.partial-${process.pid}`;
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules/vite/bin/vite.js"),
        "build",
        "--logLevel",
        "warn",
        "--outDir",
        partial,
        "--emptyOutDir",
      ],
      { cwd: path.join(ROOT, "packages/web"), stdio: "inherit" },
    );
    if (r.status !== 0) throw new Error("web build failed");
    renameSync(partial, out);
    return out;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startServer(opts: { demo?: boolean } = {}): Promise<RunningServer> {
  ensureWebBuild();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "jixiao-e2e-"));
  const args = [
    path.join(ROOT, "packages/cli/bin/jixiao.js"),
    "serve",
    "--port",
    String(port),
    "--host",
    "127.0.0.1",
    "--data",
    dataDir,
  ];
  if (!opts.demo) args.push("--no-demo");
  const env: NodeJS.ProcessEnv = { ...process.env, JIXIAO_ADMIN_PASSWORD: ADMIN_PASSWORD, PORT: String(port) };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  // Never leave a server behind, even when the test process dies early.
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  let log = "";
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${log}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start in 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    stop: async () => {
      process.off("exit", reap);
      if (child.exitCode === null) {
        const done = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await done;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A logged-in API client (for test setup that is not under test). */
export async function apiLogin(url: string, username: string, password: string) {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.getSetCookie?.() ?? [r.headers.get("set-cookie") ?? ""])
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return async function call<T = unknown>(method: string, p: string, body?: unknown): Promise<T> {
    const res = await fetch(`${url}/api/v1${p}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}
