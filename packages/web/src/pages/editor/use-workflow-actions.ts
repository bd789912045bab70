/**
 * The editor's server actions — save (with the merge dialog on a stale save), submit (with
 * the gate dialog when the review refuses), withdraw and start an adjustment — and the
 * dialog state they open.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { type Dispatch, type SetStateAction, useState } from "react";
import { ApiError, request } from "../../api/client.ts";
import type { Project, ProjectDetail } from "../../api/types.ts";
import type { Conflict } from "../../components/conflict-modal.tsx";
import { errorText } from "../../components/error-view.tsx";
import { useLang } from "../../i18n.tsx";
import { type GateState, gateFrom } from "../../lib/gate.ts";
import { diffProjects, mergeProjects } from "../../lib/merge.ts";
import { clean, type SavedTable } from "./use-project-draft.ts";

interface DraftState {
  base: SavedTable;
  setBase: Dispatch<SetStateAction<SavedTable>>;
  draft: Project;
  setDraft: Dispatch<SetStateAction<Project>>;
  dirty: boolean;
}

export function useWorkflowActions(detail: ProjectDetail, { base, setBase, draft, setDraft, dirty }: DraftState) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const id = String(detail.id);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [gate, setGate] = useState<GateState | null>(null);
  const [adjusting, setAdjusting] = useState(false);

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

  return { save, submit, adjust, withdraw, conflict, setConflict, gate, setGate, adjusting, setAdjusting };
}

export type WorkflowActions = ReturnType<typeof useWorkflowActions>;
