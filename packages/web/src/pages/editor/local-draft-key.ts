/**
 * Where the editor keeps a project's unsaved typing in localStorage (use-project-draft.ts). Its
 * own small module: main.tsx reads it too — a page the server rendered from the saved table is
 * not hydrated over a local draft (the browser's first render shows the draft: not the same page).
 */
export const localDraftKey = (id: string) => `jixiao.draft.${id}`;

/** Whether this browser keeps unsaved typing of project `id`. */
export function hasLocalDraft(id: string): boolean {
  try {
    return localStorage.getItem(localDraftKey(id)) !== null;
  } catch {
    return false;
  }
}
