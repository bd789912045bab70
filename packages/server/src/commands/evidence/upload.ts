/**
 * Uploading one evidence file (佐证材料) to a project's self-evaluation or one of its indicators.
 * Checked before a byte is kept: the role and scope, the approved table, the self-evaluation not
 * submitted, the project's remaining quota; the bytes are capped while they stream in; the type is
 * found by magic bytes (zip containers through the zip guard, in the worker pool); the name is
 * sanitised. The row is written in one transaction that locks the project and re-checks the
 * status and the quota (two uploads at once cannot both pass it). Audited.
 */
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { sql } from "kysely";
import { AppError, notFound } from "../../errors.ts";
import { authorize } from "../../policies.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { findProject } from "../projects/index.ts";
import { evaluatedTable } from "../self-evaluation/actuals.ts";
import { safeFileName } from "./file-name.ts";
import { EVIDENCE_LIMITS } from "./limits.ts";
import { type EvidenceFile, evidenceUsage, presentEvidence } from "./present.ts";
import { receiveCapped } from "./receive.ts";
import { EVIDENCE_TYPES, type Sniffed } from "./sniff.ts";
import { refuseWhenLocked, selfEvaluationStatus } from "./status.ts";

export interface EvidenceUpload {
  stream: Readable & { truncated?: boolean };
  fileName: string;
  indicatorId?: string | undefined;
}

const mb = (n: number) => Math.round(n / 1024 / 1024);

const fileTooLarge = () =>
  new AppError(
    "payload.too-large",
    `单个佐证材料不能超过 ${mb(EVIDENCE_LIMITS.fileBytes)} MB，未保存`,
    `An evidence file may not exceed ${mb(EVIDENCE_LIMITS.fileBytes)} MB; nothing was stored`,
    { limit: EVIDENCE_LIMITS.fileBytes },
  );

const quotaFull = (used: { bytes: number; files: number }) =>
  new AppError(
    "evidence.quota",
    `本项目的佐证材料合计不能超过 ${mb(EVIDENCE_LIMITS.projectBytes)} MB、${EVIDENCE_LIMITS.projectFiles} 个文件，未保存`,
    `A project's evidence may not exceed ${mb(EVIDENCE_LIMITS.projectBytes)} MB or ${EVIDENCE_LIMITS.projectFiles} files in total; nothing was stored`,
    {
      limit: EVIDENCE_LIMITS.projectBytes,
      limitFiles: EVIDENCE_LIMITS.projectFiles,
      used: used.bytes,
      files: used.files,
    },
  );

function refusal(s: Exclude<Sniffed, { ok: true }>): AppError {
  if (s.reason === "too-large")
    return new AppError(
      "payload.too-large",
      "文件解压后过大或压缩比异常（疑为压缩炸弹），未保存",
      "The file inflates beyond the limits (a possible zip bomb); nothing was stored",
      { reason: s.code },
    );
  if (s.reason === "unreadable")
    return new AppError(
      "evidence.unreadable",
      "文件已损坏，无法作为佐证材料保存",
      "The file is damaged; nothing was stored",
      {
        reason: s.code,
      },
    );
  return new AppError(
    "evidence.type",
    "不支持的文件类型：佐证材料仅接受 PDF、PNG、JPEG、XLSX、DOCX（按文件内容判断，不看扩展名）",
    "Unsupported file type: evidence must be PDF, PNG, JPEG, XLSX or DOCX (judged by the content, not the name)",
    { allowed: Object.keys(EVIDENCE_TYPES) },
  );
}

/** Drains an upload's stream (the request must still end cleanly), then rethrows `e`. */
async function drainAndThrow(stream: Readable, e: unknown): Promise<never> {
  stream.resume();
  await new Promise((r) => {
    if (stream.readableEnded) r(null);
    else stream.once("end", r).once("error", r);
  });
  throw e;
}

/** The project an upload goes to, inside the actor's scope (404 before a byte is read), and the role check. */
export async function uploadTarget(ctx: Ctx, projectId: number): Promise<void> {
  authorize(ctx.actor, "selfEvaluation.edit");
  await findProject(ctx.db, ctx.actor, projectId);
}

/**
 * Stores one uploaded file. `sniff` finds its kind (the server passes one that runs in the worker
 * pool). Nothing is stored unless every check passes.
 */
export async function uploadEvidence(
  ctx: Ctx,
  projectId: number,
  upload: EvidenceUpload,
  sniff: (bytes: Uint8Array) => Promise<Sniffed>,
): Promise<EvidenceFile> {
  let row: Awaited<ReturnType<typeof findProject>>;
  let used: { bytes: number; files: number };
  try {
    authorize(ctx.actor, "selfEvaluation.edit");
    row = await findProject(ctx.db, ctx.actor, projectId);
    const { table } = await evaluatedTable(ctx, projectId, null); // 409 before approval
    if (upload.indicatorId !== undefined && !table.indicators.some((i) => i.id === upload.indicatorId))
      throw notFound("indicator", "指标");
    await refuseWhenLocked(ctx.db, row.region_code, row.id, "upload");
    used = await evidenceUsage(ctx.db, row.region_code, row.id);
    if (used.files >= EVIDENCE_LIMITS.projectFiles || used.bytes >= EVIDENCE_LIMITS.projectBytes) throw quotaFull(used);
  } catch (e) {
    return drainAndThrow(upload.stream, e);
  }
  const room = EVIDENCE_LIMITS.projectBytes - used.bytes;
  const got = await receiveCapped(upload.stream, Math.min(EVIDENCE_LIMITS.fileBytes, room));
  if (got.over) throw got.truncated || got.seen > EVIDENCE_LIMITS.fileBytes ? fileTooLarge() : quotaFull(used);
  const bytes = got.bytes;
  if (bytes.length === 0) throw refusal({ ok: false, reason: "type", code: "evidence.type" });
  const sniffed = await sniff(bytes);
  if (!sniffed.ok) throw refusal(sniffed);
  const fileName = safeFileName(upload.fileName, sniffed.kind);
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  return ctx.db.transaction().execute(async (trx) => {
    const locked = await findProject(trx, ctx.actor, projectId, true);
    await refuseWhenLocked(trx, locked.region_code, locked.id, "upload");
    const now = await evidenceUsage(trx, locked.region_code, locked.id);
    if (now.files + 1 > EVIDENCE_LIMITS.projectFiles || now.bytes + bytes.length > EVIDENCE_LIMITS.projectBytes)
      throw quotaFull(now);
    const inserted = await trx
      .insertInto("evidence_files")
      .values({
        region_code: locked.region_code,
        fiscal_year: locked.fiscal_year,
        project_id: locked.id,
        indicator_id: upload.indicatorId ?? null,
        file_name: fileName,
        content_type: EVIDENCE_TYPES[sniffed.kind].contentType,
        size: bytes.length,
        sha256,
        // As base64 text decoded by the database: PGlite binds a Uint8Array about 13× slower (docs/SECURITY.md).
        content: sql<Uint8Array>`decode(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64")}, 'base64')`,
        uploaded_by: ctx.actor.username,
      })
      .returning(["id", "indicator_id", "file_name", "content_type", "size", "sha256", "uploaded_by", "uploaded_at"])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.actor, {
      regionCode: locked.region_code,
      fiscalYear: locked.fiscal_year,
      action: "evidence.upload",
      entity: "project",
      entityId: locked.id,
      after: {
        evidenceId: inserted.id,
        fileName,
        size: bytes.length,
        contentType: inserted.content_type,
        sha256,
        indicatorId: inserted.indicator_id,
        status: await selfEvaluationStatus(trx, locked.region_code, locked.id),
      },
    });
    return presentEvidence(inserted);
  });
}
