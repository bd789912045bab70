/**
 * What the server's render of a first-load page (entry-server.tsx) hands the browser beside its
 * markup: the answers the page was rendered from (react-query's dehydrated state), the view
 * settings it was rendered in, and the signed-in user's CSRF token (the client otherwise takes it
 * from the /auth/me answer it no longer asks for). The server writes it into index.html as
 * `<script id="jixiao-state" type="application/json">` (a data block: the CSP's script-src does
 * not apply, and `<` is escaped so no answer can end the script).
 */
import type { DehydratedState } from "@tanstack/react-query";
import type { ViewSettings } from "./settings.ts";

export const STATE_ELEMENT_ID = "jixiao-state";

export interface ServerState {
  queries: DehydratedState;
  settings: ViewSettings;
  csrfToken?: string;
}

/** The state the server wrote into the page, or null (a page the client renders itself). */
export function readServerState(): ServerState | null {
  try {
    const text = document.getElementById(STATE_ELEMENT_ID)?.textContent;
    if (!text) return null;
    const state = JSON.parse(text) as ServerState;
    return state && typeof state === "object" && state.queries && state.settings ? state : null;
  } catch {
    return null;
  }
}
