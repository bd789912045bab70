/**
 * Built-in policies. Every number is a convention of some finance bureau, not a national
 * rule (DOMAIN.md §3), so each is a preset a policy file can extend and override.
 */
import type { ReviewPolicy } from "./policy.ts";

/** 90 points for indicators (10 reserved for 预算执行率), both layouts accepted, no split. */
export const DEFAULT_REVIEW_POLICY: ReviewPolicy = {
  id: "default",
  name: { zh: "默认（指标 90 分，新旧框架均可）", en: "Default (indicators 90 points, either layout)" },
  weightTotal: 90,
  level1Split: null,
  layout: "any",
  requireCost: false,
  minIndicators: 3,
  fiscalYear: null,
  moneyTolerance: 0.01,
  costShortfallRatio: 0.5,
  rules: {},
};

/** 财预〔2021〕101号: cost is a first-level indicator and required; 产出+成本 50, 效益 30, 满意度 10. */
export const COST_FIRST_LEVEL_2021_REVIEW_POLICY: ReviewPolicy = {
  ...DEFAULT_REVIEW_POLICY,
  id: "cost-first-level-2021",
  name: { zh: "2021 框架（成本为一级指标）", en: "2021 layout (cost is first-level)" },
  layout: "cost-first-level-2021",
  requireCost: true,
  level1Split: [
    { level1: ["产出指标", "成本指标"], points: 50 },
    { level1: ["效益指标"], points: 30 },
    { level1: ["满意度指标"], points: 10 },
  ],
};

/** Indicators worth 80 points (预算执行率 20), both layouts accepted. */
export const INDICATORS_80_REVIEW_POLICY: ReviewPolicy = {
  ...DEFAULT_REVIEW_POLICY,
  id: "indicators-80",
  name: { zh: "指标 80 分（预算执行率 20 分）", en: "Indicators 80 points (execution 20)" },
  weightTotal: 80,
};

/** The default total with the common split 产出 50, 效益 30, 满意度 10 (cost counted in 产出). */
export const SPLIT_50_30_10_REVIEW_POLICY: ReviewPolicy = {
  ...DEFAULT_REVIEW_POLICY,
  id: "split-50-30-10",
  name: {
    zh: "指标 90 分，产出 50 / 效益 30 / 满意度 10",
    en: "Indicators 90: output 50 / benefit 30 / satisfaction 10",
  },
  level1Split: [
    { level1: ["产出指标", "成本指标"], points: 50 },
    { level1: ["效益指标"], points: 30 },
    { level1: ["满意度指标"], points: 10 },
  ],
};

/** Presets by id. */
export const REVIEW_PRESETS: Readonly<Record<string, ReviewPolicy>> = {
  default: DEFAULT_REVIEW_POLICY,
  "cost-first-level-2021": COST_FIRST_LEVEL_2021_REVIEW_POLICY,
  "indicators-80": INDICATORS_80_REVIEW_POLICY,
  "split-50-30-10": SPLIT_50_30_10_REVIEW_POLICY,
};
