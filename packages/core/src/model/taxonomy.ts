/**
 * The indicator framework: the 一级/二级 vocabulary of both layouts in use, and the
 * normalisation of the many labels printed for them (DOMAIN.md §2).
 *
 * - older (2015-era): 产出 → 数量/质量/时效/成本; 效益 → 经济/社会/生态效益, 可持续影响; 满意度 → 服务对象满意度
 * - 2021 (财预〔2021〕101号): cost is first-level: 成本指标 → 经济/社会/生态环境成本指标
 */

export type Layout = "older" | "cost-first-level-2021";

export const LEVEL1 = ["产出指标", "成本指标", "效益指标", "满意度指标"] as const;
export type Level1 = (typeof LEVEL1)[number];

/** Canonical 二级 labels per 一级, for each layout. */
export const LEVEL2_BY_LAYOUT: Record<Layout, Partial<Record<Level1, readonly string[]>>> = {
  older: {
    产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
    效益指标: ["经济效益", "社会效益", "生态效益", "可持续影响"],
    满意度指标: ["服务对象满意度"],
  },
  "cost-first-level-2021": {
    产出指标: ["数量指标", "质量指标", "时效指标"],
    成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
    效益指标: ["经济效益", "社会效益", "生态效益", "可持续影响"],
    满意度指标: ["服务对象满意度"],
  },
};

// The label spellings and their normalisation live in the vocabulary (one place for every reader).
export { labelSpellings, normalizeLevel1, normalizeLevel2 } from "./vocabulary/levels.ts";

/**
 * The 一级 a 二级 belongs to in a layout; null when the layout has no such 二级.
 * @example parentOf("成本指标", "older") // "产出指标"
 */
export function parentOf(level2: string, layout: Layout): Level1 | null {
  const tree = LEVEL2_BY_LAYOUT[layout];
  for (const l1 of LEVEL1) {
    if (tree[l1]?.includes(level2)) return l1;
  }
  return null;
}

/**
 * True when `level2` is a valid child of `level1` in the given layout.
 * @example isValidPair("产出指标", "成本指标", "older") // true
 */
export function isValidPair(level1: string, level2: string, layout: Layout): boolean {
  const children = LEVEL2_BY_LAYOUT[layout][level1 as Level1];
  return children?.includes(level2) ?? false;
}

/** True when the pair is valid in either layout. */
export function isValidPairAnyLayout(level1: string, level2: string): boolean {
  return isValidPair(level1, level2, "older") || isValidPair(level1, level2, "cost-first-level-2021");
}

/** Second-level labels that only the 2021 layout has. */
export const LEVEL2_ONLY_2021: readonly string[] = ["经济成本指标", "社会成本指标", "生态环境成本指标"];

/**
 * Detects the layout of a set of indicators: 2021 when any 成本指标 is first-level or any
 * 2021-only 二级 is used; older otherwise.
 * @example detectLayout([{ level1: "成本指标", level2: "经济成本指标" }]) // "cost-first-level-2021"
 */
export function detectLayout(indicators: Iterable<{ level1: string; level2: string }>): Layout {
  for (const ind of indicators) {
    if (ind.level1 === "成本指标" || LEVEL2_ONLY_2021.includes(ind.level2)) return "cost-first-level-2021";
  }
  return "older";
}

/** Position of a 一级 in the canonical order (产出, 成本, 效益, 满意度); unknown labels sort last. */
export function level1Order(level1: string): number {
  const i = (LEVEL1 as readonly string[]).indexOf(level1);
  return i < 0 ? LEVEL1.length : i;
}

/** True when the 一级 is about cost in either layout (成本指标 first-level, or 产出/成本指标). */
export function isCostIndicator(ind: { level1: string; level2: string }): boolean {
  return ind.level1 === "成本指标" || ind.level2 === "成本指标";
}
