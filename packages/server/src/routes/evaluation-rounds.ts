/**
 * Self-evaluation rounds (issue 17): open, list, progress by department, 抽评 sample, budget advice,
 * the round's published results and their withdrawal.
 */
import type { FastifyInstance } from "fastify";
import {
  exportBudgetAdvice,
  getEvalRound,
  getSelfEvaluationPolicy,
  listBudgetAdvice,
  listEvalRounds,
  listRoundPublished,
  type OpenEvalRoundInput,
  openEvalRound,
  type SampleInput,
  type SelfEvaluationPolicyInput,
  sampleRound,
  saveSelfEvaluationPolicy,
  type WithdrawResultsInput,
  withdrawRoundResults,
} from "../commands/self-evaluation/index.ts";
import { ctxOf } from "../http/context.ts";
import { fiscalYear, idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

const TAG = ["self-evaluation"];
const day = { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" } as const;

const points = { type: "number", minimum: 0, maximum: 100 } as const;

export function evaluationRoundRoutes(app: FastifyInstance, state: AppState): void {
  app.get(
    "/api/v1/self-evaluation-policy",
    {
      schema: {
        tags: TAG,
        summary:
          "The region's self-evaluation policy: 抽评 tolerance, budget advice map, 整改 deadline in days, scoring switches",
      },
    },
    async (req) => getSelfEvaluationPolicy(ctxOf(state, req)),
  );
  app.put<{ Body: SelfEvaluationPolicyInput }>(
    "/api/v1/self-evaluation-policy",
    {
      schema: {
        tags: TAG,
        summary:
          "Set the region's self-evaluation policy (finance); what is left out keeps its value; advice is a grade → {action, share?, rectify?} map over the default (null resets it); scoring the scoring switches (null resets them)",
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            tolerance: {
              type: "object",
              additionalProperties: false,
              properties: { total: points, indicator: points },
            },
            advice: { type: ["object", "null"], maxProperties: 5 },
            rectifyDays: { type: "integer", minimum: 1, maximum: 3650 },
            scoring: {
              description:
                'Scoring switches: a scoring policy JSON over a preset (e.g. {"extends": "default", "execution": {"capRate": false}}); null resets to the default',
              type: ["object", "null"],
              maxProperties: 20,
            },
          },
        },
      },
    },
    async (req) => saveSelfEvaluationPolicy(ctxOf(state, req), req.body),
  );
  app.get<{ Querystring: { fiscalYear?: number } }>(
    "/api/v1/evaluation-rounds",
    {
      schema: {
        tags: TAG,
        summary: "Self-evaluation rounds the user may see, newest first, counted by status in the user's scope",
        querystring: { type: "object", additionalProperties: false, properties: { fiscalYear } },
      },
    },
    async (req) => listEvalRounds(ctxOf(state, req), req.query.fiscalYear),
  );
  app.post<{ Body: OpenEvalRoundInput }>(
    "/api/v1/evaluation-rounds",
    {
      schema: {
        tags: TAG,
        summary:
          "Open a self-evaluation round (finance: its region, or one department given orgId/deptCode; a department: its own); every approved project in scope gets a self-evaluation to do",
        body: {
          type: "object",
          required: ["fiscalYear", "dueDate"],
          additionalProperties: false,
          properties: {
            fiscalYear,
            dueDate: day,
            orgId: {
              description: "The department code (e.g. 151)",
              type: ["integer", "string"],
              pattern: "^[0-9]{1,3}$",
              minimum: 0,
              maximum: 999,
            },
            deptCode: { type: "string", pattern: "^[0-9]{3}$" },
          },
        },
      },
    },
    async (req, reply) => reply.code(201).send(await openEvalRound(ctxOf(state, req), req.body)),
  );
  app.get<{ Params: { id: number } }>(
    "/api/v1/evaluation-rounds/:id",
    {
      schema: {
        tags: TAG,
        summary:
          "A round: progress by department (not started, draft, submitted, returned, accepted, overdue) and every project in scope with status, score, grade, 抽评",
        params: idParams,
      },
    },
    async (req) => getEvalRound(ctxOf(state, req), req.params.id),
  );
  app.post<{ Params: { id: number }; Body: SampleInput }>(
    "/api/v1/evaluation-rounds/:id/sample",
    {
      schema: {
        tags: TAG,
        summary:
          "抽评 sample (finance): a seeded draw of count projects (same seed, same draw) or the chosen projectIds; answers the ids drawn and the round's whole sample",
        params: idParams,
        body: {
          oneOf: [
            {
              type: "object",
              required: ["count", "seed"],
              additionalProperties: false,
              properties: {
                count: { type: "integer", minimum: 1, maximum: 10000 },
                seed: { type: "string", minLength: 1, maxLength: 200 },
              },
            },
            {
              type: "object",
              required: ["projectIds"],
              additionalProperties: false,
              properties: {
                projectIds: {
                  type: "array",
                  minItems: 1,
                  maxItems: 10000,
                  items: { type: "integer", minimum: 1, maximum: 2147483647 },
                },
              },
            },
          ],
        },
      },
    },
    async (req) => sampleRound(ctxOf(state, req), req.params.id, req.body),
  );
  app.get<{ Params: { id: number } }>(
    "/api/v1/evaluation-rounds/:id/budget-advice",
    {
      schema: {
        tags: TAG,
        summary:
          "Next year's budget advice (finance): each project's budget, score, grade and the advice of the region's policy with the advised amount",
        params: idParams,
      },
    },
    async (req) => listBudgetAdvice(ctxOf(state, req), req.params.id),
  );
  app.get<{ Params: { id: number } }>(
    "/api/v1/evaluation-rounds/:id/budget-advice.xlsx",
    {
      schema: { tags: TAG, summary: "The budget advice list as xlsx (finance)", params: idParams },
    },
    async (req, reply) => {
      const f = await exportBudgetAdvice(ctxOf(state, req), req.params.id, state.exporter);
      reply.header("Content-Type", f.contentType);
      reply.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
      return reply.send(Buffer.from(f.bytes));
    },
  );
  app.get<{ Params: { id: number } }>(
    "/api/v1/evaluation-rounds/:id/published",
    {
      schema: {
        tags: ["publish"],
        summary:
          "The round's published self-evaluation results (finance): which score was published (the unit's or the 抽评's), when, and any withdrawal with its public reason",
        params: idParams,
      },
    },
    async (req) => listRoundPublished(ctxOf(state, req), req.params.id),
  );
  app.post<{ Params: { id: number }; Body: WithdrawResultsInput }>(
    "/api/v1/evaluation-rounds/:id/published/withdraw",
    {
      schema: {
        tags: ["publish"],
        summary:
          "撤回 the round's published self-evaluation results (finance) with a public reason: all of them in scope, or projectIds; the public pages stop showing them",
        description:
          "A project named that is not currently published (never, or already withdrawn) is 409 `publication.not-current`; publishing it again puts its current accepted result back.",
        params: idParams,
        body: {
          type: "object",
          required: ["reason"],
          additionalProperties: false,
          properties: {
            reason: { type: "string", minLength: 1, maxLength: 500 },
            projectIds: {
              type: "array",
              minItems: 1,
              maxItems: 5000,
              items: { type: "integer", minimum: 1, maximum: 2147483647 },
            },
          },
        },
      },
    },
    async (req) => withdrawRoundResults(ctxOf(state, req), req.params.id, req.body),
  );
}
