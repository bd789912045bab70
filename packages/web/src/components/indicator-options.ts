/** The choices of the indicator table's select cells: 二级 per 一级, 指标性质 and 指标方向. */

export const LEVEL2_OPTIONS: Record<string, string[]> = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
  效益指标: ["经济效益", "社会效益", "生态效益", "可持续影响"],
  满意度指标: ["服务对象满意度"],
};
export const NATURES = ["定性", "正向", "反向"];
export const OPERATORS: [string, string][] = [
  ["≥", "大于等于"],
  ["≤", "小于等于"],
  ["=", "等于"],
  [">", "大于"],
  ["<", "小于"],
];
