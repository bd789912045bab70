/**
 * A deadline 指标值 (2021年10月前完成) whose 年 the Chinese model read as one or two digits
 * (2021410月前完成, 2021556月前完成) — at 150 dpi a small 年 prints like 4, 46, 55 — and, with it,
 * sometimes its 月 dropped before 前/底/末 (202548前完成). The year is the first four digits
 * (19xx/20xx); the digits after it are the misread 年 (one or two) and the month (1–12). The
 * reading is repaired only when one split gives a month; otherwise it is left (and flagged by
 * its column as a number with a stray unit).
 */

const DEADLINE = /^((?:19|20)\d\d)(\d{2,4})(月|(?=[前底末]))(.*)$/u;

/**
 * The deadline a target cell read with its 年 as digits stands for; null when it is no such
 * reading or the split into 年 and month is not unique.
 * @example deadlineYearRead("2021410月前完成") // "2021年10月前完成"
 * @example deadlineYearRead("202548前完成") // "2025年8月前完成"
 */
export function deadlineYearRead(text: string): string | null {
  const m = DEADLINE.exec(text);
  if (!m) return null;
  const [, year, digits, , rest] = m as unknown as [string, string, string, string, string];
  const months = [1, 2]
    .filter((junk) => digits.length - junk >= 1 && digits.length - junk <= 2)
    .map((junk) => digits.slice(junk))
    .filter((mo) => !mo.startsWith("0") && Number(mo) >= 1 && Number(mo) <= 12);
  if (months.length !== 1) return null;
  return `${year}年${months[0]}月${rest}`;
}
