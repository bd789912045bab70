/**
 * Checks of a scanned table as a whole, after it is read: what recognition cannot see cell by
 * cell. Nothing may be lost silently — a row dropped at a page break, a row whose ink gave no
 * text, a weight misread beyond repair all leave a project whose 分值 do not add up to the
 * department's total. Such a project is named (pdf.ocr-weights-off, warning) with the pages it
 * is printed on; so is a project read without a name (pdf.project-name-empty, warning: every
 * PDF, not only scans).
 *
 * The department's total: the sum most projects share (at least two, more than half of those
 * whose weights were all read); with no such majority (one or two projects), a total a
 * department gives — a multiple of 10 (100; 90 or 80 with the rest for budget execution).
 */
import type { Diagnostic, TargetDocument } from "@jixiao/core";

type Rows = ({ text: string; merged?: string } | undefined)[][];

const EPS = 1e-6;

/** The weights' total most projects share, or null when none is shared by a majority. */
export function commonTotal(doc: TargetDocument): number | null {
  const sums = new Map<string, number>();
  for (const p of doc.projects) {
    if (!p.indicators.length || !p.indicators.every((i) => typeof i.weight === "number")) continue;
    const s = p.indicators.reduce((n, i) => n + i.weight!, 0).toFixed(4);
    sums.set(s, (sums.get(s) ?? 0) + 1);
  }
  const read = [...sums.values()].reduce((a, b) => a + b, 0);
  const [best, votes] = [...sums].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  return votes >= 2 && votes * 2 > read ? Number(best) : null;
}

/**
 * Projects whose weights (as read and repaired) do not add up to the department's total: a row
 * lost, a weight misread or unread. Projects printing no weight at all are left out.
 * @example weightsOff(doc) // [{ pi: 0, sum: 78.5, total: 80 }]
 */
export function weightsOff(doc: TargetDocument): Array<{ pi: number; sum: number; total: number | null }> {
  const total = commonTotal(doc);
  const out: Array<{ pi: number; sum: number; total: number | null }> = [];
  doc.projects.forEach((p, pi) => {
    if (!p.indicators.some((i) => typeof i.weight === "number")) return;
    const sum = Number(p.indicators.reduce((n, i) => n + (i.weight ?? 0), 0).toFixed(4));
    const complete = p.indicators.every((i) => typeof i.weight === "number");
    const off =
      total !== null ? Math.abs(sum - total) > EPS : !complete || Math.abs(sum / 10 - Math.round(sum / 10)) > EPS;
    if (off) out.push({ pi, sum, total });
  });
  return out;
}

/**
 * The pages each sheet row was printed on, as far as the sheet tells: a merged cell's id and a
 * doubtful cell's address name their page (`p3!H1`); a row is on the page of the last such
 * address at or above it (rows are in page order).
 */
export function rowPages(rows: Rows, known: Array<{ row: number; ref: string }>): number[] {
  const hint = new Map<number, number>();
  const note = (r: number, ref: string | undefined) => {
    const m = ref && /^p(\d+)!/.exec(ref);
    if (m) hint.set(r, Math.max(hint.get(r) ?? 0, Number(m[1])));
  };
  rows.forEach((row, r) => {
    for (const c of row) note(r, c?.merged);
  });
  for (const k of known) note(k.row, k.ref);
  let page = 0;
  return rows.map((_, r) => {
    page = Math.max(page, hint.get(r) ?? 0);
    return page;
  });
}

const pageList = (pages: number[]) => {
  const set = [...new Set(pages.filter((p) => p > 0))].sort((a, b) => a - b);
  if (!set.length) return null;
  return set.length === 1 ? `${set[0]}` : `${set[0]}–${set[set.length - 1]}`;
};

/**
 * The whole-table checks: projects whose weights do not add up (when `scanned`) and projects
 * read with an empty name. `projectRows(pi)` gives the sheet rows a project's indicators were
 * read from (for its pages).
 */
export function checkTable(
  doc: TargetDocument | null,
  rows: Rows,
  known: Array<{ row: number; ref: string }>,
  projectRows: (pi: number) => number[],
  scanned: boolean,
): Diagnostic[] {
  if (!doc) return [];
  const pages = rowPages(rows, known);
  const where = (pi: number) => pageList(projectRows(pi).map((r) => pages[r] ?? 0));
  const out: Diagnostic[] = [];
  if (scanned)
    for (const { pi, sum, total } of weightsOff(doc)) {
      const p = doc.projects[pi]!;
      const at = where(pi);
      const [zhAt, enAt] = at ? [`（第 ${at} 页）`, ` (page ${at})`] : ["", ""];
      const [zhWant, enWant] =
        total !== null
          ? [`，本部门其他项目合计 ${total} 分`, `; the department's other projects add to ${total}`]
          : ["，不是整十分", "; not a round total"];
      out.push({
        code: "pdf.ocr-weights-off",
        severity: "warning",
        message: `项目「${p.name}」${zhAt}识别出的各指标分值合计 ${sum} 分${zhWant}：可能有指标行在扫描件中未读出（如跨页被截断的行），或分值识别有误，请对照原件核对该项目的指标`,
        messageEn: `Project "${p.name}"${enAt}: the weights recognised add to ${sum}${enWant}: an indicator row may not have been read from the scan (a row cut by a page break) or a weight misread; please check the project's indicators against the original`,
        projectIndex: pi,
        ...(at ? { cell: `p${at.split("–")[0]}` } : {}),
      });
    }
  doc.projects.forEach((p, pi) => {
    if (p.name.trim()) return;
    const at = where(pi);
    out.push({
      code: "pdf.project-name-empty",
      severity: "warning",
      message: `第 ${pi + 1} 个项目${at ? `（第 ${at} 页）` : ""}读出的项目名称为空（${p.indicators.length} 个指标），请补上项目名称`,
      messageEn: `Project ${pi + 1}${at ? ` (page ${at})` : ""} was read with an empty name (${p.indicators.length} indicators); please fill in its name`,
      projectIndex: pi,
      ...(at ? { cell: `p${at.split("–")[0]}` } : {}),
    });
  });
  return out;
}
