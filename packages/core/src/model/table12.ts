/**
 * The columns of a published 表12 (项目绩效目标表), in print order, as the seed and most
 * department disclosures print them.
 * @example TABLE12_HEADER[0] // "项目名称"
 */
export const TABLE12_HEADER: readonly string[] = [
  "项目名称",
  "项目单位",
  "项目类别",
  "预算数",
  "年度绩效目标",
  "一级指标",
  "二级指标",
  "三级指标",
  "指标性质",
  "指标方向",
  "目标值",
  "计量单位",
  "分值",
];
