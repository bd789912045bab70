/**
 * The name an evidence file is stored and downloaded under: the last path segment only (no `/`
 * or `\`), without control or bidirectional-override characters and the characters Windows
 * forbids, at most 120 characters, and ending in an extension of the kind its bytes were found to
 * be (a PDF uploaded as `a.exe` is kept as `a.exe.pdf`).
 */
import { EVIDENCE_TYPES, type EvidenceKind } from "./sniff.ts";

const MAX_NAME = 120;

/**
 * @example safeFileName("../../etc/passwd.pdf", "pdf") // "passwd.pdf"
 * @example safeFileName("报告.exe", "pdf") // "报告.exe.pdf"
 */
export function safeFileName(raw: string, kind: EvidenceKind): string {
  const last = raw.split(/[/\\]/).pop() ?? "";
  let name = last
    .normalize("NFC")
    // C0/C1 controls, bidi overrides and isolates, zero-width and line/paragraph separators.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  const { extensions } = EVIDENCE_TYPES[kind];
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const suffix = extensions.includes(ext) ? "" : `.${extensions[0]}`;
  if (!name || name === suffix) name = "佐证材料";
  const room = MAX_NAME - suffix.length;
  if ([...name].length > room) {
    // Keep the extension: cut the stem.
    const keep = extensions.includes(ext) ? `.${ext}` : "";
    const stem = keep ? name.slice(0, dot) : name;
    name = [...stem].slice(0, room - keep.length).join("") + keep;
  }
  return name + suffix;
}
