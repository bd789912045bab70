/**
 * A table from text geometry, for pages that draw no ruling lines. Columns: the x ranges where
 * the table's lines (those with three or more separate groups of text) leave a gap in common.
 * Rows: a line starts a row when one of its columns starts a new cell — no text in that column
 * on the line above (one line height up), or a number where the column already holds one
 * (rows printed at exactly one line height); other lines continue wrapped cells. The result is
 * a Table like the ruled one, read by the same placement.
 */
import type { TextRun } from "./pdf-page.ts";
import { slot, type Table } from "./ruled-grid.ts";
import { columnBorders } from "./text-columns.ts";
import { keepHeader, levelOneColumn, repeatedHeader } from "./text-header.ts";
import { type Spans, spannedRows } from "./text-spans.ts";

interface Line {
  y: number;
  size: number;
  runs: TextRun[];
  groups: Array<[number, number]>;
}

const WIDE = /[\u2e80-\ua4cf\uf900-\ufaff\uff00-\uff60]/;

/**
 * A run holding a wide space is split there: pdf.js joins the texts of neighbouring cells on one
 * baseline into one run, with a space for the gap. Glyph widths are estimated (ideographs 1 em,
 * others 0.55 em) and the rest of the run's width is shared among its spaces.
 */
export function splitAtSpaces(run: TextRun): TextRun[] {
  const words = run.str.split(/(\s+)/).filter((w) => w !== "");
  if (words.filter((w) => !/^\s+$/.test(w)).length < 2) return [run];
  const width = (w: string) => Array.from(w).reduce((k, c) => k + (WIDE.test(c) ? 1 : 0.55), 0) * run.size;
  const inked = words.filter((w) => !/^\s+$/.test(w)).reduce((k, w) => k + width(w), 0);
  const spaces = words.filter((w) => /^\s+$/.test(w)).reduce((k, w) => k + w.length, 0);
  const gap = Math.max(0, (run.w - inked) / Math.max(1, spaces));
  const out: TextRun[] = [];
  let x = run.x;
  for (const w of words) {
    if (/^\s+$/.test(w)) {
      x += gap * w.length;
      continue;
    }
    out.push({ ...run, str: w, x, w: width(w) });
    x += width(w);
  }
  return out;
}

function linesOf(input: TextRun[]): Line[] {
  const runs = input.flatMap(splitAtSpaces);
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const out: Line[] = [];
  for (const r of sorted) {
    const l = out[out.length - 1];
    if (l && Math.abs(l.y - r.y) < Math.max(1.5, r.size * 0.35)) l.runs.push(r);
    else out.push({ y: r.y, size: r.size, runs: [r], groups: [] });
  }
  for (const l of out) {
    l.runs.sort((a, b) => a.x - b.x);
    for (const r of l.runs) {
      const g = l.groups[l.groups.length - 1];
      if (g && r.x - g[1] < r.size * 0.5) g[1] = Math.max(g[1], r.x + r.w);
      else l.groups.push([r.x, r.x + r.w]);
    }
  }
  return out;
}

/**
 * Rows set apart by padding (a web page or a word processor's table without borders): the
 * bands of lines between the y ranges where at most one column has ink (a label centred in a
 * merged cell may cross a gap) for at least half a line. A wrapped cell's lines, and a short
 * cell centred beside them, lie within one band. Null when fewer than three bands: rows printed
 * at exactly one line height leave no such gaps and are read line by line.
 */
function rowBands(body: Line[], col: (x: number) => number): number[] | null {
  const size = body.map((l) => l.size).sort((a, b) => a - b)[Math.floor(body.length / 2)]!;
  const top = body[0]!.y - size;
  const step = 0.5;
  const n = Math.ceil((body[body.length - 1]!.y + size - top) / step) + 1;
  const cols: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (const l of body)
    for (const r of l.runs) {
      const c = col(r.x + Math.min(r.w, r.size) / 2);
      const from = Math.floor((r.y - r.size * 0.9 - top) / step);
      const to = Math.ceil((r.y + r.size * 0.2 - top) / step);
      for (let i = Math.max(0, from); i <= to && i < n; i++) cols[i]!.add(c);
    }
  // The middles of the gaps; a line is in the band after the gaps above its middle.
  const cuts: number[] = [];
  let gap = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && cols[i]!.size <= 1) gap++;
    else {
      if (gap * step >= size * 0.5 && i - gap > 0 && i < n) cuts.push(top + (i - gap / 2) * step);
      gap = 0;
    }
  }
  const band = body.map((l) => cuts.filter((c) => c < l.y - l.size * 0.35).length);
  const k = band[band.length - 1]! - band[0]!;
  return k + 1 >= 3 ? band : null;
}

const NUMBER = /^[≥≤<>=＞＜＝]?\s*[-+]?\d[\d,]*(\.\d+)?\s*%?$/;

/**
 * The table the text of a page lays out, or null when fewer than three lines look tabular.
 * @example textTable(page.runs)?.xs.length
 */
export function textTable(runs: TextRun[], earlier: Table[] = []): Table | null {
  const lines = linesOf(runs);
  const tabular = lines.map((l) => l.groups.length >= 3);
  let first = tabular.indexOf(true);
  let last = tabular.lastIndexOf(true);
  const continuing = earlier.length > 0;
  // A page continuing a table may hold only its last row or two (the columns are known).
  if (first < 0 || tabular.filter(Boolean).length < (continuing ? 1 : 3)) return null;
  // A preamble line above the table (部门 … 年度 … 单位 spread over the page's width) is not one
  // of its rows: the table starts at the first line holding half as many texts as its fullest.
  const fullest = Math.max(...lines.map((l) => l.groups.length));
  while (first < last && lines[first]!.groups.length < fullest / 2) first++;
  while (first < last && !tabular[first]) first++;

  // Columns: gaps in the ink of the tabular lines, tolerating a few lines that cross them.
  const columns = columnBorders(lines.slice(first, last + 1), earlier);
  if (!columns) return null;
  const { xs } = columns;
  // Lines that continue the table outside its tabular lines, each run inside one column: the
  // wrapped lines of the last row, and on a page continuing the table the rest of cells cut by
  // the page break (the tails of a row split in two, text flowing on from the page before).
  const within = (l: Line) =>
    l.runs.every((r) => {
      const c = slot(xs, r.x + 0.5);
      return c >= 0 && c === slot(xs, r.x + r.w - 0.5);
    });
  // A continuing page printing the header again (calc's repeated rows): a row of its own, the
  // body below it read as the table's continuation (text over the header is a cut cell's).
  const repeat = continuing ? repeatedHeader(lines[first]!.runs, xs, earlier) : null;
  if (continuing && !repeat)
    while (first > 0 && within(lines[first - 1]!) && lines[first]!.y - lines[first - 1]!.y < lines[first]!.size * 3)
      first--;
  // And the last row when none of its lines is tabular (its short cells centred on baselines of
  // their own, the merged columns beside it empty): a row's padding below, starting no further
  // left than the last tabular line (a 合计 line below the table starts in the project columns).
  const leftmost = (l: Line) => Math.min(...l.runs.map((r) => slot(xs, r.x + 0.5)));
  const from = leftmost(lines[last]!);
  // (No further below than the widest step between the table's lines: one row's pitch.)
  const pitch = Math.max(...lines.slice(first + 1, last + 1).map((l, i) => l.y - lines[first + i]!.y));
  while (last + 1 < lines.length && within(lines[last + 1]!)) {
    const dy = lines[last + 1]!.y - lines[last]!.y;
    const size = lines[last]!.size;
    if (dy < size * 1.75 || (dy <= pitch + size * 0.5 && leftmost(lines[last + 1]!) >= from)) last++;
    else break;
  }
  // Rows apart (padding between them), else rows printed at one line height (a sheet without borders).
  const head = lines[first]!;
  const rows = repeat
    ? [...(repeat.rest.length ? [{ ...head, runs: repeat.rest }] : []), ...lines.slice(first + 1, last + 1)]
    : lines.slice(first, last + 1);
  // The project's columns (left of 一级) span the same rows: their cells are tiled together.
  const project = levelOneColumn(xs, continuing ? null : head.runs, earlier);
  const prior = [...earlier].reverse().find((t) => STEPS.has(t));
  const measured = prior && STEPS.get(prior);
  let spans = rows.length
    ? (spannedRows(rows, xs, continuing, false, project, measured) ??
      spannedRows(rows, xs, continuing, true, project, measured))
    : null;
  if (spans && repeat) spans = underHeader(spans, head, rows, xs.length - 1);
  if (spans) {
    const t = { xs, ys: spans.ys, cells: spans.cells, owner: spans.owner };
    columns.keep(t);
    if (!continuing) keepHeader(t, head.runs);
    DOUBTFUL.set(t, spans.doubtful);
    STEPS.set(t, { size: spans.size, step: spans.step });
    return t;
  }
  const body = lines.slice(tabular.indexOf(true), tabular.lastIndexOf(true) + 1);

  // Rows: where a column starts a new cell.
  const col = (x: number) => {
    let c = 0;
    while (c + 1 < xs.length - 1 && x >= xs[c + 1]!) c++;
    return c;
  };
  const bands = rowBands(body, col);
  const open = new Map<number, { y: number; text: string }>();
  const starts: number[] = [];
  if (bands)
    body.forEach((l, i) => {
      // Rows apart (padding between them): a row starts after a gap; within one, only a column
      // holding a second number starts another (rows printed tight inside a band).
      let starting = i === 0 || bands[i] !== bands[i - 1];
      for (const r of l.runs) {
        const c = col(r.x + Math.min(r.w, r.size) / 2);
        const prev = open.get(c);
        if (prev && NUMBER.test(r.str.trim()) && NUMBER.test(prev.text.trim())) starting = true;
      }
      if (starting) {
        starts.push(i);
        open.clear();
      }
      for (const r of l.runs) open.set(col(r.x + Math.min(r.w, r.size) / 2), { y: l.y, text: r.str });
    });
  else
    body.forEach((l, i) => {
      const byCol = new Map<number, string>();
      for (const r of l.runs) {
        const c = col(r.x + Math.min(r.w, r.size) / 2);
        byCol.set(c, (byCol.get(c) ?? "") + r.str);
      }
      let starting = i === 0;
      for (const [c, text] of byCol) {
        const prev = open.get(c);
        if (!prev || l.y - prev.y > l.size * 1.6 + 1) starting = true;
        else if (NUMBER.test(text.trim()) && NUMBER.test(prev.text.trim())) starting = true;
      }
      if (starting) {
        starts.push(i);
        open.clear();
      }
      for (const [c, text] of byCol) open.set(c, { y: l.y, text });
    });
  const ys = starts.map((i) => body[i]!.y - body[i]!.size * 1.05);
  const end = body[body.length - 1]!;
  ys.push(end.y + end.size * 0.4);
  const R = ys.length - 1;
  const C = xs.length - 1;
  const cells = [];
  const owner: number[][] = [];
  for (let r = 0; r < R; r++) {
    owner.push([]);
    for (let c = 0; c < C; c++) {
      owner[r]!.push(cells.length);
      cells.push({ r0: r, c0: c, r1: r + 1, c1: c + 1 });
    }
  }
  const t = { xs, ys, cells, owner };
  columns.keep(t);
  if (!continuing) keepHeader(t, lines[first]!.runs);
  return t;
}

/**
 * The spans of a continuing page's body with its repeated header as a first row of one-column
 * cells, bordered halfway between the header line and the body's first line below it (runs of a
 * cut cell on the header's baseline fall in the header row: the sheet restores the header).
 */
function underHeader(spans: Spans, head: Line, body: Line[], C: number): Spans {
  const below = body.find((l) => l.y > head.y + head.size * 0.35);
  const mid = (y: number, size: number) => y - size * 0.35;
  const border = below ? (mid(head.y, head.size) + mid(below.y, below.size)) / 2 : spans.ys[0]!;
  const ys = [head.y - head.size * 1.05, Math.max(border, spans.ys[0]!), ...spans.ys.slice(1)];
  const cells = [
    ...Array.from({ length: C }, (_, c) => ({ r0: 0, c0: c, r1: 1, c1: c + 1 })),
    ...spans.cells.map((x) => ({ ...x, r0: x.r0 + 1, r1: x.r1 + 1 })),
  ];
  const owner = [Array.from({ length: C }, (_, c) => c), ...spans.owner.map((row) => row.map((k) => k + C))];
  return { ...spans, ys, cells, owner, doubtful: new Set([...spans.doubtful].map((k) => k + C)) };
}

const DOUBTFUL = new WeakMap<Table, Set<number>>();
/** The text size and line step a text table's page was read with. */
const STEPS = new WeakMap<Table, { size: number; step: number }>();

/**
 * Per cell of a text table, how sure its extent is (0–100; a guessed merged span, a row cut by
 * the page break: 50), as scanned pages give their recognition confidence; undefined otherwise.
 */
export function textConfidence(t: Table): (number | undefined)[] | undefined {
  const doubt = DOUBTFUL.get(t);
  return doubt && t.cells.map((_, k) => (doubt.has(k) ? 50 : 100));
}
