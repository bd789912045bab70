/**
 * PDF import (pdfjs-dist 5, legacy build for Node): rebuilds the table from glyph positions.
 *
 * 1. text items → lines (same baseline), radicals the font maps wrongly (⽬ → 目) repaired;
 * 2. the header line found by its names (项目名称 … 三级指标 …), on every page (repeats skipped);
 * 3. columns = the x-intervals that the header and table lines cover (cells never share ink
 *    across a border), each named by the header text inside it;
 * 4. rows: a cell starts where a column's text does not continue the line above it (line
 *    spacing), a row at the first line of any starting cell; a merged (rowspan) cell prints
 *    once and leaves the rows below it blank — the grid reader fills those down;
 * 5. above the table: title, 部门/年度/单位; below it: 合计 and the notes (口径说明).
 * Never throws; a PDF without such a table yields a coded error.
 */
import type { Parsed, TargetDocument } from "@jixiao/core";
import { matchHeader } from "../csv/columns.ts";
import { type GridCell, type GridSheet, readGrid } from "../csv/read-grid.ts";

interface Item {
  str: string;
  x: number;
  /** Baseline, from the top of the page, in points. */
  y: number;
  w: number;
  size: number;
}

interface Line {
  y: number;
  items: Item[];
  page: number;
}

const RADICALS: Record<string, string> = {
  // Kangxi radicals whose NFKC is a traditional form, where simplified fonts mean the simplified one.
  "⼾": "户",
  "⿈": "黄",
  "⾭": "青",
  "⺠": "民",
  "⻁": "虎",
  "⻄": "西",
  "⻅": "见",
  "⻆": "角",
  "⻉": "贝",
  "⻋": "车",
  "⻓": "长",
  "⻔": "门",
  "⻘": "青",
  "⻙": "韦",
  "⻚": "页",
  "⻛": "风",
  "⻜": "飞",
  "⻝": "食",
  "⻢": "马",
  "⻣": "骨",
  "⻤": "鬼",
  "⻥": "鱼",
  "⻦": "鸟",
  "⻧": "卤",
  "⻨": "麦",
  "⻩": "黄",
  "⻬": "齐",
  "⻮": "齿",
  "⻰": "龙",
  "⻳": "龟",
};

/**
 * Repairs CJK text whose font maps ideographs to radical code points (⽬ for 目, ⻚ for 页):
 * Kangxi radicals and compatibility ideographs through NFKC, the simplified radicals by table.
 * Other characters (full-width punctuation) are left as printed.
 * @example repairRadicals("项⽬") // "项目"
 */
export function repairRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (c) => RADICALS[c] ?? c.normalize("NFKC"));
}

async function loadItems(
  bytes: Uint8Array,
  onProgress?: (f: number) => void,
): Promise<{ pages: Item[][]; heights: number[] }> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  const pages: Item[][] = [];
  const heights: number[] = [];
  try {
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const vp = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!("str" in raw)) continue;
        const str = repairRadicals(raw.str);
        if (!str.trim()) continue;
        const t = raw.transform as number[];
        const size = Math.hypot(t[2]!, t[3]!) || raw.height || 9;
        items.push({ str, x: t[4]!, y: vp.height - t[5]!, w: raw.width, size });
      }
      pages.push(items);
      heights.push(vp.height);
      page.cleanup();
      onProgress?.((0.7 * p) / pdf.numPages);
    }
  } finally {
    await task.destroy();
  }
  return { pages, heights };
}

function toLines(items: Item[], page: number): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) < Math.max(1.5, it.size * 0.25)) last.items.push(it);
    else lines.push({ y: it.y, items: [it], page });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

/** Joins the items of one line (one cell), inserting a space where the gap is wide. */
function joinItems(items: Item[]): string {
  let out = "";
  let end = -Infinity;
  for (const it of items) {
    if (out && it.x - end > it.size * 0.3) out += " ";
    out += it.str;
    end = it.x + it.w;
  }
  return out.replace(/\s+$/, "");
}

/** Runs of items with no gap wider than half a character: the texts of separate cells. */
function groups(l: Line): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const it of l.items) {
    const last = out[out.length - 1];
    if (last && it.x - last[1] < it.size * 0.5) last[1] = Math.max(last[1], it.x + it.w);
    else out.push([it.x, it.x + it.w]);
  }
  return out;
}

const PAGE_NUMBER = /^(第\s*\d+\s*页.*|-\s*\d+\s*-|\d+\s*\/\s*\d+|Page \d+.*)$/;

interface Column {
  left: number;
  right: number;
  name: string;
}

/**
 * Reads a PDF of a 表12 (one or many pages) into a document.
 * @example (await readPdf(pdfBytes)).value?.projects.length
 */
export async function readPdf(
  bytes: Uint8Array,
  options: { onProgress?: (f: number) => void } = {},
): Promise<Parsed<TargetDocument>> {
  let loaded: Awaited<ReturnType<typeof loadItems>>;
  try {
    loaded = await loadItems(bytes, options.onProgress);
  } catch (e) {
    return fail(
      "pdf.unreadable",
      `无法读取 PDF：${(e as Error).message}`,
      `Cannot read the PDF: ${(e as Error).message}`,
    );
  }
  const allLines = loaded.pages.flatMap((items, p) => toLines(items, p));
  const lines = allLines.filter((l) => !(l.items.length <= 8 && PAGE_NUMBER.test(joinItems(l.items).trim())));

  // Header lines: the line holding 项目名称 / 三级指标 (wrapped header cells lie within ±1.3 lines).
  const isHeaderLine = (l: Line) => {
    const t = joinItems(l.items).replace(/\s+/g, "");
    return /三级指标|指标名称/.test(t) && /(一级指标|目标值|指标值|分值)/.test(t);
  };
  const headerLines = lines.filter(isHeaderLine);
  if (headerLines.length === 0)
    return fail(
      "pdf.no-table",
      "PDF 中没有找到绩效目标表的表头（三级指标、目标值 等）",
      "No target-table header (三级指标, 目标值, …) found in the PDF",
    );
  const band = (h: Line) => h.items[0]!.size * 1.4;
  const inHeaderBand = (l: Line) => headerLines.some((h) => h.page === l.page && Math.abs(l.y - h.y) <= band(h));
  const first = headerLines[0]!;
  const firstBandTop = first.y - band(first);

  // Table lines: below a page's header band; the table ends (last page) where a line crosses columns.
  const headerItems = lines.filter(inHeaderBand).flatMap((l) => l.items.map((it) => ({ it, l })));
  const bodyCandidates = lines.filter(
    (l) => !inHeaderBand(l) && headerLines.some((h) => h.page === l.page && l.y > h.y),
  );
  // Columns from coverage (cells never share ink across a border): the header, and the lines
  // with at least three separate groups of text (table rows, never a paragraph of notes).
  const hx = headerItems.map(({ it }) => [it.x, it.x + it.w] as const);
  const spans: Array<[number, number]> = hx.map((h) => [h[0], h[1]]);
  for (const l of bodyCandidates) {
    const g = groups(l);
    if (g.length >= 3) spans.push(...g);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  const columns: Column[] = merged.map(([left, right]) => {
    const inside = headerItems
      .filter(({ it }) => it.x + it.w / 2 >= left && it.x + it.w / 2 <= right)
      .sort((a, b) => a.l.page - b.l.page || a.it.y - b.it.y || a.it.x - b.it.x);
    const firstPage = inside[0]?.l.page;
    const name = inside
      .filter((x) => x.l.page === firstPage)
      .map((x) => x.it.str)
      .join("")
      .replace(/\s+/g, "");
    return { left, right, name };
  });
  // Where the table ends: the 合计 line, or the first line whose text crosses a column border
  // (the notes below the table).
  const crosses = (l: Line) =>
    groups(l).some(([x0, x1]) => columns.filter((c) => x0 < c.right - 2 && x1 > c.left + 2).length > 1);
  const table: Line[] = [];
  const tail: Line[] = [];
  for (const l of bodyCandidates) {
    if (tail.length > 0 || crosses(l) || /^(合\s*计|总\s*计)/.test(joinItems(l.items))) tail.push(l);
    else table.push(l);
  }
  const named = columns.filter((c) => matchHeader(c.name));
  if (named.length < 4)
    return fail("pdf.no-columns", "PDF 表头的列无法识别", "Could not recognise the columns of the PDF's header");
  const colOf = (it: Item): number => {
    const cx = it.x + Math.min(it.w, 4) / 2;
    let best = -1;
    let dist = Infinity;
    columns.forEach((c, i) => {
      const d = cx < c.left ? c.left - cx : cx > c.right ? cx - c.right : 0;
      if (d < dist) {
        dist = d;
        best = i;
      }
    });
    return best;
  };

  // Cells and rows from line spacing: a column's text continues its open cell when the line
  // follows at one line height; otherwise a new cell starts, and a row starts with it.
  const lineHeight = (size: number) => size * 1.35;
  const open = new Map<number, { y: number; page: number; parts: string[] }>();
  const rows: (string[] | undefined)[][] = [];
  let current: (string[] | undefined)[] | null = null;
  for (const l of table) {
    const byCol = new Map<number, Item[]>();
    for (const it of l.items) {
      const c = colOf(it);
      byCol.set(c, [...(byCol.get(c) ?? []), it]);
    }
    const starting: number[] = [];
    for (const [c, items] of byCol) {
      const prev = open.get(c);
      if (!prev || prev.page !== l.page || l.y - prev.y > lineHeight(items[0]!.size) + 1.5) starting.push(c);
    }
    if (starting.length > 0 || !current) {
      current = columns.map(() => undefined);
      rows.push(current);
    }
    for (const [c, items] of byCol) {
      const text = joinItems(items);
      if (starting.includes(c)) {
        const parts = [text];
        current[c] = parts;
        open.set(c, { y: l.y, page: l.page, parts });
      } else {
        const cell = open.get(c)!;
        cell.parts.push(text);
        cell.y = l.y;
      }
    }
  }
  const headerRow: (GridCell | undefined)[] = columns.map((c) => ({ text: c.name }));
  const gridRows = rows.map((r) => r.map((parts) => (parts ? { text: parts.join("") } : undefined)));

  // Tail: the 合计 row, then the note paragraphs.
  const tailRows: (GridCell | undefined)[][] = [];
  let para: string[] = [];
  let prev: Line | null = null;
  const endPara = () => {
    const text = para.join("");
    const key = `note${tailRows.length}`;
    if (para.length) tailRows.push(columns.map(() => ({ text, merged: key })));
    para = [];
  };
  for (const l of tail) {
    const text = joinItems(l.items);
    if (/^(合\s*计|总\s*计)/.test(text)) {
      endPara();
      const row: (GridCell | undefined)[] = columns.map(() => undefined);
      for (const it of l.items) row[colOf(it)] = { text: it.str.trim() };
      tailRows.push(row);
      prev = null;
      continue;
    }
    if (prev && (l.page !== prev.page || l.y - prev.y > lineHeight(l.items[0]!.size) + 1.5)) endPara();
    para.push(text.trim());
    prev = l;
  }
  endPara();

  // Above the first header: title and 部门 / 年度 / 单位.
  const pre = lines.filter((l) => l.page === first.page && l.y < firstBandTop);
  const preRows = pre.map((l) => {
    const cells: GridCell[] = [];
    let group: Item[] = [];
    for (const it of l.items) {
      const last = group[group.length - 1];
      if (last && it.x - (last.x + last.w) > it.size * 2) {
        cells.push({ text: joinItems(group) });
        group = [];
      }
      group.push(it);
    }
    if (group.length) cells.push({ text: joinItems(group) });
    return cells;
  });
  const sheet: GridSheet = {
    name: "PDF",
    rows: [...preRows, headerRow, ...gridRows, ...tailRows],
    ref: (r, c) => `PDF!${columns[c]?.name ?? c}#${r + 1}`,
  };
  const progress = options.onProgress;
  return readGrid([sheet], { source: "pdf", onProgress: progress ? (f) => progress(0.7 + 0.3 * f) : undefined });
}

function fail(code: string, zh: string, en: string): Parsed<TargetDocument> {
  return { value: null, diagnostics: [{ code, severity: "error", message: zh, messageEn: en }] };
}
