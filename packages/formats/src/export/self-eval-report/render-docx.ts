/**
 * A report model (report-model.ts) as a real Word document through the `docx` package: A4,
 * 宋体 body with the East Asian font set (so Word and WPS pick it for Chinese) and Times New
 * Roman for Latin digits, 黑体 headings, bordered tables with fixed column widths, header rows
 * repeated on every page, rows never split across pages, merged cells as in the HTML page.
 * A chart becomes its table (Word charts need a drawing part; the numbers are what counts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type IBorderOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Block, Cell, Report, TableBlock } from "./report-model.ts";

/** A4 in twentieths of a point. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1247, right: 1247 };
const BODY = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体", cs: "宋体" };
const HEI = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体", cs: "黑体" };
/** Half-points: 五号 10.5pt body, 小五 9pt tables, 三号 16pt title... */
const SIZE = { body: 21, table: 18, title: 36, heading: 24 };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Runs of a text, line breaks kept. */
function runs(text: string, opts: { bold?: boolean; size?: number; font?: typeof BODY } = {}): TextRun[] {
  return text
    .split("\n")
    .map(
      (line, i) =>
        new TextRun({ text: line, break: i > 0 ? 1 : undefined, bold: opts.bold, size: opts.size, font: opts.font }),
    );
}

function cellOf(c: Cell, width: number, inHead: boolean): TableCell {
  const headCell = inHead || c.head === true;
  const align = c.align ?? (headCell ? "center" : "left");
  return new TableCell({
    children: [
      new Paragraph({
        alignment: ALIGN[align],
        spacing: { before: 0, after: 0, line: 260 },
        children: runs(c.text, { bold: headCell || c.bold, size: SIZE.table }),
      }),
    ],
    columnSpan: c.colSpan && c.colSpan > 1 ? c.colSpan : undefined,
    rowSpan: c.rowSpan && c.rowSpan > 1 ? c.rowSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    width: { size: width, type: WidthType.DXA },
    shading: headCell ? { type: ShadingType.CLEAR, fill: "EEEEEE", color: "auto" } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function tableOf(t: TableBlock, textWidth: number): Table {
  const widths = t.columns.map((c) => Math.round((textWidth * c.width) / 100));
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: t.rows.map((row, r) => {
      const inHead = r < t.headerRows;
      // Each cell's width: its columns' widths; the column it starts at skips columns covered by row spans above.
      let col = 0;
      const covered = coveredColumns(t, r);
      const cells = row.map((c) => {
        while (covered.has(col)) col++;
        const span = c.colSpan ?? 1;
        const w = widths.slice(col, col + span).reduce((s, x) => s + x, 0);
        col += span;
        return cellOf(c, w, inHead);
      });
      return new TableRow({ children: cells, tableHeader: inHead || undefined, cantSplit: true });
    }),
  });
}

/** Columns of row `r` covered by a row-spanning cell of an earlier row. */
function coveredColumns(t: TableBlock, r: number): Set<number> {
  const out = new Set<number>();
  const open: number[] = []; // open[col] = rows still covered below
  for (let i = 0; i < r; i++) {
    let col = 0;
    for (const c of t.rows[i]!) {
      while ((open[col] ?? 0) > 0) col++;
      const span = c.colSpan ?? 1;
      for (let k = 0; k < span; k++) open[col + k] = (c.rowSpan ?? 1) > 1 ? c.rowSpan! : 0;
      col += span;
    }
    for (let k = 0; k < open.length; k++) if ((open[k] ?? 0) > 0) open[k]!--;
  }
  open.forEach((left, k) => {
    if (left > 0) out.add(k);
  });
  return out;
}

function blockOf(b: Block, textWidth: number): (Paragraph | Table)[] {
  switch (b.kind) {
    case "title":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 60 },
          children: runs(b.text, { bold: true, size: SIZE.title, font: HEI }),
        }),
      ];
    case "subtitle":
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: runs(b.text) })];
    case "heading":
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 240, after: 120 },
          children: runs(b.text, { bold: true, size: SIZE.heading, font: HEI }),
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          indent: b.indent ? { firstLine: 420 } : undefined,
          spacing: { after: 60, line: 360 },
          alignment: AlignmentType.JUSTIFIED,
          children: runs(b.text),
        }),
      ];
    case "field":
      return [
        new Paragraph({
          spacing: { after: 40 },
          children: [...runs(`${b.label}：`, { bold: true }), ...runs(b.value)],
        }),
      ];
    case "table":
      return [tableOf(b, textWidth), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case "chart":
      return [
        new Paragraph({ keepNext: true, alignment: AlignmentType.CENTER, children: runs(b.title, { bold: true }) }),
        tableOf(b.table, textWidth),
        new Paragraph({ spacing: { after: 60 }, children: [] }),
      ];
  }
}

/**
 * The Word bytes of a report.
 * @example (await renderReportDocx(buildSelfEvalReport(input))).subarray(0, 2) // "PK"
 */
export async function renderReportDocx(report: Report): Promise<Uint8Array> {
  const landscape = report.orientation === "landscape";
  const pageWidth = landscape ? A4.height : A4.width;
  const textWidth = pageWidth - MARGIN.left - MARGIN.right;
  const doc = new Document({
    creator: "jixiao",
    title: report.title,
    styles: { default: { document: { run: { font: BODY, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: MARGIN,
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ["第 ", PageNumber.CURRENT, " 页，共 ", PageNumber.TOTAL_PAGES, " 页"],
                    size: 18,
                  }),
                ],
              }),
            ],
          }),
        },
        children: report.blocks.flatMap((b) => blockOf(b, textWidth)),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
