/**
 * The formats registries against the sources: every code a reader of this package can emit is
 * registered (with words in both languages and a meaning), and every registered code is emitted
 * somewhere. The sources are scanned, comments stripped: a code is a string literal `area.name`
 * (not a key being defined), a template `${x}.name` (the container's name filled in), or a name
 * the grid reader's `say(source, name)` gives as `{source}.name`.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { DOCUMENT_DIAGNOSTICS } from "@jixiao/core";
import { FORMAT_DIAGNOSTICS } from "./diagnostics.ts";
import { GRID_NAMES_UNEXPLAINED } from "./diagnostics-grid.ts";
import { GRID_DIAGNOSTICS } from "./table/words.ts";

const SRC = path.dirname(new URL(import.meta.url).pathname);
/** The first part of a code: the input stage or the container it came from. */
const AREAS = ["input", "decode", "import", "json", "html", "xlsx", "docx", "csv", "zip", "text", "pdf"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "testing" ? [] : sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.startsWith("diagnostics") ? [p] : [];
  });
}

/** Source text without comments (a code named in a comment is not emitted). */
function code(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

const files = sources(SRC).map((f) => ({ f: path.relative(SRC, f), text: code(f) }));
const literal = new RegExp(`["'\`]((?:${AREAS.join("|")})\\.[a-z][a-z0-9-]*)["'\`]`, "g");
/** `"pdf.x": {` at a line's start or after `{` / `,`: a key being defined, not a code emitted (a ternary's `? "a" : "b"` is). */
const isKey = (text: string, at: number, end: number) =>
  /^\s*:/.test(text.slice(end, end + 4)) && /(^|[{,])\s*$/.test(text.slice(text.lastIndexOf("\n", at) + 1, at));
/** A code built from the container's name (`${format}.unreadable`), its Chinese words right after it (not a file name). */
const template = /`\$\{[^}`]+\}\.([a-z][a-z0-9-]*)`(?=[^;]{0,200}?[\u4e00-\u9fff])/g;

const emitted = new Map<string, string>();
const templateNames = new Map<string, string>();
for (const { f, text } of files) {
  for (const m of text.matchAll(literal)) if (!isKey(text, m.index, m.index + m[0].length)) emitted.set(m[1]!, f);
  for (const m of text.matchAll(template)) templateNames.set(m[1]!, f);
}
const registered = new Map(FORMAT_DIAGNOSTICS.flatMap((r) => Object.entries(r.codes)));
const coreCodes = new Set(Object.keys(DOCUMENT_DIAGNOSTICS.codes));

test("the scan finds the readers' codes (literals, container templates, grid names)", () => {
  assert.ok(emitted.size > 40, `${emitted.size} literal codes`);
  assert.ok(emitted.has("pdf.page-read") && emitted.has("text.header-missing") && emitted.has("zip.ratio"));
  assert.equal(templateNames.get("unreadable"), "zip-guard.ts");
  assert.ok(GRID_DIAGNOSTICS.length > 30);
});

test("every code the formats package emits is registered, with zh, en and a meaning", () => {
  const missing = [...emitted].filter(([c]) => !registered.has(c) && !coreCodes.has(c)).map(([c, f]) => `${c} (${f})`);
  assert.deepEqual(missing, [], "emitted but not registered in packages/formats/src/diagnostics*.ts");
  const names = [...registered.keys()].map((c) => c.slice(c.indexOf(".") + 1));
  for (const [name, f] of templateNames)
    assert.ok(names.includes(name), `\`\${…}.${name}\` (${f}) matches no registered code`);
  for (const name of GRID_DIAGNOSTICS) assert.ok(registered.has(`{source}.${name}`), `{source}.${name}`);
  assert.deepEqual(GRID_NAMES_UNEXPLAINED, [], "grid names without a meaning in diagnostics-grid.ts");
  for (const [c, d] of registered) {
    assert.ok(d.about && d.about.length > 10, `${c}: no meaning`);
    for (const t of [d.zh, d.en]) assert.ok(typeof t === "function" || t.length > 0, `${c}: no words`);
  }
});

test("every registered code is emitted somewhere (no stale entry)", () => {
  const stale = [...registered.keys()].filter((c) => {
    if (emitted.has(c)) return false;
    const name = c.slice(c.indexOf(".") + 1);
    if (c.startsWith("{source}.")) {
      // Said by the grid reader: the name is written outside its words table.
      const said = new RegExp(`["'\`]${name}["'\`]`, "g");
      return !files.some(
        ({ f, text }) =>
          f !== path.join("table", "words.ts") &&
          [...text.matchAll(said)].some((m) => !isKey(text, m.index, m.index + m[0].length)),
      );
    }
    return !templateNames.has(name);
  });
  assert.deepEqual(stale, [], "registered but emitted nowhere");
});

test("a container's own code never reuses a name the grid reader says for that container (one code, one meaning)", () => {
  // The grid reader's `{source}.name` becomes `html.name`, `docx.name`, … when a table of that
  // container is read; a container code of the same name would give one code two meanings.
  const gridNames = [...registered.keys()].filter((c) => c.startsWith("{source}.")).map((c) => c.slice(9));
  const sources = ["csv", "xlsx", "html", "docx", "pdf", "text"];
  // Pasted text has two readers: the line importer (text/) and, for tables pasted from a web page or
  // a sheet, the grid reader with source "text". These four codes mean the same in both (the line
  // importer's words predate the grid's); every other shared name would be two meanings.
  const sameMeaning = ["text.budget-missing", "text.level1-inferred", "text.nature-inferred", "text.total-mismatch"];
  const clashes = sources
    .flatMap((s) => gridNames.map((n) => `${s}.${n}`))
    .filter((c) => registered.has(c) && !sameMeaning.includes(c));
  assert.deepEqual(clashes, [], "container codes that the grid reader also says with another meaning");
  for (const c of sameMeaning) assert.ok(registered.has(c), `${c}: no longer registered, drop it from this list`);
});
