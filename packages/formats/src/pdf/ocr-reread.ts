/**
 * Lines read again where the table disagrees with itself. A glyph misread for a look-alike
 * (休 → 体) is read so with full confidence, often in several cells alike, so neither spelling
 * is rare (ocr-consistency.ts). But the misreading belongs to one way of reading the crop: read
 * again as one word (psm 8) and at the second scale (as a line and as a word), the line mostly
 * spells the glyph as the table's other cells do. A line holding a run one inner glyph from a
 * run printed elsewhere (alikePairs) takes the other spelling when at least two of its three
 * readings again give it and fewer give its own; the caller flags the change. A cell of a closed
 * vocabulary (unit, level, direction, weight) read as no word of it is read the same three ways
 * and takes a word of its column two of them give alike.
 */
import type { ColumnKey } from "@jixiao/core";
import { type AlikePair, alikePairs } from "./ocr-consistency.ts";
import { checkCell } from "./ocr-vocabulary.ts";

/** Whether a reading spells the glyph at `at` of `run` beside one of its neighbours in the run. */
export function spells(reading: string, run: string, at: number): boolean {
  const r = Array.from(run);
  return reading.includes(r.slice(at - 1, at + 1).join("")) || reading.includes(r.slice(at, at + 2).join(""));
}

/**
 * A line's text after its readings again (`again`: the other readings of the same crop): each
 * pair's run takes the other spelling when at least two readings again, and more than give its
 * own, give it; null when nothing changes.
 * @example rereadVerdict("退体人员体检", [{ w: "退体人员", v: "退休人员", at: 1 }], ["退休人员体检", "退休入员体检"]) // "退休人员体检"
 */
export function rereadVerdict(text: string, pairs: AlikePair[], again: string[]): string | null {
  let out = text;
  for (const p of pairs) {
    if (!out.includes(p.w)) continue;
    // The first reading is the one in doubt: the readings again decide.
    const other = again.filter((r) => spells(r, p.v, p.at)).length;
    const own = again.filter((r) => spells(r, p.w, p.at)).length;
    if (other >= 2 && other > own) out = out.split(p.w).join(p.v);
  }
  return out === text ? null : out;
}

type Recognise<C> = (groups: Array<{ crops: C[]; psm: number }>) => Promise<Map<C, { text: string; conf: number }>>;

/** Each crop read three more ways: as one word (psm 8), and at the second scale as a line and as a word. */
async function readAgain<C extends { file: string; alt?: string }>(
  list: C[],
  recognise: Recognise<C>,
): Promise<Map<C, string[]>> {
  const of = new Map<C, C>();
  const copy = (c: C, file: string) => {
    const x = { ...c, file };
    of.set(x, c);
    return x;
  };
  const alt = list.filter((c) => c.alt);
  const again = list.length
    ? await recognise([
        { crops: list.map((c) => copy(c, c.file)), psm: 8 },
        { crops: alt.map((c) => copy(c, c.alt!)), psm: 7 },
        { crops: alt.map((c) => copy(c, c.alt!)), psm: 8 },
      ])
    : new Map<C, { text: string; conf: number }>();
  const readings = new Map<C, string[]>();
  for (const [x, r] of again) {
    const c = of.get(x)!;
    readings.set(c, [...(readings.get(c) ?? []), r.text]);
  }
  return readings;
}

/**
 * Reads again the lines holding a run of an alike pair and returns the lines whose spelling
 * changes, with their new text.
 */
export async function rereadAlike<C extends { file: string; alt?: string }>(
  lines: C[],
  text: (c: C) => string,
  recognise: Recognise<C>,
): Promise<Map<C, string>> {
  const pairs = alikePairs(
    lines.map(text),
    lines.map((_, i) => i),
  );
  const out = new Map<C, string>();
  if (!pairs.size) return out;
  const readings = await readAgain(
    [...pairs.keys()].map((i) => lines[i]!),
    recognise,
  );
  for (const [i, ps] of pairs) {
    const c = lines[i]!;
    const changed = rereadVerdict(text(c), ps, readings.get(c) ?? []);
    if (changed) out.set(c, changed);
  }
  return out;
}

/** Columns whose cells hold a word of a closed vocabulary or a number (ocr-vocabulary.ts). */
const CLOSED: ReadonlySet<ColumnKey> = new Set([
  "level1",
  "level2",
  "nature",
  "polarity",
  "operator",
  "measure",
  "weight",
  "budget",
]);

/**
 * The reading of a closed-vocabulary cell to keep from its readings again: one its column takes
 * as it is (no repair), given by at least two of them alike; null when none is.
 * @example vocabularyReading("measure", ["个", "和", "个"]) // "个"
 */
export function vocabularyReading(key: ColumnKey, readings: string[]): string | null {
  const votes = new Map<string, number>();
  for (const r of readings.map((x) => x.replace(/\s+/g, ""))) {
    const v = r ? checkCell(key, r) : null;
    if (v && !v.doubtful && !v.corrected) votes.set(r, (votes.get(r) ?? 0) + 1);
  }
  const [best, n] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  return n >= 2 ? best : null;
}

/**
 * Reads again the one-line cells of closed-vocabulary columns that read as no word of their
 * column (a unit 个 read as 2 at psm 7 reads 个 as one word); returns the cells whose reading
 * again is a word of it, with that word.
 */
export async function rereadVocabulary<C extends { file: string; alt?: string }>(
  cells: Array<{ crop: C; key: ColumnKey }>,
  recognise: Recognise<C>,
): Promise<Map<C, string>> {
  const list = cells.filter((c) => CLOSED.has(c.key));
  const readings = await readAgain(
    list.map((c) => c.crop),
    recognise,
  );
  const out = new Map<C, string>();
  for (const { crop, key } of list) {
    const word = vocabularyReading(key, readings.get(crop) ?? []);
    if (word) out.set(crop, word);
  }
  return out;
}
