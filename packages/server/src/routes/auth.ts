import type { FastifyInstance } from "fastify";
import { SESSION_COOKIE } from "../app.ts";
import { PASSWORD_MAX_LENGTH } from "../auth/password-policy.ts";
import { changePassword, loginThrottled, logout, SESSION_TTL_MS } from "../commands/sessions.ts";
import { AppError } from "../errors.ts";
import { ctxOf } from "../http/context.ts";
import type { AppState } from "../http/state.ts";
import type { RouteOptions } from "./index.ts";

/** Sends Retry-After for a rate-limited answer, then rethrows. */
function withRetryAfter(reply: { header(k: string, v: string): unknown }, e: unknown): never {
  if (e instanceof AppError && e.code === "auth.rate-limited") {
    const s = (e.details as { retryAfter?: number } | undefined)?.retryAfter ?? 1;
    reply.header("Retry-After", String(s));
  }
  throw e;
}

export function authRoutes(app: FastifyInstance, state: AppState, opts: RouteOptions): void {
  app.post<{ Body: { username: string; password: string } }>(
    "/api/v1/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Log in: sets the session cookie and returns the CSRF token (throttled: docs/SECURITY.md)",
        body: {
          type: "object",
          required: ["username", "password"],
          additionalProperties: false,
          properties: {
            username: { type: "string", minLength: 1, maxLength: 100 },
            password: { type: "string", maxLength: PASSWORD_MAX_LENGTH },
          },
        },
      },
    },
    async (req, reply) => {
      try {
        const r = await loginThrottled(state.db, state.loginQueue, {
          username: req.body.username,
          password: req.body.password,
          ip: req.ip,
        });
        reply.setCookie(SESSION_COOKIE, r.token, {
          httpOnly: true,
          sameSite: "lax",
          path: "/",
          secure: opts.secureCookies,
          maxAge: SESSION_TTL_MS / 1000,
        });
        return { user: r.user, csrfToken: r.csrfToken };
      } catch (e) {
        return withRetryAfter(reply, e);
      }
    },
  );

  app.post("/api/v1/auth/logout", { schema: { tags: ["auth"], summary: "Log out" } }, async (req, reply) => {
    ctxOf(state, req);
    if (req.sessionToken) await logout(state.db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: "/", secure: opts.secureCookies });
    return { ok: true };
  });

  app.get(
    "/api/v1/auth/me",
    { schema: { tags: ["auth"], summary: "The logged-in user and the CSRF token" } },
    async (req) => {
      ctxOf(state, req);
      return { user: req.session?.user, csrfToken: req.session?.csrfToken };
    },
  );

  app.post<{ Body: { oldPassword: string; newPassword: string } }>(
    "/api/v1/auth/password",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Change one's password (policy in docs/SECURITY.md; old-password guesses throttled; other sessions end)",
        body: {
          type: "object",
          required: ["oldPassword", "newPassword"],
          additionalProperties: false,
          properties: {
            oldPassword: { type: "string", maxLength: PASSWORD_MAX_LENGTH },
            newPassword: { type: "string", maxLength: PASSWORD_MAX_LENGTH },
          },
        },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(state, req);
      try {
        await changePassword(state.db, ctx.actor, req.body.oldPassword, req.body.newPassword, req.sessionToken);
      } catch (e) {
        return withRetryAfter(reply, e);
      }
      return { ok: true };
    },
  );
}
