/**
 * 0001: the initial schema. Append-only: never edit a migration that has shipped; add a new file.
 * Every table carries region_code + fiscal_year, and primary keys lead with region_code so that
 * the tables can be distributed by it (Citus, docs/scaling.md).
 */
import { type CreateTableBuilder, type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a builder of any table
type Builder = CreateTableBuilder<any, any>;
const tenant = (t: Builder): Builder =>
  t.addColumn("region_code", "text", (c) => c.notNull()).addColumn("fiscal_year", "integer", (c) => c.notNull());

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await tenant(db.schema.createTable("regions"))
    .addColumn("name", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("regions_pk", ["region_code", "fiscal_year"])
    .execute();
  await tenant(db.schema.createTable("departments"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("departments_pk", ["region_code", "fiscal_year", "code"])
    .execute();
  await tenant(db.schema.createTable("units"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("dept_code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("units_pk", ["region_code", "fiscal_year", "code"])
    .execute();
  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.generatedByDefaultAsIdentity().primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("dept_code", "text")
    .addColumn("unit_code", "text")
    .addColumn("disabled", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await tenant(db.schema.createTable("sessions"))
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await tenant(db.schema.createTable("projects"))
    .addColumn("id", "integer", (c) => c.generatedByDefaultAsIdentity())
    .addColumn("dept_code", "text", (c) => c.notNull())
    .addColumn("unit_code", "text", (c) => c.notNull())
    .addColumn("unit_name", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("money_unit", "text", (c) => c.notNull())
    .addColumn("budget", "numeric", (c) => c.notNull())
    .addColumn("indicator_count", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("version_no", "integer", (c) => c.notNull())
    .addColumn("approved_version_no", "integer")
    .addColumn("return_reason", "text")
    .addColumn("row_version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("projects_pk", ["region_code", "id"])
    .execute();
  await db.schema
    .createIndex("projects_scope_idx")
    .on("projects")
    .columns(["region_code", "fiscal_year", "dept_code", "unit_code"])
    .execute();
  await tenant(db.schema.createTable("table_versions"))
    .addColumn("project_id", "integer", (c) => c.notNull())
    .addColumn("version_no", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("doc", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("submitted_at", "timestamptz")
    .addColumn("approved_at", "timestamptz")
    .addColumn("approved_by", "text")
    .addColumn("return_reason", "text")
    .addPrimaryKeyConstraint("table_versions_pk", ["region_code", "project_id", "version_no"])
    .addForeignKeyConstraint(
      "table_versions_project_fk",
      ["region_code", "project_id"],
      "projects",
      ["region_code", "id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();
  await tenant(db.schema.createTable("indicators"))
    .addColumn("project_id", "integer", (c) => c.notNull())
    .addColumn("version_no", "integer", (c) => c.notNull())
    .addColumn("idx", "integer", (c) => c.notNull())
    .addColumn("level1", "text", (c) => c.notNull())
    .addColumn("level2", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("nature", "text", (c) => c.notNull())
    .addColumn("operator", "text")
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("unit", "text")
    .addColumn("weight", "numeric", (c) => c.notNull())
    .addPrimaryKeyConstraint("indicators_pk", ["region_code", "project_id", "version_no", "idx"])
    .execute();
  await db.schema
    .createIndex("indicators_library_idx")
    .on("indicators")
    .columns(["region_code", "fiscal_year", "level1", "level2"])
    .execute();
  await tenant(db.schema.createTable("self_evaluations"))
    .addColumn("project_id", "integer", (c) => c.notNull())
    .addColumn("version_no", "integer", (c) => c.notNull())
    .addColumn("input", "jsonb", (c) => c.notNull())
    .addColumn("result", "jsonb")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("self_evaluations_pk", ["region_code", "project_id"])
    .execute();
  await tenant(db.schema.createTable("comments"))
    .addColumn("id", "integer", (c) => c.generatedByDefaultAsIdentity())
    .addColumn("project_id", "integer", (c) => c.notNull())
    .addColumn("version_no", "integer", (c) => c.notNull())
    .addColumn("cell", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("comments_pk", ["region_code", "id"])
    .execute();
  await tenant(db.schema.createTable("import_previews"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("document", "jsonb")
    .addColumn("diagnostics", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("committed_at", "timestamptz")
    .addPrimaryKeyConstraint("import_previews_pk", ["region_code", "id"])
    .execute();
  await tenant(db.schema.createTable("publications"))
    .addColumn("id", "integer", (c) => c.generatedByDefaultAsIdentity())
    .addColumn("dept_code", "text", (c) => c.notNull())
    .addColumn("dept_name", "text", (c) => c.notNull())
    .addColumn("project_count", "integer", (c) => c.notNull())
    .addColumn("document", "jsonb", (c) => c.notNull())
    .addColumn("published_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_by", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("publications_pk", ["region_code", "id"])
    .execute();
  await tenant(db.schema.createTable("audit_log"))
    .addColumn("id", "integer", (c) => c.generatedByDefaultAsIdentity())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn("user_id", "integer")
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .addPrimaryKeyConstraint("audit_log_pk", ["region_code", "id"])
    .execute();
  await db.schema
    .createIndex("audit_log_entity_idx")
    .on("audit_log")
    .columns(["region_code", "entity", "entity_id"])
    .execute();

  // The audit log is append-only, enforced by the database itself.
  await sql`create function jixiao_reject_change() returns trigger language plpgsql as $$
    begin
      raise exception 'jixiao: % on % is not allowed (append-only / immutable)', tg_op, tg_table_name
        using errcode = 'P0001';
    end $$`.execute(db);
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function jixiao_reject_change()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function jixiao_reject_change()`.execute(db);

  // An approved version is immutable: no update, no delete.
  await sql`create function jixiao_reject_approved_change() returns trigger language plpgsql as $$
    begin
      if old.status = 'approved' then
        raise exception 'jixiao: approved version % of project % is immutable', old.version_no, old.project_id
          using errcode = 'P0001';
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger table_versions_immutable before update or delete on table_versions
    for each row execute function jixiao_reject_approved_change()`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "audit_log",
    "publications",
    "import_previews",
    "comments",
    "self_evaluations",
    "indicators",
    "table_versions",
    "projects",
    "sessions",
    "users",
    "units",
    "departments",
    "regions",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop function if exists jixiao_reject_change() cascade`.execute(db);
  await sql`drop function if exists jixiao_reject_approved_change() cascade`.execute(db);
}
