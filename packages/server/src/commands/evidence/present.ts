/** An evidence file as the API shows it (never its bytes), and a project's usage of the limits. */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

export interface EvidenceFile {
  id: number;
  fileName: string;
  size: number;
  contentType: string;
  /** The indicator it documents (stable id), or null for the self-evaluation as a whole. */
  indicatorId: string | null;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

/** Every column but the bytes. */
export const EVIDENCE_COLUMNS = [
  "id",
  "project_id",
  "indicator_id",
  "file_name",
  "content_type",
  "size",
  "sha256",
  "uploaded_by",
  "uploaded_at",
] as const;

export interface EvidenceRow {
  id: number;
  indicator_id: string | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export const presentEvidence = (r: EvidenceRow): EvidenceFile => ({
  id: r.id,
  fileName: r.file_name,
  size: Number(r.size),
  contentType: r.content_type,
  indicatorId: r.indicator_id,
  sha256: r.sha256,
  uploadedAt: new Date(r.uploaded_at).toISOString(),
  uploadedBy: r.uploaded_by,
});

/** Bytes and files a project's evidence uses. */
export async function evidenceUsage(
  db: Kysely<DB>,
  regionCode: string,
  projectId: number,
): Promise<{ bytes: number; files: number }> {
  const r = await db
    .selectFrom("evidence_files")
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string>("size"), eb.lit(0)).as("bytes"),
      eb.fn.countAll<string>().as("files"),
    ])
    .where("region_code", "=", regionCode)
    .where("project_id", "=", projectId)
    .executeTakeFirstOrThrow();
  return { bytes: Number(r.bytes), files: Number(r.files) };
}
