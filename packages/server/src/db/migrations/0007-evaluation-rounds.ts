/**
 * 0007: the self-evaluation campaign (issue 17), keyed by region and fiscal year like the rest.
 * - evaluation_rounds: a year-end self-evaluation round opened by the finance bureau for its region
 *   (scope "region") or by a department for its own projects (scope "department", dept_code set),
 *   with its due date.
 * - self_evaluations (altered): the round it belongs to, the workflow status
 *   (draft → submitted → accepted | returned → submitted …), the return reason, 主要问题及整改措施,
 *   自评结论, the funding split (年度资金总额 / 本年财政拨款 / 上年结转 / 其他资金), who submitted and
 *   reviewed. Rows saved before 0007 stay drafts outside any round.
 * - spot_checks: the finance bureau's 抽评 of one self-evaluation: sampled (by a seeded draw or
 *   chosen), then its own actuals, its score and the differences with the unit's score.
 * - rectifications: 整改 tasks with a deadline (created on acceptance of a 中/差 result, or by hand),
 *   tracked to done with a note.
 * The per-region policy (tolerance, budget advice, rectification deadline) is a JSON value in
 * region_settings under the key "self-evaluation" (no table of its own).
 */
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("evaluation_rounds")
    .addColumn("id", "serial", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("dept_code", "text")
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("opened_by", "text", (c) => c.notNull())
    .addColumn("opened_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("evaluation_rounds_pk", ["region_code", "id"])
    .execute();
  await db.schema
    .createIndex("evaluation_rounds_year_idx")
    .on("evaluation_rounds")
    .columns(["region_code", "fiscal_year"])
    .execute();

  await db.schema
    .alterTable("self_evaluations")
    .addColumn("round_id", "integer")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("return_reason", "text")
    .addColumn("problems", "text")
    .addColumn("conclusion", "text")
    .addColumn("funding", "jsonb")
    .addColumn("submitted_at", "timestamptz")
    .addColumn("submitted_by", "text")
    .addColumn("reviewed_at", "timestamptz")
    .addColumn("reviewed_by", "text")
    .execute();
  await db.schema
    .createIndex("self_evaluations_round_idx")
    .on("self_evaluations")
    .columns(["region_code", "round_id", "status"])
    .execute();

  await db.schema
    .createTable("spot_checks")
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("project_id", "integer", (c) => c.notNull())
    .addColumn("round_id", "integer", (c) => c.notNull())
    .addColumn("sampled_by", "text", (c) => c.notNull())
    .addColumn("sampled_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("seed", "text")
    .addColumn("input", "jsonb")
    .addColumn("result", "jsonb")
    .addColumn("differences", "jsonb")
    .addColumn("beyond", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("checked_by", "text")
    .addColumn("checked_at", "timestamptz")
    .addPrimaryKeyConstraint("spot_checks_pk", ["region_code", "project_id"])
    .execute();
  await db.schema.createIndex("spot_checks_round_idx").on("spot_checks").columns(["region_code", "round_id"]).execute();

  await db.schema
    .createTable("rectifications")
    .addColumn("id", "serial", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("project_id", "integer", (c) => c.notNull())
    .addColumn("round_id", "integer")
    .addColumn("dept_code", "text", (c) => c.notNull())
    .addColumn("unit_code", "text", (c) => c.notNull())
    .addColumn("grade", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("deadline", "text", (c) => c.notNull())
    .addColumn("auto", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("done_note", "text")
    .addColumn("done_by", "text")
    .addColumn("done_at", "timestamptz")
    .addPrimaryKeyConstraint("rectifications_pk", ["region_code", "id"])
    .execute();
  await db.schema
    .createIndex("rectifications_project_idx")
    .on("rectifications")
    .columns(["region_code", "fiscal_year", "project_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rectifications").ifExists().execute();
  await db.schema.dropTable("spot_checks").ifExists().execute();
  await db.schema.dropIndex("self_evaluations_round_idx").ifExists().execute();
  for (const c of [
    "round_id",
    "status",
    "return_reason",
    "problems",
    "conclusion",
    "funding",
    "submitted_at",
    "submitted_by",
    "reviewed_at",
    "reviewed_by",
  ])
    await db.schema.alterTable("self_evaluations").dropColumn(c).execute();
  await db.schema.dropTable("evaluation_rounds").ifExists().execute();
}
