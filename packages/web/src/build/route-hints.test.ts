import assert from "node:assert/strict";
import { test } from "node:test";
import { matchPath } from "react-router-dom";
import type { Rollup } from "vite";
import { FIRST_LOAD_ROUTES } from "../first-load-routes.ts";
import { hintTable, patternSource } from "./route-hints.ts";

const PATHS = [
  "/",
  "/login",
  "/login/",
  "/public",
  "/public/12",
  "/public/12/",
  "/public/12/extra",
  "/projects",
  "/projects/7",
  "/projects/7/review",
  "/todo",
  "/projectsx",
  "/loginx",
];

test("the hint script picks the route react-router's matchPath picks (route-preload.ts)", () => {
  for (const p of PATHS) {
    const byRouter = FIRST_LOAD_ROUTES.findIndex((r) => matchPath(r.path, p));
    const byHint = FIRST_LOAD_ROUTES.findIndex((r) => new RegExp(patternSource(r.path)).test(p));
    assert.equal(byHint, byRouter, `${p}: hint picks ${FIRST_LOAD_ROUTES[byHint]?.path}`);
  }
});

/** A chunk of a fake bundle. */
const chunk = (fileName: string, facade: string | null, imports: string[], isEntry = false) =>
  ({ type: "chunk", fileName, facadeModuleId: facade, imports, isEntry }) as unknown as Rollup.OutputChunk;

test("a route's hints are its chunks and their imports, less what the entry loads", () => {
  const root = "/app";
  const files = [
    chunk("assets/index.js", "/app/src/main.tsx", ["assets/shared.js"], true),
    chunk("assets/shared.js", null, []),
    chunk("assets/login.js", "/app/src/pages/login.tsx", ["assets/shared.js", "assets/form.js"]),
    chunk("assets/form.js", null, ["assets/shared.js"]),
  ];
  const modules = new Set(FIRST_LOAD_ROUTES.flatMap((r) => [...r.modules]));
  modules.delete("src/pages/login.tsx");
  for (const m of modules) files.push(chunk(`assets/${m.replace(/\W/g, "_")}.js`, `${root}/${m}`, []));
  const table = hintTable(Object.fromEntries(files.map((f) => [f.fileName, f])), root);
  const login = table.find(([re]) => new RegExp(re).test("/login"));
  assert.deepEqual(login?.[1], ["assets/login.js", "assets/form.js"]);
});

test("a module of the table without a chunk fails the build", () => {
  const bundle = { "assets/index.js": chunk("assets/index.js", "/app/src/main.tsx", [], true) };
  assert.throws(() => hintTable(bundle, "/app"), /no chunk for src\//);
});
