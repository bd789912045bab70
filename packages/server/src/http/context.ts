/** Request helpers: the acting user of a request, and If-Match parsing. */
import type { FastifyRequest } from "fastify";
import type { Ctx } from "../commands/context.ts";
import type { SessionInfo } from "../commands/sessions.ts";
import { AppError } from "../errors.ts";
import type { AppState } from "./state.ts";

declare module "fastify" {
  interface FastifyRequest {
    session: SessionInfo | null;
    sessionToken: string | null;
  }
}

/** The command context of a logged-in request; 401 `auth.required` otherwise. */
export function ctxOf(state: AppState, req: FastifyRequest): Ctx {
  if (!req.session) throw new AppError("auth.required", "请先登录", "Login required");
  return { db: state.db, actor: req.session.actor };
}

/** The expected row version from `If-Match: "7"` / `If-Match: 7`, or the body's rowVersion. */
export function expectedVersion(req: FastifyRequest, body?: { rowVersion?: number } | null): number | undefined {
  const h = req.headers["if-match"];
  if (typeof h === "string" && h.trim() !== "" && h.trim() !== "*") {
    const n = Number(h.replace(/^W\//, "").replace(/"/g, ""));
    if (!Number.isInteger(n)) throw new AppError("validation", "If-Match 无效", "Invalid If-Match header");
    return n;
  }
  return body?.rowVersion;
}
