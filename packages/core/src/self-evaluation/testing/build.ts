/**
 * Small builders for self-evaluation tests: a project with one or more indicator rows, every field
 * spelled out so each test states only what it is about.
 */
import type { Indicator, Project } from "../../model/document.ts";

/** A 正向 ≥ indicator in 人, weight 10, target 100, actual 100, unless told otherwise. */
export function indicator(over: Partial<Indicator> = {}): Indicator {
  return {
    level1: "产出指标",
    level2: "数量指标",
    name: "受益人数",
    nature: "正向",
    operator: "≥",
    target: "100",
    unit: "人",
    weight: 10,
    actual: 100,
    ...over,
  };
}

/** A project with budget 100 and executed 100 and the given rows (one full-marks 90-point row by default). */
export function project(over: Partial<Project> = {}): Project {
  return {
    name: "职工帮扶",
    unitCode: "151001",
    unitName: "呼和浩特市总工会",
    category: "部门预算项目",
    budget: 100,
    goal: "",
    executed: 100,
    indicators: [indicator({ weight: 90 })],
    ...over,
  };
}
