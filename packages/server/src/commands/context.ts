/** What every command receives: the database (or a transaction) and the acting user. */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Actor } from "../policies.ts";

export interface Ctx {
  db: Kysely<DB>;
  actor: Actor;
}
