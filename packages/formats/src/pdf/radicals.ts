/** CJK text whose font maps ideographs to radical code points. */

const RADICALS: Record<string, string> = {
  // Kangxi radicals whose NFKC is a traditional form, where simplified fonts mean the simplified one.
  "⼾": "户",
  "⿈": "黄",
  "⾭": "青",
  "⺠": "民",
  "⻁": "虎",
  "⻄": "西",
  "⻅": "见",
  "⻆": "角",
  "⻉": "贝",
  "⻋": "车",
  "⻓": "长",
  "⻔": "门",
  "⻘": "青",
  "⻙": "韦",
  "⻚": "页",
  "⻛": "风",
  "⻜": "飞",
  "⻝": "食",
  "⻢": "马",
  "⻣": "骨",
  "⻤": "鬼",
  "⻥": "鱼",
  "⻦": "鸟",
  "⻧": "卤",
  "⻨": "麦",
  "⻩": "黄",
  "⻬": "齐",
  "⻮": "齿",
  "⻰": "龙",
  "⻳": "龟",
};

/**
 * Repairs CJK text whose font maps ideographs to radical code points (⽬ for 目, ⻚ for 页):
 * Kangxi radicals and compatibility ideographs through NFKC, the simplified radicals by table.
 * Other characters (full-width punctuation) are left as printed.
 * @example repairRadicals("项⽬") // "项目"
 */
export function repairRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (c) => RADICALS[c] ?? c.normalize("NFKC"));
}
