/**
 * 一级/二级 labels in every printed spelling: with spaces from line wraps (`经济效益 指标`),
 * with or without 指标 (`社会效益指标`), with a score band (`产出指标(50分)`, `产出指标（50分）`,
 * `成本指标(0-20)分`) or a numbering (`一、产出指标`). Each is normalised to the canonical
 * label of DOMAIN.md §2, and the printed label and its band are kept.
 */
import type { Level1 } from "../taxonomy.ts";

const LEVEL1_ALIASES: Readonly<Record<string, Level1>> = {
  产出指标: "产出指标",
  产出: "产出指标",
  成本指标: "成本指标",
  成本: "成本指标",
  效益指标: "效益指标",
  效益: "效益指标",
  满意度指标: "满意度指标",
  满意度: "满意度指标",
};

const LEVEL2_ALIASES: Readonly<Record<string, string>> = {
  数量指标: "数量指标",
  数量: "数量指标",
  质量指标: "质量指标",
  质量: "质量指标",
  时效指标: "时效指标",
  时效: "时效指标",
  成本指标: "成本指标",
  经济成本指标: "经济成本指标",
  经济成本: "经济成本指标",
  社会成本指标: "社会成本指标",
  社会成本: "社会成本指标",
  生态环境成本指标: "生态环境成本指标",
  生态环境成本: "生态环境成本指标",
  环境成本指标: "生态环境成本指标",
  经济效益: "经济效益",
  经济效益指标: "经济效益",
  社会效益: "社会效益",
  社会效益指标: "社会效益",
  生态效益: "生态效益",
  生态效益指标: "生态效益",
  环境效益: "生态效益",
  环境效益指标: "生态效益",
  可持续影响: "可持续影响",
  可持续影响指标: "可持续影响",
  可持续发展: "可持续影响",
  服务对象满意度: "服务对象满意度",
  服务对象满意度指标: "服务对象满意度",
  社会公众或服务对象满意度: "服务对象满意度",
  社会公众或服务对象满意度指标: "服务对象满意度",
  社会公众满意度指标: "服务对象满意度",
  社会公众满意度: "服务对象满意度",
};

function clean(label: string): string {
  return label.indexOf(" ") < 0 && label.indexOf("\u3000") < 0 && label.indexOf("\t") < 0 && label.indexOf("\n") < 0
    ? label
    : label.replace(/[\s\u3000\u00a0]+/g, "");
}

/** A score band printed with a label: (50分), （50分）, (0-20)分, 50分. */
const BAND = /(?:[（(](\d+(?:\.\d+)?)(?:[-~～－—至](\d+(?:\.\d+)?))?(?:分|%|％)?[）)]分?|(\d+(?:\.\d+)?)分)$/;
/** A numbering before a label: 一、 1. （一） */
const NUMBERING = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d))/;

/** A 一级/二级 label as printed and as normalised. */
export interface LevelLabel {
  /** The label as printed. */
  printed: string;
  /** The label without spaces, numbering and score band ("产出指标"). */
  bare: string;
  /** Normalised 一级, when the label is one. */
  level1: Level1 | null;
  /** Normalised 二级, when the label is one (成本指标 is both). */
  level2: string | null;
  /** The points of the band ((50分) → 50; (0-20)分 → 20); null when none printed. */
  points: number | null;
  /** The lower end of a band printed as a range ((0-20)分 → 0); null otherwise. */
  minPoints: number | null;
}

/** The label with spaces, numbering and score band removed, and the band. */
function strip(label: string): { bare: string; points: number | null; minPoints: number | null } {
  let t = clean(label);
  let points: number | null = null;
  let minPoints: number | null = null;
  const c = t.charCodeAt(t.length - 1);
  if (c === 0x5206 /* 分 */ || c === 0xff09 || c === 41) {
    const m = BAND.exec(t);
    if (m && m.index > 0) {
      if (m[3] !== undefined) points = Number(m[3]);
      else if (m[2] !== undefined) {
        minPoints = Number(m[1]);
        points = Number(m[2]);
      } else points = Number(m[1]);
      t = t.slice(0, m.index);
    }
  }
  const n = NUMBERING.exec(t);
  if (n && n[0].length < t.length) t = t.slice(n[0].length);
  return { bare: t, points, minPoints };
}

/**
 * Reads a 一级/二级 label cell; null when the cell is not a label.
 * @example parseLevelLabel("产出指标(50分)") // { printed: "产出指标(50分)", bare: "产出指标", level1: "产出指标", level2: null, points: 50, minPoints: null }
 * @example parseLevelLabel("经济效益 指标")?.level2 // "经济效益"
 */
export function parseLevelLabel(text: string): LevelLabel | null {
  const { bare, points, minPoints } = strip(text);
  const level1 = LEVEL1_ALIASES[bare] ?? null;
  const level2 = LEVEL2_ALIASES[bare] ?? null;
  if (!level1 && !level2) return null;
  return { printed: text, bare, level1, level2, points, minPoints };
}

/**
 * Every label spelling the normaliser knows (一级 and 二级, without bands), e.g. for lookup tables.
 * @example labelSpellings().includes("社会效益指标") // true
 */
export function labelSpellings(): string[] {
  return [...new Set([...Object.keys(LEVEL1_ALIASES), ...Object.keys(LEVEL2_ALIASES)])];
}

/**
 * Normalises a printed 一级 label (spaces, numbering and a score band allowed); null when it is not one.
 * @example normalizeLevel1("满意度指 标") // "满意度指标"
 * @example normalizeLevel1("产出指标（50分）") // "产出指标"
 */
export function normalizeLevel1(label: string): Level1 | null {
  const c = clean(label);
  return LEVEL1_ALIASES[c] ?? LEVEL1_ALIASES[strip(c).bare] ?? null;
}

/**
 * Normalises a printed 二级 label (spaces, numbering and a score band allowed); null when it is not one.
 * @example normalizeLevel2("社会效益指标") // "社会效益"
 */
export function normalizeLevel2(label: string): string | null {
  const c = clean(label);
  return LEVEL2_ALIASES[c] ?? LEVEL2_ALIASES[strip(c).bare] ?? null;
}
