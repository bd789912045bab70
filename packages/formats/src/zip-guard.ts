/**
 * Zip bombs stop here: before a zip container (xlsx, docx) is handed to a library that inflates it
 * whole, its central directory is read and every entry is checked against size and ratio limits,
 * then every deflated entry is inflated as a stream, counting bytes without keeping them, and
 * stopped as soon as it passes its declared size or the limits (a lying header gains nothing).
 * Returns a coded diagnostic, never throws.
 */
import type { Diagnostic } from "@jixiao/core";
import { Inflate } from "fflate";

export interface ZipLimits {
  /** Entries in the archive. */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, checked for entries larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** The documented limits (docs/SECURITY.md). */
export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

/** Codes of a container refused for its size (as opposed to a damaged one): HTTP 413 upstream. */
export const ZIP_LIMIT_CODES: ReadonlySet<string> = new Set([
  "zip.too-many-entries",
  "zip.too-large",
  "zip.ratio",
  "zip.size-mismatch",
  "zip.zip64",
]);

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const bad = (code: string, zh: string, en: string, details?: Record<string, unknown>): Diagnostic =>
  ({
    code,
    severity: "error",
    message: zh,
    messageEn: en,
    ...(details ? { details } : {}),
  }) as Diagnostic;

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

/** The central directory's entries, or a diagnostic when it cannot be read. */
export function zipEntries(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS, format = "zip"): ZipEntry[] | Diagnostic {
  const broken = () => bad(`${format}.unreadable`, "压缩包结构损坏，无法读取", "The zip container is damaged");
  // End of central directory: 22 bytes + a comment of at most 65535 bytes, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return broken();
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    return bad("zip.zip64", "不支持 ZIP64 压缩包", "ZIP64 archives are not accepted");
  if (count > limits.maxEntries)
    return bad(
      "zip.too-many-entries",
      `压缩包内文件过多（${count} 个，上限 ${limits.maxEntries}）`,
      `Too many entries in the zip (${count}, limit ${limits.maxEntries})`,
      { entries: count, limit: limits.maxEntries },
    );
  if (cdOffset + cdSize > eocd) return broken();
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(bytes, p) !== 0x02014b50) return broken();
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const entry: ZipEntry = {
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      uncompressedSize: u32(bytes, p + 24),
      localHeaderOffset: u32(bytes, p + 42),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + Math.min(nameLen, 1024))),
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff
    )
      return bad("zip.zip64", "不支持 ZIP64 压缩包", "ZIP64 archives are not accepted");
    out.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function tooBig(name: string, found: number, limits: ZipLimits, what: "entry" | "total" | "ratio"): Diagnostic {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  if (what === "ratio")
    return bad(
      "zip.ratio",
      `压缩包内文件 ${name} 压缩比异常（${Math.round(found)} 倍，上限 ${limits.maxRatio} 倍），疑为压缩炸弹，已拒绝`,
      `Entry ${name} expands ${Math.round(found)}× (limit ${limits.maxRatio}×): refused as a possible zip bomb`,
      { entry: name, ratio: Math.round(found), limit: limits.maxRatio },
    );
  const limit = what === "entry" ? limits.maxEntryBytes : limits.maxTotalBytes;
  return bad(
    "zip.too-large",
    what === "entry"
      ? `压缩包内文件 ${name} 解压后过大（超过 ${mb(limit)}），已拒绝`
      : `压缩包解压后总量过大（超过 ${mb(limit)}），已拒绝`,
    what === "entry"
      ? `Entry ${name} inflates beyond ${mb(limit)}: refused`
      : `The zip inflates beyond ${mb(limit)} in total: refused`,
    { entry: name, bytes: found, limit },
  );
}

class Stop extends Error {}

/** Inflates one deflated entry as a stream, counting; stops past `cap`. Returns the bytes seen, or -1 when damaged. */
function inflatedSize(data: Uint8Array, cap: number): number {
  let n = 0;
  const inf = new Inflate((chunk) => {
    n += chunk.length;
    if (n > cap) throw new Stop();
  });
  const STEP = 16 * 1024;
  try {
    for (let o = 0; o < data.length; o += STEP)
      inf.push(data.subarray(o, Math.min(o + STEP, data.length)), o + STEP >= data.length);
    if (data.length === 0) inf.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof Stop) return n;
    return -1;
  }
  return n;
}

/**
 * Checks a zip against the limits: declared sizes and ratios from the central directory first,
 * then the real sizes while inflating. Returns null when it may be opened, else why not; a damaged
 * container is `<format>.unreadable` (e.g. `xlsx.unreadable`).
 * @example checkZip(new Uint8Array([1, 2, 3]))?.code // "zip.unreadable"
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS, format = "zip"): Diagnostic | null {
  const entries = zipEntries(bytes, limits, format);
  if (!Array.isArray(entries)) return entries;
  // Before inflating: what the directory declares.
  let declared = 0;
  for (const e of entries) {
    if (e.uncompressedSize > limits.maxEntryBytes) return tooBig(e.name, e.uncompressedSize, limits, "entry");
    declared += e.uncompressedSize;
    if (declared > limits.maxTotalBytes) return tooBig(e.name, declared, limits, "total");
    if (
      e.uncompressedSize > limits.ratioFloorBytes &&
      e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)
    )
      return tooBig(e.name, e.uncompressedSize / Math.max(1, e.compressedSize), limits, "ratio");
  }
  // While inflating: the data itself, each entry stopped at its declared size (a lie is refused).
  let total = 0;
  for (const e of entries) {
    const h = e.localHeaderOffset;
    if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50)
      return bad(`${format}.unreadable`, "压缩包结构损坏，无法读取", "The zip container is damaged");
    const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + e.compressedSize));
    let size: number;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) size = inflatedSize(data, e.uncompressedSize);
    else continue; // other methods: the library refuses them itself
    if (size < 0) return bad(`${format}.unreadable`, `压缩包内文件 ${e.name} 已损坏`, `Entry ${e.name} is damaged`);
    if (size > e.uncompressedSize)
      return bad(
        "zip.size-mismatch",
        `压缩包内文件 ${e.name} 实际大小超过其声明，已拒绝`,
        `Entry ${e.name} inflates beyond its declared size: refused`,
        { entry: e.name, declared: e.uncompressedSize },
      );
    total += size;
    if (total > limits.maxTotalBytes) return tooBig(e.name, total, limits, "total");
  }
  return null;
}
