/**
 * A place in a table in the table's own words, never a field path:
 * `indicators[7].target` → `#8 退休人员体检覆盖率 · 目标值`, `budget` → `预算数`.
 */
import type { Project } from "../api/types.ts";

export const FIELD_LABEL: Record<string, [string, string]> = {
  name: ["项目名称", "Project name"],
  unitCode: ["单位编码", "Unit code"],
  unitName: ["项目单位", "Unit"],
  category: ["项目类别", "Category"],
  budget: ["预算数", "Budget"],
  goal: ["年度绩效目标", "Annual goal"],
  level1: ["一级指标", "Level 1"],
  level2: ["二级指标", "Level 2"],
  nature: ["指标性质", "Nature"],
  operator: ["指标方向", "Direction"],
  target: ["目标值", "Target"],
  unit: ["计量单位", "Unit of measure"],
  weight: ["分值", "Weight"],
  indicators: ["指标", "Indicators"],
};

/**
 * @example placeLabel("indicators[0].target", table, "zh") // "#1 为退休人员身心健康提供保障 · 目标值"
 */
export function placeLabel(path: string, table: Project | undefined, lang: "zh" | "en"): string {
  const m = /^indicators\[(\d+)\](?:\.(\w+))?$/.exec(path);
  const word = (f: string) => FIELD_LABEL[f]?.[lang === "zh" ? 0 : 1] ?? f;
  if (!m) return word(path);
  const i = Number(m[1]);
  const name = table?.indicators[i]?.name ?? "";
  const row = `#${i + 1}${name ? ` ${name}` : ""}`;
  return m[2] ? `${row} · ${word(m[2])}` : row;
}
