/**
 * Rows and merged cells of a table printed without borders whose rows are set apart by padding
 * (a web page, a word processor's table): each column's text falls into blocks — lines one line
 * step apart — and blocks of one column are further apart than that (two paddings between
 * cells). The indicator-level columns have one value per row: the leftmost column with the most
 * blocks (the anchor) gives the rows, and every block of a column right of it is centred in one
 * of them. Columns left of the anchor hold merged cells (project, 一级, 二级): each block is
 * the text of a cell spanning consecutive rows, printed once and centred in the whole cell, so
 * the cells of such a column are the tiling of its rows whose cells are each centred on their
 * block — found by dynamic programming over where each cell ends. At a page break a browser
 * prints a cell cut in two with its text at the top (the cell's rest continues on the next page),
 * and a page continuing the table starts with the rest of cells begun on the page before.
 * A spreadsheet printed without borders (calc) sets its rows barely apart, or not at all: a
 * cell's line continues on the next one only when it is full (text-blocks.ts), and `tight`
 * reads blocks one line step apart as separate when that is all that parts them.
 */
import type { TextRun } from "./pdf-page.ts";
import type { Cell } from "./ruled-grid.ts";
import { type Block, blocksOf, columnLines, lineStep, rowsBelow } from "./text-blocks.ts";

export interface BodyLine {
  y: number;
  size: number;
  runs: TextRun[];
}

export interface Spans {
  ys: number[];
  cells: Cell[];
  owner: number[][];
  /** Cells whose extent is a guess (no tiling centres their text; a row cut by the page; rows beside a merged cell holding no text). */
  doubtful: Set<number>;
  /** The body's text size and line step (a page continuing the table reads with them). */
  size: number;
  step: number;
}

const mid = (b: Block) => (b.fb + b.lb) / 2;

/**
 * The rows and cells, or null when the page does not print its rows apart (rows at one line
 * height, or blocks of other columns not centred on the anchor's rows).
 * `continuing`: the page continues a table begun on an earlier page.
 */
export function spannedRows(
  body: BodyLine[],
  xs: number[],
  continuing: boolean,
  tight = false,
  project = -1,
  prior?: { size: number; step: number },
): Spans | null {
  const size = body.map((l) => l.size).sort((a, b) => a - b)[Math.floor(body.length / 2)]!;
  const lines = columnLines(body, xs);
  // A page continuing the table prints the same font at the same line step: a page holding a few
  // lines (a table's last rows and its 合计) may have no two lines of one cell to tell it, and
  // reads with the step measured on the pages before.
  const same = prior && body.length < 16 && Math.abs(prior.size - size) < size * 0.05;
  const step = same ? prior.step : lineStep(lines, size, true);
  // (Tight rows: the next row's line may be one line step below; a short line ends its cell.)
  const gap = tight ? step * 1.1 : step + size * 0.3;
  const wrap = size;
  // How far a block stays clear of the neighbouring rows' lines (tight: half a line step).
  const clearance = tight ? step * 0.5 : step;
  let blocks = lines.map((ys) => blocksOf(ys, gap, undefined, wrap));
  const most = Math.max(...blocks.map((b) => b.length));
  const anchor = blocks.findIndex((b) => b.length === most);
  // A page continuing the table may hold its last row or two.
  if (most < (continuing ? 1 : 3)) return null;
  const tol = size * 0.4;
  const rows = blocks[anchor]!.map((b) => ({ ...b }));
  // On a continuing page, rows whose starts are less than one and a half line steps apart are
  // printed at one line height (calc): read as tight rows, even where the blocks fall apart.
  const pitch = rows
    .slice(1)
    .map((r, i) => r.fb - rows[i]!.fb)
    .sort((a, b) => a - b);
  if (continuing && !tight && pitch.length >= 2 && pitch[Math.floor(pitch.length / 2)]! < step * 1.5) return null;
  // (Padded rows too: calc's rows a little over a line step apart, a 合计 line under the last.)
  const totals = rowsBelow(blocks, rows, tol);
  rows.push(...totals);
  // A continuing page may begin with the tails of cells the page break cut (a long 一级 label's
  // last glyph) on lines above its first row, clear of it: a row of its own, cut by the page.
  const cutAt = rows[0]!.fb - gap;
  // (Not in tight rows: there lines above the first row are the centred text of cells begun on
  // the page before, printed again — calc centres a cut cell's text in the whole cell, on each page.)
  const tails = continuing && !tight ? body.filter((l) => l.y < cutAt).map((l) => l.y) : [];
  if (tails.length) {
    blocks = lines.map((ys) => blocksOf(ys, gap, cutAt, wrap));
    rows.unshift({ fb: Math.min(...tails), lb: Math.max(...tails) });
  }
  const R = rows.length;
  // Indicator-level blocks: centred on a row (a row cut by the page break: starting in it).
  const rowOf = new Map<Block, number>();
  let centred = 0;
  let right = 0;
  const cut = new Set<number>(tails.length ? [0] : []);
  for (let c = anchor + 1; c < blocks.length; c++)
    for (const b of blocks[c]!) {
      right++;
      let best = 0;
      for (let r = 1; r < R; r++) if (Math.abs(mid(rows[r]!) - mid(b)) < Math.abs(mid(rows[best]!) - mid(b))) best = r;
      // Centred on a row and clear of its neighbours (a block reaching into them is a merged cell).
      const clear =
        (best === 0 || b.fb > rows[best - 1]!.lb + clearance) &&
        (best === R - 1 || b.lb < rows[best + 1]!.fb - clearance);
      if (Math.abs(mid(rows[best]!) - mid(b)) <= tol) {
        centred++;
        if (!clear) continue;
      } else {
        // Not centred: a row the page break cut (the page's first or last), else left unsized.
        best = rows.findIndex((r) => b.fb <= r.lb + gap / 2 && b.lb >= r.fb - gap / 2);
        if (best !== 0 && best !== R - 1) continue;
        cut.add(best);
      }
      rowOf.set(b, best);
    }
  if (right && centred < right * 0.8) return null;
  for (const [b, r] of rowOf) {
    rows[r]!.fb = Math.min(rows[r]!.fb, b.fb);
    rows[r]!.lb = Math.max(rows[r]!.lb, b.lb);
  }
  for (let r = 1; r < R; r++) if (rows[r]!.fb - rows[r - 1]!.lb < step * 0.9) return null;
  // A merged column's cell of one row may be the row's tallest (a long 二级 name beside short
  // ones): a block centred on a row and clear of its neighbours widens it.
  const widen: Array<[number, Block]> = [];
  for (let c = 0; c < anchor; c++)
    for (const b of blocks[c]!) {
      const r = rows.findIndex((x) => Math.abs(mid(x) - mid(b)) <= tol / 2);
      const apart = tight ? clearance : gap;
      if (r < 0 || (r > 0 && b.fb - rows[r - 1]!.lb < apart) || (r + 1 < R && rows[r + 1]!.fb - b.lb < apart)) continue;
      widen.push([r, b]);
    }
  for (const [r, b] of widen) {
    rows[r]!.fb = Math.min(rows[r]!.fb, b.fb);
    rows[r]!.lb = Math.max(rows[r]!.lb, b.lb);
  }
  // Borders between rows (baselines), the outer ones half a usual gap beyond the rows.
  const gaps = rows.slice(1).map((r, i) => r.fb - rows[i]!.lb);
  const half = (gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? step) / 2;
  const border = [rows[0]!.fb - half, ...rows.slice(1).map((r, i) => (rows[i]!.lb + r.fb) / 2), rows[R - 1]!.lb + half];

  // A row right under the last indicator without its text (合计) is a row of its own: the merged
  // columns' cells end above it (calc prints the total's label in the project's columns). Not a
  // line further below: a cut cell's text centred past the page's foot.
  const Rm = R - (totals[0]?.next ? totals.length : 0);
  const mrows = rows.slice(0, Rm);
  const mborder = border.slice(0, Rm + 1);
  const mblocks = Rm < R ? blocks.map((bs) => bs.filter((b) => mid(b) < border[Rm]!)) : blocks;
  const C = xs.length - 1;
  const owner: number[][] = Array.from({ length: R }, () => new Array<number>(C).fill(-1));
  const cells: Cell[] = [];
  const doubtful = new Set<number>();
  const add = (r0: number, r1: number, c: number, doubt: boolean) => {
    for (let r = r0; r < r1; r++) owner[r]![c] = cells.length;
    if (doubt) doubtful.add(cells.length);
    cells.push({ r0, c0: c, r1, c1: c + 1 });
  };
  const doubtRows = new Set(cut);
  // Right to left: a cell of a coarser column (project, then 一级) ends where finer ones do.
  const segsOf: Segment[][] = [];
  const begun: boolean[] = [];
  const starts = (c: number) => (c < anchor ? new Set(segsOf[c]!.map((x) => x.r0)) : null);
  let begunBefore = false;
  for (let c = anchor - 1; c >= 0; c--) {
    begun[c] = begunBefore;
    const far = c < project;
    segsOf[c] = tile(mblocks[c]!, mrows, mborder, {
      tol,
      continuing,
      tight,
      ends: starts(c + 1),
      begunBefore,
      far,
    }).segs;
    // The page's first cell left empty: it began on an earlier page, and so did every coarser
    // cell holding it (merged cells nest).
    begunBefore ||= continuing && segsOf[c]![0]!.kind === "empty";
  }
  // The project's columns (left of 一级: `project`) span the same rows in every project: one
  // tiling for all of them, the one of their own tilings that fits all of them best.
  const joint = project >= 2 && project < anchor;
  if (joint) {
    const ends = starts(project);
    const o = { tol, continuing, tight, ends, begunBefore: begun[project - 1]!, far: true };
    const fits = (fixed: Set<number>) => {
      const each = segsOf.slice(0, project).map((_, c) => tile(mblocks[c]!, mrows, mborder, { ...o, fixed }));
      return { each, cost: each.reduce((k, t) => k + t.cost, 0) };
    };
    // (Not a tiling that holds a block in a cell it is not centred in: that column misread.)
    const best = segsOf
      .slice(0, project)
      .filter((segs) => segs.every((x) => x.kind !== "loose"))
      .map((segs) => fits(new Set(segs.map((x) => x.r0))))
      .reduce((a, b) => (b.cost < a.cost ? b : a), {
        each: [] as Array<{ segs: Segment[]; cost: number }>,
        cost: Number.POSITIVE_INFINITY,
      });
    if (best.cost < Number.POSITIVE_INFINITY)
      best.each.forEach((t, c) => {
        segsOf[c] = t.segs;
      });
  }
  // Nesting the other way: a coarser column beginning a cell where this one runs on (one of the
  // two misread, as a new cell's text near the middle of the page reads as centred on all of it)
  // — this one is read again, a cell across the coarser one's border costing what its begin did.
  for (let c = joint ? project : 1; c < anchor; c++) {
    const coarse = starts(c - 1)!;
    const own = starts(c)!;
    if ([...coarse].every((r) => own.has(r))) continue;
    // (Not weighed against the finer column: that one is read again against this one next.)
    const o = { tol, continuing, tight, ends: null, begunBefore: begun[c]!, coarse };
    segsOf[c] = tile(mblocks[c]!, mrows, mborder, o).segs;
  }
  for (let c = anchor - 1; c >= 0; c--)
    for (const s of segsOf[c]!) {
      // A cell holding no text inside the page (none of its column's blocks is centred on it) is a
      // guess: its rows may belong to the cell above or below (a cell at the page's foot whose
      // text sits past the last row, centred on rows partly on the next page).
      const doubt = s.kind === "loose" || s.kind === "beyond" || (s.kind === "empty" && s.r0 > 0);
      if (doubt) for (let r = s.r0; r < s.r1; r++) doubtRows.add(r);
      if (s.kind === "empty" && s.r0 > 0 && s.r1 < Rm) for (let r = s.r0; r < s.r1; r++) add(r, r + 1, c, false);
      else add(s.r0, s.r1, c, doubt);
    }
  for (let c = 0; c < anchor; c++) for (let r = Rm; r < R; r++) add(r, r + 1, c, false);
  for (let c = anchor; c < C; c++) for (let r = 0; r < R; r++) add(r, r + 1, c, doubtRows.has(r));
  for (const r of doubtRows) for (let c = 0; c < C; c++) doubtful.add(owner[r]![c]!);
  // Borders as placement compares them: the middle of a glyph, about 0.35 em above its baseline.
  const top = Math.min(...body.map((l) => l.y)) - size * 1.05;
  const bottom = Math.max(...body.map((l) => l.y)) + size * 0.4;
  const ys = [top, ...border.slice(1, -1).map((y) => y - size * 0.35), bottom];
  return { ys, cells, owner, doubtful, size, step };
}

interface Segment {
  r0: number;
  r1: number;
  kind: "centred" | "top" | "beyond" | "empty" | "loose";
}

/**
 * The cells of a merged column: rows 0…R−1 cut into consecutive runs, each holding one block
 * (in order) or none, at the least cost: a cell is centred on its block (cost its offset, at
 * most `tol`); the first cell of a continuing page and the last cell of the page may hold their
 * text at the top, or (the last) centred in the whole cell, one or two rows of which are on the
 * next page (a cell cut by the page break; half `tol` more than a centred one); an empty
 * cell costs `tol` (but at the top of a continuing page), a block in a cell it is not centred in
 * four times that, and a cell beginning where none of the finer column to its right begins
 * (`ends`: merged cells nest) twice that. When the finer column's first cell on a continuing
 * page is empty (`begunBefore`: it began on an earlier page), so did this column's first cell:
 * its text is not centred on this page's part of it (a new cell whose text happens to sit near
 * the middle of the page would otherwise swallow the rows continued from the page before).
 * Read again against the coarser column to its left, a cell running across one of its borders
 * (`coarse`) costs twice `tol` a border.
 */
function tile(
  blocks: Block[],
  rows: Block[],
  border: number[],
  o: {
    tol: number;
    continuing: boolean;
    tight: boolean;
    ends: Set<number> | null;
    begunBefore: boolean;
    coarse?: Set<number>;
    /** The rows cells begin at, decided for sibling columns together: cells border only there. */
    fixed?: Set<number>;
    /** Tight rows, read again when no tiling holds every block alone: a cell may hold several. */
    several?: boolean;
    /** The project's columns: a cut cell's text may lie inside this page's part (below its middle). */
    far?: boolean;
  },
): { segs: Segment[]; cost: number } {
  const R = rows.length;
  const m = blocks.length;
  const pitches = border.slice(1).map((y, r) => y - border[r]!);
  const pitch = pitches.sort((a, b) => a - b)[Math.floor(pitches.length / 2)]!;
  const INF = Number.POSITIVE_INFINITY;
  // best[i][r]: least cost of the first i blocks tiling rows 0…r−1.
  const best = Array.from({ length: m + 1 }, () => new Array<number>(R + 1).fill(INF));
  const from: Array<Array<{ i: number; r: number; kind: Segment["kind"] } | null>> = Array.from({ length: m + 1 }, () =>
    new Array(R + 1).fill(null),
  );
  best[0]![0] = 0;
  // A cell at the page's top or bottom may hold text beyond the rows (cut by the page break).
  const inside = (b: Block, s: number, e: number) => (s === 0 || b.fb >= border[s]!) && (e === R || b.lb <= border[e]!);
  for (let i = 0; i <= m; i++)
    for (let s = 0; s < R; s++) {
      // A cell beginning where the finer column to the right has none costs twice `tol`.
      const base = best[i]![s]! + (s > 0 && o.ends && !o.ends.has(s) ? o.tol * 2 : 0);
      if (base === INF) continue;
      // (Fixed borders: the one cell from s to the next of them.)
      let e0 = s + 1;
      while (o.fixed && e0 < R && !o.fixed.has(e0)) e0++;
      for (let e = o.fixed ? e0 : s + 1; e <= (o.fixed ? e0 : R); e++) {
        // A cell across a border of the coarser column to the left (`coarse`) twice `tol` a border.
        let across = 0;
        for (let r = s + 1; r < e; r++) if (o.coarse?.has(r)) across += o.tol * 2;
        const relax = (j: number, cost: number, kind: Segment["kind"]) => {
          if (base + across + cost < best[j]![e]!) {
            best[j]![e] = base + across + cost;
            from[j]![e] = { i, r: s, kind };
          }
        };
        // An empty cell: free at the page's top when the table continues from the page before.
        relax(i, s === 0 && o.continuing ? 0 : o.tol, "empty");
        if (i === m) continue;
        // A block (or, read again, several: `extra` a tol for each more) placed in rows s…e−1.
        const place = (b: Block, j: number, extra: number) => {
          const put = (cost: number, kind: Segment["kind"]) => relax(j, extra + cost, kind);
          const off = Math.abs(mid(b) - (border[s]! + border[e]!) / 2);
          // A cell begun on an earlier page is not centred on what this page holds of it.
          const whole = !(s === 0 && o.begunBefore);
          if (off <= o.tol && whole) put(off, "centred");
          // (The rest of a cell cut by the page break starts without its top padding: up to about
          // `tol` above the first row's first line.)
          const lead = s === 0 && o.continuing ? o.tol : 0;
          const atTop = Math.min(Math.abs(b.fb - rows[s]!.fb), Math.abs(b.fb - rows[s]!.fb + lead));
          // (Costing more than a centred reading: a centred text may begin where a row begins.)
          if (atTop <= o.tol && ((s === 0 && o.continuing) || e === R)) put(o.tol / 2 + atTop, "top");
          // Or centred in the whole cell, its other rows (about one row pitch each) on the next page:
          // calc centres a cut cell's text in the whole cell, so it may sit inside this page's part,
          // below its middle (as many rows beyond as twice the offset of the two, and two more).
          // Rows beyond the page's foot more than its text lies past the foot (or, padded rows, two)
          // are a guess — how many rows the next page prints is not seen here: flagged, and costing
          // half `tol` more (a reading of the rows this page shows is preferred).
          const below = (2 * (mid(b) - (border[s]! + border[e]!) / 2)) / pitch;
          const past = o.tight ? Math.max(2, Math.ceil((mid(b) - border[e]!) / pitch) * 2 + 2) : 2;
          const beyond = o.far ? Math.max(2, Math.ceil(below) + 2) : past;
          for (let k = 1; k <= beyond && e === R && whole; k++) {
            const over = Math.abs(mid(b) - (border[s]! + border[e]! + k * pitch) / 2);
            if (over <= o.tol) put(o.tol / 2 + over + (k > past ? o.tol / 2 : 0), k > past ? "beyond" : "top");
          }
          // Tight rows: the first cell of a continuing page, centred in the whole cell, its other
          // rows on the page before (its text above the middle of this page's part, or above it).
          const before = s === 0 && o.continuing && o.tight ? Math.ceil((border[e]! - mid(b)) / pitch) * 2 + 2 : 0;
          for (let k = 1; k <= before; k++) {
            const over = Math.abs(mid(b) - (border[s]! + border[e]! - k * pitch) / 2);
            if (over <= o.tol) put(o.tol / 2 + over, "top");
          }
          put(o.tol * 4 + off / 10, "loose");
        };
        const b = blocks[i]!;
        if (!inside(b, s, e)) continue;
        place(b, i + 1, 0);
        // (A wrapped label whose first line is not full ends its block, and calc sets a wrapped
        // label's lines further apart than a line step where its cell is tall: read as one.)
        for (let j = i + 2; o.several && j <= m; j++) {
          const u = { fb: b.fb, lb: blocks[j - 1]!.lb };
          if (!inside(u, s, e)) break;
          place(u, j, o.tol * (j - i - 1));
        }
      }
    }
  const out: Segment[] = [];
  let i = m;
  let r = R;
  if (best[m]![R] === INF && o.tight && !o.several) return tile(blocks, rows, border, { ...o, several: true });
  if (best[m]![R] === INF) return { segs: [{ r0: 0, r1: R, kind: "loose" }], cost: INF };
  while (r > 0) {
    const f = from[i]![r]!;
    // (A cell holding several blocks is a guess: which of them are one label is not known.)
    out.unshift({ r0: f.r, r1: r, kind: i - f.i > 1 ? "loose" : f.kind });
    i = f.i;
    r = f.r;
  }
  return { segs: out, cost: best[m]![R]! };
}
