/**
 * The grey a scanned colour pixel is read as. Luminance, except for red ink: the seal (公章) an
 * office stamps across its table and red signatures are not table text, yet their luminance is as
 * dark as print (pure red ≈ 76). A pixel whose red clearly outweighs its green and blue is read by
 * its red channel, i.e. as light as the paper under the stamp; black print under a seal stays dark
 * (all three channels low), and blue or black ink is unchanged.
 * @example scanGrey(200, 40, 40) // 200: a seal's red reads as paper
 * @example scanGrey(30, 30, 30) // 30: print
 */
export function scanGrey(r: number, g: number, b: number): number {
  if (r - g > RED_MARGIN && r - b > RED_MARGIN) return r;
  return Math.round((r * 299 + g * 587 + b * 114) / 1000);
}

/** How much the red channel must exceed green and blue for a pixel to be red ink (JPEG noise is ±20). */
const RED_MARGIN = 60;
