/**
 * Pass 2 — each line's cells classified and read: title/部门/单位 lines before the table, the
 * header (repeats at page breaks dropped), project rows (a `151001-单位名称` cell marks them),
 * indicator rows (read by vocabulary, parse-row.ts), a wrapped line joined to the row above,
 * 合计 and the footer notes. What it collects is handed to the later passes as blocks.
 */
import type { MoneyUnit, TargetDocument } from "@jixiao/core";
import { parseIndicatorTokens, type RawIndicator, type Token } from "./parse-row.ts";
import type { RepairLog } from "./text-diagnostics.ts";
import { isHeaderRow, isLabelCell, isTotalLabel, numberCell, parseNature, UNIT_CELL } from "./vocab.ts";

/** One project as printed: its row, and the indicator rows printed in its block. */
export interface Block {
  line: number;
  name: string;
  unitCode: string;
  unitName: string;
  category: string;
  budget: number;
  goal: string;
  rows: RawIndicator[];
}

/** First characters of footer notes: 口径说明, 说明, 注. */
const FOOTER_STARTS = new Set([..."口说注"].map((c) => c.charCodeAt(0)));

function joined(tokens: readonly Token[]): string {
  let s = "";
  for (const t of tokens) s += t.text;
  return s;
}

/**
 * Reads the lines of a PDF-extracted 表12 one by one, keeping what the table says so far.
 * @example const r = new LineClassifier(doc, log); r.read(cells, raw, 1); r.blocks.length
 */
export class LineClassifier {
  readonly blocks: Block[] = [];
  /** Indicator rows printed before any project row. */
  readonly orphans: RawIndicator[] = [];
  readonly notes: string[] = [];
  moneyUnitSeen = false;
  headerSeen = 0;
  tableNo: string | undefined;
  private headerNatureCol = -1;
  private afterTotal = false;
  private lastRow: RawIndicator | null = null;
  private lastBlock: Block | null = null;

  constructor(
    private readonly doc: TargetDocument,
    private readonly log: RepairLog,
  ) {}

  /** Reads one line given its cells (non-empty) and its raw text. */
  read(tokens: Token[], raw: string, lineNo: number): void {
    const log = this.log;
    const first = tokens[0]!.text;
    if ((raw.indexOf("三级指标") >= 0 || raw.indexOf("项目名称") >= 0) && isHeaderRow(tokens.map((t) => t.text))) {
      this.headerSeen++;
      if (this.headerSeen === 1) this.headerNatureCol = tokens.find((t) => t.text === "指标性质")?.col ?? -1;
      else log.add("text.header-repeated", {}, { line: lineNo });
      return;
    }
    if (isTotalLabel(first)) {
      const num = tokens.slice(1).find((t) => numberCell(t.text) !== null);
      if (num) this.doc.total = numberCell(num.text)!;
      this.afterTotal = true;
      log.add("text.total-read", { amount: num?.text }, { line: lineNo });
      return;
    }
    if (this.afterTotal || (FOOTER_STARTS.has(first.charCodeAt(0)) && /^(口径说明|说明|注[:：])/.test(first))) {
      const note = joined(tokens);
      this.notes.push(note);
      log.add("text.footer-read", { note }, { line: lineNo });
      return;
    }
    if (this.headerSeen === 0 && this.blocks.length === 0) {
      this.readPreamble(joined(tokens), lineNo);
      return;
    }
    if (this.readProjectRow(tokens, lineNo)) return;
    const ind = parseIndicatorTokens(tokens, lineNo);
    if (ind) {
      if (this.headerNatureCol >= 0 && ind.natureCol !== this.headerNatureCol && log.room("text.cells-shifted"))
        log.add("text.cells-shifted", { by: ind.natureCol - this.headerNatureCol }, { line: lineNo });
      if (this.lastBlock) this.lastBlock.rows.push(ind);
      else this.orphans.push(ind);
      this.lastRow = ind;
      return;
    }
    this.readLoneText(tokens, lineNo);
  }

  /** Title, 部门 and 单位 lines before the table. */
  private readPreamble(line: string, lineNo: number): void {
    const doc = this.doc;
    const dept = /^部门[:：](.+)$/.exec(line);
    const unit = /单位[:：]\s*(万元|元)/.exec(line);
    if (dept) doc.department = { name: dept[1]!.trim() };
    else if (unit) {
      doc.moneyUnit = unit[1] as MoneyUnit;
      this.moneyUnitSeen = true;
    } else if (/^表\s*\d+$/.test(line)) this.tableNo = line;
    else if (/绩效目标/.test(line)) {
      doc.title = line.replace(/^#+\s*/, "");
      const y = /(\d{4})\s*年/.exec(doc.title);
      if (y) doc.fiscalYear = Number(y[1]);
    } else this.log.add("text.preamble-skipped", { text: line }, { line: lineNo });
  }

  /** A project row: a cell `151001-单位名称` among the first cells. False when the line is not one. */
  private readProjectRow(tokens: Token[], lineNo: number): boolean {
    let ui = -1;
    for (let t = 1; t <= 2 && t < tokens.length; t++) {
      const c0 = tokens[t]!.text.charCodeAt(0);
      if (c0 >= 48 && c0 <= 57 && UNIT_CELL.test(tokens[t]!.text)) {
        ui = t;
        break;
      }
    }
    if (ui < 1) return false;
    const m = UNIT_CELL.exec(tokens[ui]!.text)!;
    let j = ui + 1;
    let category = "";
    if (tokens[j] && numberCell(tokens[j]!.text) === null) category = tokens[j++]!.text;
    let budget = 0;
    const amount = tokens[j] ? numberCell(tokens[j]!.text) : null;
    if (amount !== null) {
      budget = amount;
      j++;
    } else this.log.add("text.budget-missing", {}, { line: lineNo });
    let goal = "";
    if (
      tokens[j] &&
      !isLabelCell(tokens[j]!.text) &&
      !(tokens[j + 1] && parseNature(tokens[j + 1]!.text) && !tokens[j + 2])
    ) {
      // The goal is the next cell unless the indicator starts right away (label, or name followed by nature).
      const next = tokens[j + 1];
      if (!(next && parseNature(next.text))) goal = tokens[j++]!.text;
    }
    const block: Block = {
      line: lineNo,
      name: joined(tokens.slice(0, ui)),
      unitCode: m[1]!,
      unitName: m[2]!.trim(),
      category,
      budget,
      goal,
      rows: [],
    };
    this.blocks.push(block);
    this.lastBlock = block;
    const ind = parseIndicatorTokens(tokens.slice(j), lineNo);
    if (ind) block.rows.push(ind);
    this.lastRow = ind;
    return true;
  }

  /** A line that is no row: text wrapped onto its own line, or something unreadable. */
  private readLoneText(tokens: Token[], lineNo: number): void {
    const text = joined(tokens);
    if (this.lastRow && tokens.length === 1 && tokens[0]!.col >= 5) {
      this.lastRow.name += text;
      this.log.add("text.continuation-joined", { text, to: "name" }, { line: lineNo });
    } else if (this.lastBlock && tokens.length === 1 && this.lastBlock.rows.length === 0) {
      this.lastBlock.goal += text;
      this.log.add("text.continuation-joined", { text, to: "goal" }, { line: lineNo });
    } else this.log.add("text.line-unread", { text }, { line: lineNo });
  }
}
