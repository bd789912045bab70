/**
 * What an evidence file is, judged by its bytes only (never the client's content type or the
 * name's extension): PDF, PNG, JPEG, or a zip that is an xlsx or docx. Zip containers are first
 * checked by the zip guard (sizes, ratios, a lying header) so a zip bomb named .docx is refused
 * without being inflated whole. Pure and synchronous: the server runs it in the worker pool
 * (format-jobs.ts `evidence-sniff`) because the zip check inflates the entries as a stream.
 */
import { checkZip, ZIP_LIMIT_CODES, zipEntries } from "@jixiao/formats/zip-guard.ts";

export type EvidenceKind = "pdf" | "png" | "jpeg" | "xlsx" | "docx";

/** The answer's content type and the extensions a file of the kind may keep. */
export const EVIDENCE_TYPES: Record<EvidenceKind, { contentType: string; extensions: readonly string[] }> = {
  pdf: { contentType: "application/pdf", extensions: ["pdf"] },
  png: { contentType: "image/png", extensions: ["png"] },
  jpeg: { contentType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
};

export type Sniffed =
  | { ok: true; kind: EvidenceKind }
  /** `type`: none of the allowed kinds; `too-large`: the zip guard's size codes; `unreadable`: a damaged zip. */
  | { ok: false; reason: "type" | "too-large" | "unreadable"; code: string };

const starts = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((x, i) => b[i] === x);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const JPEG = [0xff, 0xd8, 0xff] as const;
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] as const; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;

/**
 * The kind of an evidence file from its bytes.
 * @example sniffEvidence(new TextEncoder().encode("%PDF-1.7\n…")) // { ok: true, kind: "pdf" }
 * @example sniffEvidence(new TextEncoder().encode("<html>")).ok // false
 */
export function sniffEvidence(bytes: Uint8Array): Sniffed {
  if (starts(bytes, PDF)) return { ok: true, kind: "pdf" };
  if (starts(bytes, PNG)) return { ok: true, kind: "png" };
  if (starts(bytes, JPEG)) return { ok: true, kind: "jpeg" };
  if (!starts(bytes, ZIP)) return { ok: false, reason: "type", code: "evidence.type" };
  const refused = checkZip(bytes);
  if (refused)
    return ZIP_LIMIT_CODES.has(refused.code)
      ? { ok: false, reason: "too-large", code: refused.code }
      : { ok: false, reason: "unreadable", code: refused.code };
  const entries = zipEntries(bytes);
  if (!Array.isArray(entries)) return { ok: false, reason: "unreadable", code: entries.code };
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml")) return { ok: false, reason: "type", code: "evidence.type" };
  if (names.has("word/document.xml")) return { ok: true, kind: "docx" };
  if (names.has("xl/workbook.xml")) return { ok: true, kind: "xlsx" };
  // Any other zip (an .odt, a .jar, a plain archive) is not on the list.
  return { ok: false, reason: "type", code: "evidence.type" };
}
