import type { FastifyInstance, FastifyRequest } from "fastify";
import { SESSION_COOKIE } from "../app.ts";
import { changePassword, login, logout, SESSION_TTL_MS } from "../commands/sessions.ts";
import { AppError } from "../errors.ts";
import { ctxOf } from "../http/context.ts";
import type { AppState } from "../http/state.ts";
import type { RouteOptions } from "./index.ts";

const LOGIN_WINDOW_MS = 5 * 60 * 1000;
const LOGIN_MAX_FAILURES = 10;
/** Failures per client address across all usernames (password spraying). */
const LOGIN_MAX_FAILURES_PER_IP = 50;

function rateKey(req: FastifyRequest, username: string): string {
  return `${username.toLowerCase()}|${req.ip}`;
}

export function authRoutes(app: FastifyInstance, state: AppState, opts: RouteOptions): void {
  app.post<{ Body: { username: string; password: string } }>(
    "/api/v1/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Log in: sets the session cookie and returns the CSRF token",
        body: {
          type: "object",
          required: ["username", "password"],
          additionalProperties: false,
          properties: {
            username: { type: "string", minLength: 1, maxLength: 100 },
            password: { type: "string", maxLength: 200 },
          },
        },
      },
    },
    async (req, reply) => {
      const key = rateKey(req, req.body.username);
      const ipKey = `*|${req.ip}`;
      const now = Date.now();
      const recent = (state.loginFailures.get(key) ?? []).filter((t) => now - t < LOGIN_WINDOW_MS);
      const fromIp = (state.loginFailures.get(ipKey) ?? []).filter((t) => now - t < LOGIN_WINDOW_MS);
      if (recent.length >= LOGIN_MAX_FAILURES || fromIp.length >= LOGIN_MAX_FAILURES_PER_IP) {
        reply.header("Retry-After", String(Math.ceil((LOGIN_WINDOW_MS - (now - (recent[0] ?? now))) / 1000)));
        throw new AppError(
          "auth.rate-limited",
          "登录失败次数过多，请稍后再试",
          "Too many failed logins; try again later",
        );
      }
      try {
        const r = await login(state.db, req.body.username, req.body.password);
        state.loginFailures.delete(key);
        reply.setCookie(SESSION_COOKIE, r.token, {
          httpOnly: true,
          sameSite: "lax",
          path: "/",
          secure: opts.secureCookies,
          maxAge: SESSION_TTL_MS / 1000,
        });
        return { user: r.user, csrfToken: r.csrfToken };
      } catch (e) {
        if (state.loginFailures.size > 10_000) {
          // Bound the memory: forget keys whose failures are all outside the window.
          for (const [k, ts] of state.loginFailures)
            if (now - (ts[ts.length - 1] ?? 0) >= LOGIN_WINDOW_MS) state.loginFailures.delete(k);
        }
        recent.push(now);
        fromIp.push(now);
        state.loginFailures.set(key, recent);
        state.loginFailures.set(ipKey, fromIp);
        throw e;
      }
    },
  );

  app.post("/api/v1/auth/logout", { schema: { tags: ["auth"], summary: "Log out" } }, async (req, reply) => {
    ctxOf(state, req);
    if (req.sessionToken) await logout(state.db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
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
        summary: "Change one's password",
        body: {
          type: "object",
          required: ["oldPassword", "newPassword"],
          additionalProperties: false,
          properties: {
            oldPassword: { type: "string" },
            newPassword: { type: "string", minLength: 8, maxLength: 200 },
          },
        },
      },
    },
    async (req) => {
      const ctx = ctxOf(state, req);
      await changePassword(state.db, ctx.actor, req.body.oldPassword, req.body.newPassword);
      return { ok: true };
    },
  );
}
