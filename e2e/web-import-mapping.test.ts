/**
 * The import wizard reads an HTML table whose 目标值 column is printed under a header no office
 * vocabulary knows (考核要求): the wizard shows the table as read with that column not read and
 * the targets empty (doubtful), the user maps 考核要求 → 目标值, re-reads, sees the targets in the
 * 表12 view, commits, and the committed projects carry the right targets (checked via the API).
 * The table is generated (bench/generator) so its truth is known. Screenshots in e2e/screenshots/.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { generateDepartment } from "../bench/generator/department.ts";
import { TABLE12 } from "../bench/generator/layouts.ts";
import { renderHtml } from "../bench/generator/render-markup.ts";
import { printRows } from "../bench/generator/row-table.ts";
import { CHROMIUM, describeViolations, launch, SKIP_REASON, seriousViolations, shot } from "./support/browser.ts";
import { login, VIEWPORT, watchErrors } from "./support/pages.ts";
import { ADMIN_PASSWORD, apiLogin, loadScaledDeadline, startServer } from "./support/server.ts";

const UNKNOWN_HEADER = "考核要求";

function fixture() {
  const truth = generateDepartment(4242, { projects: 2, layout: "cost-first-level-2021", total: 90 });
  truth.fiscalYear = 2024; // the wizard imports into the session's year (2024 by default)
  const columns = TABLE12.map(([field, header]) => ({ field, header: field === "target" ? UNKNOWN_HEADER : header }));
  const html = renderHtml(printRows(truth, "项目绩效目标表", columns, {}));
  return { truth, html: Buffer.from(html) };
}

interface Detail {
  name: string;
  table: { indicators: { name: string; target: string; operator: string | null; unit: string | null }[] };
}

test("web import wizard: an unknown header is mapped by hand, the table re-read and committed", {
  timeout: loadScaledDeadline(300_000),
}, async (t) => {
  if (!CHROMIUM) {
    t.skip(SKIP_REASON);
    return;
  }
  const { truth, html } = fixture();
  const first = truth.projects[0]!.indicators[0]!;
  const srv = await startServer({ demo: false });
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    const errors = watchErrors(page);
    await login(page, srv.url, "admin", ADMIN_PASSWORD);
    await page.goto(`${srv.url}/import`);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "targets.html", mimeType: "text/html", buffer: html });
    await page.getByRole("button", { name: /确认导入/ }).waitFor({ timeout: loadScaledDeadline(60_000) });

    // As read: the 考核要求 column is not read, the targets are empty and marked doubtful.
    const select = page.getByLabel(`「${UNKNOWN_HEADER}」列读作`);
    await select.waitFor();
    assert.equal(await select.inputValue(), "", "the unknown header is not mapped");
    const targetCell = page.locator(`[data-testid="read-table"] tr[data-name="${first.name}"] td[data-field="target"]`);
    assert.equal(
      (await targetCell.locator('[data-role="value"]').textContent())?.trim(),
      "",
      "no target before the mapping",
    );
    assert.equal(await targetCell.getAttribute("data-mark"), "doubtful", "the empty target is marked doubtful");
    await shot(page, "import-mapping-01-as-read");
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));

    // Fix the mapping and re-read.
    await select.selectOption("target");
    await page.getByRole("button", { name: /按新的对应关系重新读取/ }).click();
    await page.getByText("已按新的对应关系重新读取").first().waitFor();
    await page
      .locator(`[data-testid="read-table"] tr[data-name="${first.name}"] td[data-field="target"]`)
      .filter({ hasText: first.target })
      .waitFor();
    assert.equal(await page.getByLabel(`「${UNKNOWN_HEADER}」列读作`).inputValue(), "target");
    await page.getByText("按您的指定").first().waitFor();
    await shot(page, "import-mapping-02-re-read");

    // Commit the re-read document.
    await page.getByRole("button", { name: /确认导入/ }).click();
    await page.getByText(`已导入 ${truth.projects.length} 个项目`).first().waitFor();
    await shot(page, "import-mapping-03-committed");
    assert.deepEqual(errors, []);

    // The committed projects carry every target as the table printed it.
    const admin = await apiLogin(srv.url, "admin", ADMIN_PASSWORD);
    const list = await admin<{ items: { id: number; name: string }[] }>("GET", "/projects?fiscalYear=2024&limit=50");
    assert.equal(list.items.length, truth.projects.length);
    for (const tp of truth.projects) {
      const item = list.items.find((i) => i.name === tp.name);
      assert.ok(item, `project ${tp.name} committed`);
      const d = await admin<Detail>("GET", `/projects/${item.id}`);
      const got = d.table.indicators.map((i) => [i.name, i.operator, i.target, i.unit]);
      const want = tp.indicators.map((i) => [i.name, i.operator, i.target, i.unit]);
      assert.deepEqual(got, want, `indicators of ${tp.name}`);
    }
  } finally {
    await browser.close();
    await srv.stop();
  }
});
