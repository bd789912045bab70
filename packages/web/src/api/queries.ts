/**
 * The queries a first load can start before their page's code arrives (route-preload.ts), keyed
 * and fetched exactly as the pages ask for them: the page then finds the answer in the cache (or
 * the request in flight) instead of asking again.
 */
import { type Query, queryOptions } from "@tanstack/react-query";
import { ApiError, qs, request, setCsrf } from "./client.ts";
import type { DashboardSummary, ProjectDetail, Publication, TargetDocument, User } from "./types.ts";

/** How long an answer the preload fetched counts as fresh for the page that mounts next. */
const PRELOADED_FRESH_MS = 10_000;
/** queryHash → dataUpdatedAt of the answer route-preload.ts fetched for it. */
const preloaded = new Map<string, number>();

/** Marks the query's current answer as fetched by the first-load preload. */
export function markPreloaded(query: Query | undefined): void {
  if (query && query.state.data !== undefined) preloaded.set(query.queryHash, query.state.dataUpdatedAt);
}

/**
 * A page mounting right after the preload fetched its answer does not fetch it again; any later
 * answer (a save, an invalidation) or a mount after PRELOADED_FRESH_MS refetches as usual.
 */
const refetchUnlessPreloaded = (query: Pick<Query, "queryHash" | "state">): boolean =>
  preloaded.get(query.queryHash) !== query.state.dataUpdatedAt ||
  Date.now() - query.state.dataUpdatedAt > PRELOADED_FRESH_MS;

/** The signed-in user (null when nobody is); hands the CSRF token to the client. */
export const meQuery = () =>
  queryOptions({
    queryKey: ["me"],
    queryFn: async (): Promise<User | null> => {
      try {
        const r = await request<{ user: User; csrfToken: string }>("/auth/me");
        setCsrf(r.csrfToken);
        return r.user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

/** One project with its indicators (editor, review, self-evaluation). */
export const projectQuery = (id: string) =>
  queryOptions({
    queryKey: ["project", id],
    queryFn: () => request<ProjectDetail>(`/projects/${id}`),
    refetchOnMount: refetchUnlessPreloaded,
  });

/** The dashboard's one aggregate of every project in scope. */
export const dashboardQuery = (fiscalYear: number, deptCode: string | null) =>
  queryOptions({
    queryKey: ["dashboard", fiscalYear, deptCode],
    queryFn: () => request<DashboardSummary>(`/dashboard${qs({ fiscalYear, deptCode })}`),
    refetchOnMount: refetchUnlessPreloaded,
  });

/** One published 表12 (public, no login). */
export const publicationQuery = (id: string) =>
  queryOptions({
    queryKey: ["public-pub", id],
    queryFn: () => request<Publication & { document: TargetDocument }>(`/public/publications/${id}`),
    refetchOnMount: refetchUnlessPreloaded,
  });
