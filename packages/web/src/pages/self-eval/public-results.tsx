/**
 * Published self-evaluation results on the public pages, beside the department's 表12: each
 * project's score, grade and 自评结论, its indicators' scores on demand. Reads whichever place the
 * publication answer carries them (a `selfEvaluations` list, or `selfEvaluation` on a project).
 * Where the finance bureau's 抽评 score was published it says so (with the unit's own score);
 * withdrawn results are listed with the public reason, without their scores.
 */
import { Card, Table, Typography } from "antd";
import type { PublishedSelfEvaluation } from "../../api/self-eval-types.ts";
import { useLang } from "../../i18n.tsx";
import { scoreText } from "./money.ts";

interface Entry extends PublishedSelfEvaluation {
  key: string;
  name: string;
  unitName?: string;
  /** Whose score was published: the unit's self-evaluation or the finance bureau's 抽评. */
  scoreSource?: "unit" | "spot-check";
  unitScore?: number | null;
}

interface Withdrawn {
  name: string;
  unitName: string;
  withdrawnAt: string;
  reason: string;
}

/** The withdrawn results a publication answer carries (the public list names them `withdrawn`). */
export function withdrawnResults(data: unknown): Withdrawn[] {
  const d = (data ?? {}) as Loose;
  const list = d.withdrawnSelfEvaluations ?? d.withdrawn;
  return Array.isArray(list) ? (list as Withdrawn[]) : [];
}

type Loose = Record<string, unknown>;

/** The published results a publication answer carries, one entry per project. */
export function publishedResults(data: unknown): Entry[] {
  const d = (data ?? {}) as Loose;
  const out: Entry[] = [];
  const push = (raw: unknown, fallbackName: string, k: string) => {
    if (!raw || typeof raw !== "object") return;
    const outer = raw as Loose;
    // The server nests the figures in `selfEvaluation` beside the project's name and unit.
    const inner = (
      outer.selfEvaluation && typeof outer.selfEvaluation === "object" ? outer.selfEvaluation : {}
    ) as Loose;
    const r = { ...outer, ...inner } as Loose & PublishedSelfEvaluation;
    const name = (r.projectName ?? r.name ?? fallbackName) as string;
    out.push({ ...r, key: String(r.projectId ?? r.projectIndex ?? k), name });
  };
  const list = d.selfEvaluations ?? d.selfEvaluation;
  if (Array.isArray(list))
    list.forEach((r, i) => {
      push(r, "", `l${i}`);
    });
  else if (list && typeof list === "object" && !("score" in (list as Loose)))
    for (const [k, v] of Object.entries(list as Loose)) push(v, k, k);
  else if (list) push(list, "", "one");
  const projects = ((d.document as Loose | undefined)?.projects ?? []) as Loose[];
  projects.forEach((p, i) => {
    if (p.selfEvaluation) push(p.selfEvaluation, String(p.name ?? ""), `p${i}`);
  });
  return out;
}

export function PublicSelfEvalResults({ data }: { data: unknown }) {
  const { t } = useLang();
  const rows = publishedResults(data);
  const withdrawn = withdrawnResults(data);
  if (!rows.length && !withdrawn.length) return null;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="public-self-eval"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t("项目支出绩效自评结果", "Self-evaluation results")}
        </Typography.Title>
      }
    >
      <Table<Entry>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        expandable={{
          rowExpandable: (r) => Boolean(r.indicators?.length),
          expandedRowRender: (r) => (
            <Table
              rowKey={(_, i) => String(i)}
              size="small"
              pagination={false}
              dataSource={r.indicators ?? []}
              columns={[
                { title: t("三级指标", "Indicator"), dataIndex: "name" },
                {
                  title: t("年度指标值", "Target"),
                  key: "target",
                  render: (_, x) => `${x.target ?? ""}${x.unit ?? ""}` || "—",
                },
                {
                  title: t("实际完成值", "Actual"),
                  key: "actual",
                  render: (_, x) => (x.actual === null || x.actual === undefined ? "—" : String(x.actual)),
                },
                { title: t("分值", "Weight"), key: "w", align: "right", render: (_, x) => scoreText(x.weight) },
                { title: t("得分", "Score"), key: "s", align: "right", render: (_, x) => scoreText(x.score) },
              ]}
            />
          ),
        }}
        columns={[
          { title: t("项目名称", "Project"), dataIndex: "name" },
          {
            title: t("单位", "Unit"),
            key: "unit",
            render: (_, r) => r.unitName ?? "—",
          },
          {
            title: t("自评得分", "Score"),
            key: "score",
            align: "right",
            render: (_, r) => <span data-testid={`public-score-${r.key}`}>{scoreText(r.score)}</span>,
          },
          {
            title: t("得分来源", "Score of"),
            key: "source",
            render: (_, r) =>
              r.scoreSource === "spot-check" ? (
                <span data-testid={`public-source-${r.key}`}>
                  {t(
                    `财政抽评得分（单位自评 ${scoreText(r.unitScore ?? null)}）`,
                    `Finance bureau's spot check (unit's own: ${scoreText(r.unitScore ?? null)})`,
                  )}
                </span>
              ) : (
                <span data-testid={`public-source-${r.key}`}>{t("单位自评", "Unit's self-evaluation")}</span>
              ),
          },
          { title: t("自评等级", "Grade"), key: "grade", render: (_, r) => r.grade ?? "—" },
          { title: t("自评结论", "Conclusion"), key: "conclusion", render: (_, r) => r.conclusion ?? "—" },
        ]}
      />
      {withdrawn.length ? (
        <div data-testid="public-self-eval-withdrawn" style={{ marginTop: 12 }}>
          <Typography.Text strong>{t("已撤回的自评结果", "Withdrawn results")}</Typography.Text>
          <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
            {withdrawn.map((w) => (
              <li key={`${w.name}-${w.unitName}`}>
                {w.name}（{w.unitName}）：{t("于", "withdrawn on ")}
                {w.withdrawnAt.slice(0, 10)}
                {t("撤回，原因：", ", because: ")}
                {w.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
