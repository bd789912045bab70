/**
 * Human words only (issue 14): as every demo role, in Chinese and in English, walk every screen
 * of the built app (every route of app.tsx, plus the dialogs and tabs that used to show codes:
 * the import log, the version diff, the audit log, the dashboard charts, an error message) and
 * fail on any visible string that looks like a code: a dotted lower-case identifier
 * (`workflow.approve`, `consistency.goal-cites-document-only`), a JSON path
 * (`indicators[0].weight`), raw JSON, and — in the Chinese UI — an English word that is not a
 * proper name. Visible text is the page's innerText, SVG chart text, and the title, aria-label
 * and placeholder attributes. Words that come from the data (user names, the tables' own text)
 * are not UI words and are allowed.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM, launch, SKIP_REASON, shot } from "./support/browser.ts";
import { open, settle, trackRequests } from "./support/layout.ts";
import { login, VIEWPORT } from "./support/pages.ts";
import {
  ADMIN_PASSWORD,
  apiLogin,
  loadScaledDeadline,
  type RunningServer,
  SEED,
  startServer,
} from "./support/server.ts";

/** A dotted lower-case identifier: `workflow.approve`, `auth.bad-credentials`. */
const DOTTED = /\b[a-z]+(?:[.-][a-z0-9]+)*\.[a-z][a-z0-9-]+\b/g;
/** A JSON path: `indicators[0].weight`. */
const JSON_PATH = /\w+\[\d+\]\.\w+/g;
/** Raw JSON. */
const RAW_JSON = /\{"/g;
/** Latin words (two letters or more) in the Chinese UI. */
const LATIN_WORD = /[A-Za-z][A-Za-z'-]*[A-Za-z]/g;
/** Proper names and format names that stay as they are in the Chinese UI. */
const PROPER_NAMES = new Set(
  [
    "jixiao",
    "PDF",
    "xlsx",
    "XLSX",
    "JSON",
    "CSV",
    "Word",
    "Excel",
    "ID",
    "HTML",
    "docx",
    "DOCX",
    "txt",
    "TXT",
    "OCR",
    "WPS",
    "EN",
    "PNG",
    "JPG",
    "xls",
    "JPEG",
    "MB",
    "KB",
    "GB",
    "Ctrl",
  ].map((w) => w.toLowerCase()),
);
/** File names, URLs and e-mail addresses are not codes. */
const NOT_CODES = [
  /https?:\/\/\S+/g,
  /\S+@\S+\.\S+/g,
  /\b[\w.-]+\.(?:xlsx|xls|docx|doc|pdf|csv|txt|html|htm|json|png|jpg)\b/gi,
];

const DEMO = [
  { username: "admin", password: ADMIN_PASSWORD },
  { username: "unit151001", password: "demo-unit-151001" },
  { username: "dept151", password: "demo-dept-151" },
  { username: "finance", password: "demo-finance" },
];

let srv: RunningServer | null = null;
let browser: Browser | null = null;
let projectId = 0;
let roundId = 0;
/** Latin words that occur in the data (user names, the tables' text): allowed in the zh UI. */
const dataWords = new Set<string>();

function addDataWords(text: string): void {
  for (const w of text.match(LATIN_WORD) ?? []) dataWords.add(w.toLowerCase());
}

/** Every string value inside a value (not its keys). */
function stringsIn(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out);
  else if (v && typeof v === "object") for (const x of Object.values(v)) stringsIn(x, out);
  return out;
}

before(async () => {
  if (!CHROMIUM) return;
  srv = await startServer({ demo: true });
  browser = await launch();
  const admin = await apiLogin(srv.url, "admin", ADMIN_PASSWORD);
  type Summary = { id: number; name: string };
  const list = await admin<{ items: Summary[] }>("GET", "/projects?fiscalYear=2024&limit=100");
  projectId = list.items.find((p) => p.name === "体检费")?.id ?? list.items[0]!.id;
  // An adjustment with changed cells: the review page shows a version diff, the audit log a
  // table update, a submission and a comment.
  await admin("POST", `/projects/${projectId}/adjust`, { reason: "预算调整" });
  type Detail = { rowVersion: number; table: { budget: number; indicators: { weight: number | null }[] } };
  const cur = await admin<Detail>("GET", `/projects/${projectId}`);
  const indicators = cur.table.indicators.map((x, i) => (i === 0 ? { ...x, weight: (x.weight ?? 0) + 1 } : x));
  const last = indicators.length - 1;
  indicators[last] = { ...indicators[last]!, weight: Math.max(0, (indicators[last]!.weight ?? 1) - 1) };
  await admin("PUT", `/projects/${projectId}/table`, {
    project: { ...cur.table, budget: cur.table.budget + 1.5, indicators },
    rowVersion: cur.rowVersion,
  });
  await admin("POST", `/projects/${projectId}/submit`, { explanation: "预算增加，指标分值调整" }).catch(() => {});
  await admin("POST", `/projects/${projectId}/comments`, { cell: "budget", body: "预算增加的依据？" }).catch(() => {});
  const round = await admin<{ id: number }>("POST", "/monitoring/rounds", {
    fiscalYear: 2024,
    asOfMonth: 6,
    scope: "region",
  }).catch(() => null);
  roundId = round?.id ?? 0;
  for (const u of (await admin<{ items: { username: string; displayName: string }[] }>("GET", "/users")).items) {
    addDataWords(u.username);
    addDataWords(u.displayName);
  }
  addDataWords("system");
  // The tables' own text (names, goals, targets, units): values only, never keys or statuses.
  for (const p of list.items) {
    const d = await admin<{ table: unknown }>("GET", `/projects/${p.id}`);
    for (const text of stringsIn(d.table)) addDataWords(text);
  }
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

/** The visible text of the page: innerText, chart text, and the text of attributes. */
async function visibleText(page: Page): Promise<{ where: string; text: string }[]> {
  const texts = await page.evaluate(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text (not hidden nodes) is what is checked
    const out: { where: string; text: string }[] = [{ where: "text", text: document.body.innerText }];
    for (const t of document.querySelectorAll("svg text")) out.push({ where: "chart", text: t.textContent ?? "" });
    for (const el of document.querySelectorAll("[title],[aria-label],[placeholder]")) {
      for (const a of ["title", "aria-label", "placeholder"]) {
        const v = el.getAttribute(a);
        // An icon's aria-label is its name in the icon set (antd's <span class="anticon">).
        if (a === "aria-label" && el.classList.contains("anticon")) continue;
        if (v) out.push({ where: `@${a}`, text: v });
      }
    }
    return out;
  });
  return texts;
}

/** Every code-like string in the texts, with a little context. */
function codeStrings(
  texts: { where: string; text: string }[],
  lang: "zh" | "en",
  allowed: ReadonlySet<string> = dataWords,
): string[] {
  const found: string[] = [];
  for (const { where, text } of texts) {
    let clean = text;
    for (const re of NOT_CODES) clean = clean.replace(re, " ");
    const report = (kind: string, m: RegExpMatchArray) => {
      const i = m.index ?? 0;
      const context = clean.slice(Math.max(0, i - 30), i + m[0].length + 30).replace(/\s+/g, " ");
      found.push(`${kind} "${m[0]}" (${where}): …${context}…`);
    };
    for (const m of clean.matchAll(DOTTED)) report("code", m);
    for (const m of clean.matchAll(JSON_PATH)) report("field path", m);
    for (const m of clean.matchAll(RAW_JSON)) report("raw JSON", m);
    if (lang === "zh") {
      for (const m of clean.matchAll(LATIN_WORD)) {
        const w = m[0].toLowerCase();
        if (!PROPER_NAMES.has(w) && !allowed.has(w)) report("English word", m);
      }
    }
  }
  return found;
}

/** Every route of app.tsx (the two monitoring detail pages when a round exists). */
function screens(): { name: string; path: string }[] {
  return [
    { name: "dashboard", path: "/" },
    { name: "todo", path: "/todo" },
    { name: "projects", path: "/projects" },
    { name: "editor", path: `/projects/${projectId}` },
    { name: "review", path: `/projects/${projectId}/review` },
    { name: "self-evaluation", path: `/projects/${projectId}/self-evaluation` },
    { name: "import", path: "/import" },
    { name: "review-queue", path: "/review" },
    { name: "publish", path: "/publish" },
    { name: "audit", path: "/audit" },
    { name: "admin", path: "/admin" },
    { name: "monitoring", path: "/monitoring" },
    ...(roundId ? [{ name: "monitoring-round", path: `/monitoring/rounds/${roundId}` }] : []),
    { name: "public", path: "/public" },
  ];
}

async function check(page: Page, lang: "zh" | "en", where: string, failures: string[]): Promise<void> {
  for (const f of codeStrings(await visibleText(page), lang)) failures.push(`${where} (${lang}): ${f}`);
}

/** The UI's language now. */
async function langOf(page: Page): Promise<"zh" | "en"> {
  return (await page.evaluate(() => document.documentElement.lang)).startsWith("en") ? "en" : "zh";
}

/**
 * Switches the language in place (the header's switch), as a user does: the screen re-renders
 * without a reload, so both languages are read from one visit.
 */
async function switchLang(page: Page): Promise<"zh" | "en"> {
  const to = (await langOf(page)) === "zh" ? "en" : "zh";
  const option = page.getByText(to === "en" ? "EN" : "中文", { exact: true }).first();
  if (await option.isVisible().catch(() => false)) await option.click();
  else {
    await page.evaluate((l) => localStorage.setItem("jixiao.lang", l), to);
    await page.reload();
  }
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), to === "en" ? "en" : "zh");
  await settle(page);
  return to;
}

/** Checks the screen in the language shown, then in the other one. */
async function checkBoth(page: Page, where: string, failures: string[]): Promise<void> {
  await check(page, await langOf(page), where, failures);
  await check(page, await switchLang(page), where, failures);
}

/** The dialogs and tabs that used to show codes: the import log, a refused form, a failed login. */
async function extraScreens(page: Page, role: string, failures: string[]): Promise<void> {
  const url = srv!.url;
  if (role === "admin") {
    // The import log of a damaged text (re-attached rows, inferred levels, repairs).
    await open(page, `${url}/import`);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "seed.txt", mimeType: "text/plain", buffer: readFileSync(SEED) });
    await page
      .getByRole("button", { name: /确认导入|Import/ })
      .first()
      .waitFor({ timeout: loadScaledDeadline(90_000) });
    await settle(page);
    await checkBoth(page, `${role} import log`, failures);
    await shot(page, "words-import-log");
    // A refused form: a user name the server does not accept, in each language (a fresh page each).
    for (const lang of ["zh", "en"] as const) {
      await page.evaluate((l) => localStorage.setItem("jixiao.lang", l), lang);
      await page.goto(`${url}/admin`);
      await settle(page);
      await page.getByLabel(/^(用户名|Username)$/).fill("bad name!");
      await page.getByLabel(/^(初始密码|Password)$/).fill("a-long-enough-password-2024");
      await page.getByLabel(/^(角色|Role)$/).click();
      await page.locator(".ant-select-dropdown:visible .ant-select-item-option").first().click();
      await page.getByRole("button", { name: /添加用户|Add user/ }).click();
      // The refusal names the field in the UI's words.
      const said =
        lang === "zh" ? /用户名只能包含字母、数字、下划线、点和连字符/ : /user name may hold letters, digits/;
      await page.locator(".ant-message-notice", { hasText: said }).first().waitFor();
      // The role list closed (an open list holds its options' values for assistive technology).
      await page.keyboard.press("Escape");
      await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").first().waitFor({ state: "hidden" });
      await check(page, lang, `${role} admin error`, failures);
    }
  }
  if (roundId && role === "finance") {
    await open(page, `${url}/monitoring/rounds/${roundId}`);
    const report = page.locator('a[href^="/monitoring/reports/"]').first();
    if (await report.count()) {
      await report.click();
      await settle(page);
      await checkBoth(page, `${role} monitoring-report`, failures);
    }
  }
}

/** A failed login names what went wrong, without the code. */
async function failedLogin(lang: "zh" | "en", failures: string[]): Promise<void> {
  const ctx = await browser!.newContext({ viewport: VIEWPORT });
  await ctx.addInitScript((l) => localStorage.setItem("jixiao.lang", l), lang);
  const anon = await ctx.newPage();
  await anon.goto(`${srv!.url}/login`);
  await anon.getByLabel(/用户名|Username/).fill("nobody-here");
  await anon.getByLabel(/密码|Password/).fill("wrong-password-here");
  await anon.getByRole("button", { name: /登\s*录|Log in/ }).click();
  const alert = anon.getByRole("alert").first();
  await alert.waitFor();
  assert.doesNotMatch((await alert.textContent()) ?? "", /auth\./);
  await check(anon, lang, "anonymous failed login", failures);
  await ctx.close();
}

test("web words: no code, field path or raw JSON on any screen in zh and en, nor an English word in zh, for every role", {
  timeout: loadScaledDeadline(1_200_000),
}, async (t) => {
  if (!CHROMIUM || !srv || !browser) {
    t.skip(SKIP_REASON);
    return;
  }
  const failures: string[] = [];
  for (const u of DEMO) {
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    await ctx.addInitScript(() => {
      if (!localStorage.getItem("jixiao.lang")) localStorage.setItem("jixiao.lang", "zh");
    });
    const page = trackRequests(await ctx.newPage());
    await login(page, srv.url, u.username, u.password);
    for (const s of screens()) {
      await open(page, `${srv.url}${s.path}`);
      await checkBoth(page, `${u.username} ${s.name}`, failures);
    }
    await extraScreens(page, u.username, failures);
    await ctx.close();
  }
  await failedLogin("zh", failures);
  await failedLogin("en", failures);
  const unique = [...new Set(failures)];
  assert.deepEqual(unique, [], `${unique.length} code string(s) on screen:\n${unique.join("\n")}`);
});

// The patterns themselves, on known strings (no browser needed).
test("the code patterns catch codes and pass words", () => {
  const hits = (text: string, lang: "zh" | "en" = "zh") => codeStrings([{ where: "t", text }], lang, new Set()).length;
  assert.ok(hits("第1版 · approved") > 0);
  assert.ok(hits("workflow.approve", "en") > 0);
  assert.ok(hits("consistency.goal-cites-document-only", "en") > 0);
  assert.ok(hits("indicators[0].weight", "en") > 0);
  assert.ok(hits('{"budget":1}', "en") > 0);
  assert.ok(hits("用户名或密码错误 (auth.bad-credentials)") > 0);
  assert.equal(hits("第1版 · 已批复 导出 PDF 与 xlsx，见 https://example.org/a.b 或 表12.xlsx"), 0);
  assert.equal(hits("Approved, e.g. the budget. Next step", "en"), 0);
});
