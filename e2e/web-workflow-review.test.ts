/**
 * Browser journeys of the finance office's workflow (issue 12), one server for the file:
 * 1. a unit creates a project from a blank table and one by 复制上年;
 * 2. a blocked submission is explained (强制审核 findings listed in words), fixed, and submitted
 *    with a 说明 (提示性审核);
 * 3. a two-level review: 主管部门初审 passes it, 预算处 returns it with a reason, the unit changes the
 *    budget and resubmits, the first level sees exactly that change highlighted, both approve;
 *    the timeline reads who / what / why;
 * 4. a comment placed on a cell by the reviewer is seen at that cell and answered in the editor
 *    after the unit inserted a row above it (comments follow the indicator, not the position).
 * Screenshots go to e2e/screenshots/workflow-*.png.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { seedDocument } from "../packages/server/src/demo/load-demo.ts";
import { CHROMIUM, launch, SKIP_REASON, shot } from "./support/browser.ts";
import { login, logout, VIEWPORT, watchErrors } from "./support/pages.ts";
import { ADMIN_PASSWORD, apiLogin, type RunningServer, startServer } from "./support/server.ts";

const CLERK = { username: "clerk", password: "staff-password-1" };
const DEPT = { username: "deptrev", password: "dept-password-1" };
const FIN = { username: "finrev", password: "fin-password-1" };
const LAST_YEAR_NAME = seedDocument().projects[0]!.name; // 退休人员体检费

describe("web: projects and review workflow", { skip: CHROMIUM ? false : SKIP_REASON }, () => {
  let srv: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  before(async () => {
    srv = await startServer({ demo: false });
    browser = await launch();
    const admin = await apiLogin(srv.url, "admin", ADMIN_PASSWORD);
    for (const y of [2023, 2024]) {
      await admin("POST", "/departments", { fiscalYear: y, code: "151", name: "呼和浩特市总工会" });
      await admin("POST", "/units", { fiscalYear: y, code: "151001", name: "呼和浩特市总工会" });
    }
    await admin("POST", "/users", { ...CLERK, displayName: "总工会填报员", role: "unit_staff", unitCode: "151001" });
    await admin("POST", "/users", { ...DEPT, displayName: "主管部门审核", role: "dept_reviewer", deptCode: "151" });
    await admin("POST", "/users", { ...FIN, displayName: "预算处审核", role: "finance_reviewer" });
    // Last year's approved table of the unit (the thing 复制上年 copies).
    const last = await admin<{ id: number }>("POST", "/projects", {
      fiscalYear: 2023,
      project: seedDocument().projects[0],
    });
    await admin("POST", `/projects/${last.id}/submit`, { explanation: "上年说明" });
    await admin("POST", `/projects/${last.id}/approve`, {});
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    page = await ctx.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  const pick = async (label: string, option: string | RegExp) => {
    await page.getByRole("dialog").getByRole("combobox", { name: label }).click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option }).first().click();
  };

  test("create from a blank table and by 复制上年; a blocked submission explained, fixed, submitted with a 说明", async () => {
    await login(page, srv.url, CLERK.username, CLERK.password);
    await page.goto(`${srv.url}/projects`);
    // Blank.
    await page.getByRole("button", { name: /新建项目/ }).click();
    await pick("项目单位", "151001");
    await page.getByRole("textbox", { name: "项目名称" }).fill("职工书屋建设");
    await page.getByRole("spinbutton", { name: "预算数" }).fill("12.5");
    await page.getByRole("textbox", { name: "年度绩效目标" }).fill("建成职工书屋10个");
    await shot(page, "workflow-01-new-blank");
    await page.getByRole("button", { name: /创\s*建/ }).click();
    await page.waitForURL(/\/projects\/\d+$/);
    await page.getByRole("heading", { name: "职工书屋建设" }).waitFor();
    // An empty table cannot be submitted: the dialog says why, in words.
    await page.getByRole("button", { name: /提交审核/ }).click();
    await page.getByText("还不能提交：有必须修改的问题").waitFor();
    assert.ok((await page.getByTestId("gate-findings").locator("li").count()) > 0);
    await shot(page, "workflow-02-blocked-empty");
    await page.getByRole("button", { name: /去修改/ }).click();

    // The same name again in the same unit and year is refused with a clear message.
    await page.goto(`${srv.url}/projects`);
    await page.getByRole("button", { name: /新建项目/ }).click();
    await pick("项目单位", "151001");
    await page.getByRole("textbox", { name: "项目名称" }).fill("职工书屋建设");
    await page.getByRole("button", { name: /创\s*建/ }).click();
    await page.getByText(/已有名为「职工书屋建设」的项目/).waitFor();
    await page.getByRole("button", { name: /取\s*消/ }).click();

    // 复制上年: last year's approved indicators come along; the name is proposed.
    await page.getByRole("button", { name: /新建项目/ }).click();
    await page.getByRole("dialog").locator("label", { hasText: "复制上年" }).click();
    await pick("项目单位", "151001");
    await pick("上年项目", LAST_YEAR_NAME);
    assert.equal(await page.getByRole("textbox", { name: "项目名称" }).inputValue(), LAST_YEAR_NAME);
    await page.getByRole("spinbutton", { name: "预算数" }).fill("9");
    await shot(page, "workflow-03-new-last-year");
    await page.getByRole("button", { name: /创\s*建/ }).click();
    await page.waitForURL(/\/projects\/\d+$/);
    const rows = page.locator("tr[data-name]");
    await rows.first().waitFor();
    const copied = seedDocument().projects[0]!.indicators.length;
    assert.equal(await rows.count(), copied, "every indicator of last year's table was copied");

    // Break a weight → the submission is blocked with the weight finding named; fix it.
    const weight = rows.first().locator('td[data-field="weight"] input');
    const original = await weight.inputValue();
    // A numeric cell refuses text visibly.
    await weight.fill("abc");
    await rows.first().getByTestId("weight-invalid").filter({ hasText: "分值须为 0 至 100 的数字" }).waitFor();
    await weight.fill("60");
    await rows.first().getByTestId("weight-invalid").waitFor({ state: "detached" });
    await page.getByRole("button", { name: /提交审核/ }).click();
    await page.getByText("还不能提交：有必须修改的问题").waitFor();
    await shot(page, "workflow-04-blocked-weight");
    await page.getByRole("button", { name: /去修改/ }).click();
    await weight.fill(original);
    // Only advisory findings left: the 说明 is asked for and kept.
    await page.getByRole("button", { name: /提交审核/ }).click();
    await page.getByText("请填写说明").waitFor();
    await page.getByRole("textbox", { name: "说明" }).fill("体检人数含离休人员，口径与目标一致");
    await shot(page, "workflow-05-explain");
    await page.getByTestId("gate-explain-submit").click();
    await page.getByText("已提交审核").first().waitFor();
    await logout(page);
  });

  test("two-level review: pass, return with a reason, resubmit, the reviewer sees the change, approve", async () => {
    const admin = await apiLogin(srv.url, "admin", ADMIN_PASSWORD);
    await admin("PUT", "/settings/review", {
      chain: [
        { name: "主管部门初审", roles: ["dept_reviewer"] },
        { name: "预算处批复", roles: ["finance_reviewer"] },
      ],
    });
    const clerk = await apiLogin(srv.url, CLERK.username, CLERK.password);
    const list = await clerk<{ items: { id: number; name: string }[] }>("GET", "/projects?fiscalYear=2024");
    const id = list.items.find((p) => p.name === LAST_YEAR_NAME)!.id;
    // It was submitted under the one-level chain: withdraw and resubmit under the new one.
    await clerk("POST", `/projects/${id}/withdraw`, {});
    await clerk("POST", `/projects/${id}/submit`, { explanation: "体检人数含离休人员，口径与目标一致" });

    await login(page, srv.url, DEPT.username, DEPT.password);
    // 待办: the menu counts it; the list links to it; the notice says it was submitted.
    await page.goto(`${srv.url}/todo`);
    await page.getByTestId("todo-toReview").getByRole("link", { name: LAST_YEAR_NAME }).waitFor();
    await page.getByTestId("notices").getByText(`「${LAST_YEAR_NAME}」已提交`).first().waitFor();
    assert.match((await page.getByTestId("menu-todo").textContent()) ?? "", /待办\s*\d+/);
    await shot(page, "workflow-06a-todo");
    await page.getByTestId("todo-toReview").getByRole("link", { name: LAST_YEAR_NAME }).click();
    await page.getByText("待主管部门初审（第 1/2 级）").waitFor();
    await page.getByTestId("unit-explanation").getByText("口径与目标一致").waitFor();
    await page.getByText("年度绩效目标").first().waitFor();
    await shot(page, "workflow-06-level1");
    await page.getByRole("button", { name: /审核通过/ }).click();
    await page.getByText("已通过本级审核").first().waitFor();
    await logout(page);

    await login(page, srv.url, FIN.username, FIN.password);
    await page.goto(`${srv.url}/projects/${id}/review`);
    await page.getByText("待预算处批复（第 2/2 级）").waitFor();
    await page
      .getByRole("button", { name: /退\s*回/ })
      .first()
      .click();
    await page.getByRole("dialog").getByRole("textbox").fill("预算数与测算依据不符，请核减至 8 万元");
    await page.getByRole("button", { name: /确认退回/ }).click();
    await page.getByText("已退回").first().waitFor();
    await logout(page);

    await login(page, srv.url, CLERK.username, CLERK.password);
    await page.goto(`${srv.url}/projects/${id}`);
    await page.getByText("预算数与测算依据不符").waitFor();
    await page.getByRole("spinbutton", { name: "预算数" }).fill("8");
    await page.getByRole("button", { name: /提交审核/ }).click();
    await page.getByRole("textbox", { name: "说明" }).fill("已按意见核减预算");
    await page.getByTestId("gate-explain-submit").click();
    await page.getByText("已提交审核").first().waitFor();
    await logout(page);

    await login(page, srv.url, DEPT.username, DEPT.password);
    await page.goto(`${srv.url}/projects/${id}/review`);
    const changed = page.getByTestId("changed-budget");
    await changed.waitFor();
    assert.match((await changed.textContent()) ?? "", /9\.00\s*→\s*8\.00/);
    await shot(page, "workflow-07-resubmitted-diff");
    await page.getByRole("button", { name: /审核通过/ }).click();
    await page.getByText("已通过本级审核").first().waitFor();
    await logout(page);

    await login(page, srv.url, FIN.username, FIN.password);
    await page.goto(`${srv.url}/projects/${id}/review`);
    await page.getByRole("button", { name: /批复通过/ }).click();
    await page.getByText("已批复").first().waitFor();
    const timeline = page.getByTestId("timeline");
    await timeline.getByText("预算数与测算依据不符").waitFor();
    assert.match((await timeline.textContent()) ?? "", /finrev\s*审核通过 · 预算处批复/);
    await shot(page, "workflow-08-approved-timeline");
    assert.deepEqual(errors, [], "no uncaught errors in the page");
  });

  test("a comment on a cell follows its indicator after a row is inserted above; answered in the editor", async () => {
    type T = { id: number; rowVersion: number; table: { indicators: { id: string; name: string }[] } };
    const clerk = await apiLogin(srv.url, CLERK.username, CLERK.password);
    const p = await clerk<T>("POST", "/projects", {
      fiscalYear: 2024,
      project: { ...seedDocument().projects[0], name: "批注测试项目" },
    });
    const target = p.table.indicators[7]!;
    await login(page, srv.url, DEPT.username, DEPT.password);
    await page.goto(`${srv.url}/projects/${p.id}/review`);
    const panel = page.getByTestId("comments-panel");
    await panel.getByRole("combobox", { name: "批注位置" }).click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: `#8 ${target.name}` })
      .click();
    await panel.getByRole("textbox", { name: "批注内容" }).fill("覆盖率100%是否留有余地？");
    await panel.getByRole("button", { name: /添加批注/ }).click();
    await panel
      .getByTestId("comment-label")
      .filter({ hasText: `#8 ${target.name} · 目标值` })
      .waitFor();
    await page.locator(`tr[data-name="${target.name}"] td[data-field="target"]`).getByTestId("cell-comment").waitFor();
    await shot(page, "workflow-09-comment-placed");
    await logout(page);

    // The unit inserts a row above it.
    const cur = await clerk<T>("GET", `/projects/${p.id}`);
    const { id: _drop, ...first } = cur.table.indicators[0]!;
    await clerk("PUT", `/projects/${p.id}/table`, {
      project: { ...cur.table, indicators: [{ ...first, name: "新增的首行指标" }, ...cur.table.indicators] },
      rowVersion: cur.rowVersion,
    });

    await login(page, srv.url, CLERK.username, CLERK.password);
    await page.goto(`${srv.url}/projects/${p.id}`);
    const cell = page.locator(`tr[data-name="${target.name}"] td[data-field="target"]`);
    await cell.getByTestId("cell-comment").filter({ hasText: "覆盖率100%是否留有余地" }).waitFor();
    assert.equal(await page.locator('tr[data-row="8"]').getAttribute("data-name"), target.name, "now row 9");
    const editorPanel = page.getByTestId("comments-panel");
    await editorPanel
      .getByTestId("comment-label")
      .filter({ hasText: `#9 ${target.name} · 目标值` })
      .waitFor();
    await editorPanel.getByRole("button", { name: /回\s*复/ }).click();
    await editorPanel.getByRole("textbox", { name: "回复" }).fill("按上年实际覆盖率测算，可以达到");
    await editorPanel.getByRole("button", { name: /发\s*送/ }).click();
    await editorPanel.getByTestId("comment-reply").filter({ hasText: "按上年实际覆盖率测算" }).waitFor();
    await editorPanel.getByRole("button", { name: /标为已处理/ }).click();
    await editorPanel.getByText("已处理", { exact: true }).waitFor();
    await shot(page, "workflow-10-comment-answered");
    assert.deepEqual(errors, [], "no uncaught errors in the page");
  });
});
