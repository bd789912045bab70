import { sumDecimal } from "@jixiao/core/model/money.ts";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Row, Statistic, Typography } from "antd";
import * as echarts from "echarts";
import { useEffect, useMemo, useRef } from "react";
import { request } from "../api/client.ts";
import { fetchAllProjects } from "../api/projects.ts";
import type { Finding, ProjectDetail, SelfEvaluation } from "../api/types.ts";
import { statusLabel } from "../components/status-tag.tsx";
import { useLang } from "../i18n.tsx";
import { useSession } from "../session.tsx";

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

const DETAIL_LIMIT = 60;

export default function DashboardPage() {
  const { t, lang } = useLang();
  const { fiscalYear, deptCode } = useSession();
  const projects = useQuery({
    queryKey: ["projects", fiscalYear, deptCode, null, null],
    queryFn: () => fetchAllProjects({ fiscalYear, deptCode }),
  });
  const list = projects.data ?? [];
  // Indicator mix and findings need the tables: fetched for the first projects only.
  const ids = list.slice(0, DETAIL_LIMIT).map((p) => p.id);
  const details = useQuery({
    queryKey: ["dash-details", ids],
    enabled: ids.length > 0,
    queryFn: async () => {
      const ds = await Promise.all(ids.map((id) => request<ProjectDetail>(`/projects/${id}`)));
      const fs = await request<{ findings: Finding[] }>("/review", {
        body: {
          document: {
            format: "jixiao.targets/1",
            moneyUnit: ds[0]?.moneyUnit ?? "万元",
            fiscalYear,
            projects: ds.map((d) => d.table),
          },
        },
      }).catch(() => ({ findings: [] as Finding[] }));
      const evals = await Promise.all(
        ds.map((d) =>
          d.hasApproved
            ? request<SelfEvaluation>(`/projects/${d.id}/self-evaluation`).catch(() => null)
            : Promise.resolve(null),
        ),
      );
      return { ds, findings: fs.findings, grades: evals.map((e) => e?.result?.grade ?? null) };
    },
  });
  const budgetOption = useMemo(() => {
    const top = [...list]
      .sort((a, b) => b.budget - a.budget)
      .slice(0, 15)
      .reverse();
    return {
      title: { text: t("项目预算（前15）", "Budget by project (top 15)"), textStyle: { fontSize: 14 } },
      grid: { left: 200, right: 30, top: 40, bottom: 20 },
      tooltip: {},
      xAxis: { type: "value", name: list[0]?.moneyUnit ?? "万元" },
      yAxis: { type: "category", data: top.map((p) => (p.name.length > 14 ? `${p.name.slice(0, 14)}…` : p.name)) },
      series: [{ type: "bar", data: top.map((p) => p.budget), itemStyle: { color: "#a8071a" } }],
    };
  }, [list, t]);
  const unitOption = useMemo(() => {
    const by = new Map<string, number[]>();
    for (const p of list) by.set(p.unitName, [...(by.get(p.unitName) ?? []), p.budget]);
    return {
      title: { text: t("按单位预算", "Budget by unit"), textStyle: { fontSize: 14 } },
      tooltip: { trigger: "item" },
      series: [
        { type: "pie", radius: ["35%", "65%"], data: [...by].map(([name, v]) => ({ name, value: sumDecimal(v) })) },
      ],
    };
  }, [list, t]);
  const statusOption = useMemo(() => {
    const by = new Map<string, number>();
    for (const p of list) by.set(p.status, (by.get(p.status) ?? 0) + 1);
    return {
      title: { text: t("流程状态", "Workflow status"), textStyle: { fontSize: 14 } },
      tooltip: { trigger: "item" },
      series: [
        {
          type: "pie",
          radius: "60%",
          data: [...by].map(([s, value]) => ({ name: statusLabel(s as never, lang), value })),
        },
      ],
    };
  }, [list, t, lang]);
  const mixOption = useMemo(() => {
    const tree = new Map<string, Map<string, number>>();
    for (const d of details.data?.ds ?? [])
      for (const i of d.table.indicators) {
        const m = tree.get(i.level1) ?? new Map<string, number>();
        m.set(i.level2, (m.get(i.level2) ?? 0) + 1);
        tree.set(i.level1, m);
      }
    return {
      title: { text: t("指标构成（一级 / 二级）", "Indicator mix (level 1 / 2)"), textStyle: { fontSize: 14 } },
      tooltip: {},
      series: [
        {
          type: "sunburst",
          center: ["50%", "56%"],
          radius: ["12%", "78%"],
          data: [...tree].map(([name, m]) => ({ name, children: [...m].map(([n, value]) => ({ name: n, value })) })),
          label: { fontSize: 10, minAngle: 14, rotate: "radial" },
        },
      ],
    };
  }, [details.data, t]);
  const findingsOption = useMemo(() => {
    const by = new Map<string, { error: number; warning: number; info: number }>();
    for (const f of details.data?.findings ?? []) {
      const rule = f.code;
      const c = by.get(rule) ?? { error: 0, warning: 0, info: 0 };
      c[f.severity]++;
      by.set(rule, c);
    }
    const rules = [...by.keys()];
    const colors = { error: "#cf1322", warning: "#d48806", info: "#1d39c4" };
    return {
      title: { text: t("审核意见（按规则与严重程度）", "Findings by rule and severity"), textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" },
      legend: { top: 30 },
      grid: { left: 220, right: 20, top: 70, bottom: 20 },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: rules },
      series: (["error", "warning", "info"] as const).map((s) => ({
        name: s,
        type: "bar",
        stack: "x",
        itemStyle: { color: colors[s] },
        data: rules.map((r) => by.get(r)![s]),
      })),
    };
  }, [details.data, t]);
  const gradeOption = useMemo(() => {
    const order = ["优", "良", "中", "差"];
    const grades = details.data?.grades ?? [];
    const colors = ["#135200", "#1d39c4", "#d48806", "#a8071a"];
    return {
      title: { text: t("自评等级", "Self-evaluation grades"), textStyle: { fontSize: 14 } },
      tooltip: {},
      grid: { left: 50, right: 20, top: 50, bottom: 30 },
      xAxis: { type: "category", data: [...order, t("未自评", "not scored")] },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          type: "bar",
          data: [
            ...order.map((g, i) => ({ value: grades.filter((x) => x === g).length, itemStyle: { color: colors[i] } })),
            { value: grades.filter((x) => x === null).length, itemStyle: { color: "#8c8c8c" } },
          ],
        },
      ],
    };
  }, [details.data, t]);
  const total = sumDecimal(list.map((p) => p.budget));
  return (
    <div className="jx-page">
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t(`绩效看板 · ${fiscalYear} 年度`, `Dashboard · FY ${fiscalYear}`)}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("项目数", "Projects")} value={list.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t(`预算合计（${list[0]?.moneyUnit ?? "万元"}）`, `Total budget (${list[0]?.moneyUnit ?? "万元"})`)}
              value={total}
              precision={2}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("已批复", "Approved")} value={list.filter((p) => p.hasApproved).length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("审核意见", "Findings")} value={details.data?.findings.length ?? 0} />
          </Card>
        </Col>
      </Row>
      {list.length === 0 && !projects.isLoading ? (
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
        </Row>
      )}
    </div>
  );
}
