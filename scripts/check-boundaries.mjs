#!/usr/bin/env node
// `npm run lint` step: package boundaries. Fails (exit 1) when
//   1. a package imports a package it must not: imports flow one way,
//      core ← formats ← server ← cli, and core ← formats ← web (the browser app talks to the
//      server over HTTP only);
//   2. a file reaches into another package's internals: a relative path into another package
//      (or out of its own into bench/, e2e/, scripts/ — a test may use the test-data tools
//      there, the generator and fixture makers), an `@jixiao/x/src/...` path, or a
//      subpath of `@jixiao/x` that x's package.json "exports" does not list by name (the
//      "./*" catch-all does not count: a package's public entries are the ones it names).
// Tools outside packages/ (bench/, e2e/, scripts/) may import any package, through its public
// entries. Reports every violation as file:line, what, and why.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Which packages each package may import. */
export const ALLOWED = {
  core: [],
  formats: ["core"],
  server: ["core", "formats"],
  cli: ["core", "formats", "server"],
  web: ["core", "formats"],
};

/** npm name → folder under packages/. */
function packageFolders(root) {
  const byName = new Map();
  for (const dir of readdirSync(path.join(root, "packages"))) {
    const pj = path.join(root, "packages", dir, "package.json");
    if (!existsSync(pj)) continue;
    const json = JSON.parse(readFileSync(pj, "utf8"));
    const exportsField = json.exports && typeof json.exports === "object" ? json.exports : {};
    const named = new Set(
      Object.keys(exportsField)
        .filter((k) => k !== "." && !k.includes("*"))
        .map((k) => k.replace(/^\.\//, "")),
    );
    byName.set(json.name, { dir, named });
  }
  return byName;
}

const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

/** Folders outside packages/ whose tools a package's tests may import (never its sources). */
const TEST_TOOLS = ["bench", "scripts"];
const isTest = (rel) => /\.test\.[cm]?[jt]sx?$/.test(rel);

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (SOURCE.test(name)) out.push(p);
  }
  return out;
}

/**
 * The module specifiers a source file imports, with their line numbers: static imports and
 * re-exports (`import … from "x"`, `export … from "x"`, `import "x"`), dynamic `import("x")`
 * and `require("x")`. Comments and ordinary strings are skipped by a small scanner, so an
 * example in a JSDoc comment is not an import.
 */
export function importsOf(text) {
  const out = [];
  let code = "";
  // Blank out comments and the contents of strings (keeping newlines and quotes), so the
  // patterns below only see code; specifiers are read back from the original text by offset.
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    const d = text[i + 1];
    if (c === "/" && d === "/") {
      while (i < text.length && text[i] !== "\n") {
        code += " ";
        i++;
      }
    } else if (c === "/" && d === "*") {
      while (i < text.length && !(text[i] === "*" && text[i + 1] === "/")) {
        code += text[i] === "\n" ? "\n" : " ";
        i++;
      }
      code += "  ";
      i += 2;
    } else if (c === '"' || c === "'" || c === "`") {
      code += c;
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === "\\") {
          code += "  ";
          i += 2;
          continue;
        }
        // A template's ${…} may hold code; imports never live there, so blank it too.
        code += text[i] === "\n" ? "\n" : "\u0001";
        i++;
      }
      code += c;
      i++;
    } else {
      code += c;
      i++;
    }
  }
  const patterns = [
    /\b(?:import|export)\s[^;]*?\bfrom\s*(["'])/g,
    /\bimport\s*(["'])/g,
    /\bimport\s*\(\s*(["'])/g,
    /\brequire\s*\(\s*(["'])/g,
  ];
  for (const re of patterns) {
    for (let m = re.exec(code); m; m = re.exec(code)) {
      const start = m.index + m[0].length;
      const end = text.indexOf(m[1], start);
      if (end < 0) continue;
      const spec = text.slice(start, end);
      const line = code.slice(0, start).split("\n").length;
      out.push({ spec, line });
    }
  }
  return out;
}

/** Every boundary violation in the repository at `root`. */
export function violations(root = repoRoot) {
  const packages = packageFolders(root);
  const byDir = new Map([...packages].map(([name, p]) => [p.dir, { name, ...p }]));
  const found = [];
  const files = [
    ...walk(path.join(root, "packages"), []),
    ...["bench", "e2e", "scripts"].flatMap((d) => walk(path.join(root, d), [])),
  ];
  for (const file of files) {
    const rel = path.relative(root, file);
    const parts = rel.split(path.sep);
    const own = parts[0] === "packages" ? byDir.get(parts[1]) : null;
    const ownDir = own ? path.join(root, "packages", own.dir) : null;
    for (const { spec, line } of importsOf(readFileSync(file, "utf8"))) {
      const where = `${rel}:${line}`;
      if (spec.startsWith(".")) {
        if (!ownDir) continue;
        const target = path.resolve(path.dirname(file), spec);
        if (!target.startsWith(ownDir + path.sep)) {
          const into = path.relative(root, target).split(path.sep);
          const other = into[0] === "packages" ? byDir.get(into[1]) : null;
          // Tests may use the repository's test-data tools (the generator, fixture makers).
          if (!other && isTest(rel) && TEST_TOOLS.includes(into[0])) continue;
          found.push({
            where,
            spec,
            why: other
              ? `a relative path into ${other.name}: import it as "${other.name}" (its public entry)`
              : `a relative path out of ${own.name} into ${into[0]}/: a package imports only itself and the packages below it`,
          });
        }
        continue;
      }
      const m = /^(@jixiao\/[^/]+)(?:\/(.*))?$/.exec(spec);
      if (!m) continue;
      const target = packages.get(m[1]);
      if (!target) {
        found.push({ where, spec, why: `no package ${m[1]} in packages/` });
        continue;
      }
      if (own && target.dir !== own.dir && !(ALLOWED[own.dir] ?? []).includes(target.dir)) {
        const may = ALLOWED[own.dir]?.length ? ALLOWED[own.dir].map((d) => `@jixiao/${d}`).join(", ") : "nothing";
        found.push({
          where,
          spec,
          why: `${own.name} must not import ${m[1]} (imports flow core ← formats ← server ← cli/web; ${own.name} may import ${may})`,
        });
        continue;
      }
      const sub = m[2];
      if (sub === undefined) continue;
      if (own && target.dir === own.dir) {
        found.push({ where, spec, why: `${own.name} imports itself by package name: use a relative path` });
      } else if (sub.startsWith("src/")) {
        found.push({ where, spec, why: `reaches into ${m[1]}'s sources: import "${m[1]}" or an entry it names` });
      } else if (!target.named.has(sub)) {
        found.push({
          where,
          spec,
          why: `"${sub}" is internal to ${m[1]}: import "${m[1]}", or list "./${sub}" in packages/${target.dir}/package.json "exports" to make it a public entry`,
        });
      }
    }
  }
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = violations();
  if (found.length === 0) {
    console.log("check-boundaries: ok (core ← formats ← server ← cli/web, public entries only)");
  } else {
    for (const v of found) console.error(`${v.where}: ${v.spec} — ${v.why}`);
    console.error(`check-boundaries: ${found.length} violation(s)`);
    process.exit(1);
  }
}
