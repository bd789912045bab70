/**
 * Import with per-project choices (issue 12 item 7), on every driver: a foreign unit's project and
 * an existing one no longer block the file; reasons are separate; an existing draft can be updated
 * (with its diff in the preview); a choice a project does not allow refuses the whole commit.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { seedDocument } from "./demo/load-demo.ts";
import { buildProject, multipart, openTestApp, type TestApp } from "./http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`import with choices (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("create / update a draft / skip, per project, with separate reasons", async () => {
      const staff = await t.login("unit151001");
      const draft = (
        await staff.request("POST", "/api/v1/projects", {
          fiscalYear: 2024,
          project: buildProject({ name: "导入更新草稿" }),
        })
      ).json();
      const seed = seedDocument();
      const base = seed.projects[0]!;
      const doc = {
        ...seed,
        fiscalYear: 2024,
        projects: [
          { ...base, name: "导入新建项目" },
          { ...base, name: "导入更新草稿", budget: base.budget + 3 },
          { ...base, name: "外单位项目", unitCode: "151002", unitName: "工人文化宫" },
          seed.projects[1]!, // exists in 151001 and is approved
          { ...base, name: "导入新建项目" }, // twice in the file
        ],
      };
      const m = multipart("choices.json", JSON.stringify(doc));
      const pv = await staff.request("POST", "/api/v1/imports/preview", m.body, m.headers);
      assert.equal(pv.statusCode, 200, pv.body);
      const projects = pv.json().projects;
      assert.deepEqual(
        projects.map((p: { reason: string; actions: string[] }) => [p.reason, p.actions]),
        [
          ["ok", ["create", "skip"]],
          ["exists-draft", ["update", "skip"]],
          ["no-permission", ["skip"]],
          ["exists-locked", ["skip"]],
          ["duplicate-in-file", ["skip"]],
        ],
      );
      assert.deepEqual(projects[1].changes, [{ path: "budget", before: base.budget, after: base.budget + 3 }]);
      assert.equal(projects[1].existingId, draft.id);
      const id = pv.json().previewId;
      // A choice the project does not allow refuses everything.
      const bad = await staff.request("POST", `/api/v1/imports/${id}/commit`, {
        choices: [{ index: 2, action: "create" }],
      });
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().error.code, "import.refused");
      assert.match(bad.json().error.message, /单位不在您的权限范围内/);
      assert.equal((await staff.request("GET", "/api/v1/projects?q=导入新建项目")).json().total, 0);
      // The defaults: create the new one, update the draft, skip the rest.
      const ok = await staff.request("POST", `/api/v1/imports/${id}/commit`, { choices: [] });
      assert.equal(ok.statusCode, 201, ok.body);
      const r = ok.json();
      assert.deepEqual(
        r.created.map((p: { name: string }) => p.name),
        ["导入新建项目"],
      );
      assert.deepEqual(
        r.updated.map((p: { id: number; budget: number }) => [p.id, p.budget]),
        [[draft.id, base.budget + 3]],
      );
      assert.deepEqual(
        r.skipped.map((s: { index: number; reason: string }) => [s.index, s.reason]),
        [
          [2, "no-permission"],
          [3, "exists-locked"],
          [4, "duplicate-in-file"],
        ],
      );
      // Without choices the import stays all-or-nothing.
      const m2 = multipart("again.json", JSON.stringify(doc));
      const pv2 = (await staff.request("POST", "/api/v1/imports/preview", m2.body, m2.headers)).json();
      const all = await staff.request("POST", `/api/v1/imports/${pv2.previewId}/commit`, {});
      assert.equal(all.json().error.code, "import.refused");
    });
  });
}
