/**
 * Pass 3 — rows re-attached to the project they belong to, and the projects assembled. Rows
 * printed before any project go to the first one; trailing rows printed in the previous
 * project's block move on as reattach.ts plans (weights, structure, subject words); then each
 * project's rows get their 一级/二级 through merged cells (assign-levels.ts), moved rows printed
 * with no level get the group guess-group.ts finds, and every row diagnostic is pointed at the
 * indicator it is about.
 */
import type { Indicator, Layout, Project, TargetDocument } from "@jixiao/core";
import { type Levels, type Resolved, resolveLevels } from "./assign-levels.ts";
import type { Block } from "./classify-line.ts";
import { guessGroup, insertInGroup, NO_LEVELS, toIndicator } from "./guess-group.ts";
import type { RawIndicator } from "./parse-row.ts";
import { type BlockInput, type Boundary, commonTotal, planReattachment } from "./reattach.ts";
import type { RepairLog } from "./text-diagnostics.ts";

const NO_DIAGNOSTICS: Resolved["diagnostics"] = [];

/**
 * Builds `doc.projects` from the blocks read line by line.
 * @example attachRows(doc, classifier.blocks, classifier.orphans, "older", log)
 */
export function attachRows(
  doc: TargetDocument,
  blocks: Block[],
  orphans: RawIndicator[],
  layout: Layout,
  log: RepairLog,
): void {
  // Orphan rows before the first project belong to it.
  if (orphans.length > 0) {
    blocks[0]!.rows.push(...orphans);
    for (const o of orphans) log.add("text.row-reattached", { name: o.name, to: blocks[0]!.name }, { line: o.line });
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
  const pendingMoves: { p: Boundary; rows: RawIndicator[] }[] = [];
  for (const p of plan) {
    const from = blocks[p.from]!;
    if (p.moved > 0) {
      const rows = from.rows.splice(from.rows.length - p.moved, p.moved);
      moved[p.from + 1] = rows;
      pendingMoves.push({ p, rows });
    }
    if (p.ambiguous)
      log.add(
        "text.reattach-ambiguous",
        { project: from.name },
        { line: from.rows[from.rows.length - 1]?.line ?? from.line },
      );
  }

  const lines: number[][] = [];
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    const { project, lineOf } = assemble(b, k, resolvedOf[k]!, moved[k]!, layout, log);
    b.rows = [];
    moved[k] = [];
    lines.push(lineOf);
    doc.projects.push(project);
  }
  reportMoves(doc, blocks, pendingMoves, total, log);
  pointAtIndicators(log, lines);
}

/** One project: its kept rows with their levels, then the rows moved into it. */
function assemble(
  b: Block,
  projectIndex: number,
  cached: (Resolved | null)[],
  run: RawIndicator[],
  layout: Layout,
  log: RepairLog,
): { project: Project; lineOf: number[] } {
  const indicators: Indicator[] = [];
  const lineOf: number[] = [];
  let above: Levels | null = null;
  for (let idx = 0; idx < b.rows.length; idx++) {
    const r = b.rows[idx]!;
    const hit = cached[idx];
    const res: Resolved =
      hit === undefined ? resolveLevels(r, above, layout) : (hit ?? { levels: above, diagnostics: NO_DIAGNOSTICS });
    above = res.levels ?? above;
    for (const x of r.diagnostics) log.push(x);
    for (const x of res.diagnostics) log.push(x);
    indicators.push(toIndicator(r, above ?? NO_LEVELS));
    lineOf.push(r.line);
    if (!above) log.add("text.levels-missing", { name: r.name }, { line: r.line, projectIndex });
  }
  // Re-attached rows: resolve their own labels; a leading run printed with none takes, as a
  // whole, the group of the destination its rows are most like (and is flagged as a guess).
  let lead = 0;
  while (lead < run.length && run[lead]!.labels.length === 0) lead++;
  let aboveMoved: Levels | null = lead > 0 ? guessGroup(run.slice(0, lead), indicators, layout) : null;
  run.forEach((r, idx) => {
    const res = resolveLevels(r, aboveMoved, layout);
    for (const x of r.diagnostics) log.push(x);
    for (const x of res.diagnostics) log.push(x);
    aboveMoved = res.levels ?? aboveMoved;
    if (idx < lead)
      log.add(
        "text.levels-guessed",
        { name: r.name, level1: aboveMoved?.level1 ?? "", level2: aboveMoved?.level2 ?? "" },
        { line: r.line, projectIndex },
      );
    const at = insertInGroup(indicators, toIndicator(r, aboveMoved ?? NO_LEVELS));
    lineOf.splice(at, 0, r.line);
  });
  const project: Project = {
    name: b.name,
    unitCode: b.unitCode,
    unitName: b.unitName,
    category: b.category,
    budget: b.budget,
    goal: b.goal,
    indicators,
  };
  return { project, lineOf };
}

/** Says, for every moved row, where it went and why (weights confirmed → info, else a warning). */
function reportMoves(
  doc: TargetDocument,
  blocks: Block[],
  pendingMoves: { p: Boundary; rows: RawIndicator[] }[],
  total: number | null,
  log: RepairLog,
): void {
  // Weights have at most three decimals: sum them exactly in thousandths.
  const finalSum = (k: number) =>
    doc.projects[k]!.indicators.reduce((s, i) => s + Math.round((i.weight ?? 0) * 1000), 0) / 1000;
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
      log.add(
        "text.row-reattached",
        { name: row.name, to: to.name, moved: { from: from.name, why, whyEn, index: p.from + 1 } },
        { severity: p.ambiguous || !confirmed ? "warning" : "info", line: row.line },
      );
  }
}

/** Points row diagnostics (by source line) at the project and indicator they are about. */
function pointAtIndicators(log: RepairLog, lines: number[][]): void {
  const wanted = new Set<number>();
  for (const x of log.diagnostics) if (x.line !== undefined) wanted.add(x.line);
  const at = new Map<number, [number, number]>();
  lines.forEach((ls, k) => {
    ls.forEach((line, i) => {
      if (wanted.has(line)) at.set(line, [k, i]);
    });
  });
  for (const x of log.diagnostics) {
    const hit = x.line !== undefined ? at.get(x.line) : undefined;
    if (hit) {
      x.projectIndex = hit[0];
      x.indicatorIndex = hit[1];
    }
  }
}
