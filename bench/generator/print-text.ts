/**
 * Prints a document the way PDF extraction renders a published 表12 (tab-separated cells,
 * merged cells printed once), then injects the damage seen in real disclosures
 * (DOMAIN.md §6) at random: words split by a space at a wrap, a 一级 missing for a whole
 * group, rows shifted by a column, rows printed in the previous project's block, an empty
 * 三级 cell on a satisfaction row, header rows repeated at page breaks, stray empty cells.
 */
import type { Indicator, TargetDocument } from "@jixiao/core";
import { formatMoney, TABLE12_HEADER } from "@jixiao/core";
import { type Rng, rng } from "./random.ts";

const HEADER = TABLE12_HEADER;
const OP_WORD: Record<string, string> = { "=": "等于", "≥": "大于等于", "≤": "小于等于", ">": "大于", "<": "小于" };

export interface Damage {
  splitWords: number;
  missingLevel1: number;
  shiftRow: number;
  displace: number;
  emptyName: number;
  repeatHeader: number;
  strayCell: number;
}

export const DEFAULT_DAMAGE: Damage = {
  splitWords: 0.3,
  missingLevel1: 0.15,
  shiftRow: 0.08,
  displace: 0.4,
  emptyName: 0.8,
  repeatHeader: 0.7,
  strayCell: 0.04,
};

export const NO_DAMAGE: Damage = {
  splitWords: 0,
  missingLevel1: 0,
  shiftRow: 0,
  displace: 0,
  emptyName: 0,
  repeatHeader: 0,
  strayCell: 0,
};

function isCjk(ch: string): boolean {
  return ch >= "\u3400" && ch <= "\u9fff";
}

function split(r: Rng, text: string, p: number): string {
  if (text.length < 6 || !r.chance(p)) return text;
  const chars = [...text];
  for (let tries = 0; tries < 5; tries++) {
    const at = r.int(2, chars.length - 2);
    if (isCjk(chars[at - 1]!) && isCjk(chars[at]!)) return `${chars.slice(0, at).join("")} ${chars.slice(at).join("")}`;
  }
  return text;
}

interface PrintedRow {
  ind: Indicator;
  l1?: string;
  l2?: string;
  /** The 三级 cell left empty (satisfaction rows named like their 二级). */
  emptyName?: boolean;
}

/** Decides which label cells a run of rows prints (merged cells print once). */
function labelRows(r: Rng, rows: Indicator[], dmg: Damage, displaced: boolean): PrintedRow[] {
  const out: PrintedRow[] = [];
  let prev: Indicator | null = null;
  let dropL1 = false;
  for (const ind of rows) {
    const row: PrintedRow = { ind };
    const newL1 = !prev || prev.level1 !== ind.level1;
    const newL2 = newL1 || prev!.level2 !== ind.level2;
    if (displaced) {
      // A displaced run prints the 二级 on its first row only sometimes, never the 一级.
      if (newL2 && (prev !== null || r.chance(0.6))) row.l2 = ind.level2Label ?? ind.level2;
    } else {
      if (newL1) {
        dropL1 = r.chance(dmg.missingLevel1);
        if (!dropL1) row.l1 = ind.level1Label ?? ind.level1;
      }
      if (newL2) row.l2 = ind.level2Label ?? ind.level2;
    }
    if (row.l2 && row.l2 === ind.name && r.chance(dmg.emptyName)) row.emptyName = true;
    out.push(row);
    prev = ind;
  }
  return out;
}

/**
 * Prints a document as damaged PDF-extracted text.
 * @example printText(generateDepartment(1), 1).includes("项目名称") // true
 */
export function printText(doc: TargetDocument, seed: number, dmg: Damage = DEFAULT_DAMAGE): string {
  const r = rng(seed ^ 0x5eed);
  const lines: string[] = ["", "表12", "", "## " + (doc.title ?? "项目绩效目标表"), ""];
  if (doc.department) lines.push(`部门：${doc.department.name}`, "");
  lines.push(`单位：${doc.moneyUnit}`, "");
  lines.push(HEADER.join("\t"));
  // Which rows of each project are printed in the previous project's block.
  const own: Indicator[][] = doc.projects.map((p) => [...p.indicators]);
  const extra: Indicator[][] = doc.projects.map(() => []);
  for (let k = 1; k < doc.projects.length; k++) {
    if (!r.chance(dmg.displace) || own[k]!.length < 4) continue;
    const n = r.int(1, Math.min(4, own[k]!.length - 2));
    const start = r.int(1, own[k]!.length - n);
    extra[k - 1] = own[k]!.splice(start, n);
  }
  let rowsOnPage = 0;
  doc.projects.forEach((p, k) => {
    if (k > 0 && r.chance(dmg.repeatHeader)) {
      lines.push("", HEADER.join("\t"));
      rowsOnPage = 0;
    }
    const printed = [...labelRows(r, own[k]!, dmg, false), ...labelRows(r, extra[k]!, dmg, true)];
    printed.forEach((row, i) => {
      const ind = row.ind;
      let cells: string[] =
        i === 0
          ? [
              split(r, p.name, dmg.splitWords),
              `${p.unitCode}-${p.unitName}`,
              p.category,
              formatMoney(p.budget),
              split(r, p.goal, dmg.splitWords),
            ]
          : ["", "", "", "", ""];
      const tail = [
        ind.operator ? OP_WORD[ind.operator]! : "",
        split(r, ind.target, dmg.splitWords / 2),
        ind.unit ?? "",
        String(ind.weight),
      ];
      if (row.emptyName) cells.push(row.l1 ?? "", row.l2 ?? "", ind.nature, ...tail, "");
      else
        cells.push(
          row.l1 ?? "",
          split(r, row.l2 ?? "", dmg.splitWords / 3),
          split(r, ind.name, dmg.splitWords),
          ind.nature,
          ...tail,
        );
      if (i > 0 && r.chance(dmg.shiftRow)) {
        const firstFilled = cells.findIndex((c) => c !== "");
        if (r.chance(0.5) && firstFilled > 0)
          cells = [...cells.slice(0, firstFilled - 1), ...cells.slice(firstFilled), ""];
        else cells = ["", ...cells.slice(0, -1).concat(cells.at(-1) === "" ? [] : [cells.at(-1)!])];
      }
      if (r.chance(dmg.strayCell)) cells.splice(cells.length - 1, 0, "");
      lines.push(cells.join("\t"));
      rowsOnPage++;
      if (rowsOnPage > 28 && r.chance(dmg.repeatHeader)) {
        lines.push("", HEADER.join("\t"));
        rowsOnPage = 0;
      }
    });
  });
  lines.push(["合计", "", "", formatMoney(doc.total ?? 0), ...new Array(9).fill("")].join("\t"));
  for (const note of doc.notes ?? []) lines.push([note.replace("：", "： "), ...new Array(12).fill("")].join("\t"));
  return `${lines.join("\n")}\n`;
}
