/**
 * Writes to a project must say which version they were made on (If-Match or `rowVersion`), or a
 * concurrent edit could be overwritten without anyone knowing: 428 `precondition.required`. The
 * project is looked up first, so a project outside the actor's scope still answers 404 — the 428
 * gives no existence hint.
 */
import type { Ctx } from "../commands/context.ts";
import { findProject } from "../commands/projects/find.ts";
import { AppError } from "../errors.ts";

export async function requiredVersion(ctx: Ctx, projectId: number, version: number | undefined): Promise<number> {
  if (version !== undefined) return version;
  await findProject(ctx.db, ctx.actor, projectId);
  throw new AppError(
    "precondition.required",
    "请附上所读取的版本（If-Match 请求头或 rowVersion），以免覆盖他人的修改",
    "Send the version you read (If-Match header or rowVersion) so that no one's changes are overwritten",
  );
}
