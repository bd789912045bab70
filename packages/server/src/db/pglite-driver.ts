/**
 * A Kysely driver over one PGlite instance. PGlite is a single connection, so the driver
 * holds a mutex from acquireConnection to releaseConnection: a transaction (which Kysely
 * runs on one acquired connection) never interleaves with another caller's queries.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from "kysely";
import { Mutex } from "./mutex.ts";

class PGliteConnection implements DatabaseConnection {
  readonly #pg: PGlite;
  constructor(pg: PGlite) {
    this.#pg = pg;
  }
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const r = await this.#pg.query<R>(compiled.sql, compiled.parameters as unknown[], { rowMode: "object" });
    const result: QueryResult<R> = { rows: r.rows };
    if (r.affectedRows !== undefined && compiled.query.kind !== "SelectQueryNode") {
      return { ...result, numAffectedRows: BigInt(r.affectedRows) };
    }
    return result;
  }
  // biome-ignore lint/correctness/useYield: streaming is not supported by this driver
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("PGlite driver does not support streaming");
  }
}

export class PGliteDriver implements Driver {
  readonly #pg: PGlite;
  readonly #mutex = new Mutex();
  readonly #connection: PGliteConnection;
  #release: (() => void) | null = null;

  constructor(pg: PGlite) {
    this.#pg = pg;
    this.#connection = new PGliteConnection(pg);
  }
  async init(): Promise<void> {
    await this.#pg.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.lock();
    return this.#connection;
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let q = "begin";
    if (settings.isolationLevel) q += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) q += ` ${settings.accessMode}`;
    await conn.executeQuery({ sql: q, parameters: [], query: { kind: "RawNode" } } as unknown as CompiledQuery);
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery({ sql: "commit", parameters: [], query: { kind: "RawNode" } } as unknown as CompiledQuery);
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery({
      sql: "rollback",
      parameters: [],
      query: { kind: "RawNode" },
    } as unknown as CompiledQuery);
  }
  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = null;
    release?.();
  }
  async destroy(): Promise<void> {
    await this.#mutex.lock();
    if (!this.#pg.closed) await this.#pg.close();
  }
}
