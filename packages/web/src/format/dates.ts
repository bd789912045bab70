/**
 * Dates and times the same way in both languages (2026-12-02 15:31), in the browser's time
 * zone, never a locale string with AM/PM.
 */
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * @example formatDate("2026-12-02T07:31:00Z") // "2026-12-02" (in the browser's zone)
 */
export function formatDate(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * @example formatDateTime("2026-12-02T07:31:00Z") // "2026-12-02 15:31" (in UTC+8)
 */
export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return "";
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
