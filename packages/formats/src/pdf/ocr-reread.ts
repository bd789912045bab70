/**
 * Lines read again where the table disagrees with itself. A glyph misread for a look-alike
 * (休 → 体) is read so with full confidence, often in several cells alike, so neither spelling
 * is rare (ocr-consistency.ts). But the misreading belongs to one way of reading the crop: read
 * again as one word (psm 8) and at the second scale (as a line and as a word), the line mostly
 * spells the glyph as the table's other cells do. A line holding a run one inner glyph from a
 * run printed elsewhere (alikePairs) takes the other spelling when at least two of its three
 * readings again give it and fewer give its own; the caller flags the change.
 */
import { type AlikePair, alikePairs } from "./ocr-consistency.ts";

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

/**
 * Reads again the lines holding a run of an alike pair (main crop as one word; second scale as
 * a line and as a word) and returns the lines whose spelling changes, with their new text.
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
  const list = [...pairs.keys()].map((i) => lines[i]!);
  const of = new Map<C, C>();
  const copy = (c: C, file: string) => {
    const x = { ...c, file };
    of.set(x, c);
    return x;
  };
  const alt = list.filter((c) => c.alt);
  const again = await recognise([
    { crops: list.map((c) => copy(c, c.file)), psm: 8 },
    { crops: alt.map((c) => copy(c, c.alt!)), psm: 7 },
    { crops: alt.map((c) => copy(c, c.alt!)), psm: 8 },
  ]);
  const readings = new Map<C, string[]>();
  for (const [x, r] of again) {
    const c = of.get(x)!;
    readings.set(c, [...(readings.get(c) ?? []), r.text]);
  }
  for (const [i, ps] of pairs) {
    const c = lines[i]!;
    const changed = rereadVerdict(text(c), ps, readings.get(c) ?? []);
    if (changed) out.set(c, changed);
  }
  return out;
}
