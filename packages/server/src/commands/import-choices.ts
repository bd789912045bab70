/**
 * Import with choices (issue 12 item 7): the preview says for each project what can happen —
 * create it, update the existing draft (with the diff), or skip it — and why, with separate
 * reasons (no permission / unit unknown / exists and approved or in review / twice in the file);
 * the commit applies the user's choice per project, so one bad project no longer blocks the rest.
 */
import type { Project } from "@jixiao/core";
import { type Change, diffValues } from "../diff.ts";
import { AppError } from "../errors.ts";
import { unitInScope } from "../policies.ts";
import { isEditable, type Status } from "../workflow.ts";
import type { Ctx } from "./context.ts";

export type ImportAction = "create" | "update" | "skip";

/** Why a project cannot simply be created. */
export type ImportReason =
  | "ok"
  | "no-permission"
  | "unit-unknown"
  | "exists-draft"
  | "exists-locked"
  | "duplicate-in-file";

export interface PreviewProject {
  index: number;
  name: string;
  unitCode: string;
  /** The actor may create it (unit in scope and known, or the actor is admin). */
  allowed: boolean;
  /** A project of that name already exists in that unit and year. */
  exists: boolean;
  reason: ImportReason;
  /** What the user may choose, the first being the default. */
  actions: ImportAction[];
  /** The existing project (when `exists`). */
  existingId?: number;
  existingStatus?: Status;
  /** What an update would change in the existing draft (page projects only). */
  changes?: Change[];
}

export const REASON_WORDS: Record<ImportReason, [string, string]> = {
  ok: ["新建", "new"],
  "no-permission": ["单位不在您的权限范围内", "the unit is outside your scope"],
  "unit-unknown": ["单位在本年度不存在", "the unit does not exist this year"],
  "exists-draft": ["已有同名草稿，可用文件内容更新", "a draft of that name exists; it can be updated"],
  "exists-locked": ["已有同名项目且已提交或已批复，不能覆盖", "a project of that name is submitted or approved"],
  "duplicate-in-file": ["文件中同一单位的同名项目出现了不止一次", "the file has this project twice"],
};

/** Classifies each project of an import; `page` holds the full tables for the diffs. */
export async function classifyProjects(
  ctx: Ctx,
  projects: { name: string; unitCode: string }[],
  fiscalYear: number,
  page?: Project[],
): Promise<PreviewProject[]> {
  const codes = [...new Set(projects.map((p) => p.unitCode))];
  const units = codes.length
    ? await ctx.db
        .selectFrom("units")
        .select("code")
        .where("region_code", "=", ctx.actor.regionCode)
        .where("fiscal_year", "=", fiscalYear)
        .where("code", "in", codes)
        .execute()
    : [];
  const known = new Set(units.map((u) => u.code));
  const names = [...new Set(projects.map((p) => p.name))];
  const existing = names.length
    ? await ctx.db
        .selectFrom("projects")
        .innerJoin("table_versions as v", (j) =>
          j
            .onRef("v.region_code", "=", "projects.region_code")
            .onRef("v.project_id", "=", "projects.id")
            .onRef("v.version_no", "=", "projects.version_no"),
        )
        .select(["projects.id", "projects.unit_code", "projects.name", "projects.status", "v.doc"])
        .where("projects.region_code", "=", ctx.actor.regionCode)
        .where("projects.fiscal_year", "=", fiscalYear)
        .where("projects.name", "in", names)
        .execute()
    : [];
  const byKey = new Map(existing.map((e) => [`${e.unit_code}\u0000${e.name}`, e]));
  const seen = new Set<string>();
  return projects.map((p, index) => {
    const key = `${p.unitCode}\u0000${p.name}`;
    const inScope = /^\d{6}$/.test(p.unitCode) && unitInScope(ctx.actor, ctx.actor.regionCode, p.unitCode);
    const allowed = inScope && (known.has(p.unitCode) || ctx.actor.role === "admin");
    const found = inScope ? byKey.get(key) : undefined;
    const twice = seen.has(key);
    seen.add(key);
    const base = { index, name: p.name, unitCode: p.unitCode, allowed, exists: found !== undefined };
    if (!inScope) return { ...base, exists: false, reason: "no-permission", actions: ["skip"] };
    if (!allowed) return { ...base, reason: "unit-unknown", actions: ["skip"] };
    if (twice) return { ...base, reason: "duplicate-in-file", actions: ["skip"] };
    if (!found) return { ...base, reason: "ok", actions: ["create", "skip"] };
    const status = found.status as Status;
    if (!isEditable(status))
      return { ...base, reason: "exists-locked", actions: ["skip"], existingId: found.id, existingStatus: status };
    const incoming = page?.[index];
    return {
      ...base,
      reason: "exists-draft",
      actions: ["update", "skip"],
      existingId: found.id,
      existingStatus: status,
      ...(incoming
        ? { changes: diffValues(withoutIds(found.doc as Project), withoutIds({ ...incoming, unitCode: p.unitCode })) }
        : {}),
    };
  });
}

/**
 * The incoming table with the existing rows' stable ids carried over (same 一级, 二级 and name),
 * so comments stay on their indicators when a draft is updated from a file.
 */
export function carryIds(existing: Project, incoming: Project): Project {
  const key = (i: { level1: string; level2: string; name: string }) => `${i.level1}\u0000${i.level2}\u0000${i.name}`;
  const ids = new Map<string, string[]>();
  for (const i of existing.indicators) if (i.id) ids.set(key(i), [...(ids.get(key(i)) ?? []), i.id]);
  return {
    ...incoming,
    indicators: incoming.indicators.map((i) => {
      const id = ids.get(key(i))?.shift();
      return id ? { ...i, id } : i;
    }),
  };
}

const withoutIds = (p: Project): Project => ({ ...p, indicators: p.indicators.map(({ id: _id, ...i }) => i) });

export interface ImportChoice {
  index: number;
  action: ImportAction;
}

export interface ChoicePlan {
  create: number[];
  update: { index: number; id: number }[];
  skip: { index: number; name: string; reason: ImportReason }[];
}

/**
 * The user's choices checked against what each project allows (a project not named is given its
 * default action); a choice a project does not allow refuses the whole commit with the list.
 */
export function planChoices(checks: PreviewProject[], choices: ImportChoice[]): ChoicePlan {
  const chosen = new Map(choices.map((c) => [c.index, c.action]));
  const plan: ChoicePlan = { create: [], update: [], skip: [] };
  const bad: { index: number; name: string; action: ImportAction; reason: ImportReason }[] = [];
  for (const c of checks) {
    const action = chosen.get(c.index) ?? c.actions[0] ?? "skip";
    if (!c.actions.includes(action)) {
      bad.push({ index: c.index, name: c.name, action, reason: c.reason });
      continue;
    }
    if (action === "create") plan.create.push(c.index);
    else if (action === "update" && c.existingId !== undefined) plan.update.push({ index: c.index, id: c.existingId });
    else plan.skip.push({ index: c.index, name: c.name, reason: c.reason });
  }
  if (bad.length > 0)
    throw new AppError(
      "import.refused",
      `有 ${bad.length} 个项目不能按所选方式导入（${bad.map((b) => `${b.name}：${REASON_WORDS[b.reason][0]}`).join("；")}），整个导入未执行`,
      `${bad.length} project(s) cannot be imported as chosen; nothing was imported`,
      { projects: bad },
    );
  return plan;
}
