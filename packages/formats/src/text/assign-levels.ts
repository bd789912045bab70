/**
 * Resolves the 一级/二级 of printed rows. Vertically merged cells print a label once (or
 * not at all), so a row inherits the levels of the row above; a 二级 that cannot belong to
 * the inherited 一级 gets the 一级 it belongs to (inferred a missing 一级 from its 二级).
 */
import { type Diagnostic, isValidPair, type Layout, LEVEL2_BY_LAYOUT, type Level1, parentOf } from "@jixiao/core";
import type { LabelToken, RawIndicator } from "./parse-row.ts";
import { textDiagnostic } from "./text-diagnostics.ts";

export interface Levels {
  level1: string;
  level2: string;
  level1Label?: string;
  level2Label?: string;
}

export interface Resolved {
  levels: Levels | null;
  diagnostics: Diagnostic[];
}

const OTHER: Record<Layout, Layout> = { older: "cost-first-level-2021", "cost-first-level-2021": "older" };

function parentAny(level2: string, layout: Layout): Level1 | null {
  return parentOf(level2, layout) ?? parentOf(level2, OTHER[layout]);
}

function withLabels(l1: string, l2: string, l1Text?: string, l2Text?: string): Levels {
  const out: Levels = { level1: l1, level2: l2 };
  if (l1Text !== undefined && l1Text !== l1) out.level1Label = l1Text;
  if (l2Text !== undefined && l2Text !== l2) out.level2Label = l2Text;
  return out;
}

/**
 * Resolves one row's levels given the levels in force above it (null at a block start).
 * Labels carried down from above keep their original-label annotations.
 */
export function resolveLevels(row: RawIndicator, above: Levels | null, layout: Layout): Resolved {
  const diagnostics: Diagnostic[] = [];
  const labels: LabelToken[] = row.labels;
  if (labels.length === 0) return { levels: above, diagnostics };

  if (labels.length === 2) {
    const [a, b] = labels as [LabelToken, LabelToken];
    const l2 = b.level2!;
    const l1: string | null = a.level1;
    if (!l1 || !isValidPair(l1, l2, layout)) {
      const p = parentAny(l2, layout);
      if (p && p !== l1) {
        diagnostics.push(
          textDiagnostic("text.level1-corrected", { level1: a.text, level2: b.text, to: p }, { line: row.line }),
        );
        return { levels: withLabels(p, l2, undefined, b.text), diagnostics };
      }
    }
    return { levels: withLabels(l1 ?? a.text, l2, a.text, b.text), diagnostics };
  }

  const x = labels[0]!;
  if (row.nameFromLabel) {
    // A lone label and no name: the label is the name when it repeats the 二级 in force.
    if (above && x.level2 && above.level2 === x.level2) return { levels: above, diagnostics };
    diagnostics.push(textDiagnostic("text.name-missing", { label: x.text }, { line: row.line }));
  }
  // 成本指标: first-level in the 2021 layout, second-level (under 产出) in the older one.
  if (x.level1 && x.level2) {
    if (layout === "cost-first-level-2021") {
      const l2 = above?.level1 === x.level1 ? above.level2 : (LEVEL2_BY_LAYOUT[layout][x.level1]?.[0] ?? "");
      if (above?.level1 !== x.level1)
        diagnostics.push(textDiagnostic("text.level2-missing", { level1: x.text, assumed: l2 }, { line: row.line }));
      return { levels: withLabels(x.level1, l2, x.text), diagnostics };
    }
    const l1 = above && isValidPair(above.level1, x.level2, layout) ? above.level1 : parentOf(x.level2, layout)!;
    if (above?.level1 !== l1)
      diagnostics.push(textDiagnostic("text.level1-inferred", { level2: x.level2, to: l1 }, { line: row.line }));
    // The 一级 carried down from above keeps its printed label (产出指标(50分)).
    const levels = withLabels(l1, x.level2, undefined, x.text);
    if (above?.level1 === l1 && above.level1Label) levels.level1Label = above.level1Label;
    return { levels, diagnostics };
  }
  if (x.level2) {
    const l2 = x.level2;
    if (above && isValidPair(above.level1, l2, layout)) {
      return {
        levels: {
          ...withLabels(above.level1, l2, undefined, x.text),
          ...(above.level1Label ? { level1Label: above.level1Label } : {}),
        },
        diagnostics,
      };
    }
    const p = parentAny(l2, layout);
    if (p) {
      diagnostics.push(textDiagnostic("text.level1-inferred", { level2: x.text, to: p }, { line: row.line }));
      return { levels: withLabels(p, l2, undefined, x.text), diagnostics };
    }
  }
  // A 一级 alone.
  const l1 = x.level1!;
  const children = LEVEL2_BY_LAYOUT[layout][l1] ?? [];
  if (children.length === 1) {
    return { levels: withLabels(l1, children[0]!, x.text), diagnostics };
  }
  if (above?.level1 === l1) return { levels: { ...above, ...withLabels(l1, above.level2, x.text) }, diagnostics };
  diagnostics.push(textDiagnostic("text.level2-missing", { level1: x.text }, { line: row.line }));
  return { levels: withLabels(l1, "", x.text), diagnostics };
}
