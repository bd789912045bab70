/**
 * Renders a printed table as a Word .docx written by hand (WordprocessingML): paragraphs and
 * tables, column spans as `w:gridSpan`, row spans as `w:vMerge` (restart on the master,
 * continue on the cells below), zipped with fflate. What a department's Word file holds.
 */
import { strToU8, zipSync } from "fflate";
import { type Cell, escapeXml, type GridRow, type Printed, tableWidth } from "./grid.ts";
import { linesOf, runsOf } from "./markup-noise.ts";
import type { Rng } from "./random.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const RUN_PR = '<w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr>';

/** One paragraph; with `noise`, its text cut into runs with spell-check marks between some. */
function paragraph(text: string, noise?: Rng): string {
  if (text === "") return "<w:p/>";
  const runs = runsOf(noise, text).map(
    (run, k) =>
      `${k > 0 && noise?.chance(0.5) ? '<w:proofErr w:type="gramStart"/>' : ""}<w:r>${RUN_PR}<w:t xml:space="preserve">${escapeXml(run)}</w:t></w:r>`,
  );
  return `<w:p>${runs.join("")}</w:p>`;
}

function tc(
  cell: Cell | null,
  span: number,
  vmerge: "restart" | "continue" | null,
  noise?: Rng,
  header = false,
): string {
  const props = [
    `<w:tcW w:w="${span * 1100}" w:type="dxa"/>`,
    span > 1 ? `<w:gridSpan w:val="${span}"/>` : "",
    vmerge === "restart" ? '<w:vMerge w:val="restart"/>' : vmerge === "continue" ? "<w:vMerge/>" : "",
  ].join("");
  const text = vmerge === "continue" ? "" : (cell?.text ?? "");
  const paras = linesOf(noise, text, header).map((line) => paragraph(line, noise));
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paras.join("")}</w:tc>`;
}

function table(rows: GridRow[], noise?: Rng): string {
  const width = tableWidth(rows);
  // Which master covers each position: [row, col] of its top-left cell.
  const owner: ([number, number] | null)[][] = rows.map(() => new Array(width).fill(null));
  rows.forEach((row, r) => {
    row.forEach((c, k) => {
      if (!c) return;
      for (let dr = 0; dr < (c.rowSpan ?? 1); dr++) {
        const line = owner[r + dr];
        if (line) for (let dc = 0; dc < (c.colSpan ?? 1); dc++) line[k + dc] = [r, k];
      }
    });
  });
  const grid = Array.from({ length: width }, () => '<w:gridCol w:w="1100"/>').join("");
  const trs = rows.map((row, r) => {
    const tcs: string[] = [];
    for (let k = 0; k < width; ) {
      const c = row[k];
      if (c) {
        tcs.push(tc(c, c.colSpan ?? 1, (c.rowSpan ?? 1) > 1 ? "restart" : null, noise, r === 0));
        k += c.colSpan ?? 1;
        continue;
      }
      const o = owner[r]![k];
      if (o && o[0] < r && o[1] === k) {
        const m = rows[o[0]]![o[1]]!;
        tcs.push(tc(m, m.colSpan ?? 1, "continue"));
        k += m.colSpan ?? 1;
      } else if (o) k++;
      else {
        tcs.push(tc({ text: "" }, 1, null));
        k++;
      }
    }
    return `<w:tr>${tcs.join("")}</w:tr>`;
  });
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${trs.join("")}</w:tbl>`;
}

/** `noise`: cut text into runs (with spell-check marks) and wrap some header names over two paragraphs. */
export function renderDocx(printed: Printed, noise?: Rng): Uint8Array {
  const body = printed.blocks
    .map((b) => (b.kind === "para" ? paragraph(b.text, noise) : `${table(b.rows, noise)}<w:p/>`))
    .join("");
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(document),
  };
  return zipSync(files, { level: 6 });
}
