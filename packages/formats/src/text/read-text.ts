/**
 * The text importer: PDF-extracted 表12 text in → a document and a repair log.
 *
 * It reads by meaning, in passes:
 * 1. lines → cells (tabs, or runs of spaces), each cell repaired (words split at a wrap joined);
 * 2. each line classified: title/部门/单位 lines, the header (repeats dropped), project rows
 *    (the cell `151001-单位名称` marks them), indicator rows, 合计, footer;
 * 3. each indicator row read by vocabulary (parse-row.ts), whatever its columns;
 * 4. rows printed in the previous project's block re-attached (reattach.ts);
 * 5. 一级/二级 resolved through merged cells (assign-levels.ts).
 * Never throws; what it cannot resolve it reports.
 */
import {
  type Diagnostic,
  FORMAT_ID,
  type Indicator,
  type Layout,
  LEVEL2_ONLY_2021,
  type MoneyUnit,
  moneyUnitOf,
  normalizeLevel1,
  normalizeLevel2,
  type Parsed,
  type Project,
  sumDecimal,
  type TargetDocument,
} from "@jixiao/core";
import { type Levels, type Resolved, resolveLevels } from "./assign-levels.ts";
import { joinSplitWords } from "./clean-cell.ts";
import { parseIndicatorTokens, type RawIndicator, type Token } from "./parse-row.ts";
import { type BlockInput, commonTotal, planReattachment } from "./reattach.ts";
import { isHeaderRow, isTotalLabel, NUMBER_CELL, parseNature, UNIT_CELL } from "./vocab.ts";

export interface ReadTextOptions {
  onProgress?: (fraction: number) => void;
}

interface Block {
  line: number;
  name: string;
  unitCode: string;
  unitName: string;
  category: string;
  budget: number;
  goal: string;
  rows: RawIndicator[];
}

const MAX_DIAGNOSTICS_PER_CODE = 2000;
/** Any character the cell cleaner acts on (line-wrap spaces, edge whitespace). */
const LINE_SPACE = /[ \u00a0\u3000\r\f\v]/;
/** First characters of footer notes: 口径说明, 说明, 注. */
const FOOTER_STARTS = new Set([..."口说注"].map((c) => c.charCodeAt(0)));

function d(
  code: string,
  severity: Diagnostic["severity"],
  zh: string,
  en: string,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return { code, severity, message: zh, messageEn: en, ...extra };
}

function isLabelCell(text: string): boolean {
  if (parseNature(text) !== null) return true;
  return text.length <= 20 && (normalizeLevel1(text) !== null || normalizeLevel2(text) !== null);
}

/**
 * Reads PDF-extracted 表12 text.
 * @example readText("单位：万元\n项目名称\t项目单位\t项目类别\t预算数\t一级指标\n").value?.moneyUnit // "万元"
 */
export function readText(text: string, options: ReadTextOptions = {}): Parsed<TargetDocument> {
  const diagnostics: Diagnostic[] = [];
  const counts = new Map<string, number>();
  /** True while a code is under its cap (so messages are built only when kept). */
  const room = (code: string) => (counts.get(code) ?? 0) < MAX_DIAGNOSTICS_PER_CODE;
  const push = (x: Diagnostic) => {
    const n = (counts.get(x.code) ?? 0) + 1;
    counts.set(x.code, n);
    if (n <= MAX_DIAGNOSTICS_PER_CODE) diagnostics.push(x);
  };
  const doc: TargetDocument = { format: FORMAT_ID, moneyUnit: "万元", projects: [] };
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const useTabs = src.indexOf("\t") >= 0;
  let moneyUnitSeen = false;
  let headerSeen = 0;
  let headerNatureCol = -1;
  let afterTotal = false;
  let tableNo: string | undefined;
  const blocks: Block[] = [];
  const orphans: RawIndicator[] = [];
  const notes: string[] = [];
  let lastRow: RawIndicator | null = null;
  let lastBlock: Block | null = null;

  const tokens: Token[] = [];
  const pool: Token[] = [];
  const progressEvery = 20000;
  let lineNo = 0;
  let pos = 0;
  const len = src.length;
  while (pos <= len) {
    let nl = src.indexOf("\n", pos);
    if (nl < 0) nl = len;
    let raw = src.slice(pos, nl);
    pos = nl + 1;
    lineNo++;
    if (options.onProgress && lineNo % progressEvery === 0) options.onProgress(Math.min(1, pos / Math.max(1, len)));
    if (raw.length > 0 && raw.charCodeAt(raw.length - 1) === 13) raw = raw.slice(0, -1);
    if (raw.length === 0 || !/\S/.test(raw)) {
      if (nl === len) break;
      continue;
    }
    // Cells: scan for tabs without building an array of mostly empty strings.
    tokens.length = 0;
    // Most lines have no space at all: then no cell needs cleaning.
    const lineHasSpace = LINE_SPACE.test(raw);
    const spaced = useTabs ? null : raw.split(/ {2,}|\u3000{1,}/);
    let cellStart = 0;
    for (let c = 0; ; c++) {
      let before: string;
      let done = false;
      if (spaced) {
        if (c >= spaced.length) break;
        before = spaced[c]!;
      } else {
        let tab = raw.indexOf("\t", cellStart);
        if (tab < 0) {
          tab = raw.length;
          done = true;
        }
        before = tab === cellStart ? "" : raw.slice(cellStart, tab);
        cellStart = tab + 1;
      }
      if (before.length === 0) {
        if (done) break;
        continue;
      }
      const after = lineHasSpace ? joinSplitWords(before) : before;
      if (after) {
        const n = tokens.length;
        let t = pool[n];
        if (!t) {
          t = { text: after, col: c };
          pool.push(t);
        } else {
          t.text = after;
          t.col = c;
        }
        tokens.push(t);
      }
      if (after.length !== before.length && after.length !== before.trim().length && room("text.split-word-joined")) {
        push(
          d(
            "text.split-word-joined",
            "info",
            `合并被换行拆开的词：「${before.trim()}」→「${after}」`,
            `Joined words split at a line wrap: "${before.trim()}" → "${after}"`,
            {
              line: lineNo,
              action: "removed the space between CJK characters",
            },
          ),
        );
      }
      if (done) break;
    }
    if (tokens.length === 0) continue;
    const first = tokens[0]!.text;

    // Header rows.
    if ((raw.indexOf("三级指标") >= 0 || raw.indexOf("项目名称") >= 0) && isHeaderRow(tokens.map((t) => t.text))) {
      headerSeen++;
      if (headerSeen === 1) headerNatureCol = tokens.find((t) => t.text === "指标性质")?.col ?? -1;
      else
        push(
          d("text.header-repeated", "info", "删除分页重复的表头行", "Dropped a header row repeated at a page break", {
            line: lineNo,
            action: "dropped repeated header",
          }),
        );
      continue;
    }
    // 合计 and footer.
    if (isTotalLabel(first)) {
      const num = tokens.slice(1).find((t) => NUMBER_CELL.test(t.text));
      if (num) doc.total = Number(num.text.replace(/,/g, ""));
      afterTotal = true;
      push(
        d(
          "text.total-read",
          "info",
          `读取合计行：${num?.text ?? "（无数值）"}`,
          `Read the 合计 row: ${num?.text ?? "(no amount)"}`,
          { line: lineNo, action: "read total" },
        ),
      );
      continue;
    }
    if (afterTotal || (FOOTER_STARTS.has(first.charCodeAt(0)) && /^(口径说明|说明|注[:：])/.test(first))) {
      const note = tokens.map((t) => t.text).join("");
      notes.push(note);
      push(
        d("text.footer-read", "info", `读取表注：${note.slice(0, 40)}`, `Read a footer note: ${note.slice(0, 40)}`, {
          line: lineNo,
          action: "kept as note",
        }),
      );
      continue;
    }
    // Lines before the table: title, 部门, 单位.
    if (headerSeen === 0 && blocks.length === 0) {
      const line = tokens.map((t) => t.text).join("");
      const dept = /^部门[:：](.+)$/.exec(line);
      const unit = /单位[:：]\s*(万元|元)/.exec(line);
      if (dept) doc.department = { name: dept[1]!.trim() };
      else if (unit) {
        doc.moneyUnit = unit[1] as MoneyUnit;
        moneyUnitSeen = true;
      } else if (/^表\s*\d+$/.test(line)) tableNo = line;
      else if (/绩效目标/.test(line)) {
        doc.title = line.replace(/^#+\s*/, "");
        const y = /(\d{4})\s*年/.exec(doc.title);
        if (y) doc.fiscalYear = Number(y[1]);
      } else
        push(
          d(
            "text.preamble-skipped",
            "info",
            `跳过表前文字：${line.slice(0, 40)}`,
            `Skipped text before the table: ${line.slice(0, 40)}`,
            { line: lineNo },
          ),
        );
      continue;
    }
    // Project rows: a cell `151001-单位名称` among the first cells.
    let ui = -1;
    for (let t = 1; t <= 2 && t < tokens.length; t++) {
      const c0 = tokens[t]!.text.charCodeAt(0);
      if (c0 >= 48 && c0 <= 57 && UNIT_CELL.test(tokens[t]!.text)) {
        ui = t;
        break;
      }
    }
    if (ui >= 1) {
      const m = UNIT_CELL.exec(tokens[ui]!.text)!;
      let j = ui + 1;
      let category = "";
      if (tokens[j] && !NUMBER_CELL.test(tokens[j]!.text)) category = tokens[j++]!.text;
      let budget = 0;
      if (tokens[j] && NUMBER_CELL.test(tokens[j]!.text)) budget = Number(tokens[j++]!.text.replace(/,/g, ""));
      else
        push(
          d("text.budget-missing", "warning", "项目行缺少预算数，按 0 计", "The project row has no budget; read as 0", {
            line: lineNo,
          }),
        );
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
        name: tokens
          .slice(0, ui)
          .map((t) => t.text)
          .join(""),
        unitCode: m[1]!,
        unitName: m[2]!.trim(),
        category,
        budget,
        goal,
        rows: [],
      };
      blocks.push(block);
      lastBlock = block;
      const ind = parseIndicatorTokens(tokens.slice(j), lineNo);
      if (ind) {
        block.rows.push(ind);
        lastRow = ind;
      } else lastRow = null;
      continue;
    }
    // Indicator rows.
    const ind = parseIndicatorTokens(tokens, lineNo);
    if (ind) {
      if (headerNatureCol >= 0 && ind.natureCol !== headerNatureCol && room("text.cells-shifted")) {
        push(
          d(
            "text.cells-shifted",
            "info",
            `本行单元格错位 ${ind.natureCol - headerNatureCol} 列，已按内容识别`,
            `Cells of this row are shifted by ${ind.natureCol - headerNatureCol} column(s); read by meaning`,
            {
              line: lineNo,
              action: "read shifted cells by meaning",
            },
          ),
        );
      }
      if (lastBlock) lastBlock.rows.push(ind);
      else orphans.push(ind);
      lastRow = ind;
      continue;
    }
    // A continuation line: text wrapped onto its own line.
    const textLine = tokens.map((t) => t.text).join("");
    if (lastRow && tokens.length === 1 && tokens[0]!.col >= 5) {
      lastRow.name += textLine;
      push(
        d(
          "text.continuation-joined",
          "info",
          `续行并入上一行三级指标：${textLine}`,
          `Joined a wrapped line to the indicator above: ${textLine}`,
          { line: lineNo, action: "appended to the name above" },
        ),
      );
    } else if (lastBlock && tokens.length === 1 && lastBlock.rows.length === 0) {
      lastBlock.goal += textLine;
      push(
        d(
          "text.continuation-joined",
          "info",
          `续行并入年度绩效目标：${textLine}`,
          `Joined a wrapped line to the goal: ${textLine}`,
          { line: lineNo, action: "appended to the goal" },
        ),
      );
    } else
      push(
        d(
          "text.line-unread",
          "warning",
          `无法识别的行，已跳过：${textLine.slice(0, 60)}`,
          `Could not read this line; skipped: ${textLine.slice(0, 60)}`,
          { line: lineNo },
        ),
      );
  }
  options.onProgress?.(1);

  if (blocks.length === 0) {
    push(
      d(
        "text.no-projects",
        "error",
        "未找到任何项目行（含「单位编码-单位名称」的行）：不是可识别的项目绩效目标表",
        "No project rows found (rows with a `code-unit` cell): not a recognisable performance-target table",
      ),
    );
    return { value: null, diagnostics };
  }
  if (!moneyUnitSeen)
    push(
      d(
        "text.money-unit-missing",
        "warning",
        "表头未写金额单位，按万元读取",
        "The table states no money unit; read as 万元",
      ),
    );
  if (headerSeen === 0)
    push(
      d(
        "text.header-missing",
        "warning",
        "未找到表头行，按内容识别各列",
        "No header row found; columns read by meaning",
      ),
    );
  if (tableNo && !doc.title) doc.title = tableNo;

  // Layout of the whole document.
  let layout: Layout = "older";
  outer: for (const b of blocks)
    for (const r of b.rows)
      for (const l of r.labels)
        if (
          (l.level2 && LEVEL2_ONLY_2021.includes(l.level2)) ||
          (r.labels.length === 2 && r.labels[0] === l && l.level1 === "成本指标")
        ) {
          layout = "cost-first-level-2021";
          break outer;
        }

  // Orphan rows before the first project belong to it.
  if (orphans.length > 0) {
    blocks[0]!.rows.push(...orphans);
    for (const o of orphans)
      push(
        d(
          "text.row-reattached",
          "warning",
          `表头前的指标行「${o.name}」归入第一个项目「${blocks[0]!.name}」`,
          `Indicator "${o.name}" printed before any project; attached to the first project "${blocks[0]!.name}"`,
          {
            line: o.line,
            action: "attached to the first project",
          },
        ),
      );
  }

  // Levels in printed order (for the structure evidence).
  // Kept rows are a prefix of their block, so these resolutions are final for them: keep them.
  // (null: a row with no labels, which inherits the levels above and needs no resolving.)
  const resolvedOf: (Resolved | null)[][] = [];
  const printedLevels = (rows: RawIndicator[]) => {
    let above: Levels | null = null;
    const resolved: (Resolved | null)[] = [];
    resolvedOf.push(resolved);
    return rows.map((r) => {
      if (r.labels.length === 0) resolved.push(null);
      else {
        const res = resolveLevels(r, above, layout);
        resolved.push(res);
        above = res.levels ?? above;
      }
      return above?.level1 ?? "";
    });
  };
  const inputs: BlockInput[] = blocks.map((b) => ({
    name: b.name,
    goal: b.goal,
    rows: b.rows,
    level1s: printedLevels(b.rows),
  }));
  const total = commonTotal(inputs);
  const plan = planReattachment(inputs, total);
  inputs.length = 0;

  // Apply the plan: move trailing rows on, then resolve levels per project.
  const moved: RawIndicator[][] = blocks.map(() => []);
  const pendingMoves: { p: (typeof plan)[number]; rows: RawIndicator[] }[] = [];
  for (const p of plan) {
    const from = blocks[p.from]!;
    if (p.moved > 0) {
      const rows = from.rows.splice(from.rows.length - p.moved, p.moved);
      moved[p.from + 1] = rows;
      pendingMoves.push({ p, rows });
    }
    if (p.ambiguous)
      push(
        d(
          "text.reattach-ambiguous",
          "warning",
          `无法确定项目「${from.name}」末尾各行属于本项目还是下一项目，请核对`,
          `Cannot tell whether the last rows of "${from.name}" belong to it or to the next project; please check`,
          { line: from.rows[from.rows.length - 1]?.line ?? from.line },
        ),
      );
  }

  const lines: number[][] = [];
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    const projectIndex = k;
    const indicators: Indicator[] = [];
    const lineOf: number[] = [];
    let above: Levels | null = null;
    const cached = resolvedOf[k]!;
    for (let idx = 0; idx < b.rows.length; idx++) {
      const r = b.rows[idx]!;
      const hit = cached[idx];
      const res: Resolved =
        hit === undefined ? resolveLevels(r, above, layout) : (hit ?? { levels: above, diagnostics: NO_DIAGNOSTICS });
      above = res.levels ?? above;
      for (const x of r.diagnostics) push(x);
      for (const x of res.diagnostics) push(x);
      indicators.push(toIndicator(r, above ?? NO_LEVELS));
      lineOf.push(r.line);
      if (!above)
        push(
          d(
            "text.levels-missing",
            "warning",
            `指标「${r.name}」没有一级/二级指标`,
            `Indicator "${r.name}" has no 一级/二级`,
            { line: r.line, projectIndex },
          ),
        );
    }
    // Re-attached rows: resolve their own labels; a leading run printed with none takes, as a
    // whole, the group of the destination its rows are most like (and is flagged as a guess).
    const run = moved[k]!;
    let lead = 0;
    while (lead < run.length && run[lead]!.labels.length === 0) lead++;
    let aboveMoved: Levels | null = lead > 0 ? guessGroup(run.slice(0, lead), indicators, layout) : null;
    run.forEach((r, idx) => {
      const res = resolveLevels(r, aboveMoved, layout);
      for (const x of r.diagnostics) push(x);
      for (const x of res.diagnostics) push(x);
      aboveMoved = res.levels ?? aboveMoved;
      if (idx < lead)
        push(
          d(
            "text.levels-guessed",
            "warning",
            `移入的指标「${r.name}」未印一级/二级，按本项目最相近的指标组推定为「${aboveMoved?.level1 ?? ""}/${aboveMoved?.level2 ?? ""}」，请核对`,
            `Re-attached indicator "${r.name}" had no printed levels; inferred "${aboveMoved?.level1 ?? ""}/${aboveMoved?.level2 ?? ""}" from the most alike group of its project — please check`,
            { line: r.line, projectIndex },
          ),
        );
      const at = insertInGroup(indicators, toIndicator(r, aboveMoved ?? NO_LEVELS));
      lineOf.splice(at, 0, r.line);
    });
    b.rows = [];
    moved[k] = [];
    const project: Project = {
      name: b.name,
      unitCode: b.unitCode,
      unitName: b.unitName,
      category: b.category,
      budget: b.budget,
      goal: b.goal,
      indicators,
    };
    lines.push(lineOf);
    doc.projects.push(project);
  }
  // Weights have at most three decimals: sum them exactly in thousandths.
  const finalSum = (k: number) =>
    doc.projects[k]!.indicators.reduce((s, i) => s + Math.round(i.weight * 1000), 0) / 1000;
  const expected = total === null ? null : total / 1000;
  for (const { p, rows } of pendingMoves) {
    const from = blocks[p.from]!;
    const to = blocks[p.from + 1]!;
    const after: [number, number] = [finalSum(p.from), finalSum(p.from + 1)];
    const why =
      expected !== null
        ? `分值合计：「${from.name}」印出 ${p.reason.sumsBefore[0]}，移出后 ${after[0]}；「${to.name}」移入后 ${after[1]}（各项目应为 ${expected}）`
        : "按指标名称与项目的共同用词";
    const whyEn =
      expected !== null
        ? `weights: "${from.name}" printed ${p.reason.sumsBefore[0]}, ${after[0]} without these rows; "${to.name}" ${after[1]} with them (each project should total ${expected})`
        : "by subject words shared with the project";
    const confirmed = expected !== null && after[0] === expected && after[1] === expected;
    for (const row of rows)
      push(
        d(
          "text.row-reattached",
          p.ambiguous || !confirmed ? "warning" : "info",
          `指标「${row.name}」印在项目「${from.name}」的区块内，归入下一项目「${to.name}」；依据：${why}`,
          `Indicator "${row.name}" was printed inside the block of "${from.name}"; re-attached to the next project "${to.name}" — ${whyEn}`,
          { line: row.line, action: `moved to project ${p.from + 1}` },
        ),
      );
  }
  // Point row diagnostics at the indicator they are about.
  const wanted = new Set<number>();
  for (const x of diagnostics) if (x.line !== undefined) wanted.add(x.line);
  const at = new Map<number, [number, number]>();
  lines.forEach((ls, k) => {
    ls.forEach((line, i) => {
      if (wanted.has(line)) at.set(line, [k, i]);
    });
  });
  for (const x of diagnostics) {
    const hit = x.line !== undefined ? at.get(x.line) : undefined;
    if (hit) {
      x.projectIndex = hit[0];
      x.indicatorIndex = hit[1];
    }
  }
  if (notes.length) doc.notes = notes;
  // Department code from the unit codes: 3-digit department + 3-digit unit.
  const codes = new Set(doc.projects.map((p) => (p.unitCode.length === 6 ? p.unitCode.slice(0, 3) : "")));
  if (codes.size === 1) {
    const code = [...codes][0]!;
    if (code) {
      doc.department = { code, name: doc.department?.name ?? "" };
      push(
        d(
          "text.department-code-inferred",
          "info",
          `由单位编码推定部门编码 ${code}`,
          `Inferred department code ${code} from the unit codes`,
          { action: "inferred department code" },
        ),
      );
    }
  }
  if (doc.department && !doc.department.name) doc.department.name = doc.projects[0]?.unitName ?? "";
  if (doc.fiscalYear === undefined) {
    const years = new Map<number, number>();
    for (const m of src.slice(0, 1 << 20).matchAll(/(20\d{2})\s*年/g)) {
      const y = Number(m[1]);
      years.set(y, (years.get(y) ?? 0) + 1);
    }
    let best = 0;
    let bestN = 0;
    for (const [y, n] of years) if (n > bestN || (n === bestN && y > best)) [best, bestN] = [y, n];
    if (best) {
      doc.fiscalYear = best;
      push(
        d(
          "text.fiscal-year-inferred",
          "info",
          `表中未写年度，按文中最常见年份推定为 ${best} 年`,
          `No fiscal year stated; inferred ${best}, the year the text cites most`,
          { action: "inferred fiscal year" },
        ),
      );
    }
  }
  if (doc.total !== undefined) {
    const sum = sumDecimal(doc.projects.map((p) => p.budget));
    if (sum !== doc.total)
      push(
        d(
          "text.total-mismatch",
          "warning",
          `各项目预算数之和 ${sum} 与合计行 ${doc.total} 不符`,
          `Project budgets add up to ${sum}, but the 合计 row says ${doc.total}`,
        ),
      );
  }
  return { value: doc, diagnostics };
}

/** What a row is like, for comparing re-attached rows with the indicators of their project. */
interface Features {
  unit: string | null;
  nature: string;
  /** Target with digits folded, so 2024年12月前完成 ~ 2025年6月前完成 and 95 ~ 100. */
  shape: string;
  /** Name without trailing numbering. */
  stem: string;
  name: string;
}

function features(x: { unit: string | null; nature: string; target: string; name: string }): Features {
  return {
    unit: x.unit,
    nature: x.nature,
    shape: x.target.replace(/\d+(\.\d+)?/g, "0"),
    stem: x.name.replace(/[\d\s]+$/, ""),
    name: x.name,
  };
}

/** Length of the common ending of two names (人数, 覆盖率, 完成时间, 标准…). */
function commonSuffix(x: string, y: string): number {
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}

/**
 * How alike a re-attached row is to an indicator of its new project, by meaning: the
 * same unit, nature and target shape, the same kind of name ending, shared subject words.
 */
function likeness(r: Features, ind: Features): number {
  let s = 0;
  if (ind.unit === r.unit) s += 1;
  if (ind.nature === r.nature) s += 0.5;
  if (ind.shape === r.shape) s += 1;
  s += (1.5 * Math.min(commonSuffix(ind.stem, r.stem), 4)) / 4;
  s += 0.5 * sharedBigrams(r.name, ind.name);
  return s;
}

/** Share of the character pairs of `a` that also occur in `b` (short names: no sets needed). */
function sharedBigrams(a: string, b: string): number {
  let own = 0;
  let hit = 0;
  for (let i = 0; i + 1 < a.length; i++) {
    own++;
    if (b.indexOf(a.slice(i, i + 2)) >= 0) hit++;
  }
  return own === 0 ? 0 : hit / own;
}

/** The kind of indicator a row is, by meaning: its name, unit and target. null when unclear. */
function kindOf(r: RawIndicator): "satisfaction" | "timeliness" | "cost" | "quantity" | "quality" | "benefit" | null {
  if (/满意/.test(r.name)) return "satisfaction";
  if (/\d{4}\s*年|月前|月底前|年底前|年度内/.test(r.target) || /时间|及时|时限|进度|周期/.test(r.name))
    return "timeliness";
  if (moneyUnitOf(r.unit) || /成本|标准|费用|单价/.test(r.name)) return "cost";
  if (r.unit && /^(人|户|项|次|个|所|场|家|台|套|件|册|期|批|名|人次|公里|亩|平方米)$/.test(r.unit)) return "quantity";
  if (/覆盖率|合格率|完成率|准确率|达标率|验收|合格/.test(r.name)) return "quality";
  if (r.nature === "定性" || /效益|促进|提升|改善|带动|影响|受益/.test(r.name)) return "benefit";
  return null;
}

function kindMatches(kind: ReturnType<typeof kindOf>, lv: { level1: string; level2: string }): boolean {
  switch (kind) {
    case "satisfaction":
      return lv.level1 === "满意度指标";
    case "timeliness":
      return lv.level2 === "时效指标";
    case "cost":
      return lv.level1 === "成本指标" || lv.level2 === "成本指标";
    case "quantity":
      return lv.level2 === "数量指标";
    case "quality":
      return lv.level2 === "质量指标";
    case "benefit":
      return lv.level1 === "效益指标";
    default:
      return false;
  }
}

const KIND_DEFAULT: Record<Layout, Record<string, Levels>> = {
  older: {
    satisfaction: { level1: "满意度指标", level2: "服务对象满意度" },
    timeliness: { level1: "产出指标", level2: "时效指标" },
    cost: { level1: "产出指标", level2: "成本指标" },
    quantity: { level1: "产出指标", level2: "数量指标" },
    quality: { level1: "产出指标", level2: "质量指标" },
    benefit: { level1: "效益指标", level2: "社会效益" },
  },
  "cost-first-level-2021": {
    satisfaction: { level1: "满意度指标", level2: "服务对象满意度" },
    timeliness: { level1: "产出指标", level2: "时效指标" },
    cost: { level1: "成本指标", level2: "经济成本指标" },
    quantity: { level1: "产出指标", level2: "数量指标" },
    quality: { level1: "产出指标", level2: "质量指标" },
    benefit: { level1: "效益指标", level2: "社会效益" },
  },
};

/**
 * The group (一级/二级) a run of re-attached rows printed without labels most likely belongs
 * to: each group of the destination project is scored by how alike its indicators are to
 * the rows, and by whether the rows' kind (time, cost, count, rate…) fits it.
 */
function guessGroup(rows: RawIndicator[], dest: Indicator[], layout: Layout): Levels | null {
  const groups = new Map<string, { lv: Levels; members: Indicator[] }>();
  for (const ind of dest) {
    const key = `${ind.level1}/${ind.level2}`;
    const g = groups.get(key) ?? { lv: pickLevels(ind), members: [] };
    g.members.push(ind);
    groups.set(key, g);
  }
  const kinds = rows.map(kindOf);
  for (const kind of kinds) {
    if (!kind) continue;
    const dflt = KIND_DEFAULT[layout][kind]!;
    const key = `${dflt.level1}/${dflt.level2}`;
    if (![...groups.values()].some((g) => kindMatches(kind, g.lv)) && !groups.has(key))
      groups.set(key, { lv: dflt, members: [] });
  }
  const rowFeatures = rows.map(features);
  let best: Levels | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const g of groups.values()) {
    const memberFeatures = g.members.map(features);
    let score = 0;
    rowFeatures.forEach((r, i) => {
      let like = 0;
      for (const m of memberFeatures) like = Math.max(like, likeness(r, m));
      score += like + (kindMatches(kinds[i]!, g.lv) ? 2 : 0);
    });
    if (score > bestScore) [best, bestScore] = [g.lv, score];
  }
  return best;
}

function pickLevels(ind: Indicator): Levels {
  const out: Levels = { level1: ind.level1, level2: ind.level2 };
  if (ind.level1Label) out.level1Label = ind.level1Label;
  if (ind.level2Label) out.level2Label = ind.level2Label;
  return out;
}

const NO_LEVELS: Levels = { level1: "", level2: "" };
const NO_DIAGNOSTICS: Diagnostic[] = [];

function toIndicator(r: RawIndicator, lv: Levels): Indicator {
  const ind: Indicator = {
    level1: lv.level1,
    level2: lv.level2,
    name: r.name,
    nature: r.nature,
    operator: r.operator,
    target: r.target,
    unit: r.unit,
    weight: r.weight,
  };
  if (lv.level1Label) ind.level1Label = lv.level1Label;
  if (lv.level2Label) ind.level2Label = lv.level2Label;
  return ind;
}

/** Inserts after the last indicator of the same 二级 (else 一级), else at the end; returns the index. */
function insertInGroup<T extends Indicator>(list: T[], ind: T): number {
  let at = -1;
  for (let i = list.length - 1; i >= 0; i--)
    if (list[i]!.level1 === ind.level1 && list[i]!.level2 === ind.level2) {
      at = i;
      break;
    }
  if (at < 0)
    for (let i = list.length - 1; i >= 0; i--)
      if (list[i]!.level1 === ind.level1) {
        at = i;
        break;
      }
  if (at < 0) {
    list.push(ind);
    return list.length - 1;
  }
  list.splice(at + 1, 0, ind);
  return at + 1;
}
