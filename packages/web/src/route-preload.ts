/**
 * Fast first load (issue 14): as the entry script runs, the route in the address bar is known,
 * so what its first paint waits for starts at once and in parallel — the session, the page's
 * API answer (keyed as the page asks for it, api/queries.ts) and the lazy chunks of the frame and
 * the page (import() makes Vite preload each chunk's own imports beside it). Otherwise each waits
 * for the previous one: entry → session → frame chunk → page chunk → page's API → paint.
 * The chunk loaders are the ones app.tsx hands to React.lazy, so a chunk is fetched once.
 */
import type { FetchQueryOptions, QueryClient } from "@tanstack/react-query";
import { matchPath } from "react-router-dom";
import { dashboardQuery, markPreloaded, meQuery, projectQuery, publicationQuery } from "./api/queries.ts";
import { scopeDept, storedDept, storedYear } from "./session.tsx";

export const loadShell = () => import("./components/shell/shell.tsx");
export const loadLogin = () => import("./pages/login.tsx");
export const loadPublic = () => import("./pages/public.tsx");
export const loadPublicList = () => import("./pages/public-list.tsx");
export const loadDashboard = () => import("./pages/dashboard.tsx");
export const loadProjects = () => import("./pages/projects.tsx");
export const loadEditor = () => import("./pages/editor.tsx");

/** Fetches a query into the cache and marks the answer as the preload's (no refetch on mount). */
function prefetch<T, K extends unknown[]>(qc: QueryClient, options: FetchQueryOptions<T, Error, T, K>): void {
  void qc
    .prefetchQuery(options)
    .then(() => markPreloaded(qc.getQueryCache().find({ queryKey: options.queryKey, exact: true })));
}

/** Starts the chunks and queries the page at `pathname` needs for its first paint. */
export function preloadRoute(qc: QueryClient, pathname: string): void {
  const ignore = () => {}; // a failed chunk or answer is met again, and shown, when React asks for it
  if (matchPath("/login", pathname)) {
    loadLogin().catch(ignore);
    return;
  }
  const pub = matchPath("/public/:id", pathname);
  // Answers first: on HTTP/1.1 the chunks' preloads fill the browser's six connections.
  if (pub?.params.id) {
    prefetch(qc, publicationQuery(pub.params.id));
    loadPublic().catch(ignore);
    return;
  }
  if (matchPath("/public", pathname)) {
    Promise.all([loadPublic(), loadPublicList()]).catch(ignore);
    return;
  }
  // A signed-in screen: the session and the page's answer, then the frame's and the page's chunks.
  const me = qc.fetchQuery(meQuery());
  const project = matchPath("/projects/:id", pathname);
  if (project?.params.id) prefetch(qc, projectQuery(project.params.id));
  loadShell().catch(ignore);
  if (project?.params.id) loadEditor().catch(ignore);
  else if (matchPath("/projects", pathname)) loadProjects().catch(ignore);
  else if (matchPath("/", pathname)) {
    loadDashboard().catch(ignore);
    // The dashboard's scope is the user's department: asked once the session is known.
    me.then((user) => user && prefetch(qc, dashboardQuery(storedYear(), scopeDept(user, storedDept())))).catch(ignore);
  }
  me.catch(ignore);
}
