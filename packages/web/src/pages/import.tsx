import { InboxOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Progress, Result, Space, Steps, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { getCsrf, qs, request } from "../api/client.ts";
import type { Diagnostic, ImportPreview, ProjectSummary } from "../api/types.ts";
import { errorText } from "../components/error-view.tsx";
import { ToneTag } from "../components/status-tag.tsx";
import { useLang } from "../i18n.tsx";
import { weightSummary } from "../lib/weights.ts";
import { useSession } from "../session.tsx";

/** Upload with progress (XMLHttpRequest: fetch has no upload progress). */
function uploadPreview(file: File, fiscalYear: number, onProgress: (pct: number) => void): Promise<ImportPreview> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports/preview${qs({ fiscalYear })}`);
    const csrf = getCsrf();
    if (csrf) xhr.setRequestHeader("x-csrf-token", csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportPreview);
      else {
        const err = (body as { error?: { code?: string; message?: string; messageEn?: string } })?.error;
        reject(
          Object.assign(new Error(err?.message ?? `HTTP ${xhr.status}`), {
            code: err?.code,
            messageEn: err?.messageEn,
          }),
        );
      }
    };
    xhr.onerror = () => reject(new Error("network"));
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

export default function ImportPage() {
  const { t, lang } = useLang();
  const { fiscalYear } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [progress, setProgress] = useState(0);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [created, setCreated] = useState<ProjectSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (file: File) => uploadPreview(file, fiscalYear, setProgress),
    onMutate: () => {
      setError(null);
      setProgress(0);
    },
    onSuccess: setPreview,
    onError: (e: Error & { code?: string; messageEn?: string }) =>
      setError(`${lang === "en" && e.messageEn ? e.messageEn : e.message}${e.code ? ` (${e.code})` : ""}`),
  });
  const commit = useMutation({
    mutationFn: () => request<{ created: ProjectSummary[] }>(`/imports/${preview!.previewId}/commit`, { body: {} }),
    onSuccess: (r) => {
      setCreated(r.created);
      qc.invalidateQueries({ queryKey: ["projects"] });
      message.success(t(`已导入 ${r.created.length} 个项目`, `${r.created.length} projects imported`));
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  const step = created ? 2 : preview ? 1 : 0;
  const doc = preview?.document;
  const blocked = preview?.projects.some((p) => !p.allowed || p.exists) ?? false;

  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("导入绩效目标表", "Import target tables")}
          </Typography.Title>
        }
      >
        <Steps
          current={step}
          style={{ marginBottom: 20 }}
          items={[
            { title: t("上传文件", "Upload") },
            { title: t("预览与修复记录", "Preview & repairs") },
            { title: t("提交入库", "Commit") },
          ]}
        />
        {step === 0 ? (
          <>
            <Upload.Dragger
              accept=".txt,.xlsx,.xls,.csv,.json,.pdf,.html,.htm"
              multiple={false}
              showUploadList={false}
              customRequest={({ file }) => upload.mutate(file as File)}
              disabled={upload.isPending}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t("点击或拖入文件上传", "Click or drop a file here")}</p>
              <p style={{ color: "#595959" }}>
                {t(
                  "支持 PDF 提取文本、Excel、CSV、JSON、HTML（表12 格式）",
                  "PDF-extracted text, Excel, CSV, JSON, HTML (表12 layout)",
                )}
              </p>
            </Upload.Dragger>
            {upload.isPending ? (
              <Progress percent={progress} status="active" aria-label={t("上传进度", "Upload progress")} />
            ) : null}
            {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
          </>
        ) : null}
        {step === 1 && preview ? (
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
            <DiagList title={t("修复记录", "Repair log")} items={preview.diagnostics} lang={lang} showAction />
            <DiagList
              title={t("审核意见", "Review findings")}
              items={preview.findings}
              lang={lang}
              names={doc?.projects.map((p) => p.name)}
            />
            <Space>
              <Button onClick={() => setPreview(null)}>{t("重新上传", "Upload another")}</Button>
              <Button
                type="primary"
                disabled={!doc || blocked}
                loading={commit.isPending}
                onClick={() => commit.mutate()}
              >
                {t("确认导入", "Commit import")}
              </Button>
              {blocked ? (
                <Typography.Text type="danger">
                  {t(
                    "有项目不可导入：导入是整体提交的。",
                    "Some projects cannot be imported; the import is all-or-nothing.",
                  )}
                </Typography.Text>
              ) : null}
            </Space>
          </Space>
        ) : null}
        {step === 2 && created ? (
          <Result
            status="success"
            title={t(`已导入 ${created.length} 个项目`, `${created.length} projects imported`)}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate("/projects")}>
                {t("查看项目列表", "Go to projects")}
              </Button>,
              <Button
                key="again"
                onClick={() => {
                  setCreated(null);
                  setPreview(null);
                }}
              >
                {t("继续导入", "Import another")}
              </Button>,
            ]}
          />
        ) : null}
      </Card>
    </div>
  );
}

function DiagList({
  title,
  items,
  lang,
  showAction,
  names,
}: {
  title: string;
  items: (Omit<Diagnostic, "projectIndex" | "indicatorIndex"> & {
    projectIndex?: number | null;
    indicatorIndex?: number | null;
  })[];
  lang: "zh" | "en";
  showAction?: boolean;
  names?: string[];
}) {
  const sevColor = { error: "danger", warning: "warning", info: "info" } as const;
  // What needs a look first: errors, then warnings (re-attached rows, guessed levels), then the
  // routine ones (split words, shifted cells, repeated headers) last; in source order within each.
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const routine = new Set(["text.split-word-joined", "text.cells-shifted", "text.header-repeated"]);
  const order = (d: (typeof items)[number]) => rank[d.severity] * 2 + (routine.has(d.code) ? 1 : 0);
  const sorted = [...items].sort((a, b) => order(a) - order(b) || (a.line ?? 0) - (b.line ?? 0));
  return (
    <Table
      size="small"
      bordered
      caption={`${title}（${items.length}）`}
      rowKey={(r) => `${r.code}.${r.line}.${r.projectIndex}.${r.indicatorIndex}.${r.message}`}
      dataSource={sorted}
      pagination={items.length > 10 ? { pageSize: 10 } : false}
      columns={[
        { title: "", width: 70, render: (_, r) => <ToneTag tone={sevColor[r.severity]}>{r.severity}</ToneTag> },
        {
          title: lang === "zh" ? "位置" : "Where",
          width: 160,
          render: (_, r) =>
            [
              r.line ? `L${r.line}` : "",
              r.projectIndex !== undefined && r.projectIndex !== null
                ? (names?.[r.projectIndex] ?? `#${r.projectIndex + 1}`)
                : "",
              r.indicatorIndex !== undefined && r.indicatorIndex !== null ? `#${r.indicatorIndex + 1}` : "",
            ]
              .filter(Boolean)
              .join(" "),
        },
        { title: lang === "zh" ? "说明" : "Message", render: (_, r) => (lang === "zh" ? r.message : r.messageEn) },
        ...(showAction
          ? [
              {
                title: lang === "zh" ? "处理" : "Action",
                render: (_: unknown, r: { action?: string }) => r.action ?? "",
              },
            ]
          : []),
        { title: lang === "zh" ? "代码" : "Code", width: 200, dataIndex: "code" },
      ]}
    />
  );
}
