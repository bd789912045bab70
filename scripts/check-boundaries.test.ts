import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
// @ts-expect-error: a plain .mjs script without types
import { importsOf, violations } from "./check-boundaries.mjs";

test("importsOf: static, re-export, side-effect, dynamic and require; not comments or strings", () => {
  const src = [
    'import { a } from "@jixiao/core";',
    "import type {",
    "  B,",
    '} from "../x.ts";',
    'export * from "./y.ts";',
    'import "./side.ts";',
    'const m = await import("@jixiao/formats/xlsx/write-xlsx.ts");',
    'const r = require("node:fs");',
    '// import { z } from "@jixiao/server";',
    '/** @example import { w } from "@jixiao/web" */',
    'const s = "import x from \\"@jixiao/cli\\"";',
  ].join("\n");
  assert.deepEqual(
    importsOf(src)
      .map((i: { spec: string; line: number }) => `${i.line} ${i.spec}`)
      .sort(),
    [
      "1 @jixiao/core",
      "4 ../x.ts",
      "5 ./y.ts",
      "6 ./side.ts",
      "7 @jixiao/formats/xlsx/write-xlsx.ts",
      "8 node:fs",
    ].sort(),
  );
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "jixiao-boundaries-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const pkg = (name: string, named: string[] = []) =>
  JSON.stringify({
    name,
    exports: {
      ".": "./src/index.ts",
      ...Object.fromEntries(named.map((n) => [`./${n}`, `./src/${n}`])),
      "./*": "./src/*",
    },
  });

test("violations: direction, relative paths across packages, undeclared deep imports", () => {
  const root = tree({
    "packages/core/package.json": pkg("@jixiao/core", ["model/document.ts"]),
    "packages/formats/package.json": pkg("@jixiao/formats"),
    "packages/server/package.json": pkg("@jixiao/server"),
    "packages/web/package.json": pkg("@jixiao/web"),
    "packages/core/src/index.ts": 'import { x } from "@jixiao/formats";\n',
    "packages/formats/src/index.ts": [
      'import { a } from "@jixiao/core";',
      'import type { D } from "@jixiao/core/model/document.ts";',
      'import { r } from "@jixiao/core/rules/rule.ts";',
      'import { s } from "@jixiao/core/src/index.ts";',
      'import { t } from "../../core/src/model/document.ts";',
      'import { g } from "../../../bench/generator/department.ts";',
    ].join("\n"),
    "packages/formats/src/read.test.ts": 'import { g } from "../../../bench/generator/department.ts";\n',
    "packages/web/src/main.ts": 'import { app } from "@jixiao/server";\n',
    "bench/a.bench.ts": 'import { w } from "@jixiao/formats/xlsx/write-xlsx.ts";\n',
  });
  try {
    const got = violations(root).map((v: { where: string; spec: string }) => `${v.where} ${v.spec}`);
    assert.deepEqual(got.sort(), [
      "bench/a.bench.ts:1 @jixiao/formats/xlsx/write-xlsx.ts",
      "packages/core/src/index.ts:1 @jixiao/formats",
      "packages/formats/src/index.ts:3 @jixiao/core/rules/rule.ts",
      "packages/formats/src/index.ts:4 @jixiao/core/src/index.ts",
      "packages/formats/src/index.ts:5 ../../core/src/model/document.ts",
      "packages/formats/src/index.ts:6 ../../../bench/generator/department.ts",
      "packages/web/src/main.ts:1 @jixiao/server",
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the repository keeps its boundaries", () => {
  const found = violations().map(
    (v: { where: string; spec: string; why: string }) => `${v.where}: ${v.spec} — ${v.why}`,
  );
  assert.deepEqual(found, []);
});
