/**
 * How much a scanned cell's crop is scaled before tesseract reads it: chi_sim reads ideographs
 * far better with lines of print 40–70 px tall than at the 12–25 px of a 150-dpi scan, and the
 * page's resolution (100–300 dpi) decides how far that is.
 */
/**
 * Cell crops are scaled up until a line of print is about this many pixels tall: chi_sim reads
 * ideographs far better at 60–70 px than at the 12–25 px of a 150-dpi scan. The line height is
 * measured on the page (the median ink height of its one-line cells), so 6 pt and 11 pt print
 * are both scaled to it.
 */
export const OCR_LINE_PX = 44;
/** The second scale, for cells the first reading is unsure of (relative to the first). */
export const OCR_ALT_SCALE = 0.5;
/** The Latin model's scale for its re-reading of short cells (relative): larger, it reads 1 as x. */
export const OCR_LATIN_SCALE = 0.6;

/**
 * The crops' scales for a page whose lines of print are `line` pixels tall. A 150-dpi scan
 * (line ≈ 20 px) is scaled by whole factors (×2, the second reading ×1, the Latin one ×2). A
 * scan whose print is already near OCR_LINE_PX tall (200–300 dpi) is read near its own size
 * and its second reading at half of it — as a 150-dpi one is — not at the same scale twice.
 * @example ocrScales(20) // { scale: 2, altScale: 1, latinScale: 2 }
 */
export function ocrScales(line: number): { scale: number; altScale: number; latinScale: number } {
  const ideal = OCR_LINE_PX / Math.max(1, line);
  if (ideal >= 1.5) {
    const scale = Math.min(8, Math.round(ideal));
    return {
      scale,
      altScale: Math.max(1, Math.round(scale * OCR_ALT_SCALE)),
      latinScale: Math.max(2, Math.round(scale * OCR_LATIN_SCALE)),
    };
  }
  const tenth = (x: number) => Math.max(0.2, Math.round(x * 10) / 10);
  const scale = tenth(ideal);
  // The Latin model reads digits best at the line height a 150-dpi scan gets at ×2.
  return { scale, altScale: tenth(scale * OCR_ALT_SCALE), latinScale: scale };
}
