import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import test from "node:test";
import { fileURLToPath } from "node:url";
import { memoryIo } from "../io.ts";
import { run } from "./serve.ts";

const BIN = fileURLToPath(new URL("../../bin/jixiao.js", import.meta.url));

test("serve --help and bad usage", async () => {
  const io = memoryIo();
  assert.equal(await run(["--help"], io), 0);
  assert.match(io.stdout, /--no-demo/);
  const bad = memoryIo();
  assert.equal(await run(["--port", "99999"], bad), 2);
  assert.equal(await run(["--bogus"], memoryIo()), 2);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

test("jixiao serve: fresh data dir → health 200, admin logs in and sees the seed's 4 projects, SIGTERM stops", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-serve-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, JIXIAO_ADMIN_PASSWORD: "serve-test-password", PORT: String(port) };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, "serve", "--host", "127.0.0.1", "--data", dir], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    let out = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (b) => {
        out += String(b);
        if (out.includes("listening on")) resolve();
      });
      child.on("exit", (c) => reject(new Error(`exited ${c}: ${out}`)));
    });
    assert.match(out, /演示数据/);
    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/api/health`);
    assert.equal(health.status, 200);
    assert.equal((await health.json()).database, "pglite");
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "serve-test-password" }),
    });
    assert.equal(login.status, 200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const list = await fetch(`${base}/api/v1/projects?fiscalYear=2024`, { headers: { cookie } });
    assert.equal((await list.json()).total, 4);
    // No known credentials without --demo: the seed department is there, its demo users are not.
    const demo = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "demoadmin", password: "demo-admin" }),
    });
    assert.equal(demo.status, 401);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Runs `jixiao serve` to its exit; returns the code and both outputs. */
function serveToExit(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, JIXIAO_ADMIN_PASSWORD: "serve-test-password" };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, "serve", "--host", "127.0.0.1", "--port", "0", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (b) => {
    out += String(b);
  });
  child.stderr.on("data", (b) => {
    err += String(b);
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out, err })));
}

test("a locked or unusable data directory: one line, exit code 3, no stack trace", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-serve-locked-"));
  try {
    // Locked by a live process (the test runner's parent).
    writeFileSync(path.join(dir, "jixiao-server.pid"), String(process.ppid));
    const locked = await serveToExit(["--data", dir]);
    assert.equal(locked.code, 3);
    assert.match(locked.err, /in use by process/);
    assert.equal(locked.err.trim().split("\n").length, 1, locked.err);
    assert.doesNotMatch(locked.err, /\bat .*:\d+:\d+/);
    // A data "directory" that is a file.
    const file = path.join(dir, "plain-file");
    writeFileSync(file, "x");
    const notDir = await serveToExit(["--data", file]);
    assert.equal(notDir.code, 3);
    assert.match(notDir.err, /not a directory/);
    assert.equal(notDir.err.trim().split("\n").length, 1, notDir.err);
    // Options that exclude each other are bad usage.
    assert.equal(await run(["--demo", "--no-demo"], memoryIo()), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
