/**
 * A region's review settings (region_settings, migration 0004):
 * - `review.chain`: the review levels a submission passes, in order, each with the roles that act
 *   at it (e.g. 主管部门初审 by dept_reviewer → 财政业务处复审 → 预算处批复 by finance_reviewer);
 * - `review.checks`: which findings block 提交/批复 (强制审核) and which need a written 说明
 *   (提示性审核), by severity with per-rule overrides. Default: errors block, warnings need 说明.
 */
import type { Finding, Severity } from "@jixiao/core";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { type Actor, authorize, ROLES, type Role } from "../policies.ts";
import { writeAudit } from "./audit.ts";
import type { Ctx } from "./context.ts";

export interface ReviewLevel {
  /** What the level is called, e.g. 主管部门初审. */
  name: string;
  /** Roles that may approve or return at this level (admin always may). */
  roles: Role[];
}

/** What a finding asks for: nothing, a written 说明, or a fix before it can pass. */
export type Gate = "block" | "explain" | "none";

export interface CheckPolicy {
  /** Gate by severity. */
  severity: Record<Severity, Gate>;
  /** Per-rule overrides by finding code. */
  rules: Record<string, Gate>;
}

export interface ReviewSettings {
  chain: ReviewLevel[];
  checks: CheckPolicy;
}

export const DEFAULT_CHAIN: ReviewLevel[] = [
  { name: "审核批复", roles: ["dept_reviewer", "finance_reviewer", "admin"] },
];
export const DEFAULT_CHECKS: CheckPolicy = {
  severity: { error: "block", warning: "explain", info: "none" },
  rules: {},
};

export async function loadReviewSettings(db: Kysely<DB>, regionCode: string): Promise<ReviewSettings> {
  const rows = await db
    .selectFrom("region_settings")
    .select(["key", "value"])
    .where("region_code", "=", regionCode)
    .where("key", "in", ["review.chain", "review.checks"])
    .execute();
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  const chain = (get("review.chain") as ReviewLevel[] | undefined) ?? DEFAULT_CHAIN;
  const checks = (get("review.checks") as CheckPolicy | undefined) ?? DEFAULT_CHECKS;
  return { chain: chain.length > 0 ? chain : DEFAULT_CHAIN, checks };
}

export async function getReviewSettings(ctx: Ctx): Promise<ReviewSettings> {
  authorize(ctx.actor, "project.read");
  return loadReviewSettings(ctx.db, ctx.actor.regionCode);
}

export async function putReviewSettings(ctx: Ctx, s: Partial<ReviewSettings>): Promise<ReviewSettings> {
  authorize(ctx.actor, "org.manage");
  if (s.chain) {
    if (s.chain.length === 0 || s.chain.length > 10)
      throw new AppError("validation", "审核流程须有 1 至 10 级", "A review chain has 1 to 10 levels", {
        field: "chain",
      });
    for (const l of s.chain)
      if (!l.name.trim() || l.roles.length === 0 || l.roles.some((r) => !ROLES.includes(r)))
        throw new AppError("validation", "每一级须有名称和审核角色", "Each level needs a name and roles", {
          field: "chain",
        });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadReviewSettings(trx, ctx.actor.regionCode);
    for (const [key, value] of [
      ["review.chain", s.chain],
      ["review.checks", s.checks],
    ] as const) {
      if (value === undefined) continue;
      await trx
        .insertInto("region_settings")
        .values({
          region_code: ctx.actor.regionCode,
          key,
          value: JSON.stringify(value),
          updated_by: ctx.actor.username,
        })
        .onConflict((c) =>
          c.columns(["region_code", "key"]).doUpdateSet({
            value: JSON.stringify(value),
            updated_by: ctx.actor.username,
            updated_at: new Date(),
          }),
        )
        .execute();
    }
    const after = await loadReviewSettings(trx, ctx.actor.regionCode);
    await writeAudit(trx, ctx.actor, {
      regionCode: ctx.actor.regionCode,
      fiscalYear: new Date().getUTCFullYear(),
      action: "settings.review",
      entity: "region",
      entityId: ctx.actor.regionCode,
      before,
      after,
    });
    return after;
  });
}

/** The gate a finding meets under a check policy. */
export function gateOf(f: Finding, checks: CheckPolicy): Gate {
  return checks.rules[f.code] ?? checks.severity[f.severity] ?? "none";
}

/** True when the actor may act (approve/return) at review level `level` (1-based) of a chain. */
export function mayActAtLevel(actor: Actor, chain: ReviewLevel[], level: number): boolean {
  if (actor.role === "admin") return true;
  const l = chain[level - 1];
  return !!l && l.roles.includes(actor.role);
}
