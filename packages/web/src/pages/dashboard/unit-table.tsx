/**
 * Budget by unit as a plain table (antd Table with its pagination and select was ≈ 75 KB
 * compressed for a dozen rows): numbers right-aligned, a 合计 row summed exactly.
 */
import { Card } from "antd";
import type { CSSProperties } from "react";
import type { DashboardSummary } from "../../api/types.ts";
import { formatExact, formatNumber, sumMoney, toUnit } from "../../format/money.ts";
import { moneyUnitWords, useMoneyUnit } from "../../format/money-unit.tsx";
import { useLang } from "../../i18n.tsx";

type UnitRow = DashboardSummary["budgetByUnit"][number];

const cell: CSSProperties = { border: "1px solid #f0f0f0", padding: "8px", overflowWrap: "anywhere" };
const head: CSSProperties = { ...cell, background: "#fafafa", fontWeight: 600, textAlign: "left" };
const num: CSSProperties = { ...cell, textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" };

export function UnitTable({ units, from }: { units: UnitRow[]; from: "万元" | "元" }) {
  const { t } = useLang();
  const shown = useMoneyUnit();
  const total = sumMoney(
    units.map((u) => ({ value: u.budget, unit: from })),
    shown,
  );
  const count = units.reduce((n, u) => n + u.projects, 0);
  const unit = moneyUnitWords(shown, t);
  return (
    <Card title={t("按单位预算", "Budget by unit")} size="small">
      <div style={{ overflowX: "auto" }}>
        <table style={{ width: "100%", borderCollapse: "collapse", fontSize: 14 }}>
          <thead>
            <tr>
              <th style={head}>{t("单位", "Unit")}</th>
              <th style={{ ...head, textAlign: "right" }}>{t("项目数", "Projects")}</th>
              <th style={{ ...head, textAlign: "right" }}>{t(`预算数（${unit}）`, `Budget (${unit})`)}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unitCode}>
                <td style={cell}>{`${u.unitCode} ${u.unitName}`}</td>
                <td style={num}>{formatNumber(u.projects)}</td>
                <td style={num} className="jx-num">
                  {formatExact(toUnit(u.budget, from, shown))}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td style={cell}>
                <strong>{t("合计", "Total")}</strong>
              </td>
              <td style={num}>
                <strong>{formatNumber(count)}</strong>
              </td>
              <td style={num}>
                <strong data-testid="unit-total">{formatExact(total)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </Card>
  );
}
