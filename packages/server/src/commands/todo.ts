/**
 * 待办: each role's to-do list with counts — drafts to finish, returned tables, tables waiting
 * at my review level, self-evaluations to fill (unit), to review (department) and to spot-check
 * (finance), open 整改 tasks, publications due — and the in-app notices sent on submit, return and
 * approve (commands/projects/steps.ts), all inside the actor's scope.
 */
import { sql } from "kysely";
import { authorize, deptCodeFilter, may, noticesScope, projectScope } from "../policies.ts";
import type { Ctx } from "./context.ts";
import { loadReviewSettings } from "./review-settings.ts";

export interface TodoItem {
  id: number;
  name: string;
  unitName: string;
  status: string;
  reviewLevel: number;
  updatedAt: string;
}

export interface Todo {
  fiscalYear: number;
  drafts: TodoItem[];
  returned: TodoItem[];
  /** Submitted tables waiting at a review level this user acts at. */
  toReview: TodoItem[];
  /** Approved tables whose self-evaluation is not started, a draft or returned (the unit fills). */
  selfEvaluations: TodoItem[];
  /** Submitted self-evaluations waiting for the department (return or accept). */
  selfEvaluationsToReview: TodoItem[];
  /** Sampled self-evaluations, submitted or accepted, without the finance bureau's 抽评 yet. */
  spotChecks: TodoItem[];
  /** Open 整改 tasks in scope. */
  rectifications: { id: number; projectId: number; name: string; deadline: string; overdue: boolean }[];
  /** Departments with approved tables and no current publication, or approvals since it. */
  publications: { deptCode: string; deptName: string; approved: number }[];
  counts: {
    drafts: number;
    returned: number;
    toReview: number;
    selfEvaluations: number;
    selfEvaluationsToReview: number;
    spotChecks: number;
    rectifications: number;
    publications: number;
    total: number;
  };
}

const LIMIT = 100;

export async function getTodo(ctx: Ctx, fiscalYear: number): Promise<Todo> {
  authorize(ctx.actor, "project.read");
  const settings = await loadReviewSettings(ctx.db, ctx.actor.regionCode);
  const myLevels = settings.chain
    .map((l, i) => (ctx.actor.role === "admin" || l.roles.includes(ctx.actor.role) ? i + 1 : 0))
    .filter((n) => n > 0);
  const base = () =>
    ctx.db
      .selectFrom("projects")
      .where((eb) => projectScope(eb, ctx.actor))
      .where("fiscal_year", "=", fiscalYear);
  const items = async (q: ReturnType<typeof base>): Promise<TodoItem[]> =>
    (
      await q
        .select(["id", "name", "unit_name", "status", "review_level", "updated_at"])
        .orderBy("updated_at", "desc")
        .limit(LIMIT)
        .execute()
    ).map((r) => ({
      id: r.id,
      name: r.name,
      unitName: r.unit_name,
      status: r.status,
      reviewLevel: r.review_level,
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  const editor = may(ctx.actor, "project.edit");
  const reviewer = may(ctx.actor, "project.approve");
  const drafts = editor ? await items(base().where("status", "=", "draft")) : [];
  const returned = editor ? await items(base().where("status", "=", "returned")) : [];
  const toReview =
    reviewer && myLevels.length > 0
      ? await items(base().where("status", "=", "submitted").where("review_level", "in", myLevels))
      : [];
  const selfEvaluations = editor
    ? await items(
        base()
          .where("approved_version_no", "is not", null)
          .where("voided_at", "is", null)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("self_evaluations as s")
                  .select("s.project_id")
                  .whereRef("s.region_code", "=", "projects.region_code")
                  .whereRef("s.project_id", "=", "projects.id")
                  .where("s.status", "in", ["submitted", "accepted"]),
              ),
            ),
          ),
      )
    : [];
  const withEvaluation = (statuses: string[], sampled: boolean) =>
    base()
      .where("voided_at", "is", null)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("self_evaluations as s")
            .select("s.project_id")
            .whereRef("s.region_code", "=", "projects.region_code")
            .whereRef("s.project_id", "=", "projects.id")
            .where("s.status", "in", statuses),
        ),
      )
      .where(({ exists, selectFrom }) =>
        sampled
          ? exists(
              selectFrom("spot_checks as c")
                .select("c.project_id")
                .whereRef("c.region_code", "=", "projects.region_code")
                .whereRef("c.project_id", "=", "projects.id")
                .where("c.checked_at", "is", null),
            )
          : sql<boolean>`true`,
      );
  const selfEvaluationsToReview = may(ctx.actor, "selfEvaluation.review")
    ? await items(withEvaluation(["submitted"], false))
    : [];
  const spotChecks = may(ctx.actor, "selfEvaluation.spotCheck")
    ? await items(withEvaluation(["submitted", "accepted"], true))
    : [];
  const today = new Date().toISOString().slice(0, 10);
  const rectifications = (
    await ctx.db
      .selectFrom("rectifications as r")
      .innerJoin("projects", (j) =>
        j.onRef("projects.region_code", "=", "r.region_code").onRef("projects.id", "=", "r.project_id"),
      )
      .select(["r.id", "r.project_id", "projects.name", "r.deadline"])
      .where((eb) => projectScope(eb as never, ctx.actor))
      .where("r.fiscal_year", "=", fiscalYear)
      .where("r.status", "=", "open")
      .orderBy("r.deadline")
      .limit(LIMIT)
      .execute()
  ).map((r) => ({
    id: r.id,
    projectId: r.project_id,
    name: r.name,
    deadline: r.deadline,
    overdue: today > r.deadline,
  }));
  let publications: Todo["publications"] = [];
  if (may(ctx.actor, "publication.create")) {
    const dept = deptCodeFilter(ctx.actor);
    const rows = await sql<{ dept_code: string; dept_name: string; approved: number }>`
      select p.dept_code, coalesce(d.name, p.dept_code) as dept_name, count(*)::int as approved
      from projects p
      left join departments d on d.region_code = p.region_code and d.fiscal_year = p.fiscal_year and d.code = p.dept_code
      where p.region_code = ${ctx.actor.regionCode} and p.fiscal_year = ${fiscalYear}
        and p.status = 'approved' and p.voided_at is null
        ${dept ? sql`and p.dept_code = ${dept}` : sql``}
        and not exists (select 1 from publications u where u.region_code = p.region_code
          and u.fiscal_year = p.fiscal_year and u.dept_code = p.dept_code and u.current
          and u.published_at >= p.updated_at)
      group by 1, 2 order by 1`.execute(ctx.db);
    publications = rows.rows.map((r) => ({
      deptCode: r.dept_code,
      deptName: r.dept_name,
      approved: Number(r.approved),
    }));
  }
  const counts = {
    drafts: drafts.length,
    returned: returned.length,
    toReview: toReview.length,
    selfEvaluations: selfEvaluations.length,
    selfEvaluationsToReview: selfEvaluationsToReview.length,
    spotChecks: spotChecks.length,
    rectifications: rectifications.length,
    publications: publications.length,
    total: 0,
  };
  counts.total =
    counts.drafts +
    counts.returned +
    counts.toReview +
    counts.selfEvaluations +
    counts.selfEvaluationsToReview +
    counts.spotChecks +
    counts.rectifications +
    counts.publications;
  return {
    fiscalYear,
    drafts,
    returned,
    toReview,
    selfEvaluations,
    selfEvaluationsToReview,
    spotChecks,
    rectifications,
    publications,
    counts,
  };
}

export interface Notice {
  id: number;
  projectId: number;
  kind: string;
  message: string;
  actor: string;
  at: string;
}

/** The in-app notices addressed to this user: their unit's, or their review levels'. */
export async function listNotices(ctx: Ctx, fiscalYear?: number): Promise<Notice[]> {
  authorize(ctx.actor, "project.read");
  const settings = await loadReviewSettings(ctx.db, ctx.actor.regionCode);
  const audiences: string[] = [];
  if (may(ctx.actor, "project.edit")) audiences.push("unit");
  settings.chain.forEach((l, i) => {
    if (ctx.actor.role === "admin" || l.roles.includes(ctx.actor.role)) audiences.push(`level:${i + 1}`);
  });
  if (audiences.length === 0) return [];
  let q = ctx.db
    .selectFrom("notices")
    .select(["id", "project_id", "kind", "message", "actor", "at"])
    .where("region_code", "=", ctx.actor.regionCode)
    .where("audience", "in", audiences);
  q = q.where((eb) => noticesScope(eb, ctx.actor));
  if (fiscalYear !== undefined) q = q.where("fiscal_year", "=", fiscalYear);
  const rows = await q.orderBy("id", "desc").limit(50).execute();
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    kind: r.kind,
    message: r.message,
    actor: r.actor,
    at: new Date(r.at).toISOString(),
  }));
}
