/**
 * Issue 13, failures 1, 4 and 5: a zip bomb took the server down (heap out of memory, every
 * connection dropped); uploads truncated at 10 MiB were accepted in bursts; an import ignored the
 * editor's 500-indicator limit. Now: bombs are refused with 413 while /api/health keeps answering
 * and memory stays under the documented ceiling; a truncated upload is 413 every time; a file
 * beyond the editor's limits is refused with the cells named and nothing is kept.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { LIMITS } from "@jixiao/core";
import { xlsxBomb } from "@jixiao/formats/testing/zip-bomb.ts";
import { MAX_UPLOAD_BYTES } from "../app.ts";
import { DRIVERS } from "../db/test-databases.ts";
import { buildProject, type Client, multipart, openTestApp, type TestApp } from "../http/test-app.ts";

/** Documented ceiling (docs/SECURITY.md): what a burst of bombs may add to the process's memory. */
const BOMB_RSS_CEILING_MB = 512;

async function upload(c: Client, fileName: string, content: Uint8Array | string) {
  const m = multipart(fileName, content);
  return c.request("POST", "/api/v1/imports/preview?fiscalYear=2024", m.body, m.headers);
}

/** Runs `work` while polling /api/health; returns the work's result and every health answer. */
async function whilePolling<T>(t: TestApp, work: Promise<T>) {
  const health: { status: number; ms: number }[] = [];
  let done = false;
  const poller = (async () => {
    while (!done) {
      const t0 = performance.now();
      const r = await t.anonymous.request("GET", "/api/health");
      health.push({ status: r.statusCode, ms: performance.now() - t0 });
      await new Promise((res) => setTimeout(res, 10));
    }
  })();
  try {
    return { result: await work, health };
  } finally {
    done = true;
    await poller;
  }
}

for (const driver of DRIVERS) {
  describe(`hostile uploads (${driver.name})`, () => {
    let t: TestApp;
    let staff: Client;
    before(async () => {
      t = await openTestApp(driver);
      staff = await t.login("unit151001");
    });
    after(async () => t.close());

    test("zip bombs (3 in parallel, plus one lying about its size): 413, health answers, memory bounded", async () => {
      const bomb = xlsxBomb(1_100_000_000);
      const liar = xlsxBomb(1_100_000_000, 20_000_000);
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 5);
      const { result, health } = await whilePolling(
        t,
        Promise.all([
          upload(staff, "a.xlsx", bomb),
          upload(staff, "b.xlsx", bomb),
          upload(await t.login("unit151002"), "c.xlsx", bomb),
          upload(await t.login("admin"), "d.xlsx", liar),
        ]),
      );
      clearInterval(sampler);
      const codes = result.map((r) => [r.statusCode, r.json().error?.code]);
      for (const [status, code] of codes.slice(0, 3)) {
        // 413 from the zip guard; or 429 when the same user's third file arrives while two run.
        assert.ok(status === 413 || status === 429, `${status} ${code}`);
      }
      assert.deepEqual(codes[3], [413, "payload.too-large"]);
      assert.match(result[3]?.json().error.details.code, /^zip\./);
      assert.ok(health.length > 0 && health.every((h) => h.status === 200), "health answered throughout");
      const grewMb = (peak - rss0) / 1024 / 1024;
      assert.ok(grewMb < BOMB_RSS_CEILING_MB, `memory grew ${grewMb.toFixed(0)} MB`);
      assert.equal((await t.anonymous.request("GET", "/api/health")).statusCode, 200);
    });

    test("an upload cut off before its closing boundary: 400 validation, nothing kept", async () => {
      const count = async () =>
        Number(
          (
            await t.database.db
              .selectFrom("import_previews")
              .select((e) => e.fn.countAll().as("n"))
              .executeTakeFirst()
          )?.n,
        );
      const before = await count();
      const m = multipart("半截.txt", "项目名称\t预算\n".repeat(20_000));
      const cut = m.body.subarray(0, m.body.length - 40_000);
      const r = await staff.request("POST", "/api/v1/imports/preview?fiscalYear=2024", cut, m.headers);
      assert.equal(r.statusCode, 400, r.body);
      assert.equal(r.json().error.code, "validation");
      assert.equal(await count(), before);
    });

    test("18 parallel uploads just over 10 MiB: every one 413, nothing kept", async () => {
      const over = new Uint8Array(MAX_UPLOAD_BYTES + 1024).fill(0x20);
      const users = [staff, await t.login("unit151002"), await t.login("dept151")];
      const before = await t.database.db
        .selectFrom("import_previews")
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirst();
      const rs = await Promise.all(
        Array.from({ length: 18 }, (_, i) => upload(users[i % 3] as Client, "big.txt", over)),
      );
      assert.deepEqual(
        rs.map((r) => r.statusCode),
        rs.map(() => 413),
      );
      for (const r of rs) assert.equal(r.json().error.code, "payload.too-large");
      const afterCount = await t.database.db
        .selectFrom("import_previews")
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirst();
      assert.equal(Number(afterCount?.n), Number(before?.n));
    });

    test("a project with more indicators than the editor allows is refused, the cells named", async () => {
      const base = buildProject({ name: "超限项目" });
      const ind = base.indicators[0];
      assert.ok(ind);
      const doc = {
        format: "jixiao.targets/1",
        fiscalYear: 2024,
        moneyUnit: "万元",
        projects: [
          { ...base, indicators: Array.from({ length: LIMITS.indicatorsPerProject + 68 }, () => ind) },
          { ...buildProject({ name: "名".repeat(LIMITS.nameLength + 5) }) },
          { ...buildProject({ name: "大预算", budget: 1.7e308 }) },
        ],
      };
      const r = await upload(staff, "many.json", JSON.stringify(doc));
      assert.equal(r.statusCode, 422);
      const e = r.json().error;
      assert.equal(e.code, "import.limits");
      assert.deepEqual(
        e.details.violations.map((v: { path: string }) => v.path),
        ["projects/0/indicators", "projects/1/name", "projects/2/budget"],
      );
      assert.match(e.message, /项目 1/);
      assert.equal(e.details.limits.indicatorsPerProject, 500);
    });
  });
}
