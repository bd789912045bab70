/**
 * Header cell → column key, through the core vocabulary's matchHeader, plus what the grid
 * reader needs besides the key: the period as long/year (三级指标（长期）/（年度）, a 长期绩效指标
 * group label above), and whether the name is also printed as a group label over or beside the
 * real columns (绩效指标 over 一级/二级/三级, 项目资金 beside 年初预算数 …), which yields to a
 * real column of the same key.
 */
import type { ColumnKey, MoneyUnit } from "@jixiao/core";
import { matchHeader } from "./vocab.ts";

/** Header names also printed as group labels (compared without spaces and brackets). */
const GROUP_LABELS = new Set(["绩效指标", "项目资金", "绩效目标", "总体目标", "年度总体目标"]);

/** What one header cell says. */
export interface HeaderName {
  key: ColumnKey;
  /** A group label: yields to another name of the same key. */
  weak: boolean;
  /** long: 长期/中期 (read the 年度 twin instead); year: 年度/当年. */
  period?: "long" | "year";
  moneyUnit?: MoneyUnit;
}

/**
 * The column a header cell names, or null.
 * @example matchHeaderName("预算数（元）") // { key: "budget", weak: false, moneyUnit: "元" }
 * @example matchHeaderName("三级指标（长期）")?.period // "long"
 */
export function matchHeaderName(text: string): HeaderName | null {
  if (text.length > 40) return null;
  const m = matchHeader(text);
  if (!m) return null;
  const base = text.replace(/[\s\u00a0\u3000*＊:：]+/g, "").replace(/[（(][^）)]*[）)]/g, "");
  const out: HeaderName = { key: m.key, weak: GROUP_LABELS.has(base) };
  if (m.period) out.period = m.period === "年度" ? "year" : "long";
  if (m.moneyUnit) out.moneyUnit = m.moneyUnit;
  return out;
}

/**
 * The period a group label above a column states (长期绩效指标 / 年度绩效指标), if any.
 * @example periodOf("年度绩效指标") // "year"
 */
export function periodOf(text: string): "long" | "year" | undefined {
  const t = text.replace(/\s+/g, "");
  if (t === "" || t.length > 16) return undefined;
  if (/^(长期|中期)/.test(t)) return "long";
  if (/^(年度|当年)/.test(t)) return "year";
  return undefined;
}
