/**
 * Pass 4 — the group (一级/二级) of rows that were re-attached to another project with no level
 * printed, guessed by meaning: each group of the destination project is scored by how alike its
 * indicators are to the rows (unit, nature, target shape, name ending, shared subject words) and
 * by whether the rows' kind (time, cost, count, rate…) fits it. Also where such a row goes in its
 * new project (after the last indicator of its group).
 */
import { type Indicator, type Layout, moneyUnitOf } from "@jixiao/core";
import type { Levels } from "./assign-levels.ts";
import type { RawIndicator } from "./parse-row.ts";

/** What a row is like, for comparing re-attached rows with the indicators of their project. */
interface Features {
  unit: string | null;
  nature: string;
  /** Target with digits folded, so 2024年12月前完成 ~ 2025年6月前完成 and 95 ~ 100. */
  shape: string;
  /** Name without trailing numbering. */
  stem: string;
  name: string;
}

function features(x: { unit: string | null; nature: string; target: string; name: string }): Features {
  return {
    unit: x.unit,
    nature: x.nature,
    shape: x.target.replace(/\d+(\.\d+)?/g, "0"),
    stem: x.name.replace(/[\d\s]+$/, ""),
    name: x.name,
  };
}

/** Length of the common ending of two names (人数, 覆盖率, 完成时间, 标准…). */
function commonSuffix(x: string, y: string): number {
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}

/**
 * How alike a re-attached row is to an indicator of its new project, by meaning: the
 * same unit, nature and target shape, the same kind of name ending, shared subject words.
 */
function likeness(r: Features, ind: Features): number {
  let s = 0;
  if (ind.unit === r.unit) s += 1;
  if (ind.nature === r.nature) s += 0.5;
  if (ind.shape === r.shape) s += 1;
  s += (1.5 * Math.min(commonSuffix(ind.stem, r.stem), 4)) / 4;
  s += 0.5 * sharedBigrams(r.name, ind.name);
  return s;
}

/** Share of the character pairs of `a` that also occur in `b` (short names: no sets needed). */
function sharedBigrams(a: string, b: string): number {
  let own = 0;
  let hit = 0;
  for (let i = 0; i + 1 < a.length; i++) {
    own++;
    if (b.indexOf(a.slice(i, i + 2)) >= 0) hit++;
  }
  return own === 0 ? 0 : hit / own;
}

/** The kind of indicator a row is, by meaning: its name, unit and target. null when unclear. */
function kindOf(r: RawIndicator): "satisfaction" | "timeliness" | "cost" | "quantity" | "quality" | "benefit" | null {
  if (/满意/.test(r.name)) return "satisfaction";
  if (/\d{4}\s*年|月前|月底前|年底前|年度内/.test(r.target) || /时间|及时|时限|进度|周期/.test(r.name))
    return "timeliness";
  if (moneyUnitOf(r.unit) || /成本|标准|费用|单价/.test(r.name)) return "cost";
  if (r.unit && /^(人|户|项|次|个|所|场|家|台|套|件|册|期|批|名|人次|公里|亩|平方米)$/.test(r.unit)) return "quantity";
  if (/覆盖率|合格率|完成率|准确率|达标率|验收|合格/.test(r.name)) return "quality";
  if (r.nature === "定性" || /效益|促进|提升|改善|带动|影响|受益/.test(r.name)) return "benefit";
  return null;
}

function kindMatches(kind: ReturnType<typeof kindOf>, lv: { level1: string; level2: string }): boolean {
  switch (kind) {
    case "satisfaction":
      return lv.level1 === "满意度指标";
    case "timeliness":
      return lv.level2 === "时效指标";
    case "cost":
      return lv.level1 === "成本指标" || lv.level2 === "成本指标";
    case "quantity":
      return lv.level2 === "数量指标";
    case "quality":
      return lv.level2 === "质量指标";
    case "benefit":
      return lv.level1 === "效益指标";
    default:
      return false;
  }
}

const KIND_DEFAULT: Record<Layout, Record<string, Levels>> = {
  older: {
    satisfaction: { level1: "满意度指标", level2: "服务对象满意度" },
    timeliness: { level1: "产出指标", level2: "时效指标" },
    cost: { level1: "产出指标", level2: "成本指标" },
    quantity: { level1: "产出指标", level2: "数量指标" },
    quality: { level1: "产出指标", level2: "质量指标" },
    benefit: { level1: "效益指标", level2: "社会效益" },
  },
  "cost-first-level-2021": {
    satisfaction: { level1: "满意度指标", level2: "服务对象满意度" },
    timeliness: { level1: "产出指标", level2: "时效指标" },
    cost: { level1: "成本指标", level2: "经济成本指标" },
    quantity: { level1: "产出指标", level2: "数量指标" },
    quality: { level1: "产出指标", level2: "质量指标" },
    benefit: { level1: "效益指标", level2: "社会效益" },
  },
};

/**
 * The group (一级/二级) a run of re-attached rows printed without labels most likely belongs
 * to: each group of the destination project is scored by how alike its indicators are to
 * the rows, and by whether the rows' kind (time, cost, count, rate…) fits it.
 */
export function guessGroup(rows: RawIndicator[], dest: Indicator[], layout: Layout): Levels | null {
  const groups = new Map<string, { lv: Levels; members: Indicator[] }>();
  for (const ind of dest) {
    const key = `${ind.level1}/${ind.level2}`;
    const g = groups.get(key) ?? { lv: pickLevels(ind), members: [] };
    g.members.push(ind);
    groups.set(key, g);
  }
  const kinds = rows.map(kindOf);
  for (const kind of kinds) {
    if (!kind) continue;
    const dflt = KIND_DEFAULT[layout][kind]!;
    const key = `${dflt.level1}/${dflt.level2}`;
    if (![...groups.values()].some((g) => kindMatches(kind, g.lv)) && !groups.has(key))
      groups.set(key, { lv: dflt, members: [] });
  }
  const rowFeatures = rows.map(features);
  let best: Levels | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const g of groups.values()) {
    const memberFeatures = g.members.map(features);
    let score = 0;
    rowFeatures.forEach((r, i) => {
      let like = 0;
      for (const m of memberFeatures) like = Math.max(like, likeness(r, m));
      score += like + (kindMatches(kinds[i]!, g.lv) ? 2 : 0);
    });
    if (score > bestScore) [best, bestScore] = [g.lv, score];
  }
  return best;
}

function pickLevels(ind: Indicator): Levels {
  const out: Levels = { level1: ind.level1, level2: ind.level2 };
  if (ind.level1Label) out.level1Label = ind.level1Label;
  if (ind.level2Label) out.level2Label = ind.level2Label;
  return out;
}

export const NO_LEVELS: Levels = { level1: "", level2: "" };

export function toIndicator(r: RawIndicator, lv: Levels): Indicator {
  const ind: Indicator = {
    level1: lv.level1,
    level2: lv.level2,
    name: r.name,
    nature: r.nature,
    operator: r.operator,
    target: r.target,
    unit: r.unit,
    weight: r.weight,
  };
  if (lv.level1Label) ind.level1Label = lv.level1Label;
  if (lv.level2Label) ind.level2Label = lv.level2Label;
  return ind;
}

/** Inserts after the last indicator of the same 二级 (else 一级), else at the end; returns the index. */
export function insertInGroup<T extends Indicator>(list: T[], ind: T): number {
  let at = -1;
  for (let i = list.length - 1; i >= 0; i--)
    if (list[i]!.level1 === ind.level1 && list[i]!.level2 === ind.level2) {
      at = i;
      break;
    }
  if (at < 0)
    for (let i = list.length - 1; i >= 0; i--)
      if (list[i]!.level1 === ind.level1) {
        at = i;
        break;
      }
  if (at < 0) {
    list.push(ind);
    return list.length - 1;
  }
  list.splice(at + 1, 0, ind);
  return at + 1;
}
