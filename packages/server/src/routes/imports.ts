import type { FastifyInstance } from "fastify";
import { COLUMN_OVERRIDES_SCHEMA, parseColumnOverrides } from "../commands/import-columns.ts";
import { commitImport, type ImportChoice, previewImport } from "../commands/imports.ts";
import { AppError } from "../errors.ts";
import { ctxOf } from "../http/context.ts";
import { fiscalYear } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";
import { readUpload } from "../http/upload.ts";
import type { ReadJob, ReadResult } from "../workers/format-jobs.ts";

/** The time limit of reading one uploaded PDF (scans included), ms. */
const READ_PDF_TIMEOUT_MS = 18 * 60_000;

export function importRoutes(app: FastifyInstance, state: AppState): void {
  app.post<{ Querystring: { fiscalYear?: number } }>(
    "/api/v1/imports/preview",
    {
      schema: {
        tags: ["import"],
        summary: "Upload a file (multipart field `file`, ≤ 10 MB): document, repair log and review findings",
        description: `How the table was read comes back as \`reading\` (layouts, column mapping, inferred and doubtful cells). To re-read with a corrected mapping, send the same file with a multipart field \`columns\` BEFORE \`file\`: JSON of the schema ${JSON.stringify(COLUMN_OVERRIDES_SCHEMA)}.`,
        consumes: ["multipart/form-data"],
        querystring: { type: "object", additionalProperties: false, properties: { fiscalYear } },
      },
    },
    async (req) => {
      const ctx = ctxOf(state, req);
      if (!req.isMultipart()) {
        throw new AppError(
          "payload.unsupported",
          "请以 multipart/form-data 上传文件",
          "Upload the file as multipart/form-data",
        );
      }
      const file = await req.file();
      if (!file) throw new AppError("validation", "缺少文件", "No file uploaded", { field: "file" });
      const field = file.fields.columns;
      const columnsText = field && !Array.isArray(field) && field.type === "field" ? String(field.value) : undefined;
      const columns = parseColumnOverrides(columnsText);
      const bytes = await readUpload(file);
      // A PDF may be a scan: its OCR has up to 15 min after the text pages' 2 min (docs/PDF.md).
      const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
      const read = (job: ReadJob) =>
        state.pool.run<ReadResult>(`user:${ctx.actor.id}`, "read", job, [], isPdf ? READ_PDF_TIMEOUT_MS : undefined);
      return previewImport(
        ctx,
        { bytes, fileName: file.filename || "upload" },
        req.query.fiscalYear,
        read,
        columns.length ? { columns } : undefined,
      );
    },
  );

  app.post<{ Params: { previewId: string }; Body: { choices?: ImportChoice[] } | undefined }>(
    "/api/v1/imports/:previewId/commit",
    {
      schema: {
        tags: ["import"],
        summary: "Commit a preview in one transaction: all or nothing, or per project with `choices`",
        description:
          "Without `choices` every project is created or nothing is. With `choices` ({index, action: create | update | skip}) each project is handled as chosen (a project not named takes its default, the first of the preview's `actions`); a choice a project does not allow refuses the commit.",
        params: {
          type: "object",
          required: ["previewId"],
          properties: { previewId: { type: "string", format: "uuid" } },
        },
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            choices: {
              type: "array",
              maxItems: 5000,
              items: {
                type: "object",
                required: ["index", "action"],
                additionalProperties: false,
                properties: {
                  index: { type: "integer", minimum: 0, maximum: 100000 },
                  action: { type: "string", enum: ["create", "update", "skip"] },
                },
              },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(state, req);
      req.log.info({ previewId: req.params.previewId }, "import.commit.begin");
      return reply.status(201).send(await commitImport(ctx, req.params.previewId, undefined, req.body?.choices));
    },
  );
}
