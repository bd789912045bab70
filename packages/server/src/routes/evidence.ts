/**
 * 佐证材料 (evidence files) of a project's self-evaluation: upload (multipart, streamed with caps),
 * list, download (always an attachment, nosniff, the type found by magic bytes, never HTML),
 * delete (refused once the self-evaluation is submitted). Limits: docs/SECURITY.md.
 */
import type { FastifyInstance } from "fastify";
import {
  deleteEvidence,
  downloadEvidence,
  EVIDENCE_LIMITS,
  listEvidence,
  type Sniffed,
  sniffEvidence,
  uploadEvidence,
  uploadTarget,
} from "../commands/evidence/index.ts";
import { AppError } from "../errors.ts";
import { ctxOf } from "../http/context.ts";
import { badText, refuseBadText } from "../http/input-hygiene.ts";
import { idParams } from "../http/schemas.ts";
import type { AppState } from "../http/state.ts";

const evidenceParams = {
  type: "object",
  required: ["id", "evidenceId"],
  properties: { ...idParams.properties, evidenceId: { type: "integer", minimum: 1, maximum: 2147483647 } },
} as const;

const indicatorId = { type: "string", minLength: 1, maxLength: 64, pattern: "^[A-Za-z0-9_-]+$" } as const;
const INDICATOR_ID = new RegExp(indicatorId.pattern);

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** ASCII fallback for old clients beside the exact UTF-8 name (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function evidenceRoutes(app: FastifyInstance, state: AppState): void {
  const base = "/api/v1/projects/:id/self-evaluation/evidence";

  app.post<{ Params: { id: number }; Querystring: { indicatorId?: string } }>(
    base,
    {
      schema: {
        tags: ["self-evaluation"],
        summary: "Attach a 佐证材料 (multipart field `file`; optional field `indicatorId` before it, or ?indicatorId=)",
        description: `PDF, PNG, JPEG, XLSX or DOCX by magic bytes; at most ${EVIDENCE_LIMITS.fileBytes} bytes a file, ${EVIDENCE_LIMITS.projectBytes} bytes and ${EVIDENCE_LIMITS.projectFiles} files a project. 413 payload.too-large / evidence.quota, 415 evidence.type, 422 evidence.unreadable, 409 evidence.locked once submitted.`,
        consumes: ["multipart/form-data"],
        params: idParams,
        querystring: { type: "object", additionalProperties: false, properties: { indicatorId } },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(state, req);
      await uploadTarget(ctx, req.params.id); // scope first: a foreign id answers like a missing one
      if (!req.isMultipart())
        throw new AppError(
          "payload.unsupported",
          "请以 multipart/form-data 上传文件",
          "Upload the file as multipart/form-data",
        );
      const file = await req.file();
      if (!file) throw new AppError("validation", "缺少文件", "No file uploaded", { field: "file" });
      const drop = (e: AppError) => {
        file.file.resume();
        return e;
      };
      const badName = badText(file.filename ?? "");
      if (badName) throw drop(refuseBadText("file", { path: "/filename", reason: badName }));
      const field = file.fields.indicatorId;
      const fromField = field && !Array.isArray(field) && field.type === "field" ? String(field.value) : undefined;
      const ind = fromField ?? req.query.indicatorId;
      if (ind !== undefined && !INDICATOR_ID.test(ind))
        throw drop(new AppError("validation", "指标编号无效", "Invalid indicatorId", { field: "indicatorId" }));
      const who = `user:${ctx.actor.id}`;
      // Zip containers are inflated (as a stream) by the zip guard: off the event loop.
      const sniff = async (bytes: Uint8Array): Promise<Sniffed> =>
        ZIP.every((b, i) => bytes[i] === b)
          ? state.pool.run<Sniffed>(who, "evidence-sniff", { bytes })
          : sniffEvidence(bytes);
      const saved = await uploadEvidence(
        ctx,
        req.params.id,
        { stream: file.file, fileName: file.filename ?? "", indicatorId: ind },
        sniff,
      );
      return reply.status(201).send(saved);
    },
  );

  app.get<{ Params: { id: number } }>(
    base,
    {
      schema: {
        tags: ["self-evaluation"],
        summary: "The project's 佐证材料 (no bytes) and its use of the limits",
        params: idParams,
      },
    },
    async (req) => listEvidence(ctxOf(state, req), req.params.id),
  );

  app.get<{ Params: { id: number; evidenceId: number } }>(
    `${base}/:evidenceId`,
    {
      schema: {
        tags: ["self-evaluation"],
        summary: "Download one 佐证材料 (always an attachment; never rendered inline)",
        params: evidenceParams,
      },
    },
    async (req, reply) => {
      const f = await downloadEvidence(ctxOf(state, req), req.params.id, req.params.evidenceId);
      reply.header("Content-Type", f.contentType);
      reply.header("Content-Disposition", attachment(f.fileName));
      reply.header("X-Content-Type-Options", "nosniff");
      reply.header("Cache-Control", "private, no-store");
      return reply.send(Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength));
    },
  );

  app.delete<{ Params: { id: number; evidenceId: number } }>(
    `${base}/:evidenceId`,
    {
      schema: {
        tags: ["self-evaluation"],
        summary: "Delete one 佐证材料 (409 evidence.locked once the self-evaluation is submitted or accepted)",
        params: evidenceParams,
      },
    },
    async (req, reply) => {
      await deleteEvidence(ctxOf(state, req), req.params.id, req.params.evidenceId);
      return reply.status(204).send();
    },
  );
}
