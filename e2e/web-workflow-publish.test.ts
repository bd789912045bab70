/**
 * Browser journeys (issue 12), one demo server for the file:
 * 1. self-evaluation during an adjustment: the unit entered actuals against the approved table,
 *    then opened an adjustment that inserts a row at the top — the 自评 page still shows the
 *    approved table with its actuals and total, and the 自评表 downloads;
 * 2. publishing: preview of exactly what goes public, publish, publish again as a correction with
 *    a public reason (the old one stays as history), withdraw with a public reason;
 * 3. import of a file with one foreign and one existing project, choosing per project;
 * 4. year rollover: the administrator previews and rolls the organisation over to 2025, and the
 *    unit's staff find their unit there.
 * Screenshots: e2e/screenshots/workflow-pub-*.png.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { seedDocument } from "../packages/server/src/demo/load-demo.ts";
import { CHROMIUM, launch, SKIP_REASON, shot } from "./support/browser.ts";
import { login, logout, VIEWPORT, watchErrors } from "./support/pages.ts";
import { apiLogin, type RunningServer, startServer } from "./support/server.ts";

const UNIT = { username: "unit151001", password: "demo-unit-151001" };
const DEPT = { username: "dept151", password: "demo-dept-151" };
const ADMIN = { username: "demoadmin", password: "demo-admin" };

describe("web: self-evaluation during an adjustment; publishing", { skip: CHROMIUM ? false : SKIP_REASON }, () => {
  let srv: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  before(async () => {
    srv = await startServer({ demo: true });
    browser = await launch();
    page = await (await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true })).newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test("self-evaluation during an adjustment reads the approved table and its actuals", async () => {
    type P = { id: number; name: string; table: { budget: number; indicators: { name: string; target: string }[] } };
    const unit = await apiLogin(srv.url, UNIT.username, UNIT.password);
    const list = await unit<{ items: { id: number; name: string }[] }>(
      "GET",
      "/projects?fiscalYear=2024&unitCode=151001",
    );
    const id = list.items[0]!.id;
    const approved = await unit<P & { rowVersion: number }>("GET", `/projects/${id}`);
    const saved = await unit<{ result: { total: number } }>("PUT", `/projects/${id}/self-evaluation`, {
      executed: approved.table.budget,
      indicators: approved.table.indicators.map((i) => ({ actual: i.target })),
    });
    const adj = await unit<P & { rowVersion: number }>("POST", `/projects/${id}/adjust`, { reason: "增加指标" });
    const inserted = { ...adj.table.indicators[0]!, name: "调整新增的第一行", target: "1" };
    await unit("PUT", `/projects/${id}/table`, {
      project: { ...adj.table, indicators: [inserted, ...adj.table.indicators] },
      rowVersion: adj.rowVersion,
    });

    await login(page, srv.url, UNIT.username, UNIT.password);
    await page.goto(`${srv.url}/projects/${id}/self-evaluation`);
    await page.getByTestId("evaluated-version").filter({ hasText: "按第1版（已批复）自评" }).waitFor();
    const sheet = page.getByRole("table", { name: "自评表" });
    await sheet.waitFor();
    assert.equal(await sheet.getByText("调整新增的第一行").count(), 0, "the draft's new row is not in the 自评表");
    assert.ok(await sheet.getByText(approved.table.indicators[0]!.name).count());
    const text = (await page.locator(".jx-page").textContent()) ?? "";
    assert.ok(text.includes(String(saved.result.total)), `the saved total ${saved.result.total} is shown`);
    await shot(page, "workflow-pub-01-self-eval-during-adjustment");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('a[data-format="xlsx"]').first().click(),
    ]);
    assert.equal(
      readFileSync(await download.path())
        .subarray(0, 2)
        .toString("latin1"),
      "PK",
    );
    assert.match(download.suggestedFilename(), /自评表\.xlsx$/);
    await logout(page);
  });

  test("publish with a preview, replace with a public reason, withdraw", async () => {
    await login(page, srv.url, DEPT.username, DEPT.password);
    await page.goto(`${srv.url}/publish`);
    await page.getByRole("button", { name: /预览并发布/ }).click();
    const preview = page.getByTestId("publication-preview");
    await preview.getByText("退休人员体检费").first().waitFor();
    // The adjustment draft of the first test makes one project "not approved": confirm.
    await page.getByRole("checkbox", { name: /只公开已批复的项目/ }).check();
    await shot(page, "workflow-pub-02-preview");
    await page.getByRole("button", { name: /确认发布/ }).click();
    await page
      .getByText(/已发布/)
      .first()
      .waitFor();
    await page.getByText("当前公开", { exact: true }).waitFor();

    // Again: a correction, which needs a public reason; the old one becomes history.
    await page.getByRole("button", { name: /预览并发布/ }).click();
    await page.getByRole("checkbox", { name: /只公开已批复的项目/ }).check();
    const go = page.getByRole("button", { name: /发布更正/ });
    assert.equal(await go.isDisabled(), true, "no correction without a reason");
    await page.getByRole("textbox", { name: "公开的更正原因" }).fill("更正体检费指标");
    await go.click();
    await page.getByText("已更正（历史）").waitFor();
    await page.getByText("更正：更正体检费指标").waitFor();
    await shot(page, "workflow-pub-03-replaced");

    // Withdraw the current one with a public reason.
    await page.getByRole("button", { name: /撤\s*回/ }).click();
    await page.getByRole("dialog").getByRole("textbox").fill("数据核实中，暂停公开");
    await page.getByRole("button", { name: /确认撤回/ }).click();
    await page.getByText("已撤回", { exact: true }).first().waitFor();
    await shot(page, "workflow-pub-04-withdrawn");

    // In public: nothing current; the old pages say why.
    const pub = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    const res = await pub.request.get(`${srv.url}/api/v1/public/publications?fiscalYear=2024&history=true`);
    const items = (await res.json()).items as { id: number; withdrawnAt: string | null }[];
    assert.equal(items.length, 2);
    const withdrawn = items.find((i) => i.withdrawnAt)!;
    await pub.goto(`${srv.url}/public/${withdrawn.id}`);
    await pub.getByTestId("publication-history-notice").getByText("数据核实中，暂停公开").waitFor();
    await shot(pub, "workflow-pub-05-public-withdrawn");
    assert.deepEqual(errors, [], "no uncaught errors in the page");
  });

  test("import with one foreign and one existing project, choosing per project", async () => {
    await logout(page);
    const unit = await apiLogin(srv.url, UNIT.username, UNIT.password);
    const seed = seedDocument();
    const base = seed.projects[0]!;
    await unit("POST", "/projects", { fiscalYear: 2024, project: { ...base, name: "导入时已有的草稿" } });
    const doc = {
      ...seed,
      fiscalYear: 2024,
      projects: [
        { ...base, name: "导入的新项目" },
        { ...base, name: "文化宫的项目", unitCode: "151002", unitName: "呼和浩特市工人文化宫" },
        { ...base, name: "导入时已有的草稿", budget: base.budget + 2 },
      ],
    };
    await login(page, srv.url, UNIT.username, UNIT.password);
    await page.goto(`${srv.url}/import`);
    await page.locator('input[type="file"]').setInputFiles({
      name: "three.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(doc)),
    });
    await page.getByRole("button", { name: /确认导入/ }).waitFor({ timeout: 30_000 });
    const foreign = page.getByTestId("import-choice-1");
    await foreign.getByText("单位不在您的权限范围内").waitFor();
    const existing = page.getByTestId("import-choice-2");
    await existing.getByText("已有同名草稿").waitFor();
    await existing.getByTestId("import-diff").filter({ hasText: "将更新 1 处" }).waitFor();
    // Choose per project: the new one is created, the draft updated (defaults); the foreign one skipped.
    await page.getByText("将导入或更新 2 个项目，跳过 1 个。").waitFor();
    await shot(page, "workflow-pub-05b-import-choices");
    await page.getByRole("button", { name: /确认导入/ }).click();
    await page.getByText("已导入 1 个项目，更新 1 个草稿，跳过 1 个").first().waitFor();
    const list = await unit<{ items: { name: string; budget: number }[] }>("GET", "/projects?fiscalYear=2024&q=导入");
    assert.deepEqual(
      list.items.map((p) => [p.name, p.budget]).sort(),
      [
        ["导入时已有的草稿", base.budget + 2],
        ["导入的新项目", base.budget],
      ].sort(),
    );
  });

  test("year rollover with a preview", async () => {
    await logout(page);
    await login(page, srv.url, ADMIN.username, ADMIN.password);
    await page.goto(`${srv.url}/admin`);
    const card = page.getByTestId("year-card");
    await card.getByRole("button", { name: /结转到 2025 年度/ }).click();
    const summary = page.getByTestId("rollover-summary");
    await summary.waitFor();
    assert.match((await summary.textContent()) ?? "", /将新建 3 个部门和单位/);
    // Let the dialog's opening animation finish before the picture.
    await page.waitForFunction(() => !document.querySelector("[class*='-zoom-enter'], [class*='-zoom-appear']"));
    await shot(page, "workflow-pub-06-rollover-preview");
    await page.getByRole("button", { name: /确认结转/ }).click();
    await page.getByText("已结转到 2025 年度").first().waitFor();
    // The header's year (a native select) moves to the new year.
    await page.waitForFunction(
      () =>
        (document.querySelector('header select[aria-label="预算年度"]') as HTMLSelectElement | null)?.value === "2025",
    );
    // The review chain is configured here too: add a second level and save.
    const rs = page.getByTestId("review-settings");
    assert.equal(await rs.getByRole("textbox", { name: "第 1 级名称" }).inputValue(), "审核批复");
    await rs.getByRole("button", { name: /增加一级/ }).click();
    await rs.getByRole("textbox", { name: "第 2 级名称" }).fill("预算处批复");
    await rs.getByRole("button", { name: /保存审核设置/ }).click();
    await page.getByText("审核设置已保存").first().waitFor();
    const saved = await page.request.get(`${srv.url}/api/v1/settings/review`);
    assert.deepEqual(
      ((await saved.json()).chain as { name: string }[]).map((l) => l.name),
      ["审核批复", "预算处批复"],
    );
    await shot(page, "workflow-pub-06b-review-settings");
    await logout(page);
    // The unit's staff see the year and their unit in it: a 2025 project can be created.
    await login(page, srv.url, UNIT.username, UNIT.password);
    await page.goto(`${srv.url}/projects`);
    await page.getByRole("button", { name: /新建项目/ }).click();
    await page.getByRole("dialog").getByRole("combobox", { name: "项目单位" }).click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "151001" }).first().waitFor();
    await shot(page, "workflow-pub-07-new-year-unit");
    assert.deepEqual(errors, [], "no uncaught errors in the page");
  });
});
