/**
 * The lines a scanned page prints above its table (title, 部门, 年度, 金额单位): recognised as
 * one block, and turned back into text runs at their place on the page so the page layer reads
 * them as it reads a vector page's preamble.
 */
import type { TextRun } from "./pdf-page.ts";

/** Where a crop came from: page points of its pixel (0, 0) inside the margin, points per pixel. */
export interface CropPlace {
  x0: number;
  y0: number;
  ptPerPx: number;
  margin: number;
}

/**
 * Runs from tesseract's TSV of one crop: words of a line joined (CJK without spaces) until a gap
 * of two line heights, each with its least sure word's confidence.
 * @example tsvRuns(tsv, { x0: 0, y0: 0, ptPerPx: 0.1, margin: 10 })[0]?.run.str
 */
export function tsvRuns(tsv: string, at: CropPlace): Array<{ run: TextRun; conf: number }> {
  const lines = new Map<string, Array<{ l: number; t: number; w: number; h: number; conf: number; text: string }>>();
  for (const row of tsv.split("\n").slice(1)) {
    const f = row.split("\t");
    if (f.length < 12 || f[0] !== "5") continue;
    const text = f.slice(11).join("\t").trim();
    if (!text) continue;
    const key = `${f[1]}.${f[2]}.${f[3]}.${f[4]}`;
    const list = lines.get(key) ?? [];
    list.push({ l: +f[6]!, t: +f[7]!, w: +f[8]!, h: +f[9]!, conf: +f[10]!, text });
    lines.set(key, list);
  }
  const out: Array<{ run: TextRun; conf: number }> = [];
  for (const words of lines.values()) {
    words.sort((a, b) => a.l - b.l);
    const bottom = Math.max(...words.map((w) => w.t + w.h));
    const height = Math.max(...words.map((w) => w.h));
    let group: typeof words = [];
    const flush = () => {
      if (!group.length) return;
      let str = "";
      for (const w of group)
        str += (str && /[A-Za-z0-9%]$/.test(str) && /^[A-Za-z0-9]/.test(w.text) ? " " : "") + w.text;
      const left = group[0]!.l;
      const right = Math.max(...group.map((w) => w.l + w.w));
      out.push({
        run: {
          str,
          x: at.x0 + (left - at.margin) * at.ptPerPx,
          y: at.y0 + (bottom - at.margin) * at.ptPerPx,
          w: (right - left) * at.ptPerPx,
          size: height * at.ptPerPx,
          font: "ocr",
        },
        conf: Math.min(...group.map((w) => w.conf)),
      });
      group = [];
    };
    for (const w of words) {
      const last = group[group.length - 1];
      if (last && w.l - (last.l + last.w) > 2 * height) flush();
      group.push(w);
    }
    flush();
  }
  return out;
}
