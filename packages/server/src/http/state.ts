/** What the HTTP layer holds for one running server (no module-level state). */
import type { Kysely } from "kysely";
import type { KeyedQueue } from "../auth/keyed-queue.ts";
import type { DatabaseKind } from "../db/connect.ts";
import type { MigrationLevel } from "../db/migrations.ts";
import type { DB } from "../db/schema.ts";
import type { Exporter } from "../workers/exporter.ts";
import type { WorkerPool } from "../workers/pool.ts";

export interface AppState {
  db: Kysely<DB>;
  kind: DatabaseKind;
  migration: MigrationLevel;
  /** Login attempts of one account run one at a time (auth/throttle.ts counts them in the database). */
  loginQueue: KeyedQueue;
  /** Worker threads for reading uploads and exports (workers/pool.ts). */
  pool: WorkerPool;
  /** Exports through the pool: cached per publication, PDF prints queued with a bound (workers/exporter.ts). */
  exporter: Exporter;
}
