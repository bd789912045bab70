/**
 * Zip entries read with the zip-bomb defence: sizes are checked from the central directory
 * BEFORE inflating (each entry and the total under a cap, and a cap on the inflation ratio), and
 * the inflater writes into a buffer of the declared size, so an entry that lies about its size
 * cannot grow past it while inflating. Never throws.
 */
import { unzipSync } from "fflate";

export const ZIP_LIMITS = {
  /** Largest uncompressed entry read (bytes). */
  entryBytes: 64 * 1024 * 1024,
  /** Largest total uncompressed bytes read from one archive. */
  totalBytes: 128 * 1024 * 1024,
  /** Largest uncompressed / compressed ratio accepted. */
  ratio: 200,
} as const;

export type UnzipResult =
  | { ok: true; files: Record<string, Uint8Array> }
  | { ok: false; reason: "not-zip" | "too-large" | "ratio" | "corrupt"; entry?: string; detail?: string };

/**
 * The names of a zip's entries (from its central directory, nothing inflated); null when the
 * bytes are not a readable zip.
 * @example zipEntryNames(docxBytes)?.includes("word/document.xml") // true
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (names.length < 10_000) names.push(f.name);
        return false;
      },
    });
    return names;
  } catch {
    return null;
  }
}

/**
 * Inflates the entries `wanted` picks, within ZIP_LIMITS.
 * @example unzipLimited(bytes, (n) => n === "word/document.xml")
 */
export function unzipLimited(bytes: Uint8Array, wanted: (name: string) => boolean): UnzipResult {
  let total = 0;
  let refused: UnzipResult | null = null;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (refused || !wanted(f.name)) return false;
        if (f.originalSize > ZIP_LIMITS.entryBytes || total + f.originalSize > ZIP_LIMITS.totalBytes) {
          refused = { ok: false, reason: "too-large", entry: f.name, detail: String(f.originalSize) };
          return false;
        }
        if (f.originalSize > 1024 * 1024 && f.originalSize > ZIP_LIMITS.ratio * Math.max(1, f.size)) {
          refused = { ok: false, reason: "ratio", entry: f.name, detail: `${f.originalSize}/${f.size}` };
          return false;
        }
        total += f.originalSize;
        return true;
      },
    });
    return refused ?? { ok: true, files };
  } catch (e) {
    return { ok: false, reason: "corrupt", detail: (e as Error).message };
  }
}
