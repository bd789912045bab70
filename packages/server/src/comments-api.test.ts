/**
 * Comments belong to indicators, not positions (issue 12 item 5), on every driver: stable ids
 * survive an insert above, labels read in the table's words, replies, 已处理, and a deleted
 * indicator's comments stay readable.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { buildProject, openTestApp, type TestApp } from "./http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`comments anchored to indicators (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("an insert above keeps the anchor; reply; 已处理; deletion keeps the words", async () => {
      const staff = await t.login("unit151001");
      const dept = await t.login("dept151");
      const p = (
        await staff.request("POST", "/api/v1/projects", {
          fiscalYear: 2024,
          project: buildProject({ name: "批注测试" }),
        })
      ).json();
      const ids = p.table.indicators.map((i: { id?: string }) => i.id);
      assert.ok(ids.every(Boolean) && new Set(ids).size === ids.length, "every row has a unique stable id");
      const eighth = p.table.indicators[7];
      const c = await dept.request("POST", `/api/v1/projects/${p.id}/comments`, {
        indicatorId: eighth.id,
        field: "target",
        body: "覆盖率目标是否过高？",
      });
      assert.equal(c.statusCode, 201, c.body);
      assert.equal(c.json().label, `#8 ${eighth.name} · 目标值`);
      // A legacy position anchor becomes the stable one.
      const legacy = (
        await dept.request("POST", `/api/v1/projects/${p.id}/comments`, {
          cell: "indicators[0].weight",
          body: "分值？",
        })
      ).json();
      assert.equal(legacy.indicatorId, p.table.indicators[0].id);
      // The unit inserts a row at the top.
      const inserted = { ...p.table.indicators[0], id: undefined, name: "新插入的指标" };
      delete inserted.id;
      const edited = await staff.request("PUT", `/api/v1/projects/${p.id}/table`, {
        project: { ...p.table, indicators: [inserted, ...p.table.indicators] },
        rowVersion: p.rowVersion,
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().table.indicators[8].id, eighth.id, "ids move with their rows");
      const list = (await staff.request("GET", `/api/v1/projects/${p.id}/comments`)).json().items;
      const mine = list.find((x: { id: number }) => x.id === c.json().id);
      assert.equal(mine.label, `#9 ${eighth.name} · 目标值`, "the label follows the row");
      // Reply and 已处理.
      const reply = await staff.request("POST", `/api/v1/projects/${p.id}/comments`, {
        parentId: mine.id,
        body: "已核实，按上年实际",
      });
      assert.equal(reply.statusCode, 201, reply.body);
      assert.equal(reply.json().indicatorId, eighth.id);
      assert.equal(reply.json().parentId, mine.id);
      const done = await staff.request("POST", `/api/v1/comments/${mine.id}/resolve`, {});
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().resolvedBy, "unit151001");
      // Another unit cannot resolve it (no hint that it exists).
      const other = await t.login("unit151002");
      assert.equal((await other.request("POST", `/api/v1/comments/${mine.id}/resolve`, {})).statusCode, 404);
      // The row is deleted: the comment stays readable with the words it had.
      const cur = (await staff.request("GET", `/api/v1/projects/${p.id}`)).json();
      const without = cur.table.indicators.filter((i: { id: string }) => i.id !== eighth.id);
      await staff.request("PUT", `/api/v1/projects/${p.id}/table`, {
        project: { ...cur.table, indicators: without },
        rowVersion: cur.rowVersion,
      });
      const after = (await dept.request("GET", `/api/v1/projects/${p.id}/comments`)).json().items;
      const gone = after.find((x: { id: number }) => x.id === mine.id);
      assert.equal(gone.orphaned, true);
      assert.equal(gone.label, `#8 ${eighth.name} · 目标值`);
      assert.equal(gone.body, "覆盖率目标是否过高？");
    });
  });
}
