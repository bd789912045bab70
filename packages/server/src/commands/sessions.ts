/**
 * Login, sessions and passwords. The cookie holds a random token; the database stores only its
 * SHA-256. Each session has its own CSRF token, required on every mutating request.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { hashPassword, verifyPassword } from "../auth/password.ts";
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
  // Housekeeping: expired sessions go on every login (the table stays small).
  await db.deleteFrom("sessions").where("expires_at", "<", new Date()).execute();
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

export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  oldPassword: string,
  newPassword: string,
): Promise<void> {
  const u = await db.selectFrom("users").selectAll().where("id", "=", actor.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(oldPassword, u.password_hash))) throw badCredentials();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: await hashPassword(newPassword) })
      .where("id", "=", actor.id)
      .execute();
    await writeAudit(trx, actor, {
      regionCode: u.region_code,
      fiscalYear: u.fiscal_year,
      action: "user.password",
      entity: "user",
      entityId: u.id,
    });
  });
}
