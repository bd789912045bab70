import { useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Row, Space, Statistic, Table, Typography } from "antd";
import { BarChart, PieChart, SunburstChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { qs, request } from "../api/client.ts";
import type { DashboardSummary } from "../api/types.ts";
import { ErrorView } from "../components/error-view.tsx";
import { statusLabel } from "../components/status-tag.tsx";
import { formatExact, formatMoney, formatNumber, sumMoney, toUnit } from "../format/money.ts";
import { MoneyUnitSwitch, moneyUnitWords, useMoneyUnit } from "../format/money-unit.tsx";
import { useLang } from "../i18n.tsx";
import { useSession } from "../session.tsx";
import { ruleTitle } from "../words/rules.ts";
import { severityWords } from "../words/severities.ts";

// Only the charts and components this page draws (echarts/core keeps the rest out of the bundle).
echarts.use([
  BarChart,
  PieChart,
  SunburstChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

function Chart({ option, label, height = 300 }: { option: echarts.EChartsCoreOption; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: "svg" });
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener("resize", onResize);
    return () => {
      window.removeEventListener("resize", onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ height, width: "100%" }} />;
}

const STATUSES = ["draft", "submitted", "approved", "returned"] as const;

export default function DashboardPage() {
  const { t, lang } = useLang();
  const { fiscalYear, deptCode } = useSession();
  // One request: the server aggregates every project in our scope (GET /dashboard).
  const dash = useQuery({
    queryKey: ["dashboard", fiscalYear, deptCode],
    queryFn: () => request<DashboardSummary>(`/dashboard${qs({ fiscalYear, deptCode })}`),
  });
  const d = dash.data;
  const from = d?.moneyUnit ?? "万元";
  const shown = useMoneyUnit();
  const unit = moneyUnitWords(shown, t);
  /** An amount of the summary in the chosen unit, exactly converted (a number for the charts). */
  const money = useCallback((v: number) => toUnit(v, from, shown).toNumber(), [from, shown]);
  const budgetOption = useMemo(() => {
    const top = (d?.budgetByProject ?? []).slice(0, 15).reverse();
    return {
      title: { text: t("项目预算（前15）", "Budget by project (top 15)"), textStyle: { fontSize: 14 } },
      grid: { left: 200, right: 30, top: 40, bottom: 20 },
      tooltip: { valueFormatter: (v: number) => `${formatMoney(v, shown)} ${unit}` },
      xAxis: { type: "value", name: unit },
      yAxis: { type: "category", data: top.map((p) => (p.name.length > 14 ? `${p.name.slice(0, 14)}…` : p.name)) },
      series: [{ type: "bar", data: top.map((p) => money(p.budget)), itemStyle: { color: "#a8071a" } }],
    };
  }, [d, unit, t, shown, money]);
  const unitOption = useMemo(
    () => ({
      title: { text: t("按单位预算", "Budget by unit"), textStyle: { fontSize: 14 } },
      tooltip: { trigger: "item", valueFormatter: (v: number) => `${formatMoney(v, shown)} ${unit}` },
      series: [
        {
          type: "pie",
          radius: ["35%", "65%"],
          data: (d?.budgetByUnit ?? []).map((u) => ({ name: u.unitName, value: money(u.budget) })),
        },
      ],
    }),
    [d, t, shown, money, unit],
  );
  const statusOption = useMemo(
    () => ({
      title: { text: t("流程状态", "Workflow status"), textStyle: { fontSize: 14 } },
      tooltip: { trigger: "item" },
      series: [
        {
          type: "pie",
          radius: "60%",
          data: STATUSES.filter((s) => (d?.status[s] ?? 0) > 0).map((s) => ({
            name: statusLabel(s, lang),
            value: d?.status[s] ?? 0,
          })),
        },
      ],
    }),
    [d, t, lang],
  );
  const mixOption = useMemo(() => {
    const tree = new Map<string, { name: string; value: number }[]>();
    for (const l of d?.indicators.byLevel ?? [])
      tree.set(l.level1, [...(tree.get(l.level1) ?? []), { name: l.level2, value: l.count }]);
    return {
      title: { text: t("指标构成（一级 / 二级）", "Indicator mix (level 1 / 2)"), textStyle: { fontSize: 14 } },
      tooltip: {},
      series: [
        {
          type: "sunburst",
          center: ["50%", "56%"],
          radius: ["12%", "78%"],
          data: [...tree].map(([name, children]) => ({ name, children })),
          label: { fontSize: 10, minAngle: 14, rotate: "radial" },
        },
      ],
    };
  }, [d, t]);
  const findingsOption = useMemo(() => {
    const rules = [...(d?.findings.byRule ?? [])].reverse(); // most findings on top
    const colors = { error: "#cf1322", warning: "#d48806", info: "#1d39c4" };
    const names = {
      error: severityWords("error", lang),
      warning: severityWords("warning", lang),
      info: severityWords("info", lang),
    };
    return {
      title: { text: t("审核意见（按规则与严重程度）", "Findings by rule and severity"), textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" },
      legend: { top: 30 },
      grid: { left: 220, right: 20, top: 70, bottom: 20 },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        data: rules.map((r) => {
          const title = ruleTitle(r.code, lang);
          return title.length > 16 ? `${title.slice(0, 16)}…` : title;
        }),
      },
      series: (["error", "warning", "info"] as const).map((s) => ({
        name: names[s],
        type: "bar",
        stack: "x",
        itemStyle: { color: colors[s] },
        data: rules.map((r) => r[s]),
      })),
    };
  }, [d, t, lang]);
  const gradeOption = useMemo(() => {
    const items = d?.grades.items ?? [];
    const colors = ["#135200", "#1d39c4", "#d48806", "#a8071a"];
    return {
      title: { text: t("自评等级", "Self-evaluation grades"), textStyle: { fontSize: 14 } },
      tooltip: {},
      grid: { left: 50, right: 20, top: 50, bottom: 30 },
      xAxis: { type: "category", data: [...items.map((g) => g.grade), t("未自评", "not scored")] },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          type: "bar",
          data: [
            ...items.map((g, i) => ({ value: g.count, itemStyle: { color: colors[i % colors.length] } })),
            { value: d?.grades.notEvaluated ?? 0, itemStyle: { color: "#8c8c8c" } },
          ],
        },
      ],
    };
  }, [d, t]);
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
              <Chart option={budgetOption} label={t("项目预算条形图", "Budget by project chart")} height={360} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card>
              <Chart option={unitOption} label={t("按单位预算饼图", "Budget by unit chart")} height={360} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card>
              <Chart option={mixOption} label={t("指标构成旭日图", "Indicator mix chart")} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card>
              <Chart option={findingsOption} label={t("审核意见图", "Findings chart")} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card>
              <Chart option={statusOption} label={t("流程状态图", "Workflow status chart")} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card>
              <Chart option={gradeOption} label={t("自评等级图", "Self-evaluation grades chart")} />
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

type UnitRow = DashboardSummary["budgetByUnit"][number];

/** Budget by unit as a table: numbers right-aligned, a 合计 row summed exactly. */
function UnitTable({ units, from }: { units: UnitRow[]; from: "万元" | "元" }) {
  const { t } = useLang();
  const shown = useMoneyUnit();
  const total = sumMoney(
    units.map((u) => ({ value: u.budget, unit: from })),
    shown,
  );
  const count = units.reduce((n, u) => n + u.projects, 0);
  return (
    <Card title={t("按单位预算", "Budget by unit")} size="small">
      <Table<UnitRow>
        size="small"
        bordered
        rowKey="unitCode"
        pagination={false}
        dataSource={units}
        columns={[
          { title: t("单位", "Unit"), render: (_, u) => `${u.unitCode} ${u.unitName}` },
          { title: t("项目数", "Projects"), align: "right", render: (_, u) => formatNumber(u.projects) },
          {
            title: t(`预算数（${moneyUnitWords(shown, t)}）`, `Budget (${moneyUnitWords(shown, t)})`),
            align: "right",
            className: "jx-num",
            render: (_, u) => formatExact(toUnit(u.budget, from, shown)),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t("合计", "Total")}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{formatNumber(count)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong data-testid="unit-total">{formatExact(total)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
