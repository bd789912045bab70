/**
 * `jixiao import FILE [-o OUT.json] [--log json|text] [--lang zh|en]`: reads any supported
 * format and writes the jixiao.targets/1 document; the repair log goes to stderr.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { writeJson } from "@jixiao/formats";
import { readCommandArgs } from "../command-args.ts";
import type { Io } from "../io.ts";
import { formatDiagnostics, loadDocument } from "../load.ts";

export const summary = "读取表格（文本/xlsx/csv/pdf/json）输出 JSON · read a table into jixiao JSON";

const HELP = `用法 Usage: jixiao import FILE [-o OUT.json] [--log json|text] [--lang zh|en]
  读取 FILE（PDF 提取文本、xlsx、csv、pdf、json），输出 jixiao.targets/1 JSON；修复日志写到 stderr。
  Reads FILE and writes the document as JSON (stdout unless -o); the repair log goes to stderr.
  Exit: 0 ok (repairs are not failures), 2 unreadable input.
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
