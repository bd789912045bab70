import type { FastifyInstance, FastifyReply } from "fastify";
import {
  type Download,
  exportProjectTable,
  exportSelfEvaluation,
  PROJECT_EXPORTS,
  type ProjectExport,
} from "../commands/project-export.ts";
import {
  EVAL_TRANSITIONS,
  type EvalTransition,
  getSelfEvaluation,
  type SelfEvaluationInput,
  saveSelfEvaluation,
  saveSpotCheck,
  transitionSelfEvaluation,
} from "../commands/self-evaluation/index.ts";
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

const amount = { type: ["number", "string", "null"], maxLength: 40 } as const;
const fundingLine = {
  type: "object",
  additionalProperties: false,
  properties: { initial: amount, full: amount, executed: amount },
} as const;
/** 年度资金总额 / 本年财政拨款 / 上年结转 / 其他资金 × 年初预算数 / 全年预算数 / 全年执行数. */
const funding = {
  type: ["object", "null"],
  additionalProperties: false,
  properties: { total: fundingLine, fiscal: fundingLine, carryover: fundingLine, other: fundingLine },
} as const;
const longText = { type: ["string", "null"], maxLength: 5000 } as const;

const TRANSITION_SUMMARY: Record<EvalTransition, string> = {
  submit:
    "The unit submits its self-evaluation (422 self-eval.incomplete naming the missing 偏差原因 rows, 主要问题及整改措施, 自评结论)",
  return: "The department returns a submitted self-evaluation with a reason",
  accept: "The department accepts a submitted self-evaluation (a 中/差 result gets a 整改 task with a deadline)",
};

export function selfEvaluationRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{ Params: { id: number } }>(
    "/api/v1/projects/:id/self-evaluation",
    {
      schema: {
        tags: ["self-evaluation"],
        summary:
          "Actuals and scores, with the campaign: status, round, return reason, texts, funding, consistency findings, missing 偏差原因, 抽评, budget advice",
        params: idParams,
      },
    },
    async (req) => getSelfEvaluation(ctxOf(state, req), req.params.id),
  );
  app.put<{ Params: { id: number }; Body: SelfEvaluationInput }>(
    "/api/v1/projects/:id/self-evaluation",
    {
      schema: {
        tags: ["self-evaluation"],
        summary:
          "Enter actuals, 主要问题及整改措施, 自评结论 and the funding split against the approved table (409 self-eval.locked once submitted or accepted)",
        params: idParams,
        body: {
          type: "object",
          required: ["indicators"],
          additionalProperties: false,
          properties: {
            executed: { type: ["number", "null"], minimum: 0 },
            initialBudget: { type: ["number", "null"], minimum: 0 },
            indicators: { type: "array", items: actual, maxItems: 500 },
            problems: longText,
            conclusion: longText,
            funding,
          },
        },
      },
    },
    async (req) => saveSelfEvaluation(ctxOf(state, req), req.params.id, req.body),
  );
  for (const t of EVAL_TRANSITIONS) {
    app.post<{ Params: { id: number }; Body: { reason?: string } | undefined }>(
      `/api/v1/projects/:id/self-evaluation/${t}`,
      {
        schema: {
          tags: ["self-evaluation"],
          summary: TRANSITION_SUMMARY[t],
          params: idParams,
          body: {
            type: "object",
            additionalProperties: false,
            ...(t === "return" ? { required: ["reason"] } : {}),
            properties: t === "return" ? { reason: { type: "string", minLength: 1, maxLength: 2000 } } : {},
          },
        },
      },
      async (req) => transitionSelfEvaluation(ctxOf(state, req), req.params.id, t, { reason: req.body?.reason }),
    );
  }
  app.put<{ Params: { id: number }; Body: Pick<SelfEvaluationInput, "executed" | "indicators"> }>(
    "/api/v1/projects/:id/self-evaluation/spot-check",
    {
      schema: {
        tags: ["self-evaluation"],
        summary:
          "抽评: the finance bureau's own actuals for a sampled, submitted project → its score and the differences from the unit's (beyond the region's tolerance: findings)",
        params: idParams,
        body: {
          type: "object",
          required: ["indicators"],
          additionalProperties: false,
          properties: {
            executed: { type: ["number", "null"], minimum: 0 },
            indicators: { type: "array", items: actual, maxItems: 500 },
          },
        },
      },
    },
    async (req) => saveSpotCheck(ctxOf(state, req), req.params.id, req.body),
  );

  const exportParams = {
    type: "object",
    required: ["id", "format"],
    properties: { ...idParams.properties, format: { type: "string", enum: PROJECT_EXPORTS } },
  } as const;
  const send = (reply: FastifyReply, f: Download) => {
    reply.header("Content-Type", f.contentType);
    reply.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
    return reply.send(Buffer.from(f.bytes));
  };
  app.get<{ Params: { id: number; format: ProjectExport } }>(
    "/api/v1/projects/:id/export.:format",
    {
      schema: {
        tags: ["projects"],
        summary: "The project's 表12 (current version; 送审稿 while not approved) as xlsx, html, pdf or json",
        params: exportParams,
      },
    },
    async (req, reply) =>
      send(reply, await exportProjectTable(ctxOf(state, req), req.params.id, req.params.format, state.exporter)),
  );
  app.get<{ Params: { id: number; format: ProjectExport } }>(
    "/api/v1/projects/:id/self-evaluation/export.:format",
    {
      schema: {
        tags: ["self-evaluation"],
        summary: "The project's 自评表 with scores as xlsx, html, pdf or json",
        params: exportParams,
      },
    },
    async (req, reply) =>
      send(reply, await exportSelfEvaluation(ctxOf(state, req), req.params.id, req.params.format, state.exporter)),
  );
}
