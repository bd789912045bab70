/**
 * Fast first load (issue 14): as the entry script runs, the route in the address bar is known,
 * so what its first paint waits for starts at once and in parallel — the session, the page's
 * API answer (keyed as the page asks for it, api/queries.ts) and the lazy chunks of the frame and
 * the page (import() makes Vite preload each chunk's own imports beside it). Otherwise each waits
 * for the previous one: entry → session → frame chunk → page chunk → page's API → paint.
 * The chunk loaders are the ones app.tsx makes its lazy components of (lib/lazy-component.tsx), so
 * a chunk is fetched once, and a page whose chunk is in renders without suspending: main.tsx waits
 * for the route's chunks before the first render, which is then the page itself.
 */
import type { FetchQueryOptions, QueryClient } from "@tanstack/react-query";
import { matchPath } from "react-router-dom";
import { dashboardQuery, markPreloaded, meQuery, projectQuery, publicationQuery } from "./api/queries.ts";
import { FIRST_LOAD_ROUTES, type FirstLoadModule } from "./first-load-routes.ts";
import { once } from "./lib/lazy-component.tsx";
import { scopeDept } from "./session.tsx";
import { storedSettings, type ViewSettings } from "./settings.ts";

export const loadShell = once(() => import("./components/shell/shell.tsx"));
export const loadLogin = once(() => import("./pages/login.tsx"));
export const loadPublic = once(() => import("./pages/public.tsx"));
export const loadPublicList = once(() => import("./pages/public-list.tsx"));
export const loadDashboard = once(() => import("./pages/dashboard.tsx"));
export const loadProjects = once(() => import("./pages/projects.tsx"));
export const loadEditor = once(() => import("./pages/editor.tsx"));

/** Fetches a query into the cache and marks the answer as the preload's (no refetch on mount). */
function prefetch<T, K extends unknown[]>(qc: QueryClient, options: FetchQueryOptions<T, Error, T, K>): Promise<void> {
  return qc
    .prefetchQuery(options)
    .then(() => markPreloaded(qc.getQueryCache().find({ queryKey: options.queryKey, exact: true })));
}

/** The loader of each module first-load-routes.ts names. */
const LOADERS: Record<FirstLoadModule, () => Promise<unknown>> = {
  "src/components/shell/shell.tsx": loadShell,
  "src/pages/login.tsx": loadLogin,
  "src/pages/public.tsx": loadPublic,
  "src/pages/public-list.tsx": loadPublicList,
  "src/pages/dashboard.tsx": loadDashboard,
  "src/pages/projects.tsx": loadProjects,
  "src/pages/editor.tsx": loadEditor,
};

/**
 * Starts the queries the page at `pathname` needs for its first paint, the dashboard's in the
 * year and department of `settings`. Resolves when every answer is in, or failed (the server's
 * render, entry-server.tsx, waits for it; a failed answer is met again when the page asks for it).
 */
export function preloadQueries(
  qc: QueryClient,
  pathname: string,
  settings: ViewSettings = storedSettings(),
): Promise<void> {
  const pub = matchPath("/public/:id", pathname);
  if (pub?.params.id) return prefetch(qc, publicationQuery(pub.params.id));
  if (matchPath("/login", pathname) || matchPath("/public", pathname)) return Promise.resolve();
  // A signed-in screen: the session, and the page's answer.
  const me = qc.fetchQuery(meQuery());
  const project = matchPath("/projects/:id", pathname);
  const page: Promise<unknown> = project?.params.id
    ? prefetch(qc, projectQuery(project.params.id))
    : // The dashboard's scope is the user's department: asked once the session is known.
      matchPath("/", pathname)
      ? me.then((user) => user && prefetch(qc, dashboardQuery(settings.year, scopeDept(user, settings.dept))))
      : Promise.resolve();
  return Promise.allSettled([me, page]).then(() => {});
}

/** Loads the chunks the page at `pathname` needs for its first paint; resolves when they are in, or failed. */
export function preloadChunks(pathname: string): Promise<void> {
  const route: { modules: readonly FirstLoadModule[] } | undefined = FIRST_LOAD_ROUTES.find((r) =>
    matchPath(r.path, pathname),
  );
  return Promise.allSettled((route?.modules ?? []).map((m) => LOADERS[m]())).then(() => {});
}

/**
 * Starts the chunks and queries the page at `pathname` needs for its first paint. Resolves when
 * its chunks are in, or failed: a failed chunk or answer is met again, and shown, when React asks
 * for it.
 */
export function preloadRoute(qc: QueryClient, pathname: string): Promise<void> {
  // Answers first: on HTTP/1.1 the chunks' preloads fill the browser's six connections.
  void preloadQueries(qc, pathname);
  return preloadChunks(pathname);
}
