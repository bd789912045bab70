/**
 * The audit log as a readable timeline (issue 14 item 6), on every driver: actions, objects and
 * before/after fields in words (never a code, a field path or JSON); date-range and actor
 * filters; an xlsx export in the reader's language with spreadsheet-safe cells; finance and
 * admin of the region only.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { DRIVERS } from "./db/test-databases.ts";
import { buildProject, openTestApp, type TestApp } from "./http/test-app.ts";

interface Change {
  path: string;
  field: string;
  fieldEn: string;
  before: string;
  after: string;
  beforeEn: string;
  afterEn: string;
}
interface Item {
  id: number;
  at: string;
  username: string;
  actorName: string;
  action: string;
  actionLabel: string;
  actionLabelEn: string;
  object: string;
  objectEn: string;
  projectName: string | null;
  changes: Change[];
}

const CODE = /\b[a-z]+(?:[.-][a-z0-9]+)*\.[a-z][a-z0-9-]+\b|\w+\[\d+\]\.\w+|\{"/;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  return rows;
}

for (const driver of DRIVERS) {
  describe(`audit timeline (${driver.name})`, () => {
    let t: TestApp;
    let projectId = 0;
    before(async () => {
      t = await openTestApp(driver);
      const staff = await t.login("unit151001");
      const p = (
        await staff.request("POST", "/api/v1/projects", {
          fiscalYear: 2024,
          project: buildProject({ name: "=审计测试项目" }),
        })
      ).json();
      projectId = p.id;
      const indicators = p.table.indicators.map((x: { weight: number }, i: number) =>
        i === 0 ? { ...x, weight: x.weight + 1 } : i === 1 ? { ...x, weight: x.weight - 1 } : x,
      );
      const saved = await staff.request("PUT", `/api/v1/projects/${p.id}/table`, {
        project: { ...p.table, budget: p.table.budget + 2.5, indicators },
        rowVersion: p.rowVersion,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const submitted = await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation: "说明" });
      assert.equal(submitted.statusCode, 200, submitted.body);
    });
    after(async () => t.close());

    test("entries read in words: who, what, on which project by name, fields in the table's words", async () => {
      const fin = await t.login("finance");
      const r = await fin.request("GET", `/api/v1/audit?entity=project&entityId=${projectId}`);
      assert.equal(r.statusCode, 200, r.body);
      const items: Item[] = r.json().items;
      const actions = items.map((i) => i.action).reverse();
      assert.deepEqual(actions, ["project.create", "table.update", "workflow.submit"]);
      const byAction = new Map(items.map((i) => [i.action, i]));
      assert.equal(byAction.get("workflow.submit")?.actionLabel, "提交审核");
      assert.equal(byAction.get("table.update")?.actionLabel, "修改目标表");
      assert.equal(byAction.get("table.update")?.actionLabelEn, "Edited the table");
      for (const i of items) {
        assert.equal(i.projectName, "=审计测试项目");
        assert.equal(i.object, "项目「=审计测试项目」");
        assert.equal(i.username, "unit151001");
        assert.ok(i.actorName.length > 0, "the actor's name");
      }
      const edit = byAction.get("table.update")!;
      const fields = edit.changes.map((c) => c.field).sort();
      assert.deepEqual(fields, ["第1条指标 · 分值", "第2条指标 · 分值", "预算数"].sort());
      const budget = edit.changes.find((c) => c.path === "budget")!;
      assert.equal(Number(budget.after) - Number(budget.before), 2.5);
      const submit = byAction.get("workflow.submit")!;
      const status = submit.changes.find((c) => c.path === "status");
      assert.deepEqual([status?.before, status?.after], ["草稿", "已提交"]);
      assert.deepEqual([status?.beforeEn, status?.afterEn], ["Draft", "Submitted"]);
      // Nothing a reader sees is a code, a path or JSON.
      for (const i of items) {
        const shown = [i.actionLabel, i.actionLabelEn, i.object, i.objectEn];
        for (const c of i.changes) shown.push(c.field, c.fieldEn, c.before, c.after, c.beforeEn, c.afterEn);
        for (const s of shown) assert.doesNotMatch(s, CODE, `${i.action}: ${s}`);
      }
    });

    test("date range and actor filters", async () => {
      const fin = await t.login("finance");
      const q = async (query: string) => {
        const r = await fin.request("GET", `/api/v1/audit?entity=project&entityId=${projectId}&${query}`);
        assert.equal(r.statusCode, 200, r.body);
        return r.json().items as Item[];
      };
      assert.equal((await q(`from=${day(-1)}&to=${day(1)}`)).length, 3);
      assert.equal((await q(`from=${day(0)}&to=${day(0)}`)).length, 3, "a bare day covers the whole day");
      assert.equal((await q(`from=${day(1)}`)).length, 0);
      assert.equal((await q(`to=${day(-1)}`)).length, 0);
      const all = await q("");
      const middle = all[1]!.at;
      const upTo = await q(`to=${encodeURIComponent(middle)}`);
      assert.deepEqual(
        upTo.map((i) => i.action),
        all.slice(1).map((i) => i.action),
        "an instant bounds exactly",
      );
      assert.equal((await q("username=unit151001")).length, 3);
      assert.equal((await q("username=dept151")).length, 0);
      const bad = await fin.request("GET", "/api/v1/audit?from=yesterday");
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.message, "起始日期应写作 2025-06-30 的形式");
      const actors = (await fin.request("GET", "/api/v1/audit/actors")).json().items as {
        username: string;
        displayName: string;
      }[];
      const clerk = actors.find((a) => a.username === "unit151001");
      assert.ok(clerk && clerk.displayName.length > 0, JSON.stringify(actors));
    });

    test("xlsx export: one row per changed field, in words, formulas neutralised; zh and en", async () => {
      const fin = await t.login("finance");
      const r = await fin.request("GET", `/api/v1/audit/export.xlsx?entity=project&entityId=${projectId}`);
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers["content-type"]), /spreadsheetml/);
      assert.match(String(r.headers["content-disposition"]), /attachment/);
      const rows = await sheetRows(r.rawPayload);
      assert.deepEqual(rows[0], ["时间（北京时间）", "用户", "操作", "对象", "字段", "修改前", "修改后"]);
      const edits = rows.filter((x) => x[2] === "修改目标表");
      assert.deepEqual(edits.map((x) => x[4]).sort(), ["第1条指标 · 分值", "第2条指标 · 分值", "预算数"].sort());
      // A project name starting with = is text, never a formula.
      assert.ok(rows.slice(1).every((x) => x[3] === "'项目「=审计测试项目」" || x[3] === "项目「=审计测试项目」"));
      const nameCells = rows.slice(1).filter((x) => x[4] === "项目 · 名称");
      assert.ok(nameCells.length > 0 && nameCells.every((x) => x[6] === "'=审计测试项目"), JSON.stringify(nameCells));
      for (const x of rows.slice(1)) for (const c of x) assert.doesNotMatch(c, CODE, c);
      const en = await fin.request("GET", `/api/v1/audit/export.xlsx?entity=project&entityId=${projectId}&lang=en`);
      const enRows = await sheetRows(en.rawPayload);
      assert.equal(enRows[0]![2], "Action");
      assert.ok(enRows.some((x) => x[2] === "Edited the table" && x[4] === "Budget"));
    });

    test("only finance reviewers and admins of the region read or export it", async () => {
      const staff = await t.login("unit151001");
      assert.equal((await staff.request("GET", "/api/v1/audit")).statusCode, 403);
      assert.equal((await staff.request("GET", "/api/v1/audit/export.xlsx")).statusCode, 403);
      const foreign = await t.login("f_admin");
      const theirs = (await foreign.request("GET", `/api/v1/audit?entity=project&entityId=${projectId}`)).json();
      assert.deepEqual(theirs.items, []);
    });
  });
}
