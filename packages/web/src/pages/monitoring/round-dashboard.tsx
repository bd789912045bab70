/**
 * A round's dashboard: every project in the user's scope as one row — status, budget execution
 * against 序时进度 with the execution light, and its indicators as a row of cells coloured (and
 * lettered) by light: the projects × indicators matrix. A row opens the project's table; the
 * round's 监控表 downloads as xlsx or PDF.
 */
import { DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Space, Spin, Statistic, Table, Tag, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { qs, request } from "../../api/client.ts";
import { ErrorView } from "../../components/error-view.tsx";
import { formatAmount } from "../../format/money.ts";
import { useLang } from "../../i18n.tsx";
import { useSession } from "../../session.tsx";
import { LIGHT_BG, LIGHT_FG, LightTag } from "./light-tag.tsx";
import type { DashboardLine, RoundDashboard } from "./types.ts";
import { DECISION_WORDS, LIGHT_WORDS, POLICY_WORDS, STATUS_WORDS, word } from "./words.ts";

/** Execution to date as a bar, with 序时进度 marked. */
function ExecutionBar({ rate, time }: { rate: number | null; time: number }) {
  const { t } = useLang();
  const w = Math.max(0, Math.min(100, rate ?? 0));
  return (
    <div
      style={{ position: "relative", height: 14, background: "#f0f0f0", borderRadius: 2, minWidth: 120 }}
      role="img"
      aria-label={t(`执行率 ${rate ?? "—"}%，序时进度 ${time}%`, `Executed ${rate ?? "—"}%, time elapsed ${time}%`)}
    >
      <div style={{ width: `${w}%`, height: "100%", background: "#5b8ff9", borderRadius: 2 }} />
      <div
        title={t(`序时进度 ${time}%`, `Time elapsed ${time}%`)}
        style={{ position: "absolute", left: `${time}%`, top: -3, bottom: -3, width: 2, background: "#a8071a" }}
      />
    </div>
  );
}

function IndicatorCells({ line }: { line: DashboardLine }) {
  const { lang, t } = useLang();
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: 2 }} data-testid={`matrix-${line.reportId}`}>
      {line.indicators.map((ind, i) => {
        const label = `${i + 1}. ${ind.name}：${ind.light ? word(LIGHT_WORDS[ind.light], lang) : t("无灯", "none")}${
          ind.value === null ? "" : ` (${ind.value})`
        }`;
        return (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions in the approved table
            key={i}
            role="img"
            title={label}
            aria-label={label}
            data-light={ind.light ?? "none"}
            style={{
              display: "inline-block",
              minWidth: 22,
              textAlign: "center",
              fontSize: 11,
              lineHeight: "18px",
              border: "1px solid #bbb",
              background: ind.light ? LIGHT_BG[ind.light] : "#fff",
              color: ind.light ? LIGHT_FG[ind.light] : "#595959",
              fontWeight: ind.light === "red" ? 700 : 400,
            }}
          >
            {i + 1}
          </span>
        );
      })}
    </div>
  );
}

export default function MonitoringRoundPage() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  // The department chosen in the header narrows the dashboard and the download to it.
  const { deptCode } = useSession();
  const query = qs({ deptCode });
  const q = useQuery({
    queryKey: ["monitoring-round", id, deptCode],
    queryFn: () => request<RoundDashboard>(`/monitoring/rounds/${id}${query}`),
  });
  if (q.error)
    return (
      <div className="jx-page">
        <ErrorView error={q.error} />
      </div>
    );
  if (!q.data) return <Spin style={{ margin: 48 }} />;
  const r = q.data;
  const count = (f: (l: DashboardLine) => boolean) => r.projects.filter(f).length;
  // Past the due date (by the UTC calendar day): tables not yet submitted are overdue.
  const overdue = r.dueDate !== null && new Date().toISOString().slice(0, 10) > r.dueDate;
  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t(
              `${r.fiscalYear}年 绩效运行监控 · 截至${r.asOfMonth}月`,
              `${r.fiscalYear} monitoring · as of month ${r.asOfMonth}`,
            )}
          </Typography.Title>
        }
        extra={
          <Space>
            <Link to="/monitoring">{t("全部轮次", "All rounds")}</Link>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/monitoring/rounds/${r.id}/export.xlsx${query}`}
              data-format="xlsx"
            >
              {t("下载监控表 XLSX", "监控表 XLSX")}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/monitoring/rounds/${r.id}/export.pdf${query}`}
              data-format="pdf"
            >
              {t("下载监控表 PDF", "监控表 PDF")}
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t("序时进度", "Time elapsed")}>{r.timeProgress}%</Descriptions.Item>
          <Descriptions.Item label={t("报送截止", "Due")}>{r.dueDate ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("监控规则", "Policy")}>
            {POLICY_WORDS[r.policy] ? word(POLICY_WORDS[r.policy]!, lang) : r.policy}
            {t(
              `（红灯 < ${r.policySettings.thresholds.red}，绿灯 ≥ ${r.policySettings.thresholds.green}）`,
              ` (red < ${r.policySettings.thresholds.red}, green ≥ ${r.policySettings.thresholds.green})`,
            )}
          </Descriptions.Item>
        </Descriptions>
        <Space size={32} wrap style={{ marginBottom: 16 }}>
          <Statistic title={t("项目数", "Projects")} value={r.projects.length} />
          <Statistic title={t("执行红灯", "Execution red")} value={count((l) => l.executionLight === "red")} />
          <Statistic title={t("有红灯指标的项目", "With a red indicator")} value={count((l) => l.lights.red > 0)} />
          <Statistic
            title={t("待报送", "Not yet submitted")}
            value={count((l) => l.status === "draft" || l.status === "returned")}
          />
          <Statistic title={t("暂缓拨款 / 整改", "Held / to correct")} value={count((l) => l.decision !== null)} />
        </Space>
        <Table<DashboardLine>
          rowKey="reportId"
          size="small"
          pagination={false}
          dataSource={r.projects}
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t("项目", "Project"),
              key: "name",
              render: (_, l) => (
                <Link to={`/monitoring/reports/${l.reportId}`} data-testid={`report-link-${l.projectId}`}>
                  {l.name}
                </Link>
              ),
            },
            { title: t("单位", "Unit"), key: "unit", render: (_, l) => `${l.unitCode} ${l.unitName}` },
            {
              title: t("状态", "Status"),
              key: "status",
              render: (_, l) => (
                <Space size={4} wrap>
                  <Tag data-testid={`status-${l.reportId}`}>{word(STATUS_WORDS[l.status], lang)}</Tag>
                  {overdue && (l.status === "draft" || l.status === "returned") ? (
                    <Tag color="red">{t("逾期未报", "Overdue")}</Tag>
                  ) : null}
                </Space>
              ),
            },
            {
              title: `${t("执行进度", "Execution")}（${t("红线为序时进度", "red line: time elapsed")}）`,
              key: "exec",
              width: 200,
              render: (_, l) => (
                <Space direction="vertical" size={2} style={{ width: "100%" }}>
                  <ExecutionBar rate={l.executionRate} time={r.timeProgress} />
                  <span style={{ fontSize: 12 }}>
                    {l.executed === null || l.executed === undefined ? "—" : formatAmount(l.executed)} /{" "}
                    {formatAmount(l.budget)} {r.moneyUnit} · {l.executionRate ?? "—"}%
                  </span>
                </Space>
              ),
            },
            {
              title: t("执行灯", "Execution light"),
              key: "elight",
              render: (_, l) => (
                <LightTag
                  light={l.executionLight}
                  title={l.executionValue === null ? undefined : String(l.executionValue)}
                />
              ),
            },
            {
              title: t("指标灯（按表中序号）", "Indicator lights (by row)"),
              key: "matrix",
              render: (_, l) => <IndicatorCells line={l} />,
            },
            {
              title: t("处理意见", "Decision"),
              key: "decision",
              render: (_, l) =>
                l.decision ? (
                  <Tag color="red" title={l.decisionReason ?? ""}>
                    {word(DECISION_WORDS[l.decision], lang)}
                  </Tag>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
