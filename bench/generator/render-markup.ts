/**
 * Renders a printed table as an HTML page (rowspan/colspan, Word-style `<p><span>` cells,
 * `&nbsp;` in empty ones, UTF-8 or GBK per its meta charset) and as the text a web copy or
 * a spreadsheet copy gives: CSV (a spreadsheet's export: merged cells print once, the rest
 * blank), TSV (copied from a spreadsheet, or from a browser with covered cells absent) and one cell per line (a web page
 * flattened: covered cells absent, a blank line between cells, empty cells as a space).
 */
import iconv from "iconv-lite";
import { type Block, dense, escapeXml, type Printed, tableWidth } from "./grid.ts";
import { linesOf, runsOf } from "./markup-noise.ts";
import type { Rng } from "./random.ts";

/** `noise`: cut cell text into several spans and wrap some header names over two paragraphs. */
export function renderHtml(printed: Printed, charset: "utf-8" | "gbk" = "utf-8", noise?: Rng): Uint8Array {
  const out: string[] = [
    "<!DOCTYPE html>",
    "<html>",
    "<head>",
    `<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />`,
    `<title>${escapeXml(printed.title)}</title>`,
    "</head>",
    "<body>",
    '<div class="nav">首页 &gt; 信息公开 &gt; 财政资金</div>',
  ];
  for (const b of printed.blocks) {
    if (b.kind === "para") {
      out.push(`<p class="MsoNormal" align="center"><span>${escapeXml(b.text)}</span></p>`);
      continue;
    }
    out.push('<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0">', "<tbody>");
    b.rows.forEach((row, ri) => {
      const tds = row
        .filter((c) => c !== null)
        .map((c) => {
          const span = `${c!.rowSpan ? ` rowspan="${c!.rowSpan}"` : ""}${c!.colSpan ? ` colspan="${c!.colSpan}"` : ""}`;
          const paras =
            c!.text === ""
              ? ["<span>&nbsp;</span>"]
              : linesOf(noise, c!.text, ri === 0).map((line) =>
                  runsOf(noise, line)
                    .map((run, k) => `<span${k > 0 ? ' lang="EN-US"' : ""}>${escapeXml(run)}</span>`)
                    .join(""),
                );
          const body = paras.map((p) => `<p class="MsoNormal" align="center">${p}</p>`).join("");
          return `  <td${span} valign="middle">${body}</td>`;
        });
      out.push(" <tr>", ...tds, " </tr>");
    });
    out.push("</tbody>", "</table>");
  }
  out.push('<div class="foot">版权所有</div>', "</body>", "</html>", "");
  const html = out.join("\n");
  return charset === "gbk" ? new Uint8Array(iconv.encode(html, "gbk")) : new TextEncoder().encode(html);
}

function allRows(blocks: Block[]): string[][] {
  const width = blocks.reduce((w, b) => (b.kind === "table" ? Math.max(w, tableWidth(b.rows)) : w), 1);
  const rows: string[][] = [];
  for (const b of blocks) {
    if (b.kind === "para") rows.push([b.text, ...new Array<string>(width - 1).fill("")]);
    else for (const r of dense(b.rows)) rows.push([...r, ...new Array<string>(width - r.length).fill("")]);
  }
  return rows;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A spreadsheet's CSV export (UTF-8 with BOM, CRLF). */
export function renderCsv(printed: Printed): Uint8Array {
  const body = allRows(printed.blocks)
    .map((r) => r.map(csvField).join(","))
    .join("\r\n");
  return new TextEncoder().encode(`\ufeff${body}\r\n`);
}

/**
 * Tab-separated rows as copied to the clipboard: from a spreadsheet (`from: "sheet"`, merged cells
 * printed once and blank below/right) or from a browser (`from: "browser"`, the cells a span
 * covers absent, so a row under a rowspan starts further left).
 */
export function renderTsv(printed: Printed, from: "sheet" | "browser" = "sheet"): Uint8Array {
  const clean = (t: string) => t.replace(/[\t\r\n]+/g, " ");
  const rows =
    from === "sheet"
      ? allRows(printed.blocks)
      : printed.blocks.flatMap((b) =>
          b.kind === "para" ? [[b.text]] : b.rows.map((r) => r.filter((c) => c !== null).map((c) => c!.text)),
        );
  const body = rows.map((r) => r.map(clean).join("\t")).join("\n");
  return new TextEncoder().encode(`${body}\n`);
}

/** A web page copied as text: one cell per line, covered cells absent, a blank line between. */
export function renderLines(printed: Printed): Uint8Array {
  const lines: string[] = [];
  for (const b of printed.blocks) {
    if (b.kind === "para") lines.push(b.text);
    else for (const r of b.rows) for (const c of r) if (c) lines.push(c.text === "" ? " " : c.text);
  }
  return new TextEncoder().encode(`${lines.join("\n\n")}\n`);
}
