/**
 * Step 2 of the import wizard: what was read. The projects to import, how the table was read
 * (layout, column mapping — editable, then re-read), the table as read cell by cell in the 表12
 * layout with inferred and doubtful cells marked, the repair log and the review findings.
 */
import { Alert, Button, Collapse, Select, Space, Table, Tooltip, Typography } from "antd";
import { useState } from "react";
import type { ImportAction, ImportColumnOverride, ImportPreview, ImportPreviewProject } from "../../api/types.ts";
import { ToneTag } from "../../components/status-tag.tsx";
import { useLang } from "../../i18n.tsx";
import { weightSummary } from "../../lib/weights.ts";
import { placeWords, valueWords } from "../../words/fields.ts";
import { ColumnMapping } from "./column-mapping.tsx";
import { DiagList } from "./diag-list.tsx";
import { projectsWithin, ReadTable } from "./read-table.tsx";

const ROWS_STEP = 400;

const ACTION_WORDS: Record<ImportAction, [string, string]> = {
  create: ["新建", "Create"],
  update: ["更新已有草稿", "Update the draft"],
  skip: ["跳过", "Skip"],
};
const REASON_WORDS: Record<NonNullable<ImportPreviewProject["reason"]>, [string, string]> = {
  ok: ["新建", "new"],
  "no-permission": ["单位不在您的权限范围内", "unit outside your scope"],
  "unit-unknown": ["单位在本年度不存在", "unit unknown this year"],
  "exists-draft": ["已有同名草稿", "a draft of that name exists"],
  "exists-locked": ["已有同名项目（已提交或已批复）", "exists (submitted or approved)"],
  "duplicate-in-file": ["文件中重复出现", "twice in the file"],
};

export function PreviewStep({
  preview,
  rereading,
  committing,
  onReread,
  onCommit,
  onRestart,
}: {
  preview: ImportPreview;
  rereading: boolean;
  committing: boolean;
  onReread: (overrides: ImportColumnOverride[]) => void;
  onCommit: (choices: { index: number; action: ImportAction }[]) => void;
  onRestart: () => void;
}) {
  const { t, lang } = useLang();
  // A long table renders in steps of ROWS_STEP indicator rows.
  const [rows, setRows] = useState(ROWS_STEP);
  const doc = preview.document;
  const shown = doc ? projectsWithin(doc, rows) : 0;
  const reading = preview.reading;
  // Per project: create / update the existing draft / skip (the server's `actions`, default first).
  const [choice, setChoice] = useState<Record<number, ImportAction>>({});
  const actionOf = (p: ImportPreviewProject): ImportAction => choice[p.index] ?? p.actions?.[0] ?? "skip";
  const chosen = preview.projects.filter((p) => actionOf(p) !== "skip").length;
  const blocked = chosen === 0;
  const inferred = reading?.marks.filter((m) => m.kind === "inferred").length ?? 0;
  const doubtful = reading?.marks.filter((m) => m.kind === "doubtful").length ?? 0;
  return (
    <Space direction="vertical" style={{ width: "100%" }} size={16}>
      <Alert
        type={doc ? "success" : "error"}
        showIcon
        title={
          doc
            ? t(
                `${preview.fileName}：读取到 ${doc.department?.name ?? ""} ${doc.projects.length} 个项目，修复记录 ${preview.diagnostics.length} 条，审核意见 ${preview.findings.length} 条`,
                `${preview.fileName}: ${doc.projects.length} projects, ${preview.diagnostics.length} repairs, ${preview.findings.length} findings`,
              )
            : t("无法读取该文件", "The file could not be read")
        }
      />
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="index"
        dataSource={preview.projects}
        caption={t("将要导入的项目", "Projects to import")}
        columns={[
          { title: t("项目名称", "Project"), dataIndex: "name" },
          { title: t("单位", "Unit"), dataIndex: "unitCode" },
          { title: t("预算数", "Budget"), render: (_, r) => doc?.projects[r.index]?.budget.toFixed(2) },
          { title: t("指标数", "Indicators"), render: (_, r) => doc?.projects[r.index]?.indicators.length },
          {
            title: t("分值合计", "Weights"),
            render: (_, r) => weightSummary(doc?.projects[r.index]?.indicators ?? []).total,
          },
          {
            title: t("审核意见", "Findings"),
            render: (_, r) => preview.findings.filter((f) => f.projectIndex === r.index).length,
          },
          {
            title: t("处理方式", "What to do"),
            render: (_, r) => (
              <Space direction="vertical" size={2} data-testid={`import-choice-${r.index}`}>
                <Select<ImportAction>
                  size="small"
                  style={{ width: 150 }}
                  aria-label={t(`「${r.name}」的处理方式`, `What to do with "${r.name}"`)}
                  value={actionOf(r)}
                  onChange={(a) => setChoice((c) => ({ ...c, [r.index]: a }))}
                  options={(r.actions ?? ["skip"]).map((a) => ({
                    value: a,
                    label: ACTION_WORDS[a][lang === "zh" ? 0 : 1],
                  }))}
                />
                {r.reason && r.reason !== "ok" ? (
                  <ToneTag tone={r.reason === "exists-draft" ? "warning" : "danger"}>
                    {REASON_WORDS[r.reason][lang === "zh" ? 0 : 1]}
                  </ToneTag>
                ) : null}
                {r.changes?.length ? (
                  <Tooltip
                    title={r.changes
                      .map(
                        (c) =>
                          `${placeWords(c.path, doc?.projects[r.index], lang)}：${valueWords(c.before, lang)} → ${valueWords(c.after, lang)}`,
                      )
                      .join("；")}
                  >
                    <Typography.Text type="secondary" data-testid="import-diff">
                      {t(`将更新 ${r.changes.length} 处`, `${r.changes.length} changes`)}
                    </Typography.Text>
                  </Tooltip>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {reading ? (
        <section aria-label={t("读取方式", "How the table was read")} data-testid="reading">
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t("读取方式", "How the table was read")}
          </Typography.Title>
          {reading.layouts.length > 0 ? (
            <Typography.Paragraph data-testid="layouts">
              {t("识别的版式：", "Layout recognised: ")}
              {reading.layouts.map((l) => `${l.sheet ? `${l.sheet}：` : ""}${lang === "zh" ? l.zh : l.en}`).join("；")}
            </Typography.Paragraph>
          ) : null}
          {reading.moneyUnit ? (
            <Typography.Paragraph data-testid="money-unit">
              {t("金额单位：", "Money unit: ")}
              {reading.moneyUnit.unit}
              {reading.moneyUnit.from === "stated"
                ? t("（表中注明）", " (stated in the table)")
                : reading.moneyUnit.from === "cells"
                  ? t("（按金额单元格推断）", " (inferred from the amounts)")
                  : t(
                      `（表中未注明，按${reading.moneyUnit.unit}读取，请核对）`,
                      ` (not stated; read as ${reading.moneyUnit.unit} — please check)`,
                    )}
            </Typography.Paragraph>
          ) : null}
          <ColumnMapping key={preview.previewId} reading={reading} busy={rereading} onReread={onReread} />
        </section>
      ) : null}
      {doc && reading ? (
        <section aria-label={t("读取结果", "The table as read")}>
          <Typography.Paragraph>
            {t(
              `带 * 的格为推定值（${inferred} 处），带 ? 的格存疑（${doubtful} 处），鼠标悬停可见原因。`,
              `Cells marked * were inferred (${inferred}); cells marked ? are doubtful (${doubtful}); hover for why.`,
            )}
            {preview.truncated && preview.totals
              ? t(
                  ` 只显示前 ${doc.projects.length} 个项目（共 ${preview.totals.projects} 个），提交时全部导入。`,
                  ` Showing the first ${doc.projects.length} of ${preview.totals.projects} projects; all are committed.`,
                )
              : null}
          </Typography.Paragraph>
          <div style={{ overflowX: "auto" }}>
            <ReadTable doc={doc} marks={reading.marks} lang={lang} projects={shown} />
          </div>
          {shown < doc.projects.length ? (
            <Button style={{ marginTop: 8 }} onClick={() => setRows(rows + ROWS_STEP)}>
              {t(
                `显示更多（已显示 ${shown} / ${doc.projects.length} 个项目）`,
                `Show more (${shown} of ${doc.projects.length} projects shown)`,
              )}
            </Button>
          ) : null}
        </section>
      ) : null}
      <Collapse
        items={[
          {
            key: "log",
            label: t(`修复记录与审核意见`, `Repair log and review findings`),
            children: (
              <Space direction="vertical" style={{ width: "100%" }}>
                <DiagList title={t("修复记录", "Repair log")} items={preview.diagnostics} lang={lang} showAction />
                <DiagList
                  title={t("审核意见", "Review findings")}
                  items={preview.findings}
                  lang={lang}
                  names={doc?.projects.map((p) => p.name)}
                />
              </Space>
            ),
          },
        ]}
        defaultActiveKey={reading ? [] : ["log"]}
      />
      <Space>
        <Button onClick={onRestart}>{t("重新上传", "Upload another")}</Button>
        <Button
          type="primary"
          disabled={!doc || blocked || rereading}
          loading={committing}
          onClick={() => onCommit(preview.projects.map((p) => ({ index: p.index, action: actionOf(p) })))}
        >
          {t("确认导入", "Commit import")}
        </Button>
        <Typography.Text type={blocked ? "danger" : "secondary"}>
          {t(
            `将导入或更新 ${chosen} 个项目，跳过 ${preview.projects.length - chosen} 个。`,
            `${chosen} projects to create or update, ${preview.projects.length - chosen} skipped.`,
          )}
        </Typography.Text>
      </Space>
    </Space>
  );
}
