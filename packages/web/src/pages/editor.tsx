import { BookOutlined, PlusOutlined, SaveOutlined, SendOutlined } from "@ant-design/icons";
import { review } from "@jixiao/core/review.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Dropdown,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { ApiError, qs, request } from "../api/client.ts";
import type { Indicator, Project, ProjectDetail, Unit } from "../api/types.ts";
import { CommentsPanel, cellComments, useComments } from "../components/comments-panel.tsx";
import { type Conflict, ConflictModal } from "../components/conflict-modal.tsx";
import { ErrorView, errorText } from "../components/error-view.tsx";
import { type IndicatorChange, IndicatorTable, LEVEL2_OPTIONS } from "../components/indicator-table.tsx";
import { LibraryModal } from "../components/library-modal.tsx";
import { CATEGORIES } from "../components/new-project-dialog.tsx";
import { StatusTag, ToneTag } from "../components/status-tag.tsx";
import { GateDialog, type GateState, gateFrom, ReasonDialog } from "../components/workflow-dialogs.tsx";
import { useLang } from "../i18n.tsx";
import { blankIndicator, insertRow, removeRow, setCell } from "../lib/edit.ts";
import { indexFindings } from "../lib/findings.ts";
import { diffProjects, mergeProjects } from "../lib/merge.ts";
import { useDebounced } from "../lib/use-debounced.ts";
import { weightSummary } from "../lib/weights.ts";
import { can, useSession } from "../session.tsx";

const EXPECTED_TOTAL = 90;

const localKey = (id: string) => `jixiao.draft.${id}`;

export default function EditorPage() {
  const { id = "" } = useParams();
  const { t } = useLang();
  const detail = useQuery({
    queryKey: ["project", id],
    queryFn: () => request<ProjectDetail>(`/projects/${id}`),
  });
  if (detail.isLoading) return <Spin style={{ margin: 48 }} />;
  if (detail.error || !detail.data)
    return (
      <div className="jx-page">
        <ErrorView error={detail.error} />
        <Link to="/projects">{t("返回项目列表", "Back to projects")}</Link>
      </div>
    );
  return <Editor key={`${detail.data.id}:${detail.data.rowVersion}:${detail.data.versionNo}`} detail={detail.data} />;
}

function Editor({ detail }: { detail: ProjectDetail }) {
  const { t, lang } = useLang();
  const { user } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const id = String(detail.id);
  const editable = can.edit(user) && (detail.status === "draft" || detail.status === "returned");
  const [base, setBase] = useState<{ table: Project; rowVersion: number }>({
    table: detail.table,
    rowVersion: detail.rowVersion,
  });
  const [draft, setDraft] = useState<Project>(() => restoreLocal(id, detail) ?? detail.table);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [search] = useSearchParams();
  const [libraryOpen, setLibraryOpen] = useState(search.get("library") === "1");
  const [gate, setGate] = useState<GateState | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const { fiscalYear, deptCode } = useSession();
  const units = useQuery({
    queryKey: ["units", fiscalYear, deptCode],
    queryFn: () => request<{ items: Unit[] }>(`/units${qs({ fiscalYear: detail.fiscalYear, deptCode })}`),
    enabled: editable && !detail.hasApproved,
  });
  const restored = useRef(draft !== detail.table);
  const dirty = useMemo(() => diffProjects(base.table, draft).length > 0, [base.table, draft]);

  // Never lose typing: every change is kept locally until the server has it.
  useEffect(() => {
    try {
      if (dirty) localStorage.setItem(localKey(id), JSON.stringify({ rowVersion: base.rowVersion, table: draft }));
      else localStorage.removeItem(localKey(id));
    } catch {
      // storage full or disabled
    }
  }, [dirty, draft, id, base.rowVersion]);

  // Live review: the rules of @jixiao/core run in the browser on the draft as you type.
  const reviewed = useDebounced(draft, 150);
  const liveFindings = useMemo(
    () =>
      review({
        format: "jixiao.targets/1",
        moneyUnit: detail.moneyUnit,
        fiscalYear: detail.fiscalYear,
        projects: [clean(reviewed)],
      }),
    [reviewed, detail.moneyUnit, detail.fiscalYear],
  );
  const findings = useMemo(() => indexFindings(liveFindings), [liveFindings]);
  const reviewing = reviewed !== draft;
  const weights = useMemo(() => weightSummary(draft.indicators, EXPECTED_TOTAL), [draft.indicators]);
  const comments = useComments(id);
  const atCells = useMemo(() => cellComments(comments.data?.items, draft), [comments.data, draft]);

  const onChange = useCallback<IndicatorChange>((index, field, value) => {
    setDraft((d) => ({ ...d, indicators: setCell(d.indicators, index, field, value) }));
  }, []);
  const onRemove = useCallback(
    (index: number) => setDraft((d) => ({ ...d, indicators: removeRow(d.indicators, index) })),
    [],
  );
  const addRow = (level1: string, level2: string, row?: Partial<Indicator>) =>
    setDraft((d) => ({ ...d, indicators: insertRow(d.indicators, { ...blankIndicator(level1, level2), ...row }) }));

  const save = useMutation({
    mutationFn: (table: Project) =>
      request<ProjectDetail>(`/projects/${id}/table`, {
        method: "PUT",
        body: { project: clean(table), rowVersion: base.rowVersion },
        headers: { "if-match": String(base.rowVersion) },
      }),
    onSuccess: (saved) => {
      setBase({ table: saved.table, rowVersion: saved.rowVersion });
      setDraft(saved.table);
      qc.setQueryData(["project", id], saved);
      qc.invalidateQueries({ queryKey: ["projects"] });
      message.success(t("已保存", "Saved"));
    },
    onError: async (e) => {
      if (e instanceof ApiError && e.status === 409) {
        const theirs = await request<ProjectDetail>(`/projects/${id}`);
        const m = mergeProjects(base.table, draft, theirs.table);
        setConflict({
          theirs,
          theirChanges: diffProjects(base.table, theirs.table),
          merged: m.merged,
          conflicts: m.conflicts,
        });
      } else message.error(errorText(e, lang));
    },
  });
  const submit = useMutation({
    mutationFn: async (explanation?: string) => {
      if (dirty) {
        // Saved here, not through `save`: its cache update would remount the editor and lose the
        // gate dialog of a refused submission.
        const saved = await request<ProjectDetail>(`/projects/${id}/table`, {
          method: "PUT",
          body: { project: clean(draft), rowVersion: base.rowVersion },
          headers: { "if-match": String(base.rowVersion) },
        });
        setBase({ table: saved.table, rowVersion: saved.rowVersion });
        setDraft(saved.table);
      }
      return request<ProjectDetail>(`/projects/${id}/submit`, { body: explanation ? { explanation } : {} });
    },
    onSuccess: () => {
      setGate(null);
      message.success(t("已提交审核", "Submitted for review"));
      qc.invalidateQueries({ queryKey: ["todo"] });
      qc.invalidateQueries({ queryKey: ["project", id] });
      qc.invalidateQueries({ queryKey: ["projects"] });
    },
    onError: (e) => {
      const g = gateFrom(e);
      if (g) setGate(g);
      else if (e instanceof ApiError && e.code === "conflict.stale")
        save.mutate(draft); // opens the merge dialog
      else message.error(errorText(e, lang));
    },
  });
  const adjust = useMutation({
    mutationFn: (reason: string) => request<ProjectDetail>(`/projects/${id}/adjust`, { body: { reason } }),
    onSuccess: () => {
      setAdjusting(false);
      qc.invalidateQueries({ queryKey: ["project", id] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const withdraw = useMutation({
    mutationFn: () => request<ProjectDetail>(`/projects/${id}/withdraw`, { body: { rowVersion: detail.rowVersion } }),
    onSuccess: () => {
      message.success(t("已撤回，可继续修改", "Withdrawn; you can edit again"));
      qc.invalidateQueries({ queryKey: ["project", id] });
      qc.invalidateQueries({ queryKey: ["projects"] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "s") {
        e.preventDefault();
        if (editable && dirty && !save.isPending) save.mutate(draft);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editable, dirty, draft, save]);

  const projectFindings = findings.project;
  const weightOk = weights.missing === 0;
  const addMenu = Object.entries(LEVEL2_OPTIONS).map(([l1, l2s]) => ({
    key: l1,
    label: l1,
    children: l2s.map((l2) => ({ key: `${l1}/${l2}`, label: l2 })),
  }));

  return (
    <div className="jx-page">
      <Card
        title={
          <Space wrap>
            <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
              {draft.name || t("（未命名项目）", "(unnamed project)")}
            </Typography.Title>
            <StatusTag status={detail.status} />
            <Tag>
              {t("第", "v")}
              {detail.versionNo}
              {t("版", "")}
              {detail.kind === "adjustment" ? t("（调整）", " (adjustment)") : ""}
            </Tag>
            {dirty ? <ToneTag tone="warning">{t("有未保存的修改", "Unsaved changes")}</ToneTag> : null}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to={`/projects/${id}/review`}>{t("版本与审核", "Versions & review")}</Link>
            <Dropdown
              menu={{
                items: (["xlsx", "pdf", "html"] as const).map((f) => ({
                  key: f,
                  label: (
                    <a href={`/api/v1/projects/${id}/export.${f}`} data-format={f} download>
                      {f.toUpperCase()}
                    </a>
                  ),
                })),
              }}
            >
              <Button>
                {detail.approvedVersionNo === detail.versionNo
                  ? t("下载表12", "Download 表12")
                  : t("下载表12（送审稿）", "Download 表12 (draft for review)")}
              </Button>
            </Dropdown>
            {editable ? (
              <>
                <Button
                  icon={<SaveOutlined />}
                  disabled={!dirty}
                  loading={save.isPending}
                  onClick={() => save.mutate(draft)}
                >
                  {t("保存 (Ctrl+S)", "Save (Ctrl+S)")}
                </Button>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={submit.isPending}
                  onClick={() => submit.mutate(undefined)}
                >
                  {t("提交审核", "Submit")}
                </Button>
              </>
            ) : null}
            {can.edit(user) && detail.status === "submitted" && !detail.levelOpened && detail.reviewLevel === 1 ? (
              <Button loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
                {t("撤回", "Withdraw")}
              </Button>
            ) : null}
            {can.edit(user) && detail.status === "approved" ? (
              <Button loading={adjust.isPending} onClick={() => setAdjusting(true)}>
                {t("发起调整", "Start adjustment")}
              </Button>
            ) : null}
          </Space>
        }
      >
        {restored.current && dirty ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t("已恢复您上次未保存的修改。", "Your unsaved changes from last time were restored.")}
          />
        ) : null}
        {detail.status === "voided" ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t("此项目已作废，保留记录，不计入合计", "This project is voided: kept, but out of totals")}
            description={detail.voidReason}
          />
        ) : null}
        {detail.status === "returned" && detail.returnReason ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t("退回原因", "Returned because")}
            description={detail.returnReason}
          />
        ) : null}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 12 }}>
          {editable ? (
            <Descriptions.Item label={t("项目名称", "Project name")} span={2}>
              <Input
                aria-label={t("项目名称", "Project name")}
                size="small"
                value={draft.name}
                status={draft.name.trim() && draft.name.length <= 100 ? undefined : "error"}
                onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
              />
              {draft.name.length > 100 ? (
                <div className="jx-finding error">
                  {t(`项目名称不能超过 100 个字（现有 ${draft.name.length} 个字）`, "At most 100 characters")}
                </div>
              ) : null}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t("项目单位", "Unit")}>
            {editable && !detail.hasApproved && (units.data?.items.length ?? 0) > 1 ? (
              <Select
                aria-label={t("项目单位", "Unit")}
                size="small"
                style={{ minWidth: 220 }}
                value={draft.unitCode}
                options={(units.data?.items ?? []).map((u) => ({ value: u.code, label: `${u.code}-${u.name}` }))}
                onChange={(code: string) =>
                  setDraft((d) => ({
                    ...d,
                    unitCode: code,
                    unitName: units.data?.items.find((u) => u.code === code)?.name ?? d.unitName,
                  }))
                }
              />
            ) : (
              `${draft.unitCode}-${draft.unitName}`
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("项目类别", "Category")}>
            {editable ? (
              <Select
                aria-label={t("项目类别", "Category")}
                size="small"
                style={{ minWidth: 140 }}
                value={draft.category}
                options={[...new Set([draft.category, ...CATEGORIES])].map((c) => ({ value: c, label: c }))}
                onChange={(c: string) => setDraft((d) => ({ ...d, category: c }))}
              />
            ) : (
              draft.category
            )}
          </Descriptions.Item>
          <Descriptions.Item label={`${t("预算数", "Budget")}（${detail.moneyUnit}）`}>
            {editable ? (
              <InputNumber
                aria-label={t("预算数", "Budget")}
                size="small"
                value={draft.budget}
                precision={2}
                min={0}
                max={1e9}
                status={draft.budget >= 0 && draft.budget <= 1e9 ? undefined : "error"}
                onChange={(v) => setDraft((d) => ({ ...d, budget: Number(v ?? 0) }))}
              />
            ) : (
              draft.budget.toFixed(2)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("分值合计", "Weight total")}>
            <span className={weightOk ? "jx-weight-ok" : "jx-weight-bad"} data-testid="weight-total">
              {weights.total} / {EXPECTED_TOTAL}
            </span>
            <Progress
              percent={Math.min(100, (weights.total / EXPECTED_TOTAL) * 100)}
              size="small"
              showInfo={false}
              status={weightOk ? "success" : weights.total > EXPECTED_TOTAL ? "exception" : "active"}
              aria-label={t("分值合计进度", "Weight total progress")}
            />
            <div style={{ fontSize: 12, color: "#595959" }}>
              {weights.byLevel1.map((g) => `${g.level1.replace("指标", "")} ${g.total}`).join(" · ")}
            </div>
          </Descriptions.Item>
          <Descriptions.Item label={t("年度绩效目标", "Annual goal")} span={4}>
            {editable ? (
              <Input.TextArea
                aria-label={t("年度绩效目标", "Annual goal")}
                autoSize={{ minRows: 2, maxRows: 6 }}
                value={draft.goal}
                onChange={(e) => setDraft((d) => ({ ...d, goal: e.target.value }))}
              />
            ) : (
              draft.goal
            )}
          </Descriptions.Item>
        </Descriptions>
        {projectFindings.length ? (
          <Alert
            type={projectFindings.some((f) => f.severity === "error") ? "error" : "warning"}
            showIcon
            style={{ marginBottom: 12 }}
            title={t(
              `项目层面的审核意见（${projectFindings.length}）`,
              `Project-level findings (${projectFindings.length})`,
            )}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {projectFindings.map((f) => (
                  <li key={f.code + f.message} data-code={f.code}>
                    {lang === "zh" ? f.message : f.messageEn}{" "}
                    <Typography.Text type="secondary">({f.code})</Typography.Text>
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <div style={{ overflowX: "auto" }}>
          <IndicatorTable
            indicators={draft.indicators}
            findings={findings}
            readOnly={!editable}
            onChange={onChange}
            onRemove={onRemove}
            comments={atCells}
          />
        </div>
        {editable ? (
          <Space style={{ marginTop: 12 }}>
            <Dropdown menu={{ items: addMenu, onClick: (e) => addRow(...(e.key.split("/") as [string, string])) }}>
              <Button icon={<PlusOutlined />}>{t("添加指标", "Add indicator")}</Button>
            </Dropdown>
            <Button icon={<BookOutlined />} onClick={() => setLibraryOpen(true)}>
              {t("从指标库添加", "Add from library")}
            </Button>
            <Typography.Text type="secondary">
              {reviewing
                ? t("正在审核…", "Reviewing…")
                : t(`审核意见 ${liveFindings.length} 条`, `${liveFindings.length} findings`)}
            </Typography.Text>
          </Space>
        ) : null}
      </Card>
      <div style={{ marginTop: 16 }}>
        <CommentsPanel projectId={id} table={base.table} />
      </div>
      {conflict ? (
        <ConflictModal
          conflict={conflict}
          onMerge={() => {
            setBase({ table: conflict.theirs.table, rowVersion: conflict.theirs.rowVersion });
            setDraft(conflict.merged);
            setConflict(null);
            message.info(t("已合并对方的修改，请检查后再次保存。", "Merged their changes; check and save again."));
          }}
          onReload={() => {
            setBase({ table: conflict.theirs.table, rowVersion: conflict.theirs.rowVersion });
            setDraft(conflict.theirs.table);
            setConflict(null);
          }}
          onCancel={() => setConflict(null)}
        />
      ) : null}
      {gate ? (
        <GateDialog
          gate={gate}
          names={draft.indicators.map((i) => i.name)}
          loading={submit.isPending}
          onClose={() => setGate(null)}
          onExplain={(text) => submit.mutate(text)}
        />
      ) : null}
      {adjusting ? (
        <ReasonDialog
          title={t("发起调整", "Start an adjustment")}
          label={t("调整原因", "Reason for the adjustment")}
          okText={t("开始调整", "Start")}
          loading={adjust.isPending}
          onOk={(reason) => adjust.mutate(reason)}
          onCancel={() => setAdjusting(false)}
        />
      ) : null}
      {libraryOpen ? (
        <LibraryModal
          onClose={() => setLibraryOpen(false)}
          onPick={(row) => {
            addRow(row.level1, row.level2, row);
            message.success(t(`已添加：${row.name}`, `Added: ${row.name}`));
          }}
        />
      ) : null}
    </div>
  );
}

function restoreLocal(id: string, detail: ProjectDetail): Project | null {
  try {
    const raw = localStorage.getItem(localKey(id));
    if (!raw) return null;
    const saved = JSON.parse(raw) as { rowVersion: number; table: Project };
    if (saved.rowVersion !== detail.rowVersion) return null; // handled as a conflict on save instead
    return saved.table;
  } catch {
    return null;
  }
}

/** NaN weights (an emptied cell) travel as 0; the review flags them. */
function clean(p: Project): Project {
  return { ...p, indicators: p.indicators.map((i) => ({ ...i, weight: Number.isFinite(i.weight) ? i.weight : 0 })) };
}
