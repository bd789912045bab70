/**
 * Bytes → text: UTF-8 (with or without BOM) when valid, else GB18030 (a superset of GBK),
 * with a diagnostic saying which was used. Never throws.
 */
import type { Diagnostic } from "@jixiao/core";

export interface Decoded {
  text: string;
  encoding: "utf-8" | "gb18030" | "utf-16le" | "utf-16be";
  diagnostics: Diagnostic[];
}

/**
 * Decodes text bytes, detecting UTF-8 / UTF-16 BOMs and GBK/GB18030.
 * @example decodeText(new TextEncoder().encode("表12")).text // "表12"
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", diagnostics: [] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", diagnostics: [] };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8", diagnostics: [] };
  } catch {
    const text = new TextDecoder("gb18030").decode(bytes);
    return {
      text,
      encoding: "gb18030",
      diagnostics: [
        {
          code: "decode.gb18030",
          severity: "info",
          message: "输入不是 UTF-8，已按 GBK/GB18030 解码",
          messageEn: "Input is not UTF-8; decoded as GBK/GB18030",
          action: "decoded as GB18030",
        },
      ],
    };
  }
}

/**
 * True when the bytes look binary rather than text: NUL bytes or many control characters
 * in the first 64 KiB.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.02;
}
