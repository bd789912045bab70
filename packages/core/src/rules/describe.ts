/**
 * Shared wording of findings: how a message names the project and the indicator, so every
 * rule reads the same way to a reviewer.
 */
import type { Operator } from "../model/document.ts";
import { OPERATOR_WORD } from "../model/vocabulary/operators.ts";
import type { ProjectContext } from "./rule.ts";

/**
 * "项目「退休人员体检费」" / `project "退休人员体检费"`.
 * @example inProject(ctx).zh // "项目「退休人员体检费」"
 */
export function inProject(ctx: Pick<ProjectContext, "project">): { zh: string; en: string } {
  return { zh: `项目「${ctx.project.name}」`, en: `project "${ctx.project.name}"` };
}

/**
 * "项目「X」指标「Y」" / `project "X", indicator "Y"`.
 */
export function atIndicator(
  ctx: Pick<ProjectContext, "project" | "indicators">,
  i: number,
): { zh: string; en: string } {
  const name = ctx.indicators[i]?.name ?? "";
  return { zh: `项目「${ctx.project.name}」指标「${name}」`, en: `project "${ctx.project.name}", indicator "${name}"` };
}

/** 大于等于 (≥) */
export function operatorZh(op: Operator): string {
  return `${OPERATOR_WORD[op]}（${op}）`;
}

/** A number printed without float noise: 122.184 → "122.18" with places = 2. */
export function fmt(n: number, places = 2): string {
  const r = Math.round(n * 10 ** places) / 10 ** places;
  return String(r);
}
