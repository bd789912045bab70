/**
 * Issue 13, failure 6: two servers started at the same moment both opened one PGlite data
 * directory (the pid-file lock was read-then-write). Now the lock is an exclusive create: of many
 * servers started at the same instant, exactly one serves; the others refuse with one line.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { test } from "node:test";

const CHILD = new URL("../testing/lock-child.ts", import.meta.url).pathname;

function spawnChild(dir: string) {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, dir], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const next = (pred: (l: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const on = (l: string) => {
        if (pred(l)) {
          lines.off("line", on);
          resolve(l);
        }
      };
      lines.on("line", on);
      child.once("exit", (code) => reject(new Error(`child exited ${code}`)));
    });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, next, exited };
}

test("six servers started at the same instant on one data directory: exactly one serves", {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-lock-race-"));
  const children: ChildProcess[] = [];
  try {
    const kids = Array.from({ length: 6 }, () => spawnChild(dir));
    for (const k of kids) children.push(k.child);
    await Promise.all(kids.map((k) => k.next((l) => l === "READY")));
    for (const k of kids) k.child.stdin?.write("GO\n");
    const outcomes = await Promise.all(kids.map((k) => k.next((l) => /^(SERVING|REFUSED|FAILED)/.test(l))));
    const serving = outcomes.filter((o) => o.startsWith("SERVING"));
    const refused = outcomes.filter((o) => o.startsWith("REFUSED"));
    assert.equal(serving.length, 1, outcomes.join("\n"));
    assert.deepEqual(
      refused,
      refused.map(() => "REFUSED data.locked"),
    );
    assert.equal(refused.length, 5);
    const url = (serving[0] as string).split(" ")[1];
    const health = await fetch(`${url}/api/health`);
    assert.equal(health.status, 200);
    const codes = await Promise.all(
      kids.map((k) => {
        k.child.stdin?.end();
        return k.exited;
      }),
    );
    assert.deepEqual(
      codes.filter((c) => c === 3),
      [3, 3, 3, 3, 3],
    );
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
