/**
 * Issue 13, failure 10 (anonymous work): public PDF exports queued without a limit (the 8th
 * waited 44 s). Now prints run one at a time behind a bounded queue (503 server.busy with
 * Retry-After when full), a burst for one publication prints it once, and its bytes are cached.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { TargetDocument } from "@jixiao/core";
import { AppError } from "../errors.ts";
import { Exporter } from "./exporter.ts";
import type { WorkerPool } from "./pool.ts";

const doc: TargetDocument = { format: "jixiao.targets/1", moneyUnit: "万元", projects: [] };

/** A pool whose jobs finish when the test says so. */
function fakePool() {
  const pending: (() => void)[] = [];
  let runs = 0;
  let running = 0;
  let most = 0;
  const pool = {
    run: (_who: string, _kind: string, job: { format: string }) =>
      new Promise((resolve) => {
        runs++;
        running++;
        most = Math.max(most, running);
        pending.push(() => {
          running--;
          resolve({ value: new TextEncoder().encode(job.format), diagnostics: [] });
        });
      }),
  } as unknown as WorkerPool;
  const settle = async () => {
    while (pending.length === 0) await new Promise((r) => setImmediate(r));
    pending.shift()?.();
  };
  return { pool, settle, stats: () => ({ runs, most, pending: pending.length }) };
}

test("PDF prints: one at a time, at most pdfQueue waiting, the next is 503 with Retry-After", async () => {
  const f = fakePool();
  const ex = new Exporter(f.pool, { pdfQueue: 2 });
  const a = ex.write("ip:1", doc, "pdf", "publication:1");
  const b = ex.write("ip:2", doc, "pdf", "publication:2");
  const c = ex.write("ip:3", doc, "pdf", "publication:3");
  await new Promise((r) => setImmediate(r));
  const refused = await ex.write("ip:4", doc, "pdf", "publication:4").catch((e: unknown) => e);
  assert.ok(refused instanceof AppError);
  assert.equal(refused.code, "server.busy");
  assert.ok((refused.details as { retryAfter: number }).retryAfter > 0);
  for (let i = 0; i < 3; i++) await f.settle();
  const done = await Promise.all([a, b, c]);
  assert.deepEqual(
    done.map((w) => new TextDecoder().decode(w.value ?? new Uint8Array())),
    ["pdf", "pdf", "pdf"],
  );
  assert.equal(f.stats().most, 1, "never two prints at once");
});

test("a burst for one publication prints it once; later requests come from the cache", async () => {
  const f = fakePool();
  const ex = new Exporter(f.pool, { pdfQueue: 1 });
  const burst = Array.from({ length: 8 }, (_, i) => ex.write(`ip:${i}`, doc, "pdf", "publication:9"));
  await f.settle();
  const all = await Promise.all(burst);
  assert.equal(all.length, 8);
  assert.equal(f.stats().runs, 1);
  const again = await ex.write("ip:99", doc, "pdf", "publication:9");
  assert.equal(new TextDecoder().decode(again.value ?? new Uint8Array()), "pdf");
  assert.equal(f.stats().runs, 1, "served from the cache");
  // Other formats go to the pool without the print queue, and are cached per format.
  const csv = ex.write("ip:1", doc, "csv", "publication:9");
  await f.settle();
  assert.equal(new TextDecoder().decode((await csv).value ?? new Uint8Array()), "csv");
  assert.equal(f.stats().runs, 2);
});
