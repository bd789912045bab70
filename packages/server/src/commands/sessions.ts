/**
 * Login, sessions and passwords. The cookie holds a random token; the database stores only its
 * SHA-256. Each session has its own CSRF token, required on every mutating request.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { KeyedQueue } from "../auth/keyed-queue.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { passwordProblem } from "../auth/password-policy.ts";
import { clearAttempts, forgetOldAttempts, returnAttempt, THROTTLE, takeAttempt } from "../auth/throttle.ts";
import type { DB } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { Actor, Role } from "../policies.ts";
import { writeAudit } from "./audit.ts";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  deptCode: string | null;
  unitCode: string | null;
  disabled: boolean;
}

export function presentUser(u: {
  id: number;
  username: string;
  display_name: string;
  role: string;
  region_code: string;
  dept_code: string | null;
  unit_code: string | null;
  disabled: boolean;
}): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    regionCode: u.region_code,
    deptCode: u.dept_code,
    unitCode: u.unit_code,
    disabled: u.disabled,
  };
}

/** 429 with the seconds to wait (the route sends them as Retry-After). */
export const rateLimited = (retryAfterS: number): AppError =>
  new AppError("auth.rate-limited", "尝试次数过多，请稍后再试", "Too many attempts; try again later", {
    retryAfter: retryAfterS,
  });

/**
 * Login with throttling that holds under concurrency: attempts of one account run one at a time in
 * this process, and each is counted in the database (per account and per client address) before
 * the password is checked; a blocked key is refused without checking (auth/throttle.ts).
 */
export async function loginThrottled(
  db: Kysely<DB>,
  queue: KeyedQueue,
  req: { username: string; password: string; ip: string },
): Promise<{ token: string; csrfToken: string; user: UserView }> {
  const accountKey = `user:${req.username.normalize("NFC").toLowerCase()}`;
  const addressKey = `ip:${req.ip}`;
  return queue.run(accountKey, async () => {
    const byAddress = await takeAttempt(db, addressKey, THROTTLE.address);
    if (!byAddress.allowed) throw rateLimited(byAddress.retryAfterS);
    const byAccount = await takeAttempt(db, accountKey, THROTTLE.account);
    if (!byAccount.allowed) {
      await returnAttempt(db, addressKey);
      throw rateLimited(byAccount.retryAfterS);
    }
    const r = await login(db, req.username, req.password);
    await clearAttempts(db, accountKey);
    await returnAttempt(db, addressKey);
    return r;
  });
}

const badCredentials = () => new AppError("auth.bad-credentials", "用户名或密码错误", "Wrong username or password");

export async function login(
  db: Kysely<DB>,
  username: string,
  password: string,
): Promise<{ token: string; csrfToken: string; user: UserView }> {
  const u = await db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
  // Verify against a dummy hash when the user is missing so timing does not reveal it.
  const ok = await verifyPassword(password, u?.password_hash ?? DUMMY_HASH);
  if (!u || !ok || u.disabled) throw badCredentials();
  // Housekeeping: expired sessions and old throttle rows go on every login (the tables stay small).
  await db.deleteFrom("sessions").where("expires_at", "<", new Date()).execute();
  await forgetOldAttempts(db);
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await db
    .insertInto("sessions")
    .values({
      id: sha256(token),
      region_code: u.region_code,
      fiscal_year: u.fiscal_year,
      user_id: u.id,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + SESSION_TTL_MS),
    })
    .execute();
  return { token, csrfToken, user: presentUser(u) };
}

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  user: UserView;
}

/** The session of a cookie token, or null when missing/expired/disabled. */
export async function lookupSession(db: Kysely<DB>, token: string): Promise<SessionInfo | null> {
  const r = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "users.id",
      "users.username",
      "users.display_name",
      "users.role",
      "users.region_code",
      "users.dept_code",
      "users.unit_code",
      "users.disabled",
      "sessions.csrf_token",
      "sessions.expires_at",
    ])
    .where("sessions.id", "=", sha256(token))
    .executeTakeFirst();
  if (!r || r.disabled || new Date(r.expires_at).getTime() < Date.now()) return null;
  const user = presentUser(r);
  return {
    user,
    csrfToken: r.csrf_token,
    actor: {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role as Role,
      regionCode: r.region_code,
      deptCode: r.dept_code,
      unitCode: r.unit_code,
    },
  };
}

export async function logout(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sha256(token)).execute();
}

/**
 * Changes one's password: old-password guesses are throttled like logins, the new one must pass
 * the policy, and every other session of the user ends (the current one, `keepSession`, stays).
 */
export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  oldPassword: string,
  newPassword: string,
  keepSession?: string | null,
): Promise<void> {
  const u = await db.selectFrom("users").selectAll().where("id", "=", actor.id).executeTakeFirstOrThrow();
  const key = `pw:${u.id}`;
  const attempt = await takeAttempt(db, key, THROTTLE.password);
  if (!attempt.allowed) throw rateLimited(attempt.retryAfterS);
  if (!(await verifyPassword(oldPassword, u.password_hash))) throw badCredentials();
  await clearAttempts(db, key);
  const problem = passwordProblem(newPassword, u.username, oldPassword);
  if (problem) throw problem;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: await hashPassword(newPassword) })
      .where("id", "=", actor.id)
      .execute();
    let others = trx.deleteFrom("sessions").where("user_id", "=", u.id);
    if (keepSession) others = others.where("id", "<>", sha256(keepSession));
    await others.execute();
    await writeAudit(trx, actor, {
      regionCode: u.region_code,
      fiscalYear: u.fiscal_year,
      action: "user.password",
      entity: "user",
      entityId: u.id,
    });
  });
}
