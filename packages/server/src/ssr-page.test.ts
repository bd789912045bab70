/**
 * Server-rendered first-load pages (http/server-rendered-page.ts, http/page-renderer.ts) with
 * stand-in renderers: the server's side of the contract — what goes into index.html and where,
 * the escaping of the state, each request's own session, the headers, and the plain index.html
 * whenever a render is missing, fails or is late. The web build's real renderer: ssr-render.test.ts.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import type { PageRenderer, PageRequest } from "./http/page-renderer.ts";
import { RENDER_BUDGET_MS, scriptSafeJson } from "./http/server-rendered-page.ts";
import { openTestApp, type TestApp } from "./http/test-app.ts";

const driver = DRIVERS[0];
const TEMPLATE =
  '<!doctype html>\n<html lang="zh-CN">\n<head><title>jixiao</title></head>\n<body><div id="root"></div><script type="module" src="/assets/app.js"></script></body>\n</html>\n';
const HTML = { accept: "text/html,application/xhtml+xml" };

/** A web build folder: index.html and one asset; with `bundle`, a rendering bundle's source. */
function fakeDist(bundle?: string): string {
  const dist = mkdtempSync(path.join(tmpdir(), "jixiao-ssr-"));
  mkdirSync(path.join(dist, "assets"));
  writeFileSync(path.join(dist, "index.html"), TEMPLATE);
  writeFileSync(path.join(dist, "assets", "app.js"), "console.log(1)");
  if (bundle !== undefined) {
    mkdirSync(path.join(dist, "server"));
    writeFileSync(path.join(dist, "server", "entry-server.mjs"), bundle);
  }
  return dist;
}

/** The state script's JSON, parsed; null when the page has none. */
function stateOf(body: string): Record<string, unknown> | null {
  const m = /<script id="jixiao-state" type="application\/json">([\s\S]*?)<\/script>/.exec(body);
  return m?.[1] ? (JSON.parse(m[1]) as Record<string, unknown>) : null;
}

/** A renderer that shows who the API says is signed in (as a page would): the request's own session. */
const whoRenderer: PageRenderer = {
  async render(req: PageRequest) {
    const res = await req.api("/api/v1/auth/me", { method: "GET" });
    const me = res.ok ? ((await res.json()) as { user: { username: string } }).user.username : "nobody";
    return {
      html: `<main class="who">${me}</main>`,
      styles: '<style data-test="antd">.who{color:red}</style>',
      state: { settings: { lang: req.cookies.jixiao_lang === "en" ? "en" : "zh" }, me },
    };
  },
};

type Behaviour = PageRenderer["render"];

assert.ok(driver);

describe("server-rendered pages: the server's side", () => {
  const dists: string[] = [];
  const apps: TestApp[] = [];
  const open = async (options: Parameters<typeof openTestApp>[1]) => {
    assert.ok(driver);
    const t = await openTestApp(driver, options);
    apps.push(t);
    return t;
  };
  let who: TestApp;
  // One app whose renderer does what the test sets.
  let switchable: TestApp;
  let behaviour: Behaviour = async () => null;
  before(async () => {
    const dist = fakeDist();
    dists.push(dist);
    who = await open({ webDist: dist, pageRenderer: whoRenderer });
    switchable = await open({ webDist: dist, pageRenderer: { render: (req) => behaviour(req) } });
  });
  after(async () => {
    for (const t of apps) await t.close();
    for (const d of dists) rmSync(d, { recursive: true, force: true });
  });

  test("the rendered page goes inside #root, its styles into the head, its state beside it", async () => {
    const r = await who.app.inject({ url: "/login?next=%2F", headers: { ...HTML, cookie: "jixiao_lang=en" } });
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers["content-type"]), /^text\/html/);
    assert.match(r.body, /<div id="root"><main class="who">nobody<\/main><\/div>/);
    assert.match(r.body, /<style data-test="antd">\.who\{color:red\}<\/style><\/head>/);
    assert.match(r.body, /<html lang="en">/, "the page's language is the request's");
    assert.deepEqual(stateOf(r.body), { settings: { lang: "en" }, me: "nobody" });
    // The entry script stays: the browser hydrates the page.
    assert.match(r.body, /<script type="module" src="\/assets\/app\.js"><\/script>/);
    assert.equal(r.headers["cache-control"], "private, no-cache");
    assert.match(String(r.headers.vary), /Cookie/);
  });

  test("each request is rendered with its own session, never another's", async () => {
    const unit = await who.login("unit151001");
    const dept = await who.login("dept151");
    const asUnit = await unit.request("GET", "/", undefined, HTML);
    const asDept = await dept.request("GET", "/", undefined, HTML);
    const anonymous = await who.anonymous.request("GET", "/", undefined, HTML);
    assert.equal(stateOf(asUnit.body)?.me, "unit151001");
    assert.equal(stateOf(asDept.body)?.me, "dept151");
    assert.equal(stateOf(anonymous.body)?.me, "nobody");
    assert.doesNotMatch(asDept.body, /unit151001/);
    assert.doesNotMatch(anonymous.body, /unit151001|dept151/);
    // Concurrent renders keep their sessions apart too.
    const both = await Promise.all([
      unit.request("GET", "/projects/1", undefined, HTML),
      dept.request("GET", "/projects/1", undefined, HTML),
    ]);
    assert.deepEqual(
      both.map((r) => stateOf(r.body)?.me),
      ["unit151001", "dept151"],
    );
  });

  test("the state cannot end its script: < > & and line separators are escaped", async () => {
    const hostile = "</script><script>alert(1)</script><!-- & \u2028\u2029";
    behaviour = async () => ({ html: "<p>x</p>", styles: "", state: { settings: { lang: "zh" }, name: hostile } });
    const r = await switchable.app.inject({ url: "/public/1", headers: HTML });
    const script = /<script id="jixiao-state" type="application\/json">([\s\S]*?)<\/script>/.exec(r.body)?.[1] ?? "";
    assert.doesNotMatch(script, /[<>&\u2028\u2029]/);
    assert.equal(stateOf(r.body)?.name, hostile, "the JSON reads back as the answer");
    assert.equal(r.body.match(/<script/g)?.length, 2, "the state script and the entry, no other");
    assert.equal(JSON.parse(scriptSafeJson(hostile)), hostile);
  });

  test("a render that fails, is late or gives nothing: the plain index.html", async () => {
    const late = { html: "<p>late</p>", styles: "", state: { settings: { lang: "zh" } } };
    const behaviours: Behaviour[] = [
      async () => {
        throw new Error("render failed");
      },
      () => new Promise((resolve) => setTimeout(() => resolve(late), RENDER_BUDGET_MS + 500)),
      async () => null,
    ];
    const none = await open({ webDist: dists[0], pageRenderer: null });
    for (const b of behaviours) {
      behaviour = b;
      const r = await switchable.app.inject({ url: "/login", headers: HTML });
      assert.equal(r.statusCode, 200);
      assert.equal(r.body, TEMPLATE);
      assert.equal(r.headers["cache-control"], "no-cache");
    }
    assert.equal((await none.app.inject({ url: "/login", headers: HTML })).body, TEMPLATE);
  });

  test("only a browser's navigation is rendered; the API and files are as before", async () => {
    const script = await who.app.inject({ url: "/login", headers: { accept: "*/*" } });
    assert.equal(script.body, TEMPLATE, "a fetch that does not ask for HTML gets the plain page");
    const asset = await who.app.inject({ url: "/assets/app.js", headers: HTML });
    assert.equal(asset.body, "console.log(1)");
    const api = await who.app.inject({ url: "/api/v1/nothing-here", headers: HTML });
    assert.equal(api.statusCode, 404);
  });

  test("the web build's bundle is loaded from <webDist>/server, never served; a broken or missing one renders nothing", async () => {
    const good = fakeDist(
      "export async function render(req) {\n" +
        "  if (req.url !== '/login') return null;\n" +
        "  return { html: '<form>from the bundle</form>', styles: '', state: { settings: { lang: 'zh' } } };\n" +
        "}\n",
    );
    const broken = fakeDist("export async function render( {");
    const missing = fakeDist();
    dists.push(good, broken, missing);
    const fromBundle = await open({ webDist: good });
    const r = await fromBundle.app.inject({ url: "/login", headers: HTML });
    assert.match(r.body, /<div id="root"><form>from the bundle<\/form><\/div>/);
    assert.equal((await fromBundle.app.inject({ url: "/server/entry-server.mjs" })).statusCode, 404);
    for (const dist of [broken, missing]) {
      const t = await open({ webDist: dist });
      assert.equal((await t.app.inject({ url: "/login", headers: HTML })).body, TEMPLATE);
    }
  });
});
