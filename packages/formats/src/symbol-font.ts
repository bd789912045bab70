/**
 * The Symbol font Word uses for ≥ ≤ ≠ ± (Insert → Symbol): a .docx stores them as `w:sym`
 * (F0B3), and HTML pasted from Word prints the font's byte as a Latin-1 character (³ for ≥)
 * inside a span whose font is Symbol. Both read back to the real character here.
 */

const SYMBOL_FONT: Readonly<Record<number, string>> = {
  179: "≥",
  163: "≤",
  185: "≠",
  177: "±",
  62: ">",
  60: "<",
  61: "=",
  180: "×",
  184: "÷",
  176: "°",
};

/**
 * The character of a Word `w:sym`: a Symbol-font code (F0B3 → ≥) or a Unicode code point.
 * @example symbolChar("Symbol", "F0B3") // "≥"
 */
export function symbolChar(font: string, code: string): string {
  const n = Number.parseInt(code, 16);
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff) return "";
  const low = n >= 0xf000 && n <= 0xf0ff ? n - 0xf000 : n;
  if (/symbol/i.test(font) || n >= 0xf000) return SYMBOL_FONT[low] ?? "";
  return String.fromCodePoint(n);
}

/**
 * Text printed in the Symbol font, as the characters it shows.
 * @example fromSymbolFont("³95%") // "≥95%"
 */
export function fromSymbolFont(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    out += SYMBOL_FONT[c >= 0xf000 && c <= 0xf0ff ? c - 0xf000 : c] ?? ch;
  }
  return out;
}
