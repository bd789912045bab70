/**
 * The money unit the user reads amounts in (万元 or 元): one choice for every screen, kept in
 * localStorage. No provider needed — any component can read it (useMoneyUnit) or show the
 * switch (<MoneyUnitSwitch/>, placed in the header and on list toolbars).
 */
import { Segmented } from "antd";
import { useSyncExternalStore } from "react";
import { useLang } from "../i18n.tsx";
import { formatExact, formatMoney, type MoneyUnit } from "./money.ts";

const STORAGE_KEY = "jixiao.moneyUnit";
const listeners = new Set<() => void>();

function read(): MoneyUnit | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === "元" || v === "万元" ? v : null;
  } catch {
    return null;
  }
}

let current: MoneyUnit | null = typeof localStorage === "undefined" ? null : read();

/** Chooses the unit amounts are shown in, on every screen at once. */
export function setMoneyUnit(unit: MoneyUnit): void {
  current = unit;
  try {
    localStorage.setItem(STORAGE_KEY, unit);
  } catch {
    // private mode: keep it in memory only
  }
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The chosen unit (万元 until the user picks one). */
export function useMoneyUnit(): MoneyUnit {
  return useSyncExternalStore(
    subscribe,
    () => current ?? "万元",
    () => "万元",
  );
}

/** The 万元 / 元 switch. */
export function MoneyUnitSwitch({ size = "small" }: { size?: "small" | "middle" }) {
  const { t } = useLang();
  const unit = useMoneyUnit();
  return (
    <Segmented
      aria-label={t("金额单位", "Money unit")}
      size={size}
      value={unit}
      onChange={(v) => setMoneyUnit(v as MoneyUnit)}
      options={[
        { value: "万元", label: t("万元", "10k yuan") },
        { value: "元", label: t("元", "yuan") },
      ]}
    />
  );
}

/** An amount stated in `unit`, shown in the chosen unit with 千分位. */
export function Money({
  value,
  unit,
  withUnit,
}: {
  value: number | null | undefined;
  unit: MoneyUnit;
  withUnit?: boolean;
}) {
  const shown = useMoneyUnit();
  const { t } = useLang();
  const text = formatMoney(value, unit, shown);
  return (
    <span className="jx-num" style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
      {text}
      {withUnit && text ? ` ${moneyUnitWords(shown, t)}` : ""}
    </span>
  );
}

/** The unit's name in the UI's language. */
export function moneyUnitWords(unit: MoneyUnit, t: (zh: string, en: string) => string): string {
  return unit === "万元" ? t("万元", "10k yuan") : t("元", "yuan");
}

export { formatExact };
