import { useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Row, Space, Statistic, Typography } from "antd";
import { useMemo } from "react";
import { dashboardQuery } from "../api/queries.ts";
import { ErrorView } from "../components/error-view.tsx";
import { statusLabel } from "../components/status-tag.tsx";
import { formatExact, formatMoney, formatNumber, toUnit } from "../format/money.ts";
import { MoneyUnitSwitch, moneyUnitWords, useMoneyUnit } from "../format/money-unit.tsx";
import { useLang } from "../i18n.tsx";
import { useSession } from "../session.tsx";
import { ruleTitle } from "../words/rules.ts";
import { severityWords } from "../words/severities.ts";
import { HBarChart, PALETTE, PieChart, type Slice, VBarChart } from "./dashboard/svg-charts.tsx";
import { UnitTable } from "./dashboard/unit-table.tsx";

const STATUSES = ["draft", "submitted", "approved", "returned"] as const;

export default function DashboardPage() {
  const { t, lang } = useLang();
  const { fiscalYear, deptCode } = useSession();
  // One request: the server aggregates every project in our scope (GET /dashboard).
  const dash = useQuery(dashboardQuery(fiscalYear, deptCode));
  const d = dash.data;
  const from = d?.moneyUnit ?? "万元";
  const shown = useMoneyUnit();
  const unit = moneyUnitWords(shown, t);
  const count = (v: number) => formatNumber(v);
  const charts = useMemo(() => {
    const top = (d?.budgetByProject ?? []).slice(0, 15);
    const tree = new Map<string, { name: string; value: number }[]>();
    for (const l of d?.indicators.byLevel ?? [])
      tree.set(l.level1, [...(tree.get(l.level1) ?? []), { name: l.level2, value: l.count }]);
    const mix: Slice[] = [...tree].map(([name, kids], i) => {
      const color = PALETTE[i % PALETTE.length]!;
      return {
        name,
        color,
        value: kids.reduce((n, k) => n + k.value, 0),
        children: kids.map((k) => ({ ...k, color: `${color}99` })),
      };
    });
    const rules = d?.findings.byRule ?? []; // most findings first
    const grades = d?.grades.items ?? [];
    const gradeColors = ["#135200", "#1d39c4", "#d48806", "#a8071a"];
    return {
      budget: {
        categories: top.map((p) => (p.name.length > 14 ? `${p.name.slice(0, 14)}…` : p.name)),
        values: top.map((p) => toUnit(p.budget, from, shown).toNumber()),
      },
      units: (d?.budgetByUnit ?? []).map(
        (u, i): Slice => ({
          name: u.unitName,
          value: toUnit(u.budget, from, shown).toNumber(),
          color: PALETTE[i % PALETTE.length]!,
        }),
      ),
      status: STATUSES.map(
        (s, i): Slice => ({ name: statusLabel(s, lang), value: d?.status[s] ?? 0, color: PALETTE[i]! }),
      ),
      mix,
      rules: {
        categories: rules.map((r) => {
          const title = ruleTitle(r.code, lang);
          return title.length > 16 ? `${title.slice(0, 16)}…` : title;
        }),
        series: (["error", "warning", "info"] as const).map((s) => ({
          name: severityWords(s, lang),
          color: { error: "#cf1322", warning: "#d48806", info: "#1d39c4" }[s],
          values: rules.map((r) => r[s]),
        })),
      },
      grades: {
        categories: [...grades.map((g) => g.grade), t("未自评", "not scored")],
        values: [...grades.map((g) => g.count), d?.grades.notEvaluated ?? 0],
        colors: [...grades.map((_, i) => gradeColors[i % gradeColors.length]!), "#8c8c8c"],
      },
    };
  }, [d, from, shown, lang, t]);
  /** An amount already in the chosen unit, with 千分位. */
  const money = (v: number) => formatMoney(v, shown);
  if (dash.error) return <ErrorView error={dash.error} />;
  return (
    <div className="jx-page">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t(`绩效看板 · ${fiscalYear} 年度`, `Dashboard · FY ${fiscalYear}`)}
        </Typography.Title>
        <MoneyUnitSwitch />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("项目数", "Projects")} value={d?.projectCount ?? 0} loading={dash.isLoading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t(`预算合计（${unit}）`, `Total budget (${unit})`)}
              value={formatExact(toUnit(d?.totalBudget ?? 0, from, shown))}
              loading={dash.isLoading}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("已批复", "Approved")} value={d?.approvedCount ?? 0} loading={dash.isLoading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("审核意见", "Findings")} value={d?.findings.total ?? 0} loading={dash.isLoading} />
          </Card>
        </Col>
      </Row>
      {d && d.projectCount === 0 ? (
        <Card style={{ marginTop: 16 }}>
          <Empty description={t("本年度还没有项目", "No projects this year yet")} />
        </Card>
      ) : (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xl={12}>
            <Card>
              <HBarChart
                title={t(`项目预算（前15，${unit}）`, `Budget by project (top 15, ${unit})`)}
                label={t("项目预算条形图", "Budget by project chart")}
                height={360}
                categories={charts.budget.categories}
                series={[{ name: unit, color: "#a8071a", values: charts.budget.values }]}
                format={money}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card>
              <PieChart
                title={t(`按单位预算（${unit}）`, `Budget by unit (${unit})`)}
                label={t("按单位预算饼图", "Budget by unit chart")}
                slices={charts.units}
                format={money}
                hole={0.55}
                size={300}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card>
              <PieChart
                title={t("指标构成（一级 / 二级，个）", "Indicator mix (level 1 / 2, count)")}
                label={t("指标构成旭日图", "Indicator mix chart")}
                slices={charts.mix}
                format={count}
                hole={0.3}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card>
              <HBarChart
                title={t("审核意见（按规则与严重程度）", "Findings by rule and severity")}
                label={t("审核意见图", "Findings chart")}
                height={Math.max(120, 30 + charts.rules.categories.length * 28)}
                categories={charts.rules.categories}
                series={charts.rules.series}
                format={count}
                whole
                legend
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card>
              <PieChart
                title={t("流程状态（个）", "Workflow status (projects)")}
                label={t("流程状态图", "Workflow status chart")}
                slices={charts.status}
                format={count}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card>
              <VBarChart
                title={t("自评等级（个）", "Self-evaluation grades (projects)")}
                label={t("自评等级图", "Self-evaluation grades chart")}
                height={240}
                categories={charts.grades.categories}
                series={[{ name: "", color: "#8c8c8c", values: charts.grades.values }]}
                barColors={charts.grades.colors}
                format={count}
                whole
              />
            </Card>
          </Col>
          <Col xs={24}>
            <UnitTable units={d?.budgetByUnit ?? []} from={from} />
          </Col>
        </Row>
      )}
    </div>
  );
}
