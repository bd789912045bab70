/**
 * Whether a project's evidence may change: not while its self-evaluation is submitted or accepted
 * (the reviewers judge what was submitted). The status column is the campaign's (migration 0007).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";

const LOCKED = new Set(["submitted", "accepted"]);

/** The self-evaluation's status: "none" without a row, else its status column. */
export async function selfEvaluationStatus(db: Kysely<DB>, regionCode: string, projectId: number): Promise<string> {
  const row = await db
    .selectFrom("self_evaluations")
    .select("status")
    .where("region_code", "=", regionCode)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  return row?.status ?? "none";
}

/** 409 `evidence.locked` while the self-evaluation is submitted or accepted. */
export async function refuseWhenLocked(
  db: Kysely<DB>,
  regionCode: string,
  projectId: number,
  what: "upload" | "delete",
): Promise<void> {
  const status = await selfEvaluationStatus(db, regionCode, projectId);
  if (!LOCKED.has(status)) return;
  throw what === "delete"
    ? new AppError(
        "evidence.locked",
        "自评已提交或已通过，佐证材料不能删除",
        "The self-evaluation is submitted or accepted; its evidence cannot be deleted",
        { status },
      )
    : new AppError(
        "evidence.locked",
        "自评已提交或已通过，不能再上传佐证材料（退回后可补充）",
        "The self-evaluation is submitted or accepted; evidence can be added again after a return",
        { status },
      );
}
