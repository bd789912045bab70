/**
 * What a Word table pasted into a CMS, or saved by Word itself, does to cell text without
 * changing it: text cut into several runs (`<span>`, `<w:r>`, spell-check marks between
 * them), and header names wrapped over two paragraphs (三级 / 指标). Readers must join runs and
 * paragraphs back; the truth is unchanged.
 */
import type { Rng } from "./random.ts";

/** Cuts a text into 1–3 runs at random character boundaries (never inside a surrogate pair). */
export function runsOf(r: Rng | undefined, text: string): string[] {
  const chars = [...text];
  if (!r || chars.length < 2 || !r.chance(0.3)) return [text];
  const cuts = new Set<number>();
  for (let k = r.int(1, 2); k > 0; k--) cuts.add(r.int(1, chars.length - 1));
  const out: string[] = [];
  let prev = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    out.push(chars.slice(prev, c).join(""));
    prev = c;
  }
  out.push(chars.slice(prev).join(""));
  return out;
}

/** A header name wrapped over two lines of its cell (三级 / 指标), sometimes. */
export function linesOf(r: Rng | undefined, text: string, header: boolean): string[] {
  const chars = [...text];
  if (!r || !header || chars.length < 4 || chars.length > 8 || !/^[\u4e00-\u9fff]+$/.test(text) || !r.chance(0.25))
    return [text];
  const at = r.int(2, chars.length - 2);
  return [chars.slice(0, at).join(""), chars.slice(at).join("")];
}
