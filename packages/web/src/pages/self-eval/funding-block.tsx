/**
 * 资金情况: 年度资金总额 / 本年财政拨款 / 上年结转 / 其他资金 × 年初预算数 / 全年预算数 /
 * 全年执行数, with 千分位 and the parts checked against the total as the unit types (exact, in
 * cents — never through a float).
 */
import { InputNumber } from "antd";
import type { FundingCell, FundingLine, FundingSplit } from "../../api/self-eval-types.ts";
import { useLang } from "../../i18n.tsx";
import { groupThousands, money } from "./money.ts";

export const EMPTY_FUNDING: FundingSplit = { total: {}, fiscal: {}, carryover: {}, other: {} };

const LINES = [
  ["total", "年度资金总额", "Total funds"],
  ["fiscal", "其中：本年财政拨款", "of which: this year's appropriation"],
  ["carryover", "上年结转资金", "carried over"],
  ["other", "其他资金", "other funds"],
] as const;
const COLS = [
  ["initial", "年初预算数", "Initial budget"],
  ["full", "全年预算数", "Full-year budget"],
  ["executed", "全年执行数", "Executed"],
] as const;

/** Hundredths of a decimal cell, exactly; null when empty or not a number. */
export function cents(v: FundingCell | undefined): bigint | null {
  if (v === null || v === undefined || v === "") return null;
  const m = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(String(v).trim());
  if (!m) return null;
  const n = BigInt(m[2]!) * 100n + BigInt((m[3] ?? "").padEnd(2, "0") || "0");
  return m[1] ? -n : n;
}

/** Columns where the parts given do not add up to the total given. */
export function mismatchedColumns(f: FundingSplit): (keyof FundingLine)[] {
  return COLS.map(([c]) => c).filter((c) => {
    const total = cents(f.total[c]);
    const parts = [f.fiscal[c], f.carryover[c], f.other[c]].map(cents);
    if (total === null || parts.every((p) => p === null)) return false;
    return parts.reduce<bigint>((s, p) => s + (p ?? 0n), 0n) !== total;
  });
}

export function FundingBlock({
  value,
  editable,
  unit,
  onChange,
}: {
  value: FundingSplit;
  editable: boolean;
  unit: string;
  onChange: (next: FundingSplit) => void;
}) {
  const { t } = useLang();
  const bad = new Set(mismatchedColumns(value));
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="jx-sheet" aria-label={t("资金情况", "Funding")} data-testid="funding">
        <thead>
          <tr>
            <th scope="col">{t(`资金情况（${unit}）`, `Funding (${unit})`)}</th>
            {COLS.map(([c, zh, en]) => (
              <th key={c} scope="col">
                {t(zh, en)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {LINES.map(([l, zh, en]) => (
            <tr key={l}>
              <th scope="row" style={{ textAlign: "left", fontWeight: l === "total" ? 600 : 400 }}>
                {t(zh, en)}
              </th>
              {COLS.map(([c, czh, cen]) => {
                const cell = value[l][c];
                return (
                  <td key={c} className={`num${l === "total" && bad.has(c) ? " jx-cell-error" : ""}`}>
                    {editable ? (
                      <InputNumber<string>
                        stringMode
                        size="small"
                        min="0"
                        precision={2}
                        style={{ width: "100%" }}
                        aria-label={`${t(zh, en)} ${t(czh, cen)}`}
                        value={cell === null || cell === undefined ? null : String(cell)}
                        formatter={(v) => groupThousands(v ?? "").replace(/^—$/, "")}
                        parser={(v) => (v ?? "").replace(/,/g, "")}
                        onChange={(v) =>
                          onChange({ ...value, [l]: { ...value[l], [c]: v === null || v === "" ? null : v } })
                        }
                      />
                    ) : (
                      money(cell)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {bad.size ? (
        <div className="jx-finding error" data-testid="funding-mismatch">
          {t(
            `${COLS.filter(([c]) => bad.has(c))
              .map(([, zh]) => zh)
              .join("、")}：财政拨款、上年结转与其他资金之和不等于年度资金总额`,
            `${COLS.filter(([c]) => bad.has(c))
              .map(([, , en]) => en)
              .join(", ")}: the parts do not add up to the total`,
          )}
        </div>
      ) : null}
    </div>
  );
}
