/**
 * Report downloads (issue 17): a project's 自评报告 and a round's department summary. Always
 * attachments; written in the worker pool (PDF: chromium, one print at a time, 503 when busy).
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Download } from "../commands/project-export.ts";
import {
  exportDepartmentSummary,
  exportSelfEvalReport,
  REPORT_FORMATS,
  SUMMARY_FORMATS,
} from "../commands/self-evaluation-reports.ts";
import { ctxOf } from "../http/context.ts";
import { idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";
import type { ReportFormat, SummaryFormat } from "../workers/report-jobs.ts";
import { attachment } from "./evidence.ts";

const params = (formats: readonly string[]) =>
  ({
    type: "object",
    required: ["id", "format"],
    properties: { ...idParams.properties, format: { type: "string", enum: formats } },
  }) as const;

const send = (reply: FastifyReply, f: Download) => {
  reply.header("Content-Type", f.contentType);
  reply.header("Content-Disposition", attachment(f.fileName));
  return reply.send(Buffer.from(f.bytes));
};

export function selfEvaluationReportRoutes(app: FastifyInstance, state: AppState): void {
  app.get<{ Params: { id: number; format: ReportFormat } }>(
    "/api/v1/projects/:id/self-evaluation/report.:format",
    {
      schema: {
        tags: ["self-evaluation"],
        summary: "The project's 自评报告 as docx, pdf or html (summary, scores, deviations, problems, 佐证材料)",
        description: "pdf is printed by the server's chromium; without it the answer is 503 `export.pdf-unavailable`.",
        params: params(REPORT_FORMATS),
      },
    },
    async (req, reply) =>
      send(reply, await exportSelfEvalReport(ctxOf(state, req), req.params.id, req.params.format, state.exporter)),
  );
  app.get<{ Params: { id: number; format: SummaryFormat } }>(
    "/api/v1/evaluation-rounds/:id/summary.:format",
    {
      schema: {
        tags: ["self-evaluation"],
        summary: "A round's department summary (汇总表) as xlsx, docx, pdf or html: scores, grades, distribution, 抽评",
        params: params(SUMMARY_FORMATS),
      },
    },
    async (req, reply) =>
      send(reply, await exportDepartmentSummary(ctxOf(state, req), req.params.id, req.params.format, state.exporter)),
  );
}
