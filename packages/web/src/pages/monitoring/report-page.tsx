/**
 * One project's 绩效运行监控表. The unit fills it — the approved targets stand read-only beside the
 * inputs, the lights and findings are computed live by @jixiao/core's monitoring engine (the
 * server stores the same inputs and monitors them with the same engine) — and submits; the
 * department accepts or returns it; the finance bureau marks 暂缓拨款 / 整改 with a reason, which
 * the unit sees at the top. Saving carries the version read (If-Match): a concurrent change is
 * refused, never overwritten.
 */
import { DownloadOutlined } from "@ant-design/icons";
import {
  DEFAULT_MONITORING_POLICY,
  type MonitoredProject,
  monitoringPreset,
  monitorProject,
} from "@jixiao/core/monitoring/index.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Spin,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { request } from "../../api/client.ts";
import { ErrorView, errorText } from "../../components/error-view.tsx";
import { formatAmount } from "../../format/money.ts";
import { useLang } from "../../i18n.tsx";
import { useProjectFocus, useSession } from "../../session.tsx";
import { EntriesTable } from "./entries-table.tsx";
import { LightTag } from "./light-tag.tsx";
import type { Decision, EntryRow, ReportDetail } from "./types.ts";
import { DECISION_WORDS, STATUS_WORDS, word } from "./words.ts";

type Money = { adjustedBudget: number | null; executed: number | null; forecastExecuted: number | null };

const text = (v: string | number | undefined) => (v === undefined ? undefined : String(v));
const entriesOf = (p: MonitoredProject): EntryRow[] =>
  p.indicators.map((i) => ({
    actualToDate: text(i.actualToDate),
    forecast: text(i.forecast),
    likelihood: i.likelihood,
    deviationCause: i.deviationCause,
    deviationText: i.deviationText,
    correctiveAction: i.correctiveAction,
  }));
const blank = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : s.trim());

/** The approved table with the form's entries, as the engine reads it. */
function merged(p: MonitoredProject, money: Money, rows: EntryRow[]): MonitoredProject {
  return {
    ...p,
    adjustedBudget: money.adjustedBudget ?? undefined,
    executed: money.executed ?? undefined,
    forecastExecuted: money.forecastExecuted ?? undefined,
    indicators: p.indicators.map((ind, i) => {
      const r = rows[i] ?? {};
      return {
        level1: ind.level1,
        level2: ind.level2,
        name: ind.name,
        nature: ind.nature,
        operator: ind.operator,
        target: ind.target,
        unit: ind.unit,
        actualToDate: blank(r.actualToDate),
        forecast: blank(r.forecast),
        likelihood: r.likelihood,
        deviationCause: r.deviationCause,
        deviationText: blank(r.deviationText),
        correctiveAction: blank(r.correctiveAction),
      };
    }),
  };
}

export default function MonitoringReportPage() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const { user } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["monitoring-report", id],
    queryFn: () => request<ReportDetail>(`/monitoring/reports/${id}`),
  });
  // The header shows the monitored project's year and department.
  useProjectFocus(q.data ? { fiscalYear: q.data.round.fiscalYear, deptCode: q.data.deptCode } : null);
  const [money, setMoney] = useState<Money>({ adjustedBudget: null, executed: null, forecastExecuted: null });
  const [rows, setRows] = useState<EntryRow[]>([]);
  const [returning, setReturning] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ decision: Decision | null; reason: string } | null>(null);
  useEffect(() => {
    if (!q.data) return;
    const p = q.data.input;
    setMoney({
      adjustedBudget: p.adjustedBudget ?? null,
      executed: p.executed ?? null,
      forecastExecuted: p.forecastExecuted ?? null,
    });
    setRows(entriesOf(p));
  }, [q.data]);
  const done = (r: ReportDetail, zh: string, en: string) => {
    qc.setQueryData(["monitoring-report", id], r);
    qc.invalidateQueries({ queryKey: ["monitoring-round"] });
    message.success(t(zh, en));
  };
  const fail = (e: unknown) => message.error(errorText(e, lang));
  const body = () => {
    const m = merged(q.data!.input, money, rows);
    return {
      ...money,
      indicators: m.indicators.map((i) => ({
        actualToDate: i.actualToDate ?? null,
        forecast: i.forecast ?? null,
        likelihood: i.likelihood ?? null,
        deviationCause: i.deviationCause ?? null,
        deviationText: i.deviationText ?? null,
        correctiveAction: i.correctiveAction ?? null,
      })),
    };
  };
  const save = useMutation({
    mutationFn: () =>
      request<ReportDetail>(`/monitoring/reports/${id}`, {
        method: "PUT",
        body: body(),
        headers: { "if-match": `"${q.data!.rowVersion}"` },
      }),
    onSuccess: (r) => done(r, "已保存", "Saved"),
    onError: fail,
  });
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await request<ReportDetail>(`/monitoring/reports/${id}`, {
        method: "PUT",
        body: body(),
        headers: { "if-match": `"${q.data!.rowVersion}"` },
      });
      return request<ReportDetail>(`/monitoring/reports/${id}/submit`, {
        method: "POST",
        body: { rowVersion: saved.rowVersion },
      });
    },
    onSuccess: (r) => done(r, "已报送部门", "Submitted"),
    onError: (e) => {
      qc.invalidateQueries({ queryKey: ["monitoring-report", id] });
      fail(e);
    },
  });
  const review = useMutation({
    mutationFn: (v: { action: "accept" | "return"; reason?: string }) =>
      request<ReportDetail>(`/monitoring/reports/${id}/${v.action}`, {
        method: "POST",
        body: { rowVersion: q.data!.rowVersion, ...(v.reason ? { reason: v.reason } : {}) },
      }),
    onSuccess: (r) => {
      setReturning(null);
      done(r, r.status === "accepted" ? "已确认" : "已退回", r.status === "accepted" ? "Accepted" : "Returned");
    },
    onError: fail,
  });
  const decide = useMutation({
    mutationFn: (v: { decision: Decision | null; reason: string }) =>
      request<ReportDetail>(`/monitoring/reports/${id}/decision`, {
        method: "POST",
        body: { ...v, rowVersion: q.data!.rowVersion },
      }),
    onSuccess: (r) => {
      setDeciding(null);
      done(r, "处理意见已保存", "Decision saved");
    },
    onError: fail,
  });

  if (q.error)
    return (
      <div className="jx-page">
        <ErrorView error={q.error} />
      </div>
    );
  if (!q.data) return <Spin style={{ margin: 48 }} />;
  const d = q.data;
  const p = d.input;
  const editable =
    (user?.role === "unit_staff" || user?.role === "admin") && (d.status === "draft" || d.status === "returned");
  const reviewer = (user?.role === "dept_reviewer" || user?.role === "admin") && d.status === "submitted";
  const finance = user?.role === "finance_reviewer" || user?.role === "admin";
  const policy = d.round.policySettings ?? monitoringPreset(d.round.policy) ?? DEFAULT_MONITORING_POLICY;
  const live = monitorProject(merged(p, money, rows), 0, d.round.asOfMonth, policy);
  const set = (i: number, patch: Partial<EntryRow>) =>
    setRows((rs) => {
      const next = p.indicators.map((_, k) => rs[k] ?? {});
      next[i] = { ...next[i], ...patch };
      return next;
    });
  const unit = d.moneyUnit;
  const moneyInput = (k: keyof Money, label: string) => (
    <InputNumber
      aria-label={label}
      size="small"
      min={0}
      precision={2}
      value={money[k]}
      disabled={!editable}
      onChange={(v) => setMoney((m) => ({ ...m, [k]: v === null ? null : Number(v) }))}
    />
  );
  const errors = live.findings.filter((f) => f.severity === "error").length;
  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("绩效运行监控表", "Monitoring table")}：{p.name}
          </Typography.Title>
        }
        extra={
          <Space wrap>
            <Link to={`/monitoring/rounds/${d.roundId}`}>{t("返回看板", "Back to dashboard")}</Link>
            <Tag data-testid="report-status">{word(STATUS_WORDS[d.status], lang)}</Tag>
            <Button icon={<DownloadOutlined />} href={`/api/v1/monitoring/reports/${d.id}/export.xlsx`}>
              XLSX
            </Button>
            <Button icon={<DownloadOutlined />} href={`/api/v1/monitoring/reports/${d.id}/export.pdf`}>
              PDF
            </Button>
          </Space>
        }
      >
        {d.decision ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="decision"
            title={`${t("财政部门处理意见", "Finance bureau's decision")}：${word(DECISION_WORDS[d.decision], lang)}`}
            description={d.decisionReason}
          />
        ) : null}
        {d.status === "returned" && d.returnReason ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t("部门退回原因", "Returned by the department")}
            description={d.returnReason}
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t("监控期间", "Period")}>
            {t(
              `${d.round.fiscalYear}年1–${d.round.asOfMonth}月`,
              `${d.round.fiscalYear}, months 1–${d.round.asOfMonth}`,
            )}
            {d.round.dueDate ? t(`（${d.round.dueDate} 前报送）`, ` (due ${d.round.dueDate})`) : ""}
          </Descriptions.Item>
          <Descriptions.Item label={t("实施单位", "Unit")}>{`${p.unitCode} ${p.unitName}`}</Descriptions.Item>
          <Descriptions.Item label={`${t("年初预算数", "Initial budget")}（${unit}）`}>
            {formatAmount(p.initialBudget)}
          </Descriptions.Item>
          <Descriptions.Item label={`${t("调整后预算数", "Adjusted budget")}（${unit}）`}>
            {moneyInput("adjustedBudget", t("调整后预算数", "Adjusted budget"))}
          </Descriptions.Item>
          <Descriptions.Item label={`${t(`截至${d.round.asOfMonth}月执行数`, "Executed to date")}（${unit}）`}>
            {moneyInput("executed", t("执行数", "Executed"))}
          </Descriptions.Item>
          <Descriptions.Item label={`${t("全年预计执行数", "Year-end forecast")}（${unit}）`}>
            {moneyInput("forecastExecuted", t("全年预计执行数", "Year-end forecast"))}
          </Descriptions.Item>
          <Descriptions.Item label={t("执行率 / 执行灯", "Rate / light")}>
            <span data-testid="execution-rate">{live.executionRate ?? "—"}%</span>{" "}
            <LightTag light={live.executionLight} title={live.executionWorking} />
          </Descriptions.Item>
          <Descriptions.Item label={t("年度绩效目标", "Annual goal")}>{p.goal ?? ""}</Descriptions.Item>
        </Descriptions>
        {live.findings.length ? (
          <Alert
            type={errors ? "error" : "warning"}
            showIcon
            style={{ margin: "8px 0" }}
            data-testid="findings"
            title={
              errors
                ? t(`有 ${errors} 处须修改后才能报送`, `${errors} problem(s) to fix before submitting`)
                : t("监控提示", "Monitoring notes")
            }
            description={
              <ul style={{ margin: 0 }}>
                {live.findings.map((f) => (
                  <li key={f.code + f.message + f.indicatorIndex}>
                    {f.indicatorIndex !== null ? `#${f.indicatorIndex + 1} ${f.indicator ?? ""}：` : ""}
                    {lang === "zh" ? f.message : f.messageEn}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <EntriesTable
          indicators={p.indicators}
          rows={rows}
          live={live.indicators}
          editable={editable}
          asOfMonth={d.round.asOfMonth}
          set={set}
        />
        <Space style={{ marginTop: 12 }} wrap>
          {editable ? (
            <>
              <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="save">
                {t("保存", "Save")}
              </Button>
              <Button
                type="primary"
                onClick={() => submit.mutate()}
                loading={submit.isPending}
                disabled={errors > 0}
                data-testid="submit"
              >
                {t("保存并报送部门", "Save and submit")}
              </Button>
            </>
          ) : null}
          {reviewer ? (
            <>
              <Button
                type="primary"
                onClick={() => review.mutate({ action: "accept" })}
                loading={review.isPending}
                data-testid="accept"
              >
                {t("确认", "Accept")}
              </Button>
              <Button danger onClick={() => setReturning("")} data-testid="return">
                {t("退回", "Return")}
              </Button>
            </>
          ) : null}
          {finance ? (
            <Button
              danger
              onClick={() => setDeciding({ decision: d.decision ?? "暂缓拨款", reason: d.decisionReason ?? "" })}
              data-testid="decide"
            >
              {t("暂缓拨款 / 整改", "Hold funds / correct")}
            </Button>
          ) : null}
        </Space>
      </Card>
      <Modal
        open={returning !== null}
        title={t("退回原因", "Reason for returning")}
        onCancel={() => setReturning(null)}
        okButtonProps={{ disabled: !returning?.trim(), loading: review.isPending }}
        onOk={() => review.mutate({ action: "return", reason: returning ?? "" })}
      >
        <Input.TextArea
          aria-label={t("退回原因", "Reason")}
          value={returning ?? ""}
          onChange={(e) => setReturning(e.target.value)}
        />
      </Modal>
      <Modal
        open={deciding !== null}
        title={t("财政部门处理意见", "Finance bureau's decision")}
        onCancel={() => setDeciding(null)}
        okButtonProps={{ disabled: deciding?.decision !== null && !deciding?.reason.trim(), loading: decide.isPending }}
        onOk={() => deciding && decide.mutate(deciding)}
      >
        <Space direction="vertical" style={{ width: "100%" }}>
          <Radio.Group
            value={deciding?.decision ?? "none"}
            onChange={(e) =>
              setDeciding((x) => x && { ...x, decision: e.target.value === "none" ? null : e.target.value })
            }
            options={[
              { value: "暂缓拨款", label: word(DECISION_WORDS.暂缓拨款, lang) },
              { value: "整改", label: word(DECISION_WORDS.整改, lang) },
              { value: "none", label: t("撤销处理意见", "Clear") },
            ]}
          />
          <Input.TextArea
            aria-label={t("理由（单位可见）", "Reason (the unit sees it)")}
            placeholder={t("理由（单位可见）", "Reason (the unit sees it)")}
            value={deciding?.reason ?? ""}
            onChange={(e) => setDeciding((x) => x && { ...x, reason: e.target.value })}
          />
        </Space>
      </Modal>
    </div>
  );
}
