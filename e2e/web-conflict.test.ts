/**
 * Save with conflict handling in the browser: two editors open the same draft; the second
 * to save gets 409, sees what the other changed, merges (keeping their own typing) and saves.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { CHROMIUM, launch, SKIP_REASON, shot } from "./support/browser.ts";
import { login, VIEWPORT } from "./support/pages.ts";
import { ADMIN_PASSWORD, apiLogin, loadScaledDeadline, startServer } from "./support/server.ts";

interface Detail {
  id: number;
  rowVersion: number;
  table: { goal: string; indicators: { name: string; target: string; weight: number }[] };
}

test("web: a stale save shows their changes and merges without losing my typing", {
  timeout: loadScaledDeadline(180_000),
}, async (t) => {
  if (!CHROMIUM) {
    t.skip(SKIP_REASON);
    return;
  }
  const srv = await startServer({ demo: true });
  const browser = await launch();
  try {
    const admin = await apiLogin(srv.url, "admin", ADMIN_PASSWORD);
    const list = await admin<{ items: { id: number; name: string }[] }>("GET", "/projects?fiscalYear=2024&limit=50");
    const id = list.items.find((p) => p.name === "退休人员体检费")!.id;
    // Demo tables are approved: open an adjustment draft to edit.
    await admin("POST", `/projects/${id}/adjust`, { reason: "调整指标" });

    const ctx = await browser.newContext({ viewport: VIEWPORT });
    const page = await ctx.newPage();
    await login(page, srv.url, "unit151001", "demo-unit-151001");
    await page.goto(`${srv.url}/projects/${id}`);
    const mine = page.getByLabel("第9行 目标值");
    await mine.waitFor();
    await mine.fill("79");

    // Meanwhile someone else saves a change to another cell.
    const other = await apiLogin(srv.url, "unit151001", "demo-unit-151001");
    const before = await other<Detail>("GET", `/projects/${id}`);
    const theirs = structuredClone(before.table);
    theirs.indicators[0]!.weight = 14;
    theirs.indicators[1]!.weight = 16;
    await other("PUT", `/projects/${id}/table`, { project: theirs, rowVersion: before.rowVersion });

    await page.getByRole("button", { name: /保存/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("别人已先保存了这张表").waitFor();
    assert.match((await dialog.textContent()) ?? "", /weight/);
    // The screenshot once the dialog's entrance animation has finished (readiness, not a sleep).
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await shot(page, "conflict-dialog");
    await dialog.getByRole("button", { name: /合并/ }).click();
    assert.equal(await mine.inputValue(), "79", "my typing survives the merge");
    assert.equal(await page.getByLabel("第1行 分值").inputValue(), "14", "their change is merged in");
    await page.getByRole("button", { name: /保存/ }).click();
    await page.getByText("已保存").first().waitFor();

    const after = await other<Detail>("GET", `/projects/${id}`);
    assert.equal(after.table.indicators[8]!.target, "79");
    assert.equal(after.table.indicators[0]!.weight, 14);
    assert.equal(after.table.indicators[1]!.weight, 16);
    await ctx.close();
  } finally {
    await browser.close();
    await srv.stop();
  }
});
