import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { AppState } from "../http/state.ts";

export function healthRoutes(app: FastifyInstance, state: AppState): void {
  app.get(
    "/api/health",
    { schema: { tags: ["health"], summary: "Liveness, database kind and migration level" } },
    async () => {
      await sql`select 1`.execute(state.db);
      return {
        status: "ok",
        database: state.kind,
        migration: state.migration.level,
        migrations: state.migration.count,
      };
    },
  );
}
