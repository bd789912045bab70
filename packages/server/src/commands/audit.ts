/** Writes one entry of the append-only audit log (inside the caller's transaction). */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Actor } from "../policies.ts";

export interface AuditEntry {
  regionCode: string;
  fiscalYear: number;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(db: Kysely<DB>, actor: Actor | null, e: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      region_code: e.regionCode,
      fiscal_year: e.fiscalYear,
      user_id: actor?.id ?? null,
      username: actor?.username ?? "system",
      action: e.action,
      entity: e.entity,
      entity_id: String(e.entityId),
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    })
    .execute();
}
