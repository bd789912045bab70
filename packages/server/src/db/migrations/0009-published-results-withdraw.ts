/**
 * 0009: published self-evaluation results can be withdrawn (issue 17 gaps). A withdrawn row stays
 * (who published it, when, what) with who withdrew it, when and the public reason; the public pages
 * stop showing its score and say it was withdrawn and why. Publishing the project again clears the
 * withdrawal. Which score was published (the unit's or the finance bureau's 抽评) is kept inside
 * the row's `result` JSON (`selfEvaluation.scoreSource`), so no column for it.
 */
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("self_evaluation_results")
    .addColumn("withdrawn_at", "timestamptz")
    .addColumn("withdrawn_by", "text")
    .addColumn("withdraw_reason", "text")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ["withdrawn_at", "withdrawn_by", "withdraw_reason"])
    await db.schema.alterTable("self_evaluation_results").dropColumn(c).execute();
}
