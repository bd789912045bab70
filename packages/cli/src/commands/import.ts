/**
 * `jixiao import FILE [-o OUT.json] [--log json|text] [--lang zh|en]`: reads any supported
 * format and writes the jixiao.targets/1 document; the repair log goes to stderr. A result that
 * cannot be trusted (an indicator with no name or target, a project with no indicators, an
 * amount printed but not read, any other error-severity diagnostic) is still written, and the
 * command exits 1.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { hasErrors } from "@jixiao/core";
import { writeJson } from "@jixiao/formats";
import { readCommandArgs } from "../command-args.ts";
import type { Io } from "../io.ts";
import { formatDiagnostics, loadDocument } from "../load.ts";

export const summary = "读取表格（文本/xlsx/csv/html/docx/pdf/json）输出 JSON · read a table into jixiao JSON";

const HELP = `用法 Usage: jixiao import FILE [-o OUT.json] [--log json|text] [--lang zh|en]
  读取 FILE（PDF 提取文本、xlsx、csv、网页 html、Word docx、pdf、json），输出 jixiao.targets/1 JSON；
  修复日志（识别的版式、各列的读法、推定的值、修复）写到 stderr。
  Reads FILE (text, xlsx, csv, HTML, Word .docx, pdf, json) and writes the document as JSON (stdout
  unless -o); the repair log (layouts recognised, how each column was read, inferred values,
  repairs) goes to stderr.
  退出码 Exit:
    0  读取可信（修复不算失败） the result can be trusted (repairs are not failures)
    1  结果有错误级诊断：指标缺名称或目标值、项目没有指标、印有金额却读不出等；诊断指出单元格，
       文档照常输出供检查 — error-severity diagnostics: an indicator with no name or target, a
       project with no indicators, an amount printed but not read …; the diagnostics name the
       cells, and the document is still written for inspection
    2  无法读取或用法错误 unreadable input or bad usage
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const read = readCommandArgs("import", argv, io, HELP, parse);
  if (typeof read === "number") return read;
  const { args } = read;
  const file = read.file!;
  const loaded = await loadDocument(file, io);
  const lang = args.values.lang === "en" ? "en" : "zh";
  if (args.values.log === "json") io.err(`${JSON.stringify({ diagnostics: loaded.diagnostics })}\n`);
  else io.err(formatDiagnostics(loaded.diagnostics, lang));
  if (!loaded.value) {
    io.err(`jixiao import: ${loaded.headline}\n`);
    return 2;
  }
  const json = writeJson(loaded.value);
  if (args.values.output) await writeFile(args.values.output, json);
  else io.out(json);
  if (hasErrors(loaded.diagnostics)) {
    const n = loaded.diagnostics.filter((d) => d.severity === "error").length;
    if (args.values.log !== "json")
      io.err(`jixiao import: ${n} 个错误，结果不可直接使用 / ${n} error(s): the result cannot be used as is\n`);
    return 1;
  }
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      log: { type: "string", default: "text" },
      lang: { type: "string", default: "zh" },
      help: { type: "boolean", short: "h" },
    },
  });
}
