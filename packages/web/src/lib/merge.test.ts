import assert from "node:assert/strict";
import { test } from "node:test";
import type { Indicator, Project } from "@jixiao/core/model/document.ts";
import { diffProjects, mergeProjects } from "./merge.ts";

function ind(over: Partial<Indicator> = {}): Indicator {
  return {
    level1: "产出指标",
    level2: "数量指标",
    name: "参加体检的退休人数",
    nature: "正向",
    operator: "≥",
    target: "70",
    unit: "人",
    weight: 20,
    ...over,
  };
}

function buildProject(over: Partial<Project> = {}): Project {
  return {
    name: "退休人员体检费",
    unitCode: "151001",
    unitName: "呼和浩特市总工会",
    category: "部门预算项目",
    budget: 7,
    goal: "通过对79名退休人员进行体检",
    indicators: [ind(), ind({ name: "体检覆盖率", target: "100", unit: "%", weight: 10 })],
    ...over,
  };
}

test("diffProjects lists changed project fields, changed cells, added and removed rows", () => {
  const a = buildProject();
  const b = buildProject({
    budget: 8,
    indicators: [
      ind({ operator: "≤" }),
      ind({ name: "体检覆盖率", target: "100", unit: "%", weight: 10 }),
      ind({ name: "新" }),
    ],
  });
  assert.deepEqual(diffProjects(a, b), [
    { indicatorIndex: null, field: "budget", before: 7, after: 8, kind: "changed" },
    { indicatorIndex: 0, field: "operator", before: "≥", after: "≤", kind: "changed" },
    { indicatorIndex: 2, field: "name", before: null, after: "新", kind: "added" },
  ]);
  assert.deepEqual(diffProjects(b, a).at(-1), {
    indicatorIndex: 2,
    field: "name",
    before: "新",
    after: null,
    kind: "removed",
  });
});

test("mergeProjects takes each side's own edits and keeps mine on a true conflict", () => {
  const base = buildProject();
  const mine = buildProject({
    goal: "mine goal",
    indicators: [ind({ target: "79" }), ind({ name: "体检覆盖率", target: "100", unit: "%", weight: 10 })],
  });
  const theirs = buildProject({
    budget: 7.5,
    indicators: [ind({ target: "75", weight: 25 }), ind({ name: "体检覆盖率", target: "100", unit: "%", weight: 10 })],
  });
  const { merged, conflicts } = mergeProjects(base, mine, theirs);
  assert.equal(merged.goal, "mine goal"); // only I changed it
  assert.equal(merged.budget, 7.5); // only they changed it
  assert.equal(merged.indicators[0]!.weight, 25); // only they changed it
  assert.equal(merged.indicators[0]!.target, "79"); // both changed: mine kept
  assert.deepEqual(conflicts, [{ indicatorIndex: 0, field: "target", mine: "79", theirs: "75" }]);
});

test("mergeProjects keeps a row they added and honours a removal of a row I did not touch", () => {
  const base = buildProject();
  const mine = buildProject();
  const theirs = buildProject({
    indicators: [
      ind(),
      ind({ name: "体检覆盖率", target: "100", unit: "%", weight: 10 }),
      ind({ name: "满意度", weight: 10 }),
    ],
  });
  assert.equal(mergeProjects(base, mine, theirs).merged.indicators.length, 3);
  const removed = buildProject({ indicators: [ind()] });
  const r = mergeProjects(base, mine, removed);
  assert.equal(r.merged.indicators.length, 1);
  assert.deepEqual(r.conflicts, []);
  // If I edited the row they removed, my typing survives.
  const edited = buildProject({
    indicators: [ind(), ind({ name: "体检覆盖率", target: "99", unit: "%", weight: 10 })],
  });
  assert.equal(mergeProjects(base, edited, removed).merged.indicators[1]!.target, "99");
});
