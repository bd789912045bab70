/**
 * Step 2 of the import wizard: what was read. The projects to import, how the table was read
 * (layout, column mapping — editable, then re-read), the table as read cell by cell in the 表12
 * layout with inferred and doubtful cells marked, the repair log and the review findings.
 */
import { Alert, Button, Collapse, Space, Table, Typography } from "antd";
import { useState } from "react";
import type { ImportColumnOverride, ImportPreview } from "../../api/types.ts";
import { ToneTag } from "../../components/status-tag.tsx";
import { useLang } from "../../i18n.tsx";
import { weightSummary } from "../../lib/weights.ts";
import { ColumnMapping } from "./column-mapping.tsx";
import { DiagList } from "./diag-list.tsx";
import { projectsWithin, ReadTable } from "./read-table.tsx";

const ROWS_STEP = 400;

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
  onCommit: () => void;
  onRestart: () => void;
}) {
  const { t, lang } = useLang();
  // A long table renders in steps of ROWS_STEP indicator rows.
  const [rows, setRows] = useState(ROWS_STEP);
  const doc = preview.document;
  const shown = doc ? projectsWithin(doc, rows) : 0;
  const reading = preview.reading;
  const blocked = preview.projects.some((p) => !p.allowed || p.exists);
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
            title: t("可导入", "Importable"),
            render: (_, r) =>
              r.exists ? (
                <ToneTag tone="warning">{t("已存在", "exists")}</ToneTag>
              ) : r.allowed ? (
                <ToneTag tone="success">{t("可以", "yes")}</ToneTag>
              ) : (
                <ToneTag tone="danger">{t("无权限或单位不存在", "not allowed")}</ToneTag>
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
        <Button type="primary" disabled={!doc || blocked || rereading} loading={committing} onClick={onCommit}>
          {t("确认导入", "Commit import")}
        </Button>
        {blocked ? (
          <Typography.Text type="danger">
            {t("有项目不可导入：导入是整体提交的。", "Some projects cannot be imported; the import is all-or-nothing.")}
          </Typography.Text>
        ) : null}
      </Space>
    </Space>
  );
}
