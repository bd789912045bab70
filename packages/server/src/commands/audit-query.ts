/**
 * Reading the audit log (finance reviewers and admins of the region) as a timeline in words:
 * who (user name and name), when, what (the action in words), on which object (a project by its
 * name), and the before/after as a field table (audit-changes.ts). Filters: date range, actor,
 * action, object, fiscal year; paging newest first.
 */

import { authorize } from "../policies.ts";
import { type AuditChange, auditChanges } from "./audit-changes.ts";
import { actionWords, entityWords } from "./audit-words.ts";
import type { Ctx } from "./context.ts";

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  /** The actor's user name. */
  username?: string;
  action?: string;
  fiscalYear?: number;
  /** From this instant (ISO 8601) or day (YYYY-MM-DD, from its start, UTC). */
  from?: string;
  /** Up to this instant (to its millisecond), or to the end of this day (YYYY-MM-DD, UTC). */
  to?: string;
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
  /** The actor's name as the admin entered it ("" for the system). */
  actorName: string;
  action: string;
  actionLabel: string;
  actionLabelEn: string;
  entity: string;
  entityId: string;
  /** The object in words: 项目「体检费」, 用户「finance」. */
  object: string;
  objectEn: string;
  /** The project's name when the entry is about a project. */
  projectName: string | null;
  changes: AuditChange[];
  before: unknown;
  after: unknown;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * The instant a `from`/`to` filter means; a bare day covers the whole day.
 * @example boundary("2026-12-02", "to").toISOString() // "2026-12-03T00:00:00.000Z"
 */
export function boundary(value: string, side: "from" | "to"): Date {
  const day = DAY.test(value);
  const d = new Date(day ? `${value}T00:00:00Z` : value);
  if (side === "from") return d;
  // `to` is exclusive: the day after a bare day; the next millisecond after an instant (the
  // database keeps microseconds, an ISO instant shows milliseconds).
  return new Date(d.getTime() + (day ? DAY_MS : 1));
}

export async function queryAudit(ctx: Ctx, q: AuditQuery): Promise<AuditItem[]> {
  authorize(ctx.actor, "audit.read");
  const region = ctx.actor.regionCode;
  let s = ctx.db.selectFrom("audit_log").selectAll().where("region_code", "=", region);
  if (q.entity) s = s.where("entity", "=", q.entity);
  if (q.entityId) s = s.where("entity_id", "=", q.entityId);
  if (q.username) s = s.where("username", "=", q.username);
  if (q.action) s = s.where("action", "=", q.action);
  if (q.fiscalYear !== undefined) s = s.where("fiscal_year", "=", q.fiscalYear);
  if (q.from) s = s.where("at", ">=", boundary(q.from, "from"));
  if (q.to) s = s.where("at", "<", boundary(q.to, "to"));
  if (q.before !== undefined) s = s.where("id", "<", q.before);
  const rows = await s
    .orderBy("id", "desc")
    .limit(q.limit ?? 100)
    .execute();

  const projectIds = [
    ...new Set(rows.filter((r) => r.entity === "project" && /^\d+$/.test(r.entity_id)).map((r) => Number(r.entity_id))),
  ];
  const projects = new Map<string, string>();
  if (projectIds.length) {
    const found = await ctx.db
      .selectFrom("projects")
      .select(["id", "name"])
      .where("region_code", "=", region)
      .where("id", "in", projectIds)
      .execute();
    for (const p of found) projects.set(String(p.id), p.name);
  }
  const usernames = [...new Set(rows.map((r) => r.username))];
  const names = new Map<string, string>();
  if (usernames.length) {
    const found = await ctx.db
      .selectFrom("users")
      .select(["username", "display_name"])
      .where("region_code", "=", region)
      .where("username", "in", usernames)
      .execute();
    for (const u of found) names.set(u.username, u.display_name);
  }

  return rows.map((r) => {
    const [actionLabel, actionLabelEn] = actionWords(r.action);
    const projectName =
      r.entity === "project" ? (projects.get(r.entity_id) ?? nameIn(r.before) ?? nameIn(r.after) ?? null) : null;
    const [what, whatEn] = entityWords(r.entity);
    const label = projectName ?? objectName(r.entity, r.entity_id, r.before, r.after);
    return {
      id: r.id,
      at: new Date(r.at).toISOString(),
      regionCode: r.region_code,
      fiscalYear: r.fiscal_year,
      username: r.username,
      actorName: names.get(r.username) ?? "",
      action: r.action,
      actionLabel,
      actionLabelEn,
      entity: r.entity,
      entityId: r.entity_id,
      object: label ? `${what}「${label}」` : what,
      objectEn: label ? `${whatEn} "${label}"` : whatEn,
      projectName,
      changes: auditChanges(r.action, r.before, r.after),
      before: r.before,
      after: r.after,
    };
  });
}

function nameIn(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as { name?: unknown; project?: { name?: unknown }; table?: { name?: unknown } };
  const n = o.name ?? o.project?.name ?? o.table?.name;
  return typeof n === "string" ? n : undefined;
}

/** A non-project object by what names it: a user by user name, an organisation by code and name. */
function objectName(entity: string, id: string, before: unknown, after: unknown): string | null {
  const o = (after ?? before ?? {}) as { username?: unknown; name?: unknown };
  if (entity === "user") return typeof o.username === "string" ? o.username : null;
  if (entity === "department" || entity === "unit") return typeof o.name === "string" ? `${id} ${o.name}` : id;
  if (entity === "region") return null;
  return /^\d+$/.test(id) ? `#${id}` : null;
}

/** The actors of the region's log (for the actor filter), by user name. */
export async function auditActors(ctx: Ctx): Promise<{ username: string; displayName: string }[]> {
  authorize(ctx.actor, "audit.read");
  const region = ctx.actor.regionCode;
  const rows = await ctx.db
    .selectFrom("audit_log")
    .select("username")
    .distinct()
    .where("region_code", "=", region)
    .orderBy("username")
    .limit(500)
    .execute();
  const names = new Map<string, string>();
  if (rows.length) {
    for (const u of await ctx.db
      .selectFrom("users")
      .select(["username", "display_name"])
      .where("region_code", "=", region)
      .where(
        "username",
        "in",
        rows.map((r) => r.username),
      )
      .execute())
      names.set(u.username, u.display_name);
  }
  return rows.map((r) => ({ username: r.username, displayName: names.get(r.username) ?? "" }));
}
