/** What the HTTP layer holds for one running server (no module-level state). */
import type { Kysely } from "kysely";
import type { DatabaseKind } from "../db/connect.ts";
import type { MigrationLevel } from "../db/migrations.ts";
import type { Mutex } from "../db/mutex.ts";
import type { DB } from "../db/schema.ts";

export interface AppState {
  db: Kysely<DB>;
  kind: DatabaseKind;
  migration: MigrationLevel;
  /** Failed login attempts per key (username|ip): timestamps in ms. */
  loginFailures: Map<string, number[]>;
  /** Serialises PDF prints (each one is a whole chromium; the machine has few cores). */
  printLock: Mutex;
}
