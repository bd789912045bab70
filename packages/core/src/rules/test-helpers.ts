/**
 * Test factories: a well-formed project (modelled on the seed's 退休人员体检费, with its goal
 * fixed to 70 people) that passes every rule, and builders with overrides to break one thing.
 */
import type { Indicator, Project, TargetDocument } from "../model/document.ts";
import { FORMAT_ID } from "../model/document.ts";
import type { ReviewPolicy } from "../policy/policy.ts";
import { DEFAULT_REVIEW_POLICY } from "../policy/presets.ts";
import { review } from "../review.ts";
import type { Finding } from "./finding.ts";
import type { Rule } from "./rule.ts";

export function buildIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    level1: "产出指标",
    level2: "数量指标",
    name: "参加体检的退休人数",
    nature: "正向",
    operator: "≥",
    target: "70",
    unit: "人",
    weight: 10,
    ...overrides,
  };
}

/** The indicators of a well-formed project: 产出 50, 效益 30, 满意度 10 = 90; cost 1000 元/人 × 70 人 = 7 万元. */
export function wellFormedIndicators(): Indicator[] {
  return [
    buildIndicator(),
    buildIndicator({ level2: "质量指标", name: "退休人员体检覆盖率", target: "100", unit: "%" }),
    buildIndicator({
      level2: "时效指标",
      name: "体检完成时间",
      nature: "定性",
      operator: null,
      target: "2024年12月前完成",
      unit: null,
    }),
    buildIndicator({ level2: "成本指标", name: "退休人员体检标准", operator: "=", target: "1000", unit: "元/人" }),
    buildIndicator({
      level2: "成本指标",
      name: "体检费总额",
      nature: "反向",
      operator: "≤",
      target: "7",
      unit: "万元",
    }),
    buildIndicator({
      level1: "效益指标",
      level2: "社会效益",
      name: "保障退休人员身体健康",
      nature: "定性",
      operator: null,
      target: "有效保障",
      unit: null,
      weight: 15,
    }),
    buildIndicator({
      level1: "效益指标",
      level2: "可持续影响",
      name: "为退休人员身心健康提供保障",
      nature: "定性",
      operator: null,
      target: "长期有效",
      unit: null,
      weight: 15,
    }),
    buildIndicator({ level1: "满意度指标", level2: "服务对象满意度", name: "服务对象满意度", target: "95", unit: "%" }),
  ];
}

export function buildProject(overrides: Partial<Project> = {}): Project {
  return {
    name: "退休人员体检费",
    unitCode: "151001",
    unitName: "呼和浩特市总工会",
    category: "部门预算项目",
    budget: 7,
    goal: "通过对70名退休人员进行体检，完成退休人员体检工作，为退休人员身心健康提供保障。",
    indicators: wellFormedIndicators(),
    ...overrides,
  };
}

/** A project whose indicator at `index` is replaced by the well-formed one with `overrides`. */
export function projectWith(index: number, overrides: Partial<Indicator>, project: Partial<Project> = {}): Project {
  const p = buildProject(project);
  p.indicators[index] = { ...p.indicators[index]!, ...overrides };
  return p;
}

export function buildDocument(
  projects: Project[] = [buildProject()],
  overrides: Partial<TargetDocument> = {},
): TargetDocument {
  return {
    format: FORMAT_ID,
    department: { code: "151", name: "呼和浩特市总工会" },
    fiscalYear: 2024,
    moneyUnit: "万元",
    projects,
    ...overrides,
  };
}

/** Findings of one rule on a document (or a single project), under a policy. */
export function findingsOf(
  rule: Rule,
  input: TargetDocument | Project,
  policy: ReviewPolicy = DEFAULT_REVIEW_POLICY,
): Finding[] {
  const doc = "projects" in input ? input : buildDocument([input]);
  return review(doc, policy, [rule]);
}
