/**
 * Builds the Fastify application: security headers, sessions + CSRF, coded JSON errors,
 * OpenAPI (/api/openapi.json, /api/docs), the /api/v1 routes, and the web app at `/`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { KeyedQueue } from "./auth/keyed-queue.ts";
import { lookupSession } from "./commands/sessions.ts";
import type { Database } from "./db/connect.ts";
import { AppError, errorBody, statusOf, validationError } from "./errors.ts";
import { isDiskFull, storageFull } from "./http/faults.ts";
import { checkRequestText } from "./http/input-hygiene.ts";
import { loadPageRenderer, type PageRenderer } from "./http/page-renderer.ts";
import { sendRenderedPage, serverRenderedPage, wantsHtml } from "./http/server-rendered-page.ts";
import type { AppState } from "./http/state.ts";
import { staticAssetOptions } from "./http/static-assets.ts";
import { registerRoutes } from "./routes/index.ts";
import { requestFailureWords } from "./validation-words.ts";
import { Exporter, type ExporterOptions } from "./workers/exporter.ts";
import { POOL_DEFAULTS, type PoolOptions, WorkerPool } from "./workers/pool.ts";

const FORMAT_WORKER = new URL("./workers/format-worker.ts", import.meta.url);

export const SESSION_COOKIE = "jixiao_session";
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface AppOptions {
  database: Database;
  /** Folder of the built web app; defaults to packages/web/dist. Served when it exists. */
  webDist?: string | null;
  logger?: boolean;
  /** Marks the session cookie Secure (behind HTTPS). */
  secureCookies?: boolean;
  /**
   * Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed, so rate
   * limits see the real client address. Empty/undefined: none (the socket's address is used).
   */
  trustProxy?: string[];
  /** Worker pool bounds (workers/pool.ts POOL_DEFAULTS); tests shrink them. */
  pool?: Partial<Omit<PoolOptions, "module">>;
  /** PDF queue and export cache bounds (workers/exporter.ts EXPORTER_DEFAULTS). */
  exporter?: Partial<ExporterOptions>;
  /**
   * Renders the first-load pages on the server (http/page-renderer.ts). Default: the web build's
   * own rendering bundle, when `webDist` has one; null: every page is rendered by the browser.
   */
  pageRenderer?: PageRenderer | null;
}

const DEFAULT_WEB_DIST =
  process.env.JIXIAO_WEB_DIST ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const CSRF_EXEMPT = new Set(["/api/v1/auth/login"]);

function toAppError(e: FastifyError | AppError | Error): AppError {
  if (e instanceof AppError) return e;
  if (isDiskFull(e)) return storageFull();
  const fe = e as FastifyError;
  if (fe.validation) {
    return validationError(fe.validation);
  }
  if (fe.statusCode === 413 || fe.code === "FST_REQ_FILE_TOO_LARGE" || fe.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return new AppError("payload.too-large", "上传内容过大", "Payload too large", { limit: MAX_UPLOAD_BYTES });
  }
  if (fe.statusCode === 415) {
    return new AppError("payload.unsupported", "不支持的内容类型", "Unsupported media type", { reason: fe.code });
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own English stays out of the message: the words name what was wrong, the code is a detail.
    const w = requestFailureWords(fe.code);
    return new AppError("validation", w.zh, w.en, { reason: fe.code ?? "bad-request" });
  }
  return new AppError("internal", "服务器内部错误", "Internal server error");
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database } = options;
  const pool = new WorkerPool({ ...POOL_DEFAULTS, ...options.pool, module: FORMAT_WORKER });
  const state: AppState = {
    db: database.db,
    kind: database.kind,
    migration: database.migration,
    loginQueue: new KeyedQueue(),
    pool,
    exporter: new Exporter(pool, options.exporter),
  };
  const app = Fastify({
    logger: options.logger ?? false,
    ...(options.trustProxy?.length ? { trustProxy: options.trustProxy } : {}),
    bodyLimit: MAX_UPLOAD_BYTES,
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: "array",
        useDefaults: true,
        allErrors: false,
        allowUnionTypes: true,
      },
    },
  });

  app.addHook("onClose", async () => state.pool.close());
  app.decorateRequest("session", null);
  app.decorateRequest("sessionToken", null);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: "jixiao API", version: "0.1.0", description: "预算项目绩效目标 — see docs/API.md" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const e = toAppError(err);
    if (e.code === "internal") req.log.error(err);
    const retryAfter = (e.details as { retryAfter?: unknown } | undefined)?.retryAfter;
    if (typeof retryAfter === "number") reply.header("Retry-After", String(retryAfter));
    // Database rejections of immutable rows surface as a workflow conflict, not a 500.
    if (e.code === "internal" && /immutable|append-only/.test(err.message)) {
      const imm = new AppError("workflow.immutable", "已批复的版本不可修改", "An approved version cannot be changed");
      return reply.status(statusOf(imm.code)).send(errorBody(imm));
    }
    return reply.status(statusOf(e.code)).send(errorBody(e));
  });
  app.setNotFoundHandler((req, reply) => {
    const e = new AppError("route.not-found", "接口不存在", `No route ${req.method} ${req.url.split("?")[0]}`);
    return reply.status(404).send(errorBody(e));
  });

  app.addHook("onSend", async (req, reply, payload) => {
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("X-Frame-Options", "DENY");
    reply.header("Referrer-Policy", "no-referrer");
    reply.header("Cross-Origin-Opener-Policy", "same-origin");
    if (!req.url.startsWith("/api/docs")) {
      reply.header(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
      );
    }
    if (req.url.startsWith("/api/")) reply.header("Cache-Control", "no-store");
    return payload;
  });

  // Session lookup for every API request; CSRF check for every mutating one.
  app.addHook("preHandler", async (req) => {
    if (!req.url.startsWith("/api/v1/")) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.session = await lookupSession(state.db, token);
      req.sessionToken = req.session ? token : null;
    }
    const route = req.routeOptions.url ?? "";
    if (MUTATING.has(req.method) && !CSRF_EXEMPT.has(route) && req.session) {
      const sent = req.headers["x-csrf-token"];
      if (sent !== req.session.csrfToken) {
        throw new AppError("auth.csrf", "缺少或错误的 CSRF 令牌", "Missing or wrong CSRF token (X-CSRF-Token)");
      }
    }
  });

  // No NUL or lone surrogate in any string of any API request (http/input-hygiene.ts).
  app.addHook("preValidation", async (req) => {
    if (req.url.startsWith("/api/")) checkRequestText(req);
  });

  // A mutating request without a body counts as `{}` (e.g. POST …/submit with no payload).
  app.addHook("preValidation", async (req) => {
    if (MUTATING.has(req.method) && req.body === undefined && !req.isMultipart()) req.body = {};
  });

  await app.register(async (api) => registerRoutes(api, state, { secureCookies: options.secureCookies ?? false }));

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const dist = options.webDist === undefined ? DEFAULT_WEB_DIST : options.webDist;
  if (dist && existsSync(path.join(dist, "index.html"))) {
    await app.register(fastifyStatic, staticAssetOptions(dist));
    const template = readFileSync(path.join(dist, "index.html"), "utf8");
    const renderer =
      options.pageRenderer === undefined ? loadPageRenderer(dist) : Promise.resolve(options.pageRenderer);
    app.get("/*", { schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith("/api/")) {
        const e = new AppError("route.not-found", "接口不存在", `No route ${req.method} ${req.url.split("?")[0]}`);
        return reply.status(404).send(errorBody(e));
      }
      const page = wantsHtml(req) ? await serverRenderedPage(app, req, renderer, template) : null;
      return page ? sendRenderedPage(req, reply, page) : reply.sendFile("index.html");
    });
  }
  return app;
}
