/**
 * Renders a printed table as a Word .docx written by hand (WordprocessingML): paragraphs and
 * tables, column spans as `w:gridSpan`, row spans as `w:vMerge` (restart on the master,
 * continue on the cells below), zipped with fflate. What a department's Word file holds.
 */
import { strToU8, zipSync } from "fflate";
import { type Cell, escapeXml, type GridRow, type Printed, tableWidth } from "./grid.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function paragraph(text: string): string {
  return text === ""
    ? "<w:p/>"
    : `<w:p><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

function tc(cell: Cell | null, span: number, vmerge: "restart" | "continue" | null): string {
  const props = [
    `<w:tcW w:w="${span * 1100}" w:type="dxa"/>`,
    span > 1 ? `<w:gridSpan w:val="${span}"/>` : "",
    vmerge === "restart" ? '<w:vMerge w:val="restart"/>' : vmerge === "continue" ? "<w:vMerge/>" : "",
  ].join("");
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraph(vmerge === "continue" ? "" : (cell?.text ?? ""))}</w:tc>`;
}

function table(rows: GridRow[]): string {
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
        tcs.push(tc(c, c.colSpan ?? 1, (c.rowSpan ?? 1) > 1 ? "restart" : null));
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

export function renderDocx(printed: Printed): Uint8Array {
  const body = printed.blocks.map((b) => (b.kind === "para" ? paragraph(b.text) : `${table(b.rows)}<w:p/>`)).join("");
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
