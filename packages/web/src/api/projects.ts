import { qs, request } from "./client.ts";
import type { ProjectSummary } from "./types.ts";

export interface ProjectFilter {
  fiscalYear: number;
  deptCode?: string | null;
  unitCode?: string | null;
  status?: string | null;
  q?: string | null;
}

const PAGE = 500;

/** All projects matching the filter, page by page (the list is virtualised client-side). */
export async function fetchAllProjects(f: ProjectFilter, max = 20000): Promise<ProjectSummary[]> {
  const out: ProjectSummary[] = [];
  for (let offset = 0; offset < max; offset += PAGE) {
    const r = await request<{ items: ProjectSummary[]; total: number }>(
      `/projects${qs({ ...f, limit: PAGE, offset })}`,
    );
    out.push(...r.items);
    if (r.items.length === 0 || out.length >= r.total) break; // server may cap the page size (max 500)
  }
  return out;
}
