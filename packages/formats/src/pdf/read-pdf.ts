/**
 * PDF import: the table as the page draws it, handed to the grid reader like any workbook.
 *
 * Per page (pdf-page.ts): glyph runs, ruling lines, images. Then, in order of preference:
 * 1. ruled — the ruling lines make the tables (ruled-grid.ts), each run goes to the cell that
 *    contains it (place-text.ts): vertically centred merged cells, wrapped cells and
 *    right-aligned numbers are read as the cells they are;
 * 2. text — no ruling lines: columns from the gaps the lines share, rows from baselines
 *    (text-grid.ts);
 * 3. ocr — no text layer, one image per page (a scan): lines found in the pixels, each cell
 *    recognised by tesseract when installed (ocr-page.ts).
 * Fonts whose glyphs extract as nonsense are reported per page and kept out of the data.
 * The pages become one grid sheet (page-sheet.ts) → readGrid: header, columns, layouts,
 * vocabulary are the grid layer's. Every page says which method read it (pdf.page-read).
 * Bounds: MAX_PAGES pages, PDF_TIME_LIMIT_MS per file. Never throws.
 */
import type { Diagnostic, Parsed, TargetDocument } from "@jixiao/core";
import { readGrid } from "../table/read-grid.ts";
import { checkGlyphs, showable } from "./glyph-check.ts";
import { flagDoubtful } from "./ocr-flags.ts";
import { LOW_CONFIDENCE, ocrBudget, ocrPages, type ScanPage } from "./ocr-page.ts";
import { type PageTables, pagesToSheet } from "./page-sheet.ts";
import { type PdfPage, readPage } from "./pdf-page.ts";
import { placeRuns } from "./place-text.ts";
import { findTables } from "./ruled-grid.ts";
import { splitAtSpaces, textConfidence, textTable } from "./text-grid.ts";
import { joinTiledPages } from "./tiled-pages.ts";

export { repairRadicals } from "./radicals.ts";

/** Pages read per file at most (a budget disclosure runs to a few dozen). */
export const MAX_PAGES = 300;
/** Time budget per file, ms (JIXIAO_PDF_TIME_LIMIT_MS overrides): pages after it are not read. */
export const PDF_TIME_LIMIT_MS = 120_000;

export interface ReadPdfOptions {
  onProgress?: (f: number) => void;
  /** Overrides for tests: pages and time budget. */
  maxPages?: number;
  timeLimitMs?: number;
}

function diag(code: string, severity: Diagnostic["severity"], zh: string, en: string, cell?: string): Diagnostic {
  return cell ? { code, severity, message: zh, messageEn: en, cell } : { code, severity, message: zh, messageEn: en };
}

/** A page that is a picture: no readable text, and an image covering most of it. */
function isScan(p: PdfPage, textChars: number): boolean {
  if (textChars > 20) return false;
  const area = p.width * p.height;
  return p.images.some((im) => (im.x1 - im.x0) * (im.y1 - im.y0) > area * 0.4 && im.width * im.height > 100_000);
}

/**
 * Reads a PDF of a 表12 (one or many pages) into a document.
 * @example (await readPdf(pdfBytes)).value?.projects.length
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<Parsed<TargetDocument>> {
  const started = Date.now();
  const budget = options.timeLimitMs ?? (Number(process.env.JIXIAO_PDF_TIME_LIMIT_MS) || PDF_TIME_LIMIT_MS);
  const maxPages = options.maxPages ?? MAX_PAGES;
  const diagnostics: Diagnostic[] = [];
  const pages: PageTables[] = [];
  const scans: ScanPage[] = [];
  const read: PdfPage[] = [];
  let task: { promise: Promise<unknown>; destroy(): Promise<void> } | null = null;
  try {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    task = pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    }) as unknown as { promise: Promise<unknown>; destroy(): Promise<void> };
    // biome-ignore lint/suspicious/noExplicitAny: pdf.js document proxy
    const pdf: any = await withTimeout(task.promise, budget);
    const total = pdf.numPages as number;
    if (total > maxPages)
      diagnostics.push(
        diag(
          "pdf.too-many-pages",
          "error",
          `PDF 有 ${total} 页，只读取前 ${maxPages} 页`,
          `The PDF has ${total} pages; only the first ${maxPages} were read`,
        ),
      );
    const n = Math.min(total, maxPages);
    for (let i = 1; i <= n; i++) {
      const left = budget - (Date.now() - started);
      if (left <= 0) {
        diagnostics.push(
          diag(
            "pdf.time-limit",
            "error",
            `读取 PDF 超过时间上限（${Math.round(budget / 1000)} 秒），第 ${i}–${total} 页未读取`,
            `Reading the PDF took longer than its limit (${Math.round(budget / 1000)} s); pages ${i}–${total} were not read`,
          ),
        );
        break;
      }
      let page: PdfPage;
      try {
        // biome-ignore lint/suspicious/noExplicitAny: pdf.js page proxy
        const proxy: any = await withTimeout(pdf.getPage(i), left);
        page = await withTimeout(readPage(proxy, pdfjs.OPS as Record<string, number>), left);
        proxy.cleanup();
      } catch (e) {
        diagnostics.push(
          diag(
            "pdf.page-unreadable",
            "error",
            `第 ${i} 页无法读取：${(e as Error).message}`,
            `Page ${i} cannot be read: ${(e as Error).message}`,
            `p${i}`,
          ),
        );
        continue;
      }
      read.push(page);
      options.onProgress?.((0.6 * i) / n);
    }
    // A wide sheet printed in column strips: each band's strips become one page.
    const tiled = joinTiledPages(read);
    diagnostics.push(...tiled.diagnostics);
    for (const page of tiled.pages) readOnePage(page, pages, scans, diagnostics);
  } catch (e) {
    return {
      value: null,
      diagnostics: [
        ...diagnostics,
        diag(
          "pdf.unreadable",
          "error",
          `无法读取 PDF：${(e as Error).message}`,
          `Cannot read the PDF: ${(e as Error).message}`,
        ),
      ],
    };
  } finally {
    await task?.destroy().catch(() => undefined);
  }

  if (scans.length) {
    // Scans get OCR_PAGE_MS a page (at most OCR_MAX_MS) unless the caller set the limit.
    const left = Math.max(1000, budget - (Date.now() - started));
    const set = options.timeLimitMs !== undefined || Number(process.env.JIXIAO_PDF_TIME_LIMIT_MS) > 0;
    const ocr = await ocrPages(scans, set ? left : ocrBudget(left, scans.length));
    diagnostics.push(...ocr.diagnostics);
    pages.push(...ocr.pages);
    pages.sort((a, b) => a.page - b.page);
  }
  if (!pages.some((p) => p.tables.length || p.outside.length))
    return {
      value: null,
      diagnostics: [
        ...diagnostics,
        diag("pdf.no-text", "error", "PDF 中没有可读取的文字或表格", "The PDF has no readable text or table"),
      ],
    };
  const { sheet, doubtful } = pagesToSheet(pages, LOW_CONFIDENCE);
  const progress = options.onProgress;
  const grid = readGrid([sheet], { source: "pdf", onProgress: progress ? (f) => progress(0.7 + 0.3 * f) : undefined });
  const all = [...diagnostics, ...flagDoubtful(doubtful, sheet.rows, grid.value, grid.diagnostics)];
  if (grid.value && grid.value.projects.length === 0)
    all.push(
      diag("pdf.no-projects", "error", "PDF 表格中没有读到任何项目", "No project was read from the PDF's table"),
    );
  return { ...grid, diagnostics: all };
}

function readOnePage(page: PdfPage, pages: PageTables[], scans: ScanPage[], diagnostics: Diagnostic[]): void {
  const n = page.number;
  if (page.truncated)
    diagnostics.push(
      diag(
        "pdf.page-too-complex",
        "error",
        `第 ${n} 页的绘图指令过多或嵌套过深，只读取了一部分`,
        `Page ${n} has too many or too deeply nested drawing operators; only part of it was read`,
        `p${n}`,
      ),
    );
  const glyphs = checkGlyphs(page.runs);
  for (const f of glyphs.badFonts)
    diagnostics.push(
      diag(
        "pdf.font-unmapped",
        "error",
        `第 ${n} 页：字体 ${f.font} 的文字无法还原为字符（缺少可用的 ToUnicode 映射，提取为「${showable(f.sample)}」），这 ${f.chars} 个字未作为数据读取`,
        `Page ${n}: font ${f.font} has no usable ToUnicode map (its text extracts as "${showable(f.sample)}"); its ${f.chars} characters were not read as data`,
        `p${n}`,
      ),
    );
  const chars = glyphs.good.reduce((k, r) => k + r.str.length, 0);
  if (isScan(page, chars)) {
    scans.push({ page, badText: glyphs.badFonts.length > 0 });
    return;
  }
  let tables = findTables(page.horizontals, page.verticals, 2);
  let method = "ruled";
  // Lines that frame only part of the text (a shaded header band, a box around the title) are
  // not the table: when the ruled tables hold less than half the page's text, read by geometry.
  if (tables.length) {
    const inside = placeRuns(glyphs.good, tables).texts.flat(2);
    const held = inside.reduce((k, p) => k + p.str.length, 0);
    if (held < chars * 0.5) tables = [];
  }
  if (tables.length === 0) {
    const t = textTable(
      glyphs.good,
      pages.flatMap((p) => p.tables),
    );
    if (t) tables.push(t);
    method = t ? "text" : "none";
  }
  const continuing = pages.some((p) => p.tables.length > 0);
  const placed = placeRuns(method === "text" ? glyphs.good.flatMap(splitAtSpaces) : glyphs.good, tables, continuing);
  const confidence = method === "text" ? tables.map((t) => textConfidence(t) ?? []) : undefined;
  pages.push({
    page: n,
    tables,
    texts: placed.texts,
    outside: placed.outside,
    confidence,
    layoutGuess: method === "text",
  });
  const words: Record<string, [string, string]> = {
    ruled: ["按表格线读取", "read by its ruling lines"],
    text: ["页面没有表格线，按文字位置读取", "no ruling lines; read by text positions"],
    none: ["页面没有表格", "no table on the page"],
  };
  const [zh, en] = words[method]!;
  diagnostics.push(
    diag(
      "pdf.page-read",
      "info",
      `第 ${n} 页：${zh}（${tables.length} 个表格）`,
      `Page ${n}: ${en} (${tables.length} table${tables.length === 1 ? "" : "s"})`,
      `p${n}`,
    ),
  );
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`time limit (${Math.round(ms / 1000)} s)`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
