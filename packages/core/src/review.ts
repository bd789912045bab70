/**
 * The review engine (审核): runs every rule the policy enables over a document and returns
 * the findings, in document order (project, then indicator), rule order within a cell.
 */
import type { Severity } from "./model/diagnostic.ts";
import type { TargetDocument } from "./model/document.ts";
import { detectLayout } from "./model/taxonomy.ts";
import type { ReviewPolicy } from "./policy/policy.ts";
import { DEFAULT_REVIEW_POLICY } from "./policy/presets.ts";
import { RULES } from "./rules/all-rules.ts";
import { factsPool, fiscalYearOf, printsWeights, projectFacts } from "./rules/facts.ts";
import type { Finding } from "./rules/finding.ts";
import type { DocumentRule, ProjectContext, ProjectRule, Report, Rule } from "./rules/rule.ts";

/** A rule with the severity the policy gives it. */
interface Active<R extends Rule> {
  rule: R;
  severity: Severity;
}

/**
 * The rules a policy runs, each with its effective severity.
 * @example activeRules(DEFAULT_REVIEW_POLICY).length > 25 // true
 */
export function activeRules(
  policy: ReviewPolicy,
  rules: readonly Rule[] = RULES,
): { rule: Rule; severity: Severity }[] {
  const out: { rule: Rule; severity: Severity }[] = [];
  for (const rule of rules) {
    const setting = policy.rules[rule.code];
    if (setting === "off") continue;
    out.push({ rule, severity: setting ?? rule.severity });
  }
  return out;
}

/**
 * Reviews a document under a policy.
 * @example
 * const findings = review(doc); // default policy: 90 points, either layout
 * findings.filter((f) => f.severity === "error").length
 */
export function review(
  doc: TargetDocument,
  policy: ReviewPolicy = DEFAULT_REVIEW_POLICY,
  rules: readonly Rule[] = RULES,
): Finding[] {
  const active = activeRules(policy, rules);
  const projectRules = active.filter((a): a is Active<ProjectRule> => a.rule.scope === "project");
  const documentRules = active.filter((a): a is Active<DocumentRule> => a.rule.scope === "document");
  const fiscalYear = fiscalYearOf(doc, policy.fiscalYear);
  const weightsPrinted = printsWeights(doc);
  const findings: Finding[] = [];
  let current: Active<Rule> | null = null;

  const emit = (r: Report, projectIndex: number | null): void => {
    const project = projectIndex === null ? undefined : doc.projects[projectIndex];
    const ii = r.indicatorIndex ?? null;
    findings.push({
      code: current!.rule.code,
      severity: current!.severity,
      project: project ? project.name : null,
      projectIndex,
      indicator: ii === null || !project ? null : (project.indicators[ii]?.name ?? null),
      indicatorIndex: ii,
      field: r.field,
      message: r.message,
      messageEn: r.messageEn,
    });
  };

  if (projectRules.length > 0) {
    const ctx: ProjectContext = {
      doc,
      policy,
      project: doc.projects[0]!,
      projectIndex: 0,
      indicators: [],
      facts: [],
      layout: "older",
      fiscalYear,
      weightsPrinted,
      report: (r) => emit(r, ctx.projectIndex),
    };
    const pool = factsPool();
    for (let p = 0; p < doc.projects.length; p++) {
      const project = doc.projects[p]!;
      ctx.project = project;
      ctx.projectIndex = p;
      ctx.indicators = project.indicators;
      ctx.facts = projectFacts(project, pool);
      ctx.layout = detectLayout(project.indicators);
      const start = findings.length;
      for (const a of projectRules) {
        current = a;
        a.rule.check(ctx);
      }
      if (findings.length - start > 1) sortProjectFindings(findings, start);
    }
  }
  for (const a of documentRules) {
    current = a;
    a.rule.checkDocument({ doc, policy, fiscalYear, weightsPrinted, report: (r) => emit(r, r.projectIndex ?? null) });
  }
  return findings;
}

/** Orders one project's findings: project-level first, then by indicator (stable). */
function sortProjectFindings(findings: Finding[], start: number): void {
  const slice = findings.slice(start);
  slice.sort((a, b) => (a.indicatorIndex ?? -1) - (b.indicatorIndex ?? -1));
  for (let i = 0; i < slice.length; i++) findings[start + i] = slice[i]!;
}
