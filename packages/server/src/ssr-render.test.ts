/**
 * Server-rendered first-load pages with the web build's real rendering bundle
 * (packages/web/src/entry-server.tsx, built by `vite build` into `<dist>/server/`): the login form
 * and a published 表12 arrive rendered inside #root with antd's styles and the state to hydrate
 * from; signed-in screens are rendered from the requester's own answers, and without a session
 * they are the browser's. The build is made here, from the current sources, into a temporary folder.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { DRIVERS } from "./db/test-databases.ts";
import { openTestApp, type TestApp } from "./http/test-app.ts";

const driver = DRIVERS[0];
const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web");
const HTML = { accept: "text/html,application/xhtml+xml" };

interface State {
  queries: { queries: { queryKey: unknown[]; state: { data: unknown } }[] };
  settings: { lang: string; year: number; dept: string | null };
  csrfToken?: string;
}

function stateOf(body: string): State | null {
  const m = /<script id="jixiao-state" type="application\/json">([\s\S]*?)<\/script>/.exec(body);
  return m?.[1] ? (JSON.parse(m[1]) as State) : null;
}

/** The markup inside #root (up to the state script that follows it). */
function rootOf(body: string): string {
  const start = body.indexOf('<div id="root">');
  const end = body.indexOf('<script id="jixiao-state"');
  return start >= 0 && end > start ? body.slice(start, end) : "";
}

const dataOf = (state: State | null, key: string) =>
  state?.queries.queries.find((q) => q.queryKey[0] === key)?.state.data as Record<string, unknown> | undefined;

describe("server-rendered pages: the web build's renderer", () => {
  let dist: string;
  let t: TestApp;
  before(async () => {
    assert.ok(driver);
    dist = mkdtempSync(path.join(tmpdir(), "jixiao-ssr-web-"));
    const vite = path.resolve(WEB, "../../node_modules/vite/bin/vite.js");
    const r = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn", "--outDir", dist, "--emptyOutDir"], {
      cwd: WEB,
      stdio: "inherit",
    });
    assert.equal(r.status, 0, "vite build");
    assert.ok(existsSync(path.join(dist, "server", "entry-server.mjs")), "the build has its rendering bundle");
    t = await openTestApp(driver, { webDist: dist });
  });
  after(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test("/login arrives with the form rendered, antd's styles and the settings it was rendered in", async () => {
    const r = await t.anonymous.request("GET", "/login", undefined, { ...HTML, cookie: "jixiao_lang=en" });
    assert.equal(r.statusCode, 200);
    const root = rootOf(r.body);
    assert.match(root, /<input[^>]*autocomplete="current-password"/i); // HTML attribute names: any case
    assert.match(root, /Log in/, "in the request's language");
    assert.match(r.body, /<html lang="en">/);
    assert.match(r.body, /<style[^>]*data-css-hash[^>]*>[^<]*\.ant-btn/, "antd's styles in the page");
    assert.deepEqual(stateOf(r.body)?.settings, { lang: "en", year: 2024, dept: null });
    assert.match(r.body, /<script type="module"[^>]*src="\/assets\/index-/, "the entry still hydrates it");
    const plain = readFileSync(path.join(dist, "index.html"), "utf8");
    assert.equal((await t.anonymous.request("GET", "/login")).body, plain, "not a navigation: the plain page");
  });

  test("/public/:id arrives with the 表12 rendered from the published answer", async () => {
    const dept = await t.login("dept151");
    const pub = await dept.request("POST", "/api/v1/publications", {
      fiscalYear: 2024,
      deptCode: "151",
      confirmIncomplete: true,
    });
    assert.equal(pub.statusCode, 201, pub.body);
    const id = pub.json().id as number;
    const answer = (await t.anonymous.request("GET", `/api/v1/public/publications/${id}`)).json();
    const r = await t.anonymous.request("GET", `/public/${id}`, undefined, HTML);
    const root = rootOf(r.body);
    assert.match(root, /class="[^"]*jx-table12[^"]*"[\s\S]*<table[^>]*class="[^"]*jx-sheet[\s\S]*<td/);
    const name = answer.document.projects[0].name as string;
    assert.ok(root.includes(name), `the first project (${name}) is on the page`);
    assert.deepEqual(dataOf(stateOf(r.body), "public-pub"), answer, "hydrates from the very answer");
    assert.equal(r.headers["cache-control"], "private, no-cache");
  });

  test("signed-in screens: the requester's own answers; nobody signed in: the browser's page", async () => {
    const unit = await t.login("unit151001");
    const finance = await t.login("finance");
    const projects = (await unit.request("GET", "/api/v1/projects?fiscalYear=2024")).json().items as { id: number }[];
    const id = projects[0]?.id;
    assert.ok(id);
    const editor = await unit.request("GET", `/projects/${id}`, undefined, HTML);
    const editorState = stateOf(editor.body);
    assert.equal(dataOf(editorState, "me")?.username, "unit151001");
    assert.equal(editorState?.csrfToken, unit.csrf, "the session's own CSRF token");
    assert.match(rootOf(editor.body), /<table[^>]*class="[^"]*jx-editor[\s\S]*<tbody[\s\S]*<tr/);
    const asFinance = await finance.request("GET", "/", undefined, HTML);
    const financeState = stateOf(asFinance.body);
    assert.equal(dataOf(financeState, "me")?.username, "finance");
    assert.ok(dataOf(financeState, "dashboard"), "the dashboard's answer");
    assert.match(rootOf(asFinance.body), /role="img"[^>]*>[\s\S]*?<svg[\s\S]*?<path/, "its charts drawn");
    assert.doesNotMatch(asFinance.body, /unit151001/, "nothing of another session");
    assert.equal(financeState?.csrfToken, finance.csrf);
    for (const url of ["/", `/projects/${id}`]) {
      const anonymous = await t.anonymous.request("GET", url, undefined, HTML);
      assert.equal(stateOf(anonymous.body), null, `${url} without a session is not rendered`);
    }
  });
});
