import assert from "node:assert/strict";
import { after, test } from "node:test";
import { AppError } from "../errors.ts";
import { WorkerPool } from "./pool.ts";

const pool = new WorkerPool({
  module: new URL("./pool-test-worker.ts", import.meta.url),
  size: 2,
  maxQueued: 3,
  perUser: 2,
  timeoutMs: 8000,
  resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
});
after(() => pool.close());

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return "ok";
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e.code;
  }
};

test("jobs run in workers and their results come back (bytes transferred)", async () => {
  const r = await pool.run<{ n: number; bytes: Uint8Array }>("u1", "echo", { n: 7 });
  assert.equal(r.n, 7);
  assert.deepEqual([...r.bytes], [7]);
  assert.equal(await code(pool.run("u1", "fail", {})), "job.failed");
});

test("a job past its time is killed (job.timeout); one past its memory is killed (job.too-large); the pool goes on", async () => {
  const [spin, eat] = await Promise.all([code(pool.run("u2", "spin", {})), code(pool.run("u3", "allocate", {}))]);
  assert.equal(spin, "job.timeout");
  assert.equal(eat, "job.too-large");
  const again = await Promise.all([1, 2, 3].map((n) => pool.run<{ n: number }>(`v${n}`, "echo", { n })));
  assert.deepEqual(
    again.map((r) => r.n),
    [1, 2, 3],
  );
  // The event loop of this thread was never blocked by the spinning job: we got here.
});

test("bounds: per user, then overall (429 / 503 with retryAfter), freed when jobs end", async () => {
  const a = pool.run("w", "spin", {});
  const b = pool.run("w", "spin", {});
  assert.equal(await code(pool.run("w", "echo", { n: 1 })), "job.user-busy");
  // Both workers spin; 3 may wait, the 4th is refused.
  const waiting = [1, 2, 3].map((n) => pool.run(`x${n}`, "echo", { n }));
  const refused = await pool.run("x4", "echo", { n: 4 }).catch((e: AppError) => e);
  assert.ok(refused instanceof AppError);
  assert.equal(refused.code, "server.busy");
  assert.ok((refused.details as { retryAfter: number }).retryAfter > 0);
  assert.deepEqual(await Promise.all([code(a), code(b)]), ["job.timeout", "job.timeout"]);
  assert.deepEqual(await Promise.all(waiting.map(code)), ["ok", "ok", "ok"]);
  assert.equal(await code(pool.run("w", "echo", { n: 1 })), "ok");
  assert.deepEqual(pool.stats.running + pool.stats.queued, 0);
});
