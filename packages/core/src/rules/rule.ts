/**
 * The shape of a review rule. One rule per file in this folder; each exports one `Rule`
 * object, and the catalogue in docs/RULES.md is generated from these objects.
 *
 * A rule is either project-scoped (`check(ctx)` runs once per project with facts
 * precomputed once) or document-scoped (`checkDocument(ctx)` runs once per document).
 */
import type { Severity } from "../model/diagnostic.ts";
import type { Indicator, Project, TargetDocument } from "../model/document.ts";
import type { Layout } from "../model/taxonomy.ts";
import type { TargetCell } from "../model/vocabulary/cell-grammar.ts";
import type { ReviewPolicy } from "../policy/policy.ts";
import type { FindingField } from "./finding.ts";

export interface Text {
  zh: string;
  en: string;
}

/** What a rule reports; the engine adds code, severity and location names. */
export interface Report {
  /** Index of the indicator in its project; omit for a project-level finding. */
  indicatorIndex?: number;
  field: FindingField;
  message: string;
  messageEn: string;
}

/** Facts about one indicator, computed once per review and shared by every rule. */
export interface IndicatorFacts {
  /** The target cell as the vocabulary's grammar reads it (operator, number, unit, date). */
  cell: TargetCell;
  /**
   * The target as a number when the cell is a quantity in no unit, the indicator's unit or %
   * ("70", "1,000", "≥95%", "95%以上" → 95, "70人" with unit 人 → 70), else null.
   */
  num: number | null;
  /** Unit without spaces, ％/百分比 read as %; "" when none. */
  unit: string;
  /** Name without spaces. */
  key: string;
  /** A 32-bit hash of `key`: rules comparing names compare this first. */
  keyHash: number;
  /** Target without spaces. */
  targetKey: string;
  /** A cost row (产出/成本指标 or 成本指标/…). */
  cost: boolean;
  /**
   * A cost row that spends the budget: 产出/成本指标 (older layout) or 经济成本指标 (2021). Social
   * and ecological costs (社会成本指标, 生态环境成本指标) are not budget money and are left out of
   * money sums.
   */
  budgetCost: boolean;
  /** Money unit of the unit of measure: 万元 / 元 (absolute) or 元/人, 元/年 (per unit). */
  money: "万元" | "元" | null;
  /** The "per" part of a money unit (人 in 元/人), or null. */
  per: string | null;
  /** Quantitative (正向 / 反向). */
  quantitative: boolean;
}

export interface ProjectContext {
  doc: TargetDocument;
  policy: ReviewPolicy;
  project: Project;
  projectIndex: number;
  indicators: readonly Indicator[];
  /** Facts per indicator, same order as `indicators`. */
  facts: readonly IndicatorFacts[];
  /** Layout the project's indicators use. */
  layout: Layout;
  /** The fiscal year in force (policy, document, or inferred), or null. */
  fiscalYear: number | null;
  /** False when the document prints no weight at all (no 分值 column): weight rules stay quiet. */
  weightsPrinted: boolean;
  report(r: Report): void;
}

export interface DocumentContext {
  doc: TargetDocument;
  policy: ReviewPolicy;
  fiscalYear: number | null;
  /** False when the document prints no weight at all (no 分值 column). */
  weightsPrinted: boolean;
  /** `projectIndex` may be given for a finding about one project. */
  report(r: Report & { projectIndex?: number }): void;
}

interface RuleBase {
  /** Stable code, `area.what`, e.g. `weight.sum`. */
  code: string;
  /** Default severity; a policy may override it or turn the rule off. */
  severity: Severity;
  title: Text;
  /** What it checks and why, for the catalogue. */
  description: Text;
  /** A row or project that triggers it. */
  example: string;
}

export interface ProjectRule extends RuleBase {
  scope: "project";
  check(ctx: ProjectContext): void;
}

export interface DocumentRule extends RuleBase {
  scope: "document";
  checkDocument(ctx: DocumentContext): void;
}

export type Rule = ProjectRule | DocumentRule;
