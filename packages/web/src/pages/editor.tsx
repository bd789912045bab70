/**
 * The 表12 editor page: one project's fields and indicator table, reviewed live in the
 * browser as you type, with save / submit / withdraw / adjust. The working copy lives in
 * editor/use-project-draft.ts, the server actions in editor/use-workflow-actions.ts.
 */
import { BookOutlined, PlusOutlined } from "@ant-design/icons";
import { review } from "@jixiao/core/review.ts";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Dropdown, Space, Spin, Typography } from "antd";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { projectQuery } from "../api/queries.ts";
import type { Indicator, ProjectDetail } from "../api/types.ts";
import { CommentsPanel, cellComments, useComments } from "../components/comments-panel.tsx";
import { ErrorView } from "../components/error-view.tsx";
import { type IndicatorChange, IndicatorTable, LEVEL2_OPTIONS } from "../components/indicator-table.tsx";
import { useLang } from "../i18n.tsx";
import { blankIndicator, insertRow, removeRow, setCell } from "../lib/edit.ts";
import { indexFindings } from "../lib/findings.ts";
import { useAfterFirstPaint } from "../lib/use-after-first-paint.ts";
import { useDebounced } from "../lib/use-debounced.ts";
import { weightSummary } from "../lib/weights.ts";
import { can, useProjectFocus, useSession } from "../session.tsx";
import { EditorTitle, EditorToolbar } from "./editor/editor-header.tsx";
import { EditorNotices, ProjectFindings } from "./editor/editor-notices.tsx";
import { EXPECTED_TOTAL, ProjectFields } from "./editor/project-fields.tsx";
import { clean, useProjectDraft } from "./editor/use-project-draft.ts";
import { useWorkflowActions } from "./editor/use-workflow-actions.ts";

// Dialogs load when first shown: the page's first load skips their tables and forms.
const ConflictModal = lazy(() =>
  import("../components/conflict-modal.tsx").then((m) => ({ default: m.ConflictModal })),
);
const LibraryModal = lazy(() => import("../components/library-modal.tsx").then((m) => ({ default: m.LibraryModal })));
const GateDialog = lazy(() => import("../components/workflow-dialogs.tsx").then((m) => ({ default: m.GateDialog })));
const ReasonDialog = lazy(() =>
  import("../components/workflow-dialogs.tsx").then((m) => ({ default: m.ReasonDialog })),
);

export default function EditorPage() {
  const { id = "" } = useParams();
  const { t } = useLang();
  const detail = useQuery(projectQuery(id));
  useProjectFocus(detail.data ?? null); // the header shows this project's year and department
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
  const { t } = useLang();
  const { user } = useSession();
  const { message } = App.useApp();
  const id = String(detail.id);
  const editable = can.edit(user) && (detail.status === "draft" || detail.status === "returned");
  const drafting = useProjectDraft(detail);
  const { base, setBase, draft, setDraft, dirty, restored } = drafting;
  const actions = useWorkflowActions(detail, drafting);
  const { save, submit, adjust, conflict, setConflict, gate, setGate, adjusting, setAdjusting } = actions;
  const [search] = useSearchParams();
  const [libraryOpen, setLibraryOpen] = useState(search.get("library") === "1");
  // The rows (native inputs) paint first; the antd controls around them follow in a transition.
  const full = useAfterFirstPaint();

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

  const onChange = useCallback<IndicatorChange>(
    (index, field, value) => {
      setDraft((d) => ({ ...d, indicators: setCell(d.indicators, index, field, value) }));
    },
    [setDraft],
  );
  const onRemove = useCallback(
    (index: number) => setDraft((d) => ({ ...d, indicators: removeRow(d.indicators, index) })),
    [setDraft],
  );
  const addRow = (level1: string, level2: string, row?: Partial<Indicator>) =>
    setDraft((d) => ({ ...d, indicators: insertRow(d.indicators, { ...blankIndicator(level1, level2), ...row }) }));

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

  const addMenu = Object.entries(LEVEL2_OPTIONS).map(([l1, l2s]) => ({
    key: l1,
    label: l1,
    children: l2s.map((l2) => ({ key: `${l1}/${l2}`, label: l2 })),
  }));

  return (
    <div className="jx-page">
      <Card
        title={<EditorTitle detail={detail} draft={draft} dirty={dirty} />}
        extra={
          full ? (
            <EditorToolbar detail={detail} draft={draft} dirty={dirty} editable={editable} actions={actions} />
          ) : null
        }
      >
        <EditorNotices detail={detail} restored={restored && dirty} />
        <ProjectFields
          detail={detail}
          draft={draft}
          setDraft={setDraft}
          editable={editable}
          weights={weights}
          controls={full}
        />
        <ProjectFindings findings={findings.project} />
        <IndicatorTable
          indicators={draft.indicators}
          findings={findings}
          readOnly={!editable}
          onChange={onChange}
          onRemove={onRemove}
          comments={atCells}
        />
        {editable && full ? (
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
      {full ? (
        <div style={{ marginTop: 16 }}>
          <CommentsPanel projectId={id} table={base.table} />
        </div>
      ) : null}
      <Suspense fallback={null}>
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
      </Suspense>
    </div>
  );
}
