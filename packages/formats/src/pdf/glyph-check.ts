/**
 * Text a PDF cannot give back: a font without a usable ToUnicode map extracts its glyphs as
 * private-use code points, control characters, U+FFFD or stray symbols instead of the
 * characters printed. Such runs are found per font and kept out of the data.
 */
import type { TextRun } from "./pdf-page.ts";

/** Characters no table text is made of: private use, controls, replacement, unassigned-ish. */
const NONSENSE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd\ufff0-\ufffc]|[\udb80-\udbff][\udc00-\udfff]/g;
/** Characters a 表12 is made of: CJK, Latin, digits, common and full-width punctuation. */
const PLAUSIBLE =
  /[\u0020-\u007e\u00b7\u00d7\u2010-\u2030\u2103\u2160-\u217f\u2190-\u21ff\u2200-\u22ff\u2460-\u24ff\u2500-\u25ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2e80-\u2fdf\uf900-\ufaff]/g;

export interface GlyphCheck {
  /** Runs whose text reads as characters. */
  good: TextRun[];
  /** Fonts whose runs extract as nonsense, with a sample of what came out. */
  badFonts: Array<{ font: string; sample: string; chars: number }>;
}

/**
 * Splits a page's runs into readable ones and those in fonts whose text is nonsense (more than
 * a fifth of the font's characters outside what tables are written in).
 * @example checkGlyphs(runs).badFonts.length // 0 for a LibreOffice or chromium PDF
 */
export function checkGlyphs(runs: TextRun[]): GlyphCheck {
  const perFont = new Map<string, { total: number; bad: number; sample: string }>();
  for (const r of runs) {
    const chars = Array.from(r.str.replace(/\s+/g, ""));
    const f = perFont.get(r.font) ?? { total: 0, bad: 0, sample: "" };
    const text = chars.join("");
    const plausible = text.match(PLAUSIBLE)?.length ?? 0;
    const nonsense = text.match(NONSENSE)?.length ?? 0;
    f.total += chars.length;
    f.bad += Math.max(nonsense, chars.length - plausible);
    if (f.sample.length < 12) f.sample += text.slice(0, 12 - f.sample.length);
    perFont.set(r.font, f);
  }
  const bad = new Set<string>();
  const badFonts: GlyphCheck["badFonts"] = [];
  for (const [font, f] of perFont)
    if (f.total > 0 && f.bad / f.total > 0.2) {
      bad.add(font);
      badFonts.push({ font, sample: f.sample, chars: f.total });
    }
  return { good: runs.filter((r) => !bad.has(r.font)), badFonts };
}

/** Escapes what a log cannot show (private-use and control characters as \uXXXX). */
export function showable(s: string): string {
  return s.replace(
    /[\u0000-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
