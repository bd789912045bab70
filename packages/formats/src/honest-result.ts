/**
 * The honest-result check every import passes, whatever its format: an indicator with an empty
 * name or target, or a project with no indicators, is an error-severity diagnostic (so
 * `jixiao import` exits 1) unless the reader already reported it as an error with its cells.
 * The grid reader reports these itself with cell references; this catches every other reader.
 */
import type { Diagnostic, TargetDocument } from "@jixiao/core";

function reported(diagnostics: readonly Diagnostic[], name: string, pi: number, ii?: number): boolean {
  return diagnostics.some(
    (d) =>
      d.severity === "error" &&
      d.code.endsWith(`.${name}`) &&
      d.projectIndex === pi &&
      (ii === undefined || d.indicatorIndex === ii),
  );
}

/**
 * Diagnostics for what the reader left empty and did not report.
 * @example honestResultCheck({ format: "jixiao.targets/1", moneyUnit: "万元", projects: [] }, []) // []
 */
export function honestResultCheck(doc: TargetDocument, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  doc.projects.forEach((p, pi) => {
    const label = p.name || `#${pi + 1}`;
    if (p.indicators.length === 0 && !reported(diagnostics, "project-no-indicators", pi))
      out.push({
        code: "import.project-no-indicators",
        severity: "error",
        message: `项目「${label}」没有读到任何指标`,
        messageEn: `Project "${label}" has no indicators read`,
        projectIndex: pi,
      });
    p.indicators.forEach((ind, ii) => {
      const line = diagnostics.find(
        (d) => d.projectIndex === pi && d.indicatorIndex === ii && d.line !== undefined,
      )?.line;
      const where = line === undefined ? {} : { line };
      if (ind.name.trim() === "" && !reported(diagnostics, "name-empty", pi, ii))
        out.push({
          code: "import.name-empty",
          severity: "error",
          message: `项目「${label}」第 ${ii + 1} 个指标没有名称`,
          messageEn: `Project "${label}", indicator ${ii + 1}: no name`,
          projectIndex: pi,
          indicatorIndex: ii,
          ...where,
        });
      if (ind.target.trim() === "" && !reported(diagnostics, "target-empty", pi, ii))
        out.push({
          code: "import.target-empty",
          severity: "error",
          message: `项目「${label}」指标「${ind.name}」没有目标值`,
          messageEn: `Project "${label}", indicator "${ind.name}": no target`,
          projectIndex: pi,
          indicatorIndex: ii,
          ...where,
        });
    });
  });
  return out;
}
