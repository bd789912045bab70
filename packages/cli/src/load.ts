/**
 * Shared by every command that reads a table: reads the file, shows a progress bar on a
 * terminal for long reads, and formats diagnostics for humans.
 */
import { readFile } from "node:fs/promises";
import type { Diagnostic, Parsed, TargetDocument } from "@jixiao/core";
import { readDocument } from "@jixiao/formats";
import type { Io } from "./io.ts";

export interface Loaded extends Parsed<TargetDocument> {
  /** One-line human message when the value is null. */
  headline: string;
}

const BIG = 2 * 1024 * 1024;

export async function loadDocument(file: string, io: Io): Promise<Loaded> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "EIO";
    const d: Diagnostic = {
      code: "input.not-found",
      severity: "error",
      message: `无法打开文件 ${file}（${code}）`,
      messageEn: `Cannot open ${file} (${code})`,
    };
    return { value: null, diagnostics: [d], headline: `${d.message} / ${d.messageEn}` };
  }
  const showProgress = io.isTTY && bytes.length >= BIG;
  let last = -1;
  const onProgress = showProgress
    ? (f: number) => {
        const pct = Math.floor(f * 100);
        if (pct === last) return;
        last = pct;
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        io.err(`\r读取 reading ${file} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}%`);
      }
    : undefined;
  const parsed = await readDocument(bytes, { fileName: file, onProgress, isolate: true });
  if (showProgress) io.err("\n");
  const firstError = parsed.diagnostics.find((d) => d.severity === "error");
  const headline = parsed.value
    ? ""
    : firstError
      ? `无法读取 ${file}：${firstError.message} / ${firstError.messageEn}`
      : `无法读取 ${file} / unreadable: ${file}`;
  return { ...parsed, headline };
}

/** Human rendering of a repair log / diagnostics list, one line each. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], lang: "zh" | "en" = "zh"): string {
  if (diagnostics.length === 0) return "";
  const lines = diagnostics.map((d) => {
    const where = d.line !== undefined ? `L${d.line}` : (d.cell ?? "");
    const msg = lang === "en" ? d.messageEn : d.message;
    return `${d.severity.padEnd(7)} ${d.code.padEnd(28)} ${where.padEnd(6)} ${msg}`;
  });
  return `${lines.join("\n")}\n`;
}
