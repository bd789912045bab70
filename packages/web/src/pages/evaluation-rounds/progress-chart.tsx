/**
 * Progress by department as one stacked bar each (accepted / submitted / returned / being filled /
 * not started), ECharts imported piece by piece (echarts/core) so the round page stays small.
 */
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import type { RoundProgress } from "../../api/self-eval-types.ts";
import { useLang } from "../../i18n.tsx";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const PARTS = [
  ["accepted", "已审核通过", "Accepted", "#389e0d"],
  ["submitted", "已提交", "Submitted", "#d48806"],
  ["returned", "已退回", "Returned", "#cf1322"],
  ["draft", "填报中", "Being filled", "#1d39c4"],
  ["notStarted", "未开始", "Not started", "#8c8c8c"],
] as const;

export function ProgressChart({ progress }: { progress: RoundProgress[] }) {
  const { t } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 140, right: 24, top: 32, bottom: 24 },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        data: progress.map((p) => (p.orgName.length > 10 ? `${p.orgName.slice(0, 10)}…` : p.orgName)),
      },
      series: PARTS.map(([key, zh, en, color]) => ({
        name: t(zh, en),
        type: "bar",
        stack: "all",
        itemStyle: { color },
        data: progress.map((p) => p[key]),
      })),
    }),
    [progress, t],
  );
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
  const summary = progress
    .map((p) =>
      t(
        `${p.orgName}：共 ${p.total}，已通过 ${p.accepted}，已提交 ${p.submitted}，逾期 ${p.overdue}`,
        `${p.orgName}: ${p.total} in all, ${p.accepted} accepted, ${p.submitted} submitted, ${p.overdue} overdue`,
      ),
    )
    .join("；");
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t(`各部门自评进度。${summary}`, `Progress by department. ${summary}`)}
      style={{ height: Math.max(140, 60 + progress.length * 36), width: "100%" }}
    />
  );
}
