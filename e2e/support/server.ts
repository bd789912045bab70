/**
 * Starts a real jixiao server for a browser test: `node packages/cli/bin/jixiao.js serve` on a
 * free port with a fresh PGlite data dir, serving a build of the web app keyed by its sources
 * (see ensureWebBuild). The fresh data dir is a copy of one made by a real first start (see
 * ensureDataTemplate), so each file does not repeat initdb, the migrations and the demo load.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
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

/** A build lock whose owner died (its pid is gone), or that is older than a slow build could be. */
function lockIsStale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(lock, "pid"), "utf8"));
    if (pid > 0) {
      try {
        process.kill(pid, 0);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ESRCH") return true;
      }
    }
    return Date.now() - statSync(lock).mtimeMs > loadScaledDeadline(10 * 60_000);
  } catch {
    // No pid file: its owner is between mkdir and write (young lock), or it predates pid files.
    try {
      return Date.now() - statSync(lock).mtimeMs > 60_000;
    } catch {
      return false; // gone meanwhile
    }
  }
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
  for (const f of ["packages/web/index.html", "packages/web/vite.config.ts", "packages/web/package.json"]) {
    const st = statSync(path.join(ROOT, f));
    files.push(`${f}:${st.mtimeMs}:${st.size}`);
  }
  const key = createHash("sha256").update(files.sort().join("\n")).digest("hex").slice(0, 16);
  const out = path.join(os.tmpdir(), `jixiao-web-${key}`);
  process.env.JIXIAO_WEB_DIST = out;
  if (existsSync(path.join(out, "index.html"))) return out;
  const lock = `${out}.lock`;
  const deadline = Date.now() + loadScaledDeadline(10 * 60_000);
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch {
      if (existsSync(path.join(out, "index.html"))) return out;
      if (lockIsStale(lock)) rmSync(lock, { recursive: true, force: true });
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
    try {
      renameSync(partial, out);
    } catch (e) {
      // Another run finished the same build first: theirs is as good as ours.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(path.join(out, "index.html"))) throw e;
    }
    return out;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * How long to wait for something that takes `baseMs` on an idle machine: scaled by the load
 * per core (a 2-core machine at load 15 is ~7x slower), never less than `baseMs`, at most 15 min.
 * Tests wait on a readiness signal with this as the deadline; they never sleep a fixed time.
 */
export function loadScaledDeadline(baseMs: number): number {
  const perCore = os.loadavg()[0]! / Math.max(1, os.availableParallelism());
  return Math.min(15 * 60_000, Math.round(baseMs * Math.max(1, perCore + 0.5)));
}

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The sources a first start writes into a data dir from: migrations, bootstrap, demo data, seed, PGlite. */
function firstStartKey(demo: boolean): string {
  const files: string[] = [`demo:${demo}`, `admin:${ADMIN_PASSWORD}`, `node:${process.version}`];
  const sources: string[] = [];
  for (const d of ["packages/server/src", "packages/core/src", "packages/formats/src", "examples"])
    stamp(path.join(ROOT, d), sources);
  files.push(...sources.filter((f) => !/\.test\.tsx?:/.test(f))); // tests write nothing into it
  for (const f of ["package-lock.json", "packages/cli/bin/jixiao.js"]) {
    const st = statSync(path.join(ROOT, f));
    files.push(`${f}:${st.mtimeMs}:${st.size}`);
  }
  return createHash("sha256").update(files.sort().join("\n")).digest("hex").slice(0, 16);
}

/** The data dir's lock file of a running server (packages/server/src/db/connect.ts); never copied. */
const DATA_LOCK = "jixiao-server.pid";

/**
 * A PGlite data dir in which `jixiao serve` made its first start (initdb, every migration, admin,
 * and with `demo` the seed department and demo users) and then stopped cleanly, kept in a folder
 * keyed by the sources that write it (firstStartKey). Each test server starts on a fresh copy, so
 * tests stay independent while a run pays for the first start once per key, not once per file.
 * The first start itself is still exercised: by the run that makes the template, and by the
 * server's own start tests. A lock directory serialises parallel makers of the same template.
 */
async function ensureDataTemplate(demo: boolean): Promise<string | null> {
  const out = path.join(os.tmpdir(), `jixiao-data-${demo ? "demo" : "plain"}-${firstStartKey(demo)}`);
  const ready = () => existsSync(path.join(out, "PG_VERSION"));
  if (ready()) return out;
  const lock = `${out}.lock`;
  const deadline = Date.now() + loadScaledDeadline(10 * 60_000);
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch {
      if (ready()) return out;
      if (lockIsStale(lock)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`data template lock ${lock} held too long`);
      // Another file is making the same template: poll for it (or for its lock to go stale).
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (ready()) return out;
    const partial = mkdtempSync(path.join(os.tmpdir(), "jixiao-data-partial-"));
    const first = await spawnServer(partial, demo, { keepData: true, stopGraceMs: 60_000 });
    await first.stop();
    if (existsSync(path.join(partial, DATA_LOCK))) {
      // It did not close its database (killed): no template; this file starts from scratch.
      rmSync(partial, { recursive: true, force: true });
      return null;
    }
    try {
      renameSync(partial, out);
    } catch (e) {
      rmSync(partial, { recursive: true, force: true });
      if (!ready()) throw e;
    }
    // Templates of older sources (a copy takes a second, so one an hour old is not being copied).
    const prefix = path.basename(out).replace(/[0-9a-f]+$/, "");
    for (const name of readdirSync(os.tmpdir())) {
      const p = path.join(os.tmpdir(), name);
      if (
        name.startsWith(prefix) &&
        p !== out &&
        !name.endsWith(".lock") &&
        Date.now() - (statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 3_600_000
      )
        rmSync(p, { recursive: true, force: true });
    }
    return out;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The line `jixiao serve` prints once it accepts connections (packages/server/src/start.ts). */
const READY = /listening on (http:\/\/\S+)/;

/**
 * Starts `jixiao serve` on a port the OS picks (`--port 0`, so no two servers race for a
 * port) and waits for its readiness line on stdout, which carries the URL. The deadline is
 * generous and scaled by the machine's load (loadScaledDeadline); the server's whole output
 * is in the error when it exits or misses the deadline.
 */
export async function startServer(opts: { demo?: boolean } = {}): Promise<RunningServer> {
  ensureWebBuild();
  const demo = opts.demo ?? false;
  const template = await ensureDataTemplate(demo);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "jixiao-e2e-"));
  if (template) cpSync(template, dataDir, { recursive: true, filter: (src) => path.basename(src) !== DATA_LOCK });
  return spawnServer(dataDir, demo);
}

/** `jixiao serve` on `dataDir` (removed when the server stops, unless kept), ready once it prints its URL. */
async function spawnServer(
  dataDir: string,
  demo: boolean,
  o: { keepData?: boolean; stopGraceMs?: number } = {},
): Promise<RunningServer> {
  const args = [
    path.join(ROOT, "packages/cli/bin/jixiao.js"),
    "serve",
    "--port",
    "0",
    "--host",
    "127.0.0.1",
    "--data",
    dataDir,
  ];
  args.push(demo ? "--demo" : "--no-demo"); // --demo: the demo users with their documented passwords
  const env: NodeJS.ProcessEnv = { ...process.env, JIXIAO_ADMIN_PASSWORD: ADMIN_PASSWORD };
  delete env.DATABASE_URL;
  delete env.PORT;
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  // Never leave a server behind, even when the test process dies early.
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  let log = "";
  const waitMs = loadScaledDeadline(90_000);
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`server not ready in ${Math.round(waitMs / 1000)} s (load ${os.loadavg()[0]}):\n${log}`)),
        waitMs,
      );
      child.stdout?.on("data", (d) => {
        log += d;
        const m = READY.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!.replace(/\/$/, ""));
        }
      });
      child.stderr?.on("data", (d) => {
        log += d;
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${log}`));
      });
    });
  } catch (e) {
    process.off("exit", reap);
    child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    url,
    dataDir,
    stop: async () => {
      process.off("exit", reap);
      if (child.exitCode === null && child.signalCode === null) {
        const done = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), loadScaledDeadline(o.stopGraceMs ?? 5000));
        await done;
        clearTimeout(timer);
      }
      if (!o.keepData) rmSync(dataDir, { recursive: true, force: true });
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
