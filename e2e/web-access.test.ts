/**
 * Browser journeys on the demo data: a unit user cannot reach another unit's project by URL,
 * and a self-evaluation reaches a grade that survives a reload.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { CHROMIUM, launch, SKIP_REASON, shot } from "./support/browser.ts";
import { login, VIEWPORT, watchErrors } from "./support/pages.ts";
import { ADMIN_PASSWORD, apiLogin, loadScaledDeadline, type RunningServer, startServer } from "./support/server.ts";

let srv: RunningServer | null = null;
let browser: Browser | null = null;
let ids: Record<string, number> = {};

before(async () => {
  if (!CHROMIUM) return;
  srv = await startServer({ demo: true });
  browser = await launch();
  const admin = await apiLogin(srv.url, "admin", ADMIN_PASSWORD);
  const list = await admin<{ items: { id: number; name: string }[] }>("GET", "/projects?fiscalYear=2024&limit=50");
  ids = Object.fromEntries(list.items.map((p) => [p.name, p.id]));
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

test("web: a unit user cannot reach another unit's project by URL", {
  timeout: loadScaledDeadline(120_000),
}, async (t) => {
  if (!CHROMIUM || !srv || !browser) {
    t.skip(SKIP_REASON);
    return;
  }
  const foreign = ids.体检费; // unit 151002
  assert.ok(foreign, "demo data has 体检费");
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const page = await ctx.newPage();
  await login(page, srv.url, "unit151001", "demo-unit-151001");
  await page.goto(`${srv.url}/projects`);
  await page.getByTestId("project-count").filter({ hasText: "共 3 个项目" }).waitFor();
  assert.equal(await page.getByRole("link", { name: "体检费", exact: true }).count(), 0);
  for (const path of [`/projects/${foreign}`, `/projects/${foreign}/review`, `/projects/${foreign}/self-evaluation`]) {
    await page.goto(`${srv.url}${path}`);
    await page.getByText("未找到，或您无权访问").first().waitFor();
    assert.equal(await page.getByText("退休人员覆盖率").count(), 0, `${path} shows nothing of the foreign table`);
  }
  await shot(page, "access-foreign-project");
  await ctx.close();
});

test("web: self-evaluation of 退休人员体检费 reaches a grade that survives a reload", {
  timeout: loadScaledDeadline(120_000),
}, async (t) => {
  if (!CHROMIUM || !srv || !browser) {
    t.skip(SKIP_REASON);
    return;
  }
  const id = ids.退休人员体检费;
  assert.ok(id);
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await login(page, srv.url, "unit151001", "demo-unit-151001");
  await page.goto(`${srv.url}/projects/${id}/self-evaluation`);
  await page.getByLabel("全年执行数", { exact: true }).fill("7");
  // Every quantitative indicator meets its target; every 定性 one is 达成.
  const rows = page.locator('table[aria-label="自评表"] tbody tr');
  const n = await rows.count();
  assert.equal(n, 11);
  for (let i = 0; i < n; i++) {
    const r = rows.nth(i);
    const target = ((await r.locator("td").nth(3).textContent()) ?? "").replace(/^[≥≤=<>]/, "");
    const grade = r.getByLabel(`第${i + 1}行 等级`);
    const qualitative = (await grade.count()) > 0;
    await r.getByLabel(`第${i + 1}行 实际完成值`).fill(qualitative ? "已完成" : String(Number.parseFloat(target)));
    if (qualitative) await grade.selectOption("达成");
  }
  await page.getByTestId("grade").filter({ hasText: "优" }).waitFor();
  assert.equal(await page.getByText("自评提示").count(), 0, "no scoring findings once every row is filled");
  assert.match((await page.locator(".ant-statistic-content").textContent()) ?? "", /100/);
  await shot(page, "selfeval-graded");
  await page.getByRole("button", { name: /保存并计算得分/ }).click();
  await page.getByText(/已保存，总分 100/).waitFor();
  await page.reload();
  await page.getByTestId("grade").filter({ hasText: "优" }).waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});
