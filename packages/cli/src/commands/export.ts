/**
 * `jixiao export FILE --to xlsx|csv|html|pdf|json [-o OUT]`: reads any format jixiao reads and
 * writes the 表12 in another (the format defaults to OUT's extension). Binary formats need -o
 * unless stdout is redirected.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  OUTPUT_FORMATS,
  type OutputFormat,
  outputFormatOf,
  writeDocument,
} from "@jixiao/formats/export/write-document.ts";
import { readCommandArgs } from "../command-args.ts";
import type { Io } from "../io.ts";
import { formatDiagnostics, loadDocument } from "../load.ts";

export const summary = "导出表12（xlsx/csv/html/pdf/json）· export the table to another format";

const HELP = `用法 Usage: jixiao export FILE --to xlsx|csv|html|pdf|json [-o OUT] [--lang zh|en]
  读取 FILE（文本、xlsx、csv、pdf、json），导出为表12：xlsx（合并单元格、A4 横向、打印重复表头）、
  csv（UTF-8 BOM，每行一个指标）、html（可打印页面）、pdf（用系统 chromium 打印）、json（交换格式）。
  Reads FILE and writes it in the given format (--to, or OUT's extension); stdout when no -o.
  Exit: 0 ok, 1 could not write that format here (e.g. PDF without chromium), 2 unreadable input or bad usage.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const read = readCommandArgs("export", argv, io, HELP, parse);
  if (typeof read === "number") return read;
  const { args } = read;
  const file = read.file!;
  const out = args.values.output;
  const to = (args.values.to ?? (out ? outputFormatOf(out) : null)) as OutputFormat | null;
  if (!to || !(OUTPUT_FORMATS as readonly string[]).includes(to)) {
    io.err(`jixiao export: 需要 --to ${OUTPUT_FORMATS.join("|")} / --to is required (got "${args.values.to ?? ""}")\n`);
    return 2;
  }
  if (!out && (to === "xlsx" || to === "pdf") && !io.outBytes) {
    io.err(`jixiao export: ${to} 是二进制格式，请用 -o 指定输出文件 / ${to} is binary: give -o OUT\n`);
    return 2;
  }
  const lang = args.values.lang === "en" ? "en" : "zh";
  const loaded = await loadDocument(file, io);
  io.err(formatDiagnostics(loaded.diagnostics, lang));
  if (!loaded.value) {
    io.err(`jixiao export: ${loaded.headline}\n`);
    return 2;
  }
  const written = await writeDocument(loaded.value, to);
  io.err(formatDiagnostics(written.diagnostics, lang));
  if (!written.value) {
    const d = written.diagnostics[0];
    io.err(`jixiao export: ${d ? (lang === "en" ? d.messageEn : d.message) : "failed"}\n`);
    return 1;
  }
  if (out) {
    await writeFile(out, written.value);
    io.err(`已写出 wrote ${out} (${to}, ${written.value.length} bytes, ${loaded.value.projects.length} projects)\n`);
  } else if (io.outBytes) io.outBytes(written.value);
  else io.out(new TextDecoder().decode(written.value));
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: "string", short: "t" },
      output: { type: "string", short: "o" },
      lang: { type: "string", default: "zh" },
      help: { type: "boolean", short: "h" },
    },
  });
}
