/** Reading the audit log (finance reviewers and admins of the region). */
import { authorize } from "../policies.ts";
import type { Ctx } from "./context.ts";

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  username?: string;
  action?: string;
  fiscalYear?: number;
  limit?: number;
  /** Entries with id below this (paging, newest first). */
  before?: number;
}

export interface AuditItem {
  id: number;
  at: string;
  regionCode: string;
  fiscalYear: number;
  username: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export async function queryAudit(ctx: Ctx, q: AuditQuery): Promise<AuditItem[]> {
  authorize(ctx.actor, "audit.read");
  let s = ctx.db.selectFrom("audit_log").selectAll().where("region_code", "=", ctx.actor.regionCode);
  if (q.entity) s = s.where("entity", "=", q.entity);
  if (q.entityId) s = s.where("entity_id", "=", q.entityId);
  if (q.username) s = s.where("username", "=", q.username);
  if (q.action) s = s.where("action", "=", q.action);
  if (q.fiscalYear !== undefined) s = s.where("fiscal_year", "=", q.fiscalYear);
  if (q.before !== undefined) s = s.where("id", "<", q.before);
  const rows = await s
    .orderBy("id", "desc")
    .limit(q.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    regionCode: r.region_code,
    fiscalYear: r.fiscal_year,
    username: r.username,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  }));
}
