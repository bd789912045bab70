import assert from "node:assert/strict";
import { test } from "node:test";
import { KeyedQueue } from "./keyed-queue.ts";

test("tasks of one key run one at a time, in order; other keys run beside them; keys are forgotten", async () => {
  const q = new KeyedQueue();
  const log: string[] = [];
  let running = 0;
  let most = 0;
  const task = (name: string) => async () => {
    running++;
    most = Math.max(most, running);
    log.push(`start ${name}`);
    await new Promise((r) => setImmediate(r));
    log.push(`end ${name}`);
    running--;
    if (name === "a2") throw new Error("boom");
    return name;
  };
  const results = await Promise.allSettled([q.run("a", task("a1")), q.run("a", task("a2")), q.run("a", task("a3"))]);
  assert.deepEqual(
    results.map((r) => r.status),
    ["fulfilled", "rejected", "fulfilled"],
  );
  assert.equal(most, 1);
  assert.deepEqual(log, ["start a1", "end a1", "start a2", "end a2", "start a3", "end a3"]);
  assert.equal(q.size, 0);
});
