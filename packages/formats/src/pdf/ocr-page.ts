/**
 * Scanned pages (no text layer, one image): the table's lines are found in the pixels (runs of
 * dark pixels far longer than any stroke of a character), cut into cells like a vector table
 * (ruled-grid.ts), and each cell with ink is recognised by tesseract (Debian tesseract-ocr +
 * tesseract-ocr-chi-sim) — one process per batch of cells (chi_sim loads once), at most
 * OCR_PROCESSES at a time, each killed at the file's time limit. Crops are scaled to
 * OCR_PX_PER_PT; unsure cells are read again at OCR_ALT_PX_PER_PT (the surer reading stays),
 * short one-line cells by the Latin model at OCR_LATIN_PX_PER_PT. Per-cell confidence comes
 * from tesseract's TSV; cells under LOW_CONFIDENCE are flagged by the caller.
 * Without tesseract: one error naming the pages and the apt command.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ColumnKey, Diagnostic } from "@jixiao/core";
import { borderless, bordersOnly } from "./ocr-borders.ts";
import { checkRecognised } from "./ocr-columns.ts";
import { cellsReadAlike } from "./ocr-confirm.ts";
import { splitBlankCutRows, tableCut } from "./ocr-cut-row.ts";
import { deskew } from "./ocr-deskew.ts";
import { snapHeaders } from "./ocr-header.ts";
import { cropCell, inkLines, pageCutFragment, pixelLines, threshold } from "./ocr-image.ts";
import { type CropPlace, tsvRuns } from "./ocr-preamble.ts";
import { rereadAlike, rereadVocabulary } from "./ocr-reread.ts";
import { atReadResolution, COARSE_DPI, imageDpi } from "./ocr-resolution.ts";
import { ocrScales } from "./ocr-scale.ts";
import { withoutSolidInk } from "./ocr-solid.ts";
import { parseTsv, runTesseract, tesseractReady } from "./ocr-tesseract.ts";
import type { PageTables } from "./page-sheet.ts";
import type { PdfPage } from "./pdf-page.ts";
import { findTables, type Table } from "./ruled-grid.ts";

export interface ScanPage {
  page: PdfPage;
  badText: boolean;
}

/** tesseract processes at a time. */
export const OCR_PROCESSES = 2;
/** Below this confidence (0–100) of its least sure word a recognised cell is flagged. */
export const LOW_CONFIDENCE = 90;

/**
 * OCR time per scanned page, ms: a 表12 page at 150 dpi takes 15–30 s of tesseract on a
 * 2-core machine under load (measured: 8 pages in 140–150 s beside other test runs).
 */
export const OCR_PAGE_MS = 45_000;
/** The most time the OCR of one file gets, however many pages it has: a hostile file stays bounded. */
export const OCR_MAX_MS = 15 * 60_000;

/**
 * The OCR budget of a file whose time limit was not set by the caller: what is left of the
 * file's limit, or OCR_PAGE_MS per scanned page when that is more (at most OCR_MAX_MS), so a
 * long scan is not cut off under load.
 * @example ocrBudget(100_000, 5) // 225_000
 */
export function ocrBudget(leftMs: number, pages: number): number {
  return Math.max(leftMs, Math.min(OCR_MAX_MS, OCR_PAGE_MS * pages));
}

interface Crop {
  page: number;
  table: number;
  cell: number;
  file: string;
  /** The same cell at a second scale, read when the first reading is unsure. */
  alt?: string;
  /** The same cell at the Latin model's scale (one-line cells). */
  latin?: string;
  /** A cell of several lines is read line by line: this crop's line (0 = the top one). */
  part?: number;
}

const NUMBER = /^[-+≥≤=<>]?\d[\d.,]*%?$/;

/** Whether the characters of `a` appear in `b` in order. */
function subsequence(a: string, b: string): boolean {
  let i = 0;
  for (const ch of b) if (ch === a[i]) i++;
  return i === a.length;
}

/** Whether part of cell `k` of a table belongs to another cell (the grid's owner map says so). */
function overlapped(tb: Table, k: number): boolean {
  const c = tb.cells[k]!;
  for (let r = c.r0; r < c.r1; r++) for (let x = c.c0; x < c.c1; x++) if (tb.owner[r]?.[x] !== k) return true;
  return false;
}

/**
 * Reads the tables of scanned pages; pages get their text per cell and confidences.
 * @example (await ocrPages(scans, 60_000)).pages.length
 */
export async function ocrPages(
  scans: ScanPage[],
  ms: number,
): Promise<{ pages: PageTables[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const list = scans.map((s) => s.page.number).join(", ");
  const bin = await tesseractReady();
  if (!bin)
    return {
      pages: [],
      diagnostics: [
        {
          code: "pdf.ocr-unavailable",
          severity: "error",
          message: `第 ${list} 页是扫描图像，没有文字层；识别需要 tesseract：请运行 sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim`,
          messageEn: `Page(s) ${list} are scanned images with no text layer; reading them needs tesseract: run \`sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim\``,
          cell: `p${scans[0]!.page.number}`,
        },
      ],
    };
  const dir = await mkdtemp(join(tmpdir(), "jixiao-ocr-"));
  const started = Date.now();
  try {
    const pages: PageTables[] = [];
    const crops: Crop[][] = [[], []]; // psm 7 (one line), psm 6 (a block)
    const preambles: Array<{ page: number; file: string; at: CropPlace }> = [];
    const writes: Promise<void>[] = [];
    // The print size, measured over all pages (one print): the median ink height of the cells
    // up to 13 pt tall (most hold one line). A cell is one line (psm 7) under 1.6 lines of ink.
    const ink = (c: { inkHeight: number }) => c.inkHeight - 7; // the crop keeps 3 px above, 4 below
    const geometry = scans.map((s) => {
      // A scan finer than 150 dpi is read at 150 (ocr-resolution.ts); a page fed askew is turned
      // straight first: its lines are then runs of pixels again.
      const largest = [...s.page.images].sort((a, b) => b.width * b.height - a.width * a.height)[0]!;
      const sampled = atReadResolution(largest);
      const coarse = imageDpi(largest) < COARSE_DPI;
      // Solid ink (a banner, a scanner's black margin) is no rule, and would tilt the skew measure.
      const scan = withoutSolidInk(sampled, threshold(sampled));
      const { img, angle } = deskew(scan, threshold(scan));
      const ptPerPx = (img.x1 - img.x0) / img.width;
      const min = Math.max(20, Math.round(14 / ptPerPx));
      const tol = Math.max(2, Math.round(1.5 / ptPerPx));
      const { h, v } = pixelLines(img, min);
      const t = threshold(img);
      const tables = findTables(bordersOnly(h, v, tol, img, t), v, tol);
      const inks = tables
        .flatMap((tb) =>
          tb.cells.map((cell) =>
            cropCell(img, tb.xs[cell.c0]!, tb.ys[cell.r0]!, tb.xs[cell.c1]!, tb.ys[cell.r1]!, t, 0),
          ),
        )
        .map((c) => (c ? ink(c) * ptPerPx : 0))
        .filter((pt) => pt > 2 && pt < 13);
      return { s, img, ptPerPx, tables, t, inks, angle, coarse };
    });
    const heights = geometry.flatMap((g) => g.inks).sort((a, b) => a - b);
    const linePt = heights[heights.length >> 1] ?? 7;
    for (const [gi, { s, img, ptPerPx, tables, t, angle, coarse }] of geometry.entries()) {
      const line = linePt / ptPerPx;
      const { scale, altScale, latinScale } = ocrScales(line);
      // A table edge this close to the image's edge is a page break (the table goes on).
      const edge = Math.round(10 / ptPerPx);
      tables.forEach((tb, ti) => {
        // A row moved to the next page: its blank fragment cut at the columns (ocr-cut-row.ts).
        const lowest = tables.every((o) => o.ys[0]! <= tb.ys[0]!);
        const tableCuts = tableCut(img, tb, t, edge, lowest && gi < geometry.length - 1);
        splitBlankCutRows(img, tb, t, line, tableCuts);
        tb.cells.forEach((cell, k) => {
          const [x0, y0, x1, y1] = [tb.xs[cell.c0]!, tb.ys[cell.r0]!, tb.xs[cell.c1]!, tb.ys[cell.r1]!];
          const whole = cropCell(img, x0, y0, x1, y1, t, 0);
          if (!whole) return;
          // A cell lying over another (a column line the scan broke) shows that cell's text: not its own.
          if (overlapped(tb, k)) return;
          // What a page break left of a cell going on over the page is no text of its own.
          const cut = {
            top: cell.r0 === 0 && tableCuts.top,
            bottom: cell.r1 === tb.ys.length - 1 && y1 >= img.height - 1 - edge,
          };
          if (pageCutFragment(img, { x0, y0, x1, y1 }, t, cut, 0.6 * line)) return;
          // A cell of several lines is cut into its lines, each read as one line (psm 7): read as
          // a block (psm 6), chi_sim drops the first line of a narrow wrapped cell (满意/度指/标).
          const lines = ink(whole) < 1.6 * line ? [null] : inkLines(img, x0, y0, x1, y1, t, line);
          const oneLine = lines.every((l) => !l || l[1] - l[0] < 1.6 * line);
          const parts = oneLine ? lines : [null];
          parts.forEach((l, part) => {
            const [top, bottom] = l ? [l[0] - 3, l[1] + 3] : [y0, y1];
            const crop = cropCell(img, x0, top, x1, bottom, t, scale);
            if (!crop) return;
            const name = `p${s.page.number}-${ti}-${k}-${part}`;
            const file = join(dir, `${name}.pgm`);
            const second = cropCell(img, x0, top, x1, bottom, t, altScale);
            const alt = second ? join(dir, `${name}-b.pgm`) : undefined;
            const small = oneLine ? cropCell(img, x0, top, x1, bottom, t, latinScale) : null;
            const latin = small ? join(dir, `${name}-l.pgm`) : undefined;
            if (small && latin) writes.push(writeFile(latin, small.pgm));
            crops[oneLine ? 0 : 1]!.push({ page: s.page.number, table: ti, cell: k, file, alt, latin, part });
            writes.push(writeFile(file, crop.pgm));
            if (second && alt) writes.push(writeFile(alt, second.pgm));
          });
        });
      });
      const toPt = (tb: Table): Table => ({
        ...tb,
        xs: tb.xs.map((x) => img.x0 + x * ptPerPx),
        ys: tb.ys.map((y) => img.y0 + (y * (img.y1 - img.y0)) / img.height),
      });
      // The lines above the table (title, 部门, 年度, 金额单位), read as one block.
      const top = Math.min(...tables.map((tb) => tb.ys[0]!));
      const above = tables.length && top > 8 ? cropCell(img, 0, 0, img.width - 1, top - 1, t, scale) : null;
      if (above) {
        const file = join(dir, `p${s.page.number}-above.pgm`);
        writes.push(writeFile(file, above.pgm));
        const at = { x0: img.x0 + above.left * ptPerPx, y0: img.y0 + above.top * ptPerPx, ptPerPx: ptPerPx / scale };
        preambles.push({ page: s.page.number, file, at: { ...at, margin: above.margin } });
      }
      pages.push({
        page: s.page.number,
        tables: tables.map(toPt),
        texts: tables.map((tb) => tb.cells.map(() => "")),
        confidence: tables.map((tb) => tb.cells.map(() => undefined)),
        outside: [],
      });
      diagnostics.push({
        code: "pdf.page-read",
        severity: "info",
        message: `第 ${s.page.number} 页：扫描图像，${angle ? `纠正倾斜 ${angle}° 后` : ""}按图中表格线切分单元格并文字识别（${tables.length} 个表格）${coarse ? "；分辨率过低，所有单元格均需核对" : ""}`,
        messageEn: `Page ${s.page.number}: a scanned image; ${angle ? `straightened (${angle}° askew), ` : ""}cells cut at the table lines in the image and recognised (${tables.length} table${tables.length === 1 ? "" : "s"})${coarse ? "; its resolution is too low: every cell is flagged for checking" : ""}`,
        cell: `p${s.page.number}`,
      });
    }
    const coarsePages = new Set(geometry.filter((g) => g.coarse).map((g) => g.s.page.number));
    // Recognise the batches, OCR_PROCESSES at a time.
    await Promise.all(writes);
    let timedOut = false;
    let n = 0;
    const results = new Map<Crop, { text: string; conf: number }>();
    /** Recognises crops in batches (one tesseract per batch), OCR_PROCESSES at a time. */
    const recognise = async (groups: Array<{ crops: Crop[]; psm: number }>, lang: string) => {
      const queue: Array<{ crops: Crop[]; psm: number }> = [];
      for (const g of groups) {
        const per = Math.ceil(g.crops.length / OCR_PROCESSES) || 1;
        for (let k = 0; k < g.crops.length; k += per) queue.push({ crops: g.crops.slice(k, k + per), psm: g.psm });
      }
      const got = new Map<Crop, { text: string; conf: number }>();
      const run = async (job: (typeof queue)[number]) => {
        const id = n++;
        const listFile = join(dir, `list${id}.txt`);
        await writeFile(listFile, job.crops.map((c) => c.file).join("\n"));
        const left = ms - (Date.now() - started);
        if (left < 500) {
          timedOut = true;
          return;
        }
        const tsv = await runTesseract(bin, listFile, join(dir, `out${id}`), job.psm, left, lang);
        if (!tsv) timedOut = true;
        const read = parseTsv(tsv);
        job.crops.forEach((c, i) => {
          got.set(c, read.get(i + 1) ?? { text: "", conf: 0 });
        });
      };
      await Promise.all(
        Array.from({ length: OCR_PROCESSES }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await run(next);
        }),
      );
      return got;
    };
    const lang = process.env.JIXIAO_OCR_LANG || "chi_sim";
    for (const [c, r] of await recognise(
      [
        { crops: crops[0]!, psm: 7 },
        { crops: crops[1]!, psm: 6 },
      ],
      lang,
    ))
      results.set(c, r);
    // Unsure cells are read again, the surest reading stays: at a second scale (half the first:
    // chi_sim reads a clear 合计 at ×2 as 和让, at ×1 right), and a line also as one word (psm 8;
    // as a line, chi_sim sometimes drops a whole clear line: 满意).
    const unsure = (cs: Crop[], file: (c: Crop) => string | undefined) =>
      cs
        .filter((c) => file(c) && (results.get(c)?.conf ?? 0) < LOW_CONFIDENCE)
        .map((c) => ({ ...c, file: file(c)!, of: c }));
    const redo = [unsure(crops[0]!, (c) => c.file), unsure(crops[0]!, (c) => c.alt), unsure(crops[1]!, (c) => c.alt)];
    // Every reading of an unsure crop: a text two readings give alike is confirmed (ocr-confirm.ts).
    const readings = new Map<Crop, string[]>([...results].map(([c, r]) => [c, [r.text]]));
    if (redo[0]!.length + redo[1]!.length + redo[2]!.length)
      for (const [c, r] of await recognise(
        [
          { crops: redo[0]!, psm: 8 },
          { crops: redo[1]!, psm: 7 },
          { crops: redo[2]!, psm: 6 },
        ],
        lang,
      )) {
        const of = (c as Crop & { of: Crop }).of;
        const first = results.get(of);
        // Digits stay digits: read as a word, a lone "13" may come back as an ideograph.
        readings.get(of)?.push(r.text);
        const lostDigits = first && /\d/.test(first.text) && !/\d/.test(r.text);
        if (r.text && (!first?.text || (r.conf > first.conf && !lostDigits))) results.set(of, r);
      }
    // Numbers: the Chinese model misreads a lone digit (5 → 工); one-line cells read short or
    // unsure are read again by the Latin model, whose reading wins when it is a number and surer.
    const again = crops[0]!.filter((c) => {
      const r = results.get(c);
      return r && (r.conf < LOW_CONFIDENCE || Array.from(r.text).length <= 4) && !/^[\u3400-\u9fff]{2,}$/.test(r.text);
    });
    if (again.length)
      for (const [c, r] of await recognise(
        [
          { crops: again.map((c) => ({ ...c, file: c.latin ?? c.file, of: c })), psm: 7 },
          // and at the second scale: eng reads a serif 113 at ×1 and ×4, not at ×2 (#15).
          { crops: again.filter((c) => c.alt).map((c) => ({ ...c, file: c.alt!, of: c })), psm: 7 },
        ],
        "eng",
      )) {
        const of = (c as Crop & { of: Crop }).of;
        const first = results.get(of)!;
        const numeric = /^([-+≥≤=<>]?\d[\d.,]*%?|%)$/.test(r.text);
        // A sure ideograph (所, 次) stays: the Latin model reads any glyph as something.
        const sureWord = first.conf >= LOW_CONFIDENCE && /[\u3400-\u9fff]/.test(first.text);
        // A number whose reading at the small scale lost characters (1.5 → 15) stays as read first.
        const lost = NUMBER.test(first.text) && r.text.length < first.text.length && subsequence(r.text, first.text);
        if (numeric && !sureWord && !lost && (r.conf > first.conf || !NUMBER.test(first.text))) results.set(of, r);
      }
    // Lines holding a run one inner glyph from a run printed elsewhere (退体人员 / 退休人员) are
    // read again; the other spelling is taken when most readings give it (ocr-reread.ts), flagged.
    const lines = crops[0]!.filter((c) => results.get(c)?.text);
    const respelled = new Set<string>();
    for (const [c, text] of await rereadAlike(
      lines,
      (c) => results.get(c)!.text,
      (g) => recognise(g, lang),
    )) {
      results.set(c, { text, conf: Math.min(results.get(c)!.conf, LOW_CONFIDENCE - 1) });
      respelled.add(`${c.page}:${c.table}:${c.cell}`);
    }
    if (preambles.length) {
      const listFile = join(dir, "above.txt");
      await writeFile(listFile, preambles.map((p) => p.file).join("\n"));
      const left = ms - (Date.now() - started);
      const tsv = left < 500 ? "" : await runTesseract(bin, listFile, join(dir, "above"), 6, left, lang);
      if (!tsv) timedOut = true;
      preambles.forEach((p, i) => {
        const page = tsv
          .split("\n")
          .filter((row, k) => k === 0 || row.split("\t")[1] === String(i + 1))
          .join("\n");
        const runs = tsvRuns(page, p.at);
        pages.find((pg) => pg.page === p.page)!.outside.push(...runs.map((r) => r.run));
        for (const r of runs.filter((r) => r.conf < LOW_CONFIDENCE))
          diagnostics.push({
            code: "pdf.ocr-low-confidence",
            severity: "warning",
            message: `第 ${p.page} 页表格上方的文字“${r.run.str}”识别把握不大（${Math.round(r.conf)}），请核对`,
            messageEn: `Page ${p.page}: the text above the table "${r.run.str}" was recognised with low confidence (${Math.round(r.conf)}); please check it`,
            cell: `p${p.page}`,
          });
      });
    }
    // A cell's lines, top to bottom, joined (a space only between Latin words); it is as sure as
    // its least sure line.
    for (const [c, r] of [...results].sort((a, b) => (a[0].part ?? 0) - (b[0].part ?? 0))) {
      const pg = pages.find((p) => p.page === c.page)!;
      const before = pg.texts[c.table]![c.cell] as string;
      // A bar at a line's end is what is left of a cell border (项目类别| loses its column; a
      // straightened scan's blurred border reads as a bracket no other one matches: 正向]).
      const text = borderless(r.text);
      const sep = before && /[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(text) ? " " : "";
      pg.texts[c.table]![c.cell] = before + sep + text;
      // A coarse scan's readings are all doubtful (at 100 dpi whole columns read as nothing).
      const cap = coarsePages.has(c.page) ? LOW_CONFIDENCE - 1 : 100;
      pg.confidence![c.table]![c.cell] = Math.min(pg.confidence![c.table]![c.cell] ?? 100, r.conf, cap);
    }
    // Header cells a glyph away from a header name are read as it (and stay flagged).
    for (const pg of pages) snapHeaders(pg.tables, pg.texts, pg.confidence!, LOW_CONFIDENCE);
    // Body cells against their column's vocabulary and grammar: repairs logged, doubtful flagged;
    // a one-line cell read as no word of its column is read again (ocr-reread.ts), still flagged.
    const doubted: Array<{ crop: Crop; key: ColumnKey }> = [];
    const alike = cellsReadAlike(results, readings, LOW_CONFIDENCE);
    const check = checkRecognised(
      pages,
      LOW_CONFIDENCE,
      (d) => {
        const own = crops[0]!.filter((c) => c.page === d.page && c.table === d.table && c.cell === d.cell);
        if (own.length === 1) doubted.push({ crop: own[0]!, key: d.key });
      },
      (at) => respelled.has(`${at.page}:${at.table}:${at.cell}`),
      (at) => alike.has(`${at.page}:${at.table}:${at.cell}`),
    );
    for (const [c, to] of await rereadVocabulary(doubted, (g) => recognise(g, lang))) {
      const pg = pages.find((p) => p.page === c.page)!;
      const { r0, c0 } = pg.tables[c.table]!.cells[c.cell]!;
      check.push({ page: c.page, table: c.table, row: r0, col: c0, from: pg.texts[c.table]![c.cell] as string, to });
      pg.texts[c.table]![c.cell] = to;
    }
    for (const r of check)
      diagnostics.push({
        code: "pdf.ocr-repaired",
        severity: "info",
        message: `第 ${r.page} 页表格第 ${r.row + 1} 行第 ${r.col + 1} 列：识别为「${r.from}」，按该列词表读作「${r.to}」，请核对`,
        messageEn: `Page ${r.page}, table row ${r.row + 1}, column ${r.col + 1}: recognised as "${r.from}", read as "${r.to}" by the column's vocabulary; please check`,
        cell: `p${r.page}`,
      });
    if (timedOut)
      diagnostics.push({
        code: "pdf.ocr-incomplete",
        severity: "error",
        message: `第 ${list} 页的文字识别未在时间上限内完成，部分单元格为空`,
        messageEn: `Recognising page(s) ${list} did not finish within the time limit; some cells are empty`,
      });
    return { pages, diagnostics };
  } finally {
    if (!process.env.JIXIAO_OCR_KEEP) await rm(dir, { recursive: true, force: true });
  }
}
