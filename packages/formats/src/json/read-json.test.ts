// The exchange format round-trips unchanged in both framework layouts, and bad JSON gets
// coded diagnostics that point at the path.
import assert from "node:assert/strict";
import { test } from "node:test";
import { generateDepartment } from "../../../../bench/generator/department.ts";
import { readJson, writeJson } from "./read-json.ts";

test("both layouts round-trip unchanged through JSON", () => {
  for (const layout of ["older", "cost-first-level-2021"] as const) {
    for (let seed = 1; seed <= 20; seed++) {
      const doc = generateDepartment(seed, { layout });
      const back = readJson(writeJson(doc));
      assert.deepEqual(back.diagnostics, []);
      assert.deepEqual(back.value, doc);
    }
  }
  const cost2021 = generateDepartment(5, { layout: "cost-first-level-2021" });
  assert.ok(cost2021.projects.some((p) => p.indicators.some((i) => i.level1 === "成本指标")));
  const older = generateDepartment(5, { layout: "older" });
  assert.ok(older.projects.some((p) => p.indicators.some((i) => i.level1 === "产出指标" && i.level2 === "成本指标")));
});

test("syntax errors and schema violations are coded, never thrown", () => {
  assert.equal(readJson("{").diagnostics[0]?.code, "json.syntax");
  const bad = readJson(JSON.stringify({ format: "jixiao.targets/1", moneyUnit: "美元", projects: [{ name: 1 }] }));
  assert.equal(bad.value, null);
  assert.ok(bad.diagnostics.every((d) => d.code === "json.schema" && d.severity === "error"));
  assert.ok(bad.diagnostics.some((d) => d.cell === "/moneyUnit"));
  assert.ok(bad.diagnostics.some((d) => d.cell?.startsWith("/projects/0")));
});
