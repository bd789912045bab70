/**
 * `npm run gen:api`: writes packages/web/src/api/generated.ts — the TypeScript types of every
 * HTTP operation (path parameters, query, body, response) — from the server's OpenAPI document
 * (/api/openapi.json), which Fastify builds from the route schemas. The route schemas are the
 * one source of the contract; the web app takes its wire types from the generated file.
 * `npm run gen:api -- --check` exits 1 when the file is out of date; gen-api-types.test.ts does
 * the same in `npm test`.
 *
 * A response is typed only when its route declares a response schema (`schema.response[200]`);
 * until then it is `unknown` and the web keeps a hand-written type for it (types.ts says which).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "@jixiao/server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const GENERATED = path.join(root, "packages/web/src/api/generated.ts");

type Schema = Record<string, unknown>;
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}
interface Operation {
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/** The OpenAPI document of the app, built without a database (route registration reads none). */
export async function openApiDocument(): Promise<OpenApi> {
  const database = { kind: "pglite", db: null, close: async () => {} } as unknown as Parameters<
    typeof buildApp
  >[0]["database"];
  const app = await buildApp({ database, logger: false });
  await app.ready();
  const doc = app.swagger() as unknown as OpenApi;
  await app.close();
  return doc;
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** A JSON schema (the subset route schemas use) as a TypeScript type. */
export function typeOf(s: Schema | boolean | undefined, indent = ""): string {
  if (s === undefined || s === true) return "unknown";
  if (s === false) return "never";
  let t = typeOfNonNull(s, indent);
  if (s.nullable === true && t !== "unknown" && !/\bnull\b/.test(t)) t = `${t} | null`;
  return t;
}

function typeOfNonNull(s: Schema, indent: string): string {
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if ("const" in s) return JSON.stringify(s.const);
  for (const k of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(s[k])) return (s[k] as Schema[]).map((x) => paren(typeOf(x, indent))).join(" | ");
  }
  if (Array.isArray(s.allOf)) return (s.allOf as Schema[]).map((x) => paren(typeOf(x, indent))).join(" & ");
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  if (types.length === 0) return s.properties ? objectType(s, indent) : "unknown";
  return types
    .map((t) => {
      if (t === "string") return "string";
      if (t === "number" || t === "integer") return "number";
      if (t === "boolean") return "boolean";
      if (t === "null") return "null";
      if (t === "array") return `${paren(typeOf(s.items as Schema | undefined, indent))}[]`;
      if (t === "object") return objectType(s, indent);
      return "unknown";
    })
    .join(" | ");
}

function paren(t: string): string {
  return /[|&]/.test(t) && !/^\{[\s\S]*\}$/.test(t) ? `(${t})` : t;
}

function objectType(s: Schema, indent: string): string {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required ?? []) as string[]);
  const inner = `${indent}  `;
  const lines = Object.entries(props).map(([name, p]) => {
    const doc = typeof p.description === "string" ? `${inner}/** ${p.description} */\n` : "";
    return `${doc}${inner}${key(name)}${required.has(name) ? "" : "?"}: ${typeOf(p, inner)};`;
  });
  const extra = s.additionalProperties;
  if (extra !== undefined && extra !== false && lines.length === 0) {
    return `Record<string, ${typeOf(extra as Schema | boolean, indent)}>`;
  }
  if (extra !== undefined && extra !== false) lines.push(`${inner}[key: string]: unknown;`);
  return lines.length ? `{\n${lines.join("\n")}\n${indent}}` : "Record<string, never>";
}

function parametersType(op: Operation, where: "path" | "query", indent: string): string {
  const ps = (op.parameters ?? []).filter((p) => p.in === where);
  if (ps.length === 0) return "never";
  return objectType(
    {
      type: "object",
      properties: Object.fromEntries(ps.map((p) => [p.name, p.schema])),
      required: ps.filter((p) => p.required).map((p) => p.name),
    },
    indent,
  );
}

function jsonSchemaOf(content: Record<string, { schema: Schema }> | undefined): Schema | undefined {
  return content?.["application/json"]?.schema;
}

/** The generated module's text (before formatting). */
export function renderApiTypes(doc: OpenApi): string {
  const ops: string[] = [];
  for (const p of Object.keys(doc.paths).sort()) {
    for (const method of METHODS) {
      const op = doc.paths[p]?.[method];
      if (!op) continue;
      const ind = "    ";
      const body = jsonSchemaOf(op.requestBody?.content);
      const ok = Object.entries(op.responses ?? {}).find(([code]) => /^2\d\d$/.test(code));
      const response = jsonSchemaOf(ok?.[1].content);
      ops.push(
        [
          op.summary ? `  /** ${op.summary} */` : "",
          `  ${JSON.stringify(`${method.toUpperCase()} ${p}`)}: {`,
          `    params: ${parametersType(op, "path", ind)};`,
          `    query: ${parametersType(op, "query", ind)};`,
          `    body: ${body ? typeOf(body, ind) : "never"};`,
          `    response: ${response ? typeOf(response, ind) : "unknown"};`,
          "  };",
        ]
          .filter(Boolean)
          .join("\n"),
      );
    }
  }
  return [
    "// Generated by scripts/gen-api-types.ts from the server's OpenAPI document (the route schemas).",
    "// Do not edit: change the route schema, then run `npm run gen:api`.",
    "",
    "/** Every operation of the HTTP API by `METHOD /path`: path parameters, query, body and response. */",
    "export interface ApiOperations {",
    ops.join("\n"),
    "}",
    "",
    "export type ApiOperation = keyof ApiOperations;",
    "/** The JSON body an operation takes (`never`: none). */",
    'export type ApiBody<K extends ApiOperation> = ApiOperations[K]["body"];',
    "/** The query parameters of an operation. */",
    'export type ApiQuery<K extends ApiOperation> = ApiOperations[K]["query"];',
    "/** The JSON an operation answers with (`unknown` until its route declares a response schema). */",
    'export type ApiResponse<K extends ApiOperation> = ApiOperations[K]["response"];',
    "",
  ].join("\n");
}

/** Formats TypeScript text as the repository's Biome configuration does. */
export function formatted(text: string, file = GENERATED): string {
  const biome = path.join(root, "node_modules/@biomejs/biome/bin/biome");
  const r = spawnSync(process.execPath, [biome, "format", `--stdin-file-path=${file}`], {
    input: text,
    encoding: "utf8",
    cwd: root,
  });
  if (r.status !== 0) throw new Error(`biome format failed: ${r.stderr}`);
  return r.stdout;
}

export async function generatedText(): Promise<string> {
  return formatted(renderApiTypes(await openApiDocument()));
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const text = await generatedText();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(GENERATED, "utf8");
    } catch {}
    if (current !== text) {
      console.error("packages/web/src/api/generated.ts is out of date: run npm run gen:api");
      process.exit(1);
    }
  } else {
    writeFileSync(GENERATED, text);
    console.log(`wrote ${path.relative(root, GENERATED)}`);
  }
}
