/**
 * Attempt throttling that holds under concurrency. Each attempt is counted BEFORE the password is
 * checked, by one atomic statement (`INSERT … ON CONFLICT DO UPDATE … RETURNING`) on a row per key;
 * parallel attempts queue on that row's lock and each sees the count including the others. After
 * `free` attempts the key is blocked with exponential back-off (30 s, 60 s, 120 s … up to `maxBlockS`):
 * while blocked, attempts are refused without checking anything. A success clears the key.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";

export interface ThrottleRule {
  /** Attempts allowed before the back-off starts. */
  free: number;
  /** The first block, in seconds; each further attempt doubles it. */
  baseBlockS: number;
  /** Longest block, in seconds. */
  maxBlockS: number;
  /** A key untouched for this long starts afresh, in seconds. */
  forgetS: number;
}

/** The documented limits (docs/SECURITY.md). */
export const THROTTLE = {
  /** Per account (username), whatever the address. */
  account: { free: 5, baseBlockS: 30, maxBlockS: 15 * 60, forgetS: 60 * 60 },
  /** Per client address, across usernames (password spraying). */
  address: { free: 50, baseBlockS: 30, maxBlockS: 15 * 60, forgetS: 60 * 60 },
  /** Old-password guesses on /auth/password, per user. */
  password: { free: 5, baseBlockS: 30, maxBlockS: 15 * 60, forgetS: 60 * 60 },
} as const satisfies Record<string, ThrottleRule>;

export interface Attempt {
  /** May this attempt be checked? */
  allowed: boolean;
  /** Seconds until the next attempt may be checked (0 when not blocked). */
  retryAfterS: number;
}

/** Counts one attempt on `key` atomically; refused while the key is blocked. */
export async function takeAttempt(db: Kysely<DB>, key: string, rule: ThrottleRule): Promise<Attempt> {
  const { free, baseBlockS, maxBlockS, forgetS } = rule;
  // `t.*` is the row before this statement; the SET expressions all read the old values.
  const r = await sql<{ allowed: boolean; wait: number | string }>`
    insert into auth_throttle as t (key, attempts, blocked_until, allowed, updated_at)
    values (${key}, 1, case when ${free} <= 1 then now() + make_interval(secs => ${baseBlockS}) else null end, true, now())
    on conflict (key) do update set
      attempts = case
        when t.blocked_until > now() then t.attempts
        when t.updated_at < now() - make_interval(secs => ${forgetS}) then 1
        else t.attempts + 1 end,
      blocked_until = case
        when t.blocked_until > now() then t.blocked_until
        when t.updated_at < now() - make_interval(secs => ${forgetS}) then null
        when t.attempts + 1 >= ${free}
          then now() + make_interval(secs => least(${baseBlockS} * power(2, least(t.attempts + 1 - ${free}, 30)), ${maxBlockS}))
        else null end,
      allowed = not coalesce(t.blocked_until > now(), false),
      updated_at = now()
    returning allowed,
      greatest(0, ceil(extract(epoch from (coalesce(blocked_until, now()) - now()))))::int as wait`.execute(db);
  const row = r.rows[0];
  return { allowed: row?.allowed ?? false, retryAfterS: Number(row?.wait ?? 1) || 1 };
}

/** A success: the key starts afresh. */
export async function clearAttempts(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom("auth_throttle").where("key", "=", key).execute();
}

/** A success from an address: gives its attempt back (the address stays throttled for failures). */
export async function returnAttempt(db: Kysely<DB>, key: string): Promise<void> {
  await sql`update auth_throttle set attempts = greatest(attempts - 1, 0) where key = ${key}`.execute(db);
}

/** Housekeeping: rows untouched for a day go. */
export async function forgetOldAttempts(db: Kysely<DB>): Promise<void> {
  await db
    .deleteFrom("auth_throttle")
    .where("updated_at", "<", new Date(Date.now() - 24 * 60 * 60 * 1000))
    .execute();
}
