/**
 * 绩效运行监控 in Debian's chromium (issue 16): the finance bureau opens a July round; a unit fills
 * it for a seed project with one indicator red, gives 原因 and 纠偏措施, submits; the department
 * accepts; the finance dashboard shows the red light; the finance bureau marks 暂缓拨款 and the
 * unit sees it; the 监控表 downloads as xlsx and PDF, and the PDF's first page is rendered to
 * e2e/screenshots/monitoring-04-pdf-page-1.png (pdftoppm) to be looked at.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { CHROMIUM, describeViolations, launch, SKIP_REASON, seriousViolations, shot } from "./support/browser.ts";
import { login, logout, VIEWPORT, watchErrors } from "./support/pages.ts";
import { loadScaledDeadline, ROOT, startServer } from "./support/server.ts";

const PROJECT = "退休人员体检费";
const RED_ROW = "参加体检的退休人数";
const HAS_PDFTOPPM = spawnSync("pdftoppm", ["-v"]).error === undefined;

async function openReport(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/monitoring`);
  await page.getByTestId("round-7").click();
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await page.getByTestId("report-status").waitFor();
}

test("web: a July monitoring round from opening to the finance bureau's red light and the 监控表 downloads", {
  timeout: loadScaledDeadline(300_000),
}, async (t) => {
  if (!CHROMIUM) {
    t.skip(SKIP_REASON);
    return;
  }
  const srv = await startServer({ demo: true });
  const browser = await launch();
  try {
    const ctx = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const page = await ctx.newPage();
    const errors = watchErrors(page);

    // 1. The finance bureau opens a July round for the region.
    await login(page, srv.url, "finance", "demo-finance");
    await page.getByRole("menuitem", { name: /运行监控/ }).click();
    await page.getByLabel("截至月份").fill("7");
    await page.getByTestId("open-round").click();
    await page.waitForURL(/\/monitoring\/rounds\/\d+$/);
    await page.getByRole("heading", { name: /截至7月/ }).waitFor();
    assert.equal(await page.locator("[data-testid^='matrix-']").count(), 4, "one row per approved seed project");
    await shot(page, "monitoring-01-round-opened");
    await page.goto(`${srv.url}/monitoring`);
    await page.getByTestId("round-7").waitFor();
    const roundsA11y = await seriousViolations(page);
    assert.equal(roundsA11y.length, 0, `the rounds page: ${describeViolations(roundsA11y)}`);
    await logout(page);

    // 2. The unit fills 退休人员体检费: approved targets read-only beside the inputs; one row red.
    await login(page, srv.url, "unit151001", "demo-unit-151001");
    await openReport(page, srv.url);
    assert.equal(await page.getByTestId("report-status").textContent(), "待填报");
    await page.getByRole("spinbutton", { name: "执行数", exact: true }).fill("3.2");
    await page.getByRole("spinbutton", { name: "全年预计执行数", exact: true }).fill("7");
    const likely = page.locator("select[aria-label$='完成可能性']");
    const n = await likely.count();
    assert.ok(n >= 10, `${n} indicator rows`);
    for (let i = 0; i < n; i++) await likely.nth(i).selectOption("确定能");
    const row = page.locator("tr", { hasText: RED_ROW });
    assert.equal(await row.locator("[data-testid^='target-']").textContent(), "≥70人", "the approved target");
    await row.getByLabel(/实际完成值$/).fill("20");
    await row.getByLabel(/全年预计$/).fill("70");
    await row.locator("select[aria-label$='完成可能性']").selectOption("有可能");
    await row.locator("[data-light='red']").waitFor();
    // Red without 原因 and 纠偏措施: the form says so and will not submit.
    await page
      .getByTestId("findings")
      .getByText(/指标为红灯，须填写偏差原因和纠偏措施/)
      .waitFor();
    assert.equal(await page.getByTestId("submit").isDisabled(), true);
    await shot(page, "monitoring-02-unit-red-row");
    const formA11y = await seriousViolations(page);
    assert.equal(formA11y.length, 0, `the 监控表 form: ${describeViolations(formA11y)}`);
    await row.locator("select[aria-label$='偏差原因']").selectOption("人员保障");
    await row.getByLabel(/原因说明$/).fill("部分退休人员外出或住院，集中体检安排在9月");
    await row.getByLabel(/纠偏措施$/).fill("9月集中组织体检，对未参检人员逐一电话通知并预约补检");
    await page.getByTestId("submit").click();
    await page.getByTestId("report-status").filter({ hasText: "已报送" }).waitFor();
    await logout(page);

    // 3. The department accepts.
    await login(page, srv.url, "dept151", "demo-dept-151");
    await openReport(page, srv.url);
    await page.getByTestId("accept").click();
    await page.getByTestId("report-status").filter({ hasText: "部门已确认" }).waitFor();
    await logout(page);

    // 4. The finance dashboard shows the red light; 暂缓拨款 with a reason.
    await login(page, srv.url, "finance", "demo-finance");
    await page.goto(`${srv.url}/monitoring`);
    await page.getByTestId("round-7").click();
    const line = page.locator("tr", { has: page.getByRole("link", { name: PROJECT, exact: true }) });
    await line.getByText("部门已确认").waitFor();
    const red = line.locator("[data-testid^='matrix-'] [data-light='red']");
    assert.equal(await red.count(), 1, "exactly the one red indicator");
    assert.match((await red.getAttribute("aria-label")) ?? "", new RegExp(`${RED_ROW}：红灯`));
    await shot(page, "monitoring-03-finance-dashboard");
    const boardA11y = await seriousViolations(page);
    assert.equal(boardA11y.length, 0, `the dashboard: ${describeViolations(boardA11y)}`);
    await line.getByRole("link", { name: PROJECT, exact: true }).click();
    await page.getByTestId("decide").click();
    await page.getByLabel("理由（单位可见）").fill("体检进度滞后，待9月补检后拨付");
    await page.getByRole("button", { name: /确\s*定|OK/ }).click();
    await page.getByTestId("decision").getByText("暂缓拨款").waitFor();

    // 5. The 监控表 downloads: xlsx (a workbook) and PDF (printed by the server's chromium).
    await page.goto(`${srv.url}/monitoring`);
    await page.getByTestId("round-7").click();
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.locator('a[data-format="xlsx"]').click()]);
    assert.equal(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString("latin1"),
      "PK",
    );
    assert.match(xlsx.suggestedFilename(), /绩效运行监控表\.xlsx$/);
    const [pdf] = await Promise.all([page.waitForEvent("download"), page.locator('a[data-format="pdf"]').click()]);
    const pdfBytes = readFileSync(await pdf.path());
    assert.equal(pdfBytes.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.match(pdf.suggestedFilename(), /\.pdf$/);
    if (HAS_PDFTOPPM) {
      const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-mon-pdf-"));
      try {
        writeFileSync(path.join(dir, "m.pdf"), pdfBytes);
        const r = spawnSync("pdftoppm", [
          "-r",
          "80",
          "-png",
          "-f",
          "2",
          "-l",
          "2",
          path.join(dir, "m.pdf"),
          path.join(dir, "p"),
        ]);
        assert.equal(r.status, 0, String(r.stderr));
        const png = spawnSync("ls", [dir])
          .stdout.toString()
          .split("\n")
          .find((f) => f.endsWith(".png"));
        assert.ok(png, "a page was rendered");
        renameSync(path.join(dir, png), path.join(ROOT, "e2e/screenshots/monitoring-04-pdf-page.png"));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      console.warn(
        "web-monitoring: pdftoppm (poppler-utils) not installed — the PDF was checked but not rendered to PNG",
      );
    }
    await logout(page);

    // 6. The unit sees the decision.
    await login(page, srv.url, "unit151001", "demo-unit-151001");
    await openReport(page, srv.url);
    await page.getByTestId("decision").getByText("体检进度滞后，待9月补检后拨付").waitFor();
    await shot(page, "monitoring-05-unit-sees-decision");
    assert.deepEqual(errors, [], "no uncaught errors in the page");
  } finally {
    await browser.close();
    await srv.stop();
  }
});
