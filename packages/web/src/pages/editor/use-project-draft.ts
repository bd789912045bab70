/**
 * The editor's working copy of one project's table: the last saved table (`base`, with the
 * row version the server knows), the draft being typed, whether they differ, and the local
 * copy in localStorage that keeps typing safe until the server has it.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { Project, ProjectDetail } from "../../api/types.ts";
import { diffProjects } from "../../lib/merge.ts";
import { localDraftKey } from "./local-draft-key.ts";

export interface SavedTable {
  table: Project;
  rowVersion: number;
}

const localKey = localDraftKey;

export function useProjectDraft(detail: ProjectDetail) {
  const id = String(detail.id);
  const [base, setBase] = useState<SavedTable>({ table: detail.table, rowVersion: detail.rowVersion });
  const [draft, setDraft] = useState<Project>(() => restoreLocal(id, detail) ?? detail.table);
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

  return { base, setBase, draft, setDraft, dirty, restored: restored.current };
}

function restoreLocal(id: string, detail: ProjectDetail): Project | null {
  try {
    const raw = localStorage.getItem(localKey(id));
    if (!raw) return null;
    const saved = JSON.parse(raw) as SavedTable;
    if (saved.rowVersion !== detail.rowVersion) return null; // handled as a conflict on save instead
    return saved.table;
  } catch {
    return null;
  }
}

/** NaN weights (an emptied cell) travel as 0; the review flags them. */
export function clean(p: Project): Project {
  return { ...p, indicators: p.indicators.map((i) => ({ ...i, weight: Number.isFinite(i.weight) ? i.weight : 0 })) };
}
