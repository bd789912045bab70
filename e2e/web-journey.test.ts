/**
 * The main journey of the web app in Debian's chromium: log in → import the seed → 4 projects
 * listed → open 体检费 → see the 正向-with-小于等于 finding at its cell → fix it → submit as unit
 * staff → approve as department reviewer → publish → the public page shows it without login →
 * download the xlsx and the PDF. Screenshots go to e2e/screenshots/.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { CHROMIUM, describeViolations, launch, SKIP_REASON, seriousViolations, shot } from "./support/browser.ts";
import { login, logout, VIEWPORT, watchErrors } from "./support/pages.ts";
import { ADMIN_PASSWORD, apiLogin, loadScaledDeadline, SEED, startServer } from "./support/server.ts";

const CONTRADICTION = "value.direction-contradiction";

test("web: import the seed, fix a finding, submit, approve, publish, read it in public and download the xlsx and PDF", {
  timeout: loadScaledDeadline(300_000),
}, async (t) => {
  if (!CHROMIUM) {
    t.skip(SKIP_REASON);
    return;
  }
  const srv = await startServer({ demo: false });
  const browser = await launch();
  try {
    // Organisation and people (set up through the API; not what this journey tests).
    const admin = await apiLogin(srv.url, "admin", ADMIN_PASSWORD);
    await admin("POST", "/departments", { fiscalYear: 2024, code: "151", name: "呼和浩特市总工会" });
    await admin("POST", "/units", { fiscalYear: 2024, code: "151001", name: "呼和浩特市总工会" });
    await admin("POST", "/units", { fiscalYear: 2024, code: "151002", name: "呼和浩特市工人文化宫" });
    await admin("POST", "/users", {
      username: "clerk",
      displayName: "文化宫填报员",
      password: "staff-password-1",
      role: "unit_staff",
      unitCode: "151002",
    });
    // The office's review policy: a contradiction blocks 提交 (强制审核); every other finding of the
    // seed's 体检费 needs a written 说明 (提示性审核).
    await admin("PUT", "/settings/review", {
      checks: {
        severity: { error: "explain", warning: "explain", info: "none" },
        rules: { [CONTRADICTION]: "block" },
      },
    });
    await admin("POST", "/users", {
      username: "reviewer",
      displayName: "总工会审核员",
      password: "dept-audit-pass-1",
      role: "dept_reviewer",
      deptCode: "151",
    });

    const ctx = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const page = await ctx.newPage();
    const errors = watchErrors(page);

    // 1. Log in as admin and import the seed (PDF-extracted 表12 text).
    await login(page, srv.url, "admin", ADMIN_PASSWORD);
    await page.goto(`${srv.url}/import`);
    await page.locator('input[type="file"]').setInputFiles(SEED);
    await page.getByRole("button", { name: /确认导入/ }).waitFor({ timeout: loadScaledDeadline(30_000) });
    const previewRows = page.locator("table:has(caption:text('将要导入的项目')) tbody tr");
    assert.equal(await previewRows.count(), 4, "the preview lists the seed's 4 projects");
    await shot(page, "journey-01-import-preview");
    await page.getByRole("button", { name: /确认导入/ }).click();
    await page.getByText("已导入 4 个项目").first().waitFor();

    // 2. Four projects listed.
    await page.goto(`${srv.url}/projects`);
    await page.getByTestId("project-count").filter({ hasText: "共 4 个项目" }).waitFor();
    await shot(page, "journey-02-projects");
    await logout(page);

    // 3. Unit staff of 工人文化宫 opens 体检费 and sees the contradiction at its 指标方向 cell.
    await login(page, srv.url, "clerk", "staff-password-1");
    await page.goto(`${srv.url}/projects`);
    await page.getByTestId("project-count").filter({ hasText: "共 1 个项目" }).waitFor();
    await page.getByRole("link", { name: "体检费", exact: true }).click();
    const row = page.locator('tr[data-name*="生态效益"]');
    const cell = row.locator('td[data-field="operator"]');
    await cell.locator(`[data-code="${CONTRADICTION}"]`).waitFor();
    assert.match((await cell.getAttribute("class")) ?? "", /jx-cell-error/);
    assert.match((await cell.textContent()) ?? "", /正向.*小于等于|小于等于/);
    await shot(page, "journey-03-editor-finding");

    // 4. Fix it (正向 goes with 大于等于): the finding disappears as you type; save; submit.
    await cell.locator("select").selectOption("≥");
    await cell.locator(`[data-code="${CONTRADICTION}"]`).waitFor({ state: "detached" });
    await page.getByRole("button", { name: /保存/ }).click();
    await page.getByText("已保存").first().waitFor();
    await page.getByRole("button", { name: /提交审核/ }).click();
    await page.getByRole("textbox", { name: "说明" }).fill("体检费含离退休人员，成本按上年结算口径测算");
    await page.getByTestId("gate-explain-submit").click();
    await page.getByText("已提交审核").first().waitFor();
    await page.getByText("已提交", { exact: true }).first().waitFor();
    await shot(page, "journey-04-submitted");
    await logout(page);

    // 5. The department reviewer approves it from the queue.
    await login(page, srv.url, "reviewer", "dept-audit-pass-1");
    await page.goto(`${srv.url}/review`);
    await page.getByRole("link", { name: "体检费", exact: true }).click();
    await page.getByRole("button", { name: /批复通过/ }).click();
    await page.getByText("已批复").first().waitFor();
    await shot(page, "journey-05-approved");

    // 6. Publish the department's approved tables.
    await page.goto(`${srv.url}/publish`);
    await page.getByRole("button", { name: /预览并发布/ }).click();
    await page.getByTestId("publication-preview").getByText("体检费").first().waitFor();
    // Three of the department's four tables are not approved: the preview says so; confirm.
    await page.getByRole("checkbox", { name: /只公开已批复的项目/ }).check();
    await page.getByRole("button", { name: /确认发布/ }).click();
    await page
      .getByText(/已发布/)
      .first()
      .waitFor();
    await shot(page, "journey-06-published");

    // 7. The public page, with no session at all, shows 体检费 with the fixed operator.
    const anon = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const pub = await anon.newPage();
    await pub.goto(`${srv.url}/public`);
    await pub
      .getByRole("link", { name: /呼和浩特市总工会/ })
      .first()
      .click();
    await pub.getByRole("heading", { name: "项目绩效目标表" }).waitFor();
    const pubRow = pub.locator("table.jx-sheet tr", { hasText: "生态效益" }).filter({ hasText: "保障" });
    assert.match((await pubRow.first().textContent()) ?? "", /大于等于/);
    assert.ok(await pub.locator("table.jx-sheet", { hasText: "体检费" }).count());
    await shot(pub, "journey-07-public");
    const violations = await seriousViolations(pub);
    assert.equal(violations.length, 0, describeViolations(violations));

    // 8. Download the xlsx: a real workbook (zip) with the project in it.
    const [download] = await Promise.all([pub.waitForEvent("download"), pub.locator('a[data-format="xlsx"]').click()]);
    const file = await download.path();
    const bytes = readFileSync(file);
    assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK", "xlsx is a zip container");
    assert.match(download.suggestedFilename(), /\.xlsx$/);

    // 9. Download the PDF: printed by the server's chromium, a real PDF.
    const pdfLink = pub.locator('a[data-format="pdf"]');
    assert.match((await pdfLink.textContent()) ?? "", /下载\s*PDF/);
    const [pdfDownload] = await Promise.all([pub.waitForEvent("download"), pdfLink.click()]);
    const pdfBytes = readFileSync(await pdfDownload.path());
    assert.equal(pdfBytes.subarray(0, 5).toString("latin1"), "%PDF-", "the download is a PDF");
    assert.match(pdfDownload.suggestedFilename(), /\.pdf$/);
    const pdfRes = await pub.request.get(new URL((await pdfLink.getAttribute("href")) ?? "", srv.url).href);
    assert.equal(pdfRes.status(), 200);
    assert.equal(pdfRes.headers()["content-type"], "application/pdf");
    await anon.close();
    assert.deepEqual(errors, [], "no uncaught errors in the page");
  } finally {
    await browser.close();
    await srv.stop();
  }
});
