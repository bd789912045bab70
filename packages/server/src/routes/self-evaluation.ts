import type { FastifyInstance } from "fastify";
import { getSelfEvaluation, type SelfEvaluationInput, saveSelfEvaluation } from "../commands/self-evaluation.ts";
import { ctxOf } from "../http/context.ts";
import { idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

const actual = {
  type: "object",
  additionalProperties: false,
  properties: {
    actual: { type: ["string", "number"] },
    grade: { type: "string", enum: ["达成", "部分达成", "未达成"] },
    score: { type: "number", minimum: 0 },
    notApplicable: { type: "boolean" },
    deviationReason: { type: "string", maxLength: 2000 },
  },
} as const;

export function selfEvaluationRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{ Params: { id: number } }>(
    "/api/v1/projects/:id/self-evaluation",
    { schema: { tags: ["self-evaluation"], summary: "Actuals and scores", params: idParams } },
    async (req) => getSelfEvaluation(ctxOf(state, req), req.params.id),
  );
  app.put<{ Params: { id: number }; Body: SelfEvaluationInput }>(
    "/api/v1/projects/:id/self-evaluation",
    {
      schema: {
        tags: ["self-evaluation"],
        summary: "Enter actuals against the approved table; returns the scores",
        params: idParams,
        body: {
          type: "object",
          required: ["indicators"],
          additionalProperties: false,
          properties: {
            executed: { type: ["number", "null"], minimum: 0 },
            initialBudget: { type: ["number", "null"], minimum: 0 },
            indicators: { type: "array", items: actual, maxItems: 500 },
          },
        },
      },
    },
    async (req) => saveSelfEvaluation(ctxOf(state, req), req.params.id, req.body),
  );
}
