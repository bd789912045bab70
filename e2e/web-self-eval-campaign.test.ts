/**
 * 绩效自评 as a campaign in Debian's chromium (issue 17's acceptance): the finance bureau opens a
 * round; a unit fills 退休人员体检费 with one row below its weight, attaches a PDF as evidence and
 * submits; the department returns it once for an incomplete 偏差原因, the unit fixes it and the
 * department accepts; the finance bureau samples it for 抽评, enters a lower figure and sees the
 * difference; the department summary and the 自评报告 download (the PDF rendered to a PNG in
 * e2e/screenshots/ to be looked at); results are published and appear on the public page beside
 * 表12; the budget advice list shows the grade's advice. axe runs on each new screen (zh).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { budgetAdvice, DEFAULT_BUDGET_ADVICE_POLICY } from "@jixiao/core";
import type { Page } from "playwright-core";
import { CHROMIUM, describeViolations, launch, SKIP_REASON, seriousViolations, shot } from "./support/browser.ts";
import { login, logout, VIEWPORT, watchErrors } from "./support/pages.ts";
import { apiLogin, loadScaledDeadline, ROOT, startServer } from "./support/server.ts";

const PROJECT = "退休人员体检费";
const LOW_ROW = "参加体检的退休人数"; // ≥70人: the unit reports 35, below its weight
const SPOT_ROW = "服务对象满意度"; // ≥95%: the finance bureau finds 50
const HAS_PDFTOPPM = spawnSync("pdftoppm", ["-v"]).error === undefined;

interface Table {
  indicators: { name: string; nature?: string; target?: unknown; weight?: number | null }[];
}

async function a11y(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  const v = await seriousViolations(page);
  assert.equal(v.length, 0, `${what}: ${describeViolations(v)}`);
}

/** Renders the first page of a PDF to e2e/screenshots/<name>.png (poppler's pdftoppm, 60 dpi). */
function renderPdf(bytes: Buffer, name: string): void {
  if (!HAS_PDFTOPPM) {
    console.warn("web-self-eval-campaign: pdftoppm (poppler-utils) missing — the PDF was checked, not rendered");
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-se-pdf-"));
  try {
    writeFileSync(path.join(dir, "r.pdf"), bytes);
    const r = spawnSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      path.join(dir, "r.pdf"),
      path.join(dir, "p"),
    ]);
    assert.equal(r.status, 0, String(r.stderr));
    const png = readdirSync(dir).find((f) => f.endsWith(".png"));
    assert.ok(png, "a page was rendered");
    renameSync(path.join(dir, png), path.join(ROOT, "e2e/screenshots", `${name}.png`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function openSelfEval(page: Page, url: string, projectId: number): Promise<void> {
  await page.goto(`${url}/projects/${projectId}/self-evaluation`);
  await page.getByTestId("se-status").waitFor();
}

async function status(page: Page, text: string): Promise<void> {
  await page.getByTestId("se-status").filter({ hasText: text }).waitFor();
}

test("web: a self-evaluation round from opening to 抽评, reports, published results and budget advice", {
  timeout: loadScaledDeadline(420_000),
}, async (t) => {
  if (!CHROMIUM) {
    t.skip(SKIP_REASON);
    return;
  }
  const srv = await startServer({ demo: true });
  const browser = await launch();
  try {
    // Setup not under test: the department's 表12 is public, so results have a page to sit beside.
    const financeApi = await apiLogin(srv.url, "finance", "demo-finance");
    const pub = await financeApi<{ id: number }>("POST", "/publications", { fiscalYear: 2024, deptCode: "151" });
    const unitApi = await apiLogin(srv.url, "unit151001", "demo-unit-151001");
    const list = await unitApi<{ items: { id: number; name: string }[] }>("GET", "/projects?fiscalYear=2024&limit=50");
    const projectId = list.items.find((p) => p.name === PROJECT)?.id;
    assert.ok(projectId, `${PROJECT} is a seed project of unit 151001`);

    const ctx = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    await ctx.addInitScript(() => localStorage.setItem("jixiao.lang", "zh"));
    const page = await ctx.newPage();
    const errors = watchErrors(page);

    // 1. The finance bureau opens the 2024 round for its region with a due date.
    await login(page, srv.url, "finance", "demo-finance");
    await page.getByRole("menuitem", { name: /绩效自评/ }).click();
    await page.waitForURL(/\/evaluation-rounds$/);
    await page.getByTestId("open-eval-round").click();
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const dueInput = page.getByRole("dialog").getByLabel("自评截止日期");
    await dueInput.fill(due);
    // Leaving the field takes the typed date (Enter would submit the form at once).
    await page.getByRole("dialog").getByText("预算年度").click();
    await page.getByTestId("open-eval-round-ok").click();
    await page.waitForURL(/\/evaluation-rounds\/\d+$/);
    const roundUrl = page.url();
    await page.getByRole("heading", { name: /2024 年度绩效自评/ }).waitFor();
    await page.getByTestId("progress-table").getByText("呼和浩特市总工会").waitFor();
    await shot(page, "self-eval-01-round-opened");
    await a11y(page, "the round dashboard");
    await page.goto(`${srv.url}/evaluation-rounds`);
    await page.locator("[data-testid^='eval-round-']").first().waitFor();
    await a11y(page, "the rounds list");
    await logout(page);

    // 2. The unit fills: every row at its target but one, which scores below its weight.
    await login(page, srv.url, "unit151001", "demo-unit-151001");
    await page.goto(`${srv.url}/todo`);
    await page.getByTestId("todo-selfEvaluations").getByRole("link", { name: PROJECT }).click();
    await page.getByTestId("se-status").waitFor();
    await status(page, "填报中");
    const view = await unitApi<{ table: Table }>("GET", `/projects/${projectId}/self-evaluation`);
    await page.getByRole("spinbutton", { name: "全年执行数", exact: true }).fill("6.5");
    // The funding split: all of it this year's appropriation.
    for (const line of ["年度资金总额", "其中：本年财政拨款"]) {
      await page.getByRole("spinbutton", { name: `${line} 全年预算数` }).fill("7");
      await page.getByRole("spinbutton", { name: `${line} 全年执行数` }).fill("6.5");
    }
    for (const [i, ind] of view.table.indicators.entries()) {
      const row = page.getByTestId(`se-row-${i}`);
      if (ind.nature === "定性") await row.locator("select").selectOption("达成");
      await row.getByLabel(/实际完成值$/).fill(ind.name === LOW_ROW ? "35" : String(ind.target));
    }
    const low = view.table.indicators.findIndex((ind) => ind.name === LOW_ROW);
    assert.ok(low >= 0, `${LOW_ROW} is a row of ${PROJECT}`);
    // Below its weight without a reason: the cell says so, in words.
    await page.getByTestId(`reason-required-${low}`).waitFor();
    assert.match(
      (await page.getByTestId(`reason-required-${low}`).textContent()) ?? "",
      /得分低于分值，须填写偏差原因分析及改进措施/,
    );
    await page
      .getByLabel("主要问题及整改措施")
      .fill("部分退休人员外出或住院，未能按期参检。下年度提前摸底并分批组织体检。");
    await page.getByLabel("自评结论").fill("项目总体完成年度绩效目标，体检参检人数未达预期，已制定整改措施。");
    await page.getByTestId("se-save").click();
    await page.getByText(/已保存，总分/).waitFor();
    // Submitting without the reason is refused, in words (the code only in the details line).
    await page.getByTestId("se-submit").click();
    const refusal = page.locator(".ant-message-notice").filter({ hasText: /偏差原因/ });
    await refusal.waitFor();
    assert.doesNotMatch((await refusal.textContent()) ?? "", /self-eval\.incomplete/, "no code in the message");
    await status(page, "填报中");
    await shot(page, "self-eval-02-unit-reason-required");
    await a11y(page, "the self-evaluation form");

    // Evidence: a PDF (printed by chromium) attached to the whole evaluation.
    const printer = await ctx.newPage();
    await printer.setContent(
      "<html lang='zh-CN'><body><h1>退休人员体检验收报告</h1><p>参检 35 人，体检机构：市第一医院。</p></body></html>",
    );
    const evidencePdf = await printer.pdf({ format: "A4" });
    await printer.close();
    await page
      .getByTestId("evidence")
      .locator("input[type=file]")
      .setInputFiles({ name: "体检验收报告.pdf", mimeType: "application/pdf", buffer: Buffer.from(evidencePdf) });
    await page.getByTestId("evidence").getByRole("link", { name: "体检验收报告.pdf" }).waitFor();

    await page.getByTestId(`reason-${low}`).fill("人数不足");
    await page.getByTestId("se-submit").click();
    await status(page, "已提交待审核");
    // Submitted: the evidence can no longer be deleted.
    assert.equal(await page.getByTestId("evidence").getByRole("button", { name: /删除/ }).isDisabled(), true);
    await logout(page);

    // 3. The department returns it once: the 偏差原因 analysis is missing.
    await login(page, srv.url, "dept151", "demo-dept-151");
    await page.goto(`${srv.url}/todo`);
    await page.getByTestId("todo-selfEvaluationsToReview").getByRole("link", { name: PROJECT }).click();
    await status(page, "已提交待审核");
    // The reviewer sees and downloads the evidence.
    const [evidence] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("evidence").getByRole("link", { name: "体检验收报告.pdf" }).click(),
    ]);
    assert.equal(
      readFileSync(await evidence.path())
        .subarray(0, 5)
        .toString("latin1"),
      "%PDF-",
    );
    await page.getByTestId("se-return").click();
    await page.getByLabel("退回意见（单位可见）").fill("参检人数偏差原因未作分析，请说明未参检原因及改进措施");
    await page.getByTestId("se-return-ok").click();
    await status(page, "已退回待修改");
    await logout(page);

    // The unit fixes the reason and submits again.
    await login(page, srv.url, "unit151001", "demo-unit-151001");
    await openSelfEval(page, srv.url, projectId);
    await status(page, "已退回待修改");
    await page
      .getByTestId("se-return-reason")
      .getByText(/请说明未参检原因/)
      .waitFor();
    await page
      .getByTestId(`reason-${low}`)
      .fill("9名退休人员长期异地居住、6名住院，未能按期参检；下年度提前摸底，异地人员委托当地机构体检。");
    await page.getByTestId("se-submit").click();
    await status(page, "已提交待审核");
    await logout(page);

    // The department accepts.
    await login(page, srv.url, "dept151", "demo-dept-151");
    await openSelfEval(page, srv.url, projectId);
    await page.getByTestId("se-accept").click();
    await status(page, "部门已审核通过");
    await logout(page);

    // 4. The finance bureau samples the project for 抽评 and scores one row lower.
    await login(page, srv.url, "finance", "demo-finance");
    await page.goto(roundUrl);
    await page.getByRole("tab", { name: "抽评" }).click();
    const line = page
      .getByRole("tabpanel")
      .locator("tr", { has: page.getByRole("link", { name: PROJECT, exact: true }) });
    await line.getByRole("checkbox").check();
    await page.getByTestId("sample-chosen").click();
    await page.getByRole("tabpanel").getByTestId(`sampled-${projectId}`).waitFor();
    await openSelfEval(page, srv.url, projectId);
    const spot = page.getByTestId("spot-check");
    const spotIndex = view.table.indicators.findIndex((ind) => ind.name === SPOT_ROW);
    assert.ok(spotIndex >= 0, `${SPOT_ROW} is a row of ${PROJECT}`);
    await spot
      .getByTestId(`spot-row-${spotIndex}`)
      .getByLabel(/财政核实值$/)
      .fill("50");
    await spot.getByTestId("spot-save").click();
    const findings = spot.getByTestId("spot-findings");
    await findings.waitFor();
    assert.match(
      (await findings.textContent()) ?? "",
      new RegExp(`${SPOT_ROW}：单位 [\\d.]+ 分，财政 [\\d.]+ 分，相差`),
    );
    assert.equal(await spot.getByTestId(`spot-row-${spotIndex}`).getAttribute("data-beyond"), "true");
    assert.match((await spot.getByTestId("spot-total-diff").textContent()) ?? "", /^-\d/, "finance scores lower");
    await shot(page, "self-eval-03-finance-spot-check");
    await a11y(page, "the self-evaluation with 抽评");

    // 5. Downloads: the 自评报告 PDF (looked at as a PNG) and the department summary.
    const [report] = await Promise.all([
      page.waitForEvent("download", { timeout: loadScaledDeadline(60_000) }),
      page.locator('[data-format="report-pdf"]').click(),
    ]);
    const reportBytes = readFileSync(await report.path());
    assert.equal(reportBytes.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.match(report.suggestedFilename(), /\.pdf$/);
    renderPdf(reportBytes, "self-eval-04-report-pdf");
    await page.goto(roundUrl);
    await page.getByRole("heading", { name: /2024 年度绩效自评/ }).waitFor();
    const [summary] = await Promise.all([
      page.waitForEvent("download", { timeout: loadScaledDeadline(60_000) }),
      page.locator('[data-format="summary-xlsx"]').click(),
    ]);
    assert.equal(
      readFileSync(await summary.path())
        .subarray(0, 2)
        .toString("latin1"),
      "PK",
    );
    const [summaryPdf] = await Promise.all([
      page.waitForEvent("download", { timeout: loadScaledDeadline(60_000) }),
      page.locator('[data-format="summary-pdf"]').click(),
    ]);
    const summaryBytes = readFileSync(await summaryPdf.path());
    assert.equal(summaryBytes.subarray(0, 5).toString("latin1"), "%PDF-");
    renderPdf(summaryBytes, "self-eval-05-summary-pdf");

    // 6. Results use: the advice of the grade, with the advised amount; then publish.
    await page.getByRole("tab", { name: "结果应用" }).click();
    const advice = page.getByTestId(`advice-${projectId}`);
    await advice.waitFor();
    const adviceRow = page.getByTestId("budget-advice").locator("tr", { has: advice });
    const cells = await adviceRow.locator("td").allTextContents();
    const budget = (cells[2] ?? "").replace(/,/g, "");
    const grade = (cells[4] ?? "").replace(/（抽评）$/, "");
    assert.match(budget, /^\d+\.\d{2}$/, "the budget with 千分位, two decimals");
    const expected = budgetAdvice(grade, budget, DEFAULT_BUDGET_ADVICE_POLICY);
    assert.equal(await advice.textContent(), expected.labelZh, `the advice of grade ${grade}`);
    assert.equal(
      (await page.getByTestId(`advice-amount-${projectId}`).textContent())?.replace(/,/g, ""),
      Number(expected.amount).toFixed(2),
    );
    await shot(page, "self-eval-06-budget-advice");
    await a11y(page, "the budget advice");
    await page.getByTestId("publish-results").click();
    await page.getByTestId("publish-results-ok").click();
    await page
      .getByText(/已公开/)
      .first()
      .waitFor();
    // The 整改 list: tasks come from 中/差 results (none in this round's grade); the page reads either way.
    await page.getByRole("menuitem", { name: /整改任务/ }).click();
    await page.getByRole("heading", { name: /整改任务/ }).waitFor();
    await a11y(page, "the 整改 list");
    await logout(page);

    // 7. The public page shows the published result beside 表12.
    await page.goto(`${srv.url}/public/${pub.id}`);
    const published = page.getByTestId("public-self-eval");
    await published.getByText(PROJECT).waitFor();
    await shot(page, "self-eval-07-public-results");
    await a11y(page, "the public page with results");

    assert.deepEqual(errors, [], "no uncaught errors in the page");
  } finally {
    await browser.close();
    await srv.stop();
  }
});
