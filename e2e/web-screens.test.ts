/**
 * Every screen at phone (390×844), tablet (768×1024) and desktop (1440×900) width, in Chinese and
 * in English (issue 14): a screenshot each (e2e/screenshots/<screen>-<width>-<lang>.png), no
 * horizontal overflow of the document, and no serious or critical axe violation. Then: the menus
 * of each role, each role's screens on a phone, the main menu, the language switch and 退出
 * reached by keyboard at every width, and the header following the project on screen.
 * One server and one browser for the file, and one page per language and sign-in for the screens at
 * every width: set to the width, it moves between screens through the app's router (as a link
 * does), so each screen is drawn at the width without a new context, sign-in or load of the app.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM, describeViolations, launch, SKIP_REASON, seriousViolations, shot } from "./support/browser.ts";
import { focused, horizontalOverflow, open, settle, trackRequests, WIDTHS } from "./support/layout.ts";
import { ADMIN_PASSWORD, apiLogin, loadScaledDeadline, type RunningServer, startServer } from "./support/server.ts";

let srv: RunningServer | null = null;
let browser: Browser | null = null;
/** Ids the screens need, made through the API before the test (setup, not under test). */
const ids = { project: 0, publication: 0, monitoringRound: 0, monitoringReport: 0, evaluationRound: 0 };

const USERS = {
  admin: { username: "admin", password: ADMIN_PASSWORD },
  unit: { username: "unit151001", password: "demo-unit-151001" },
  dept: { username: "dept151", password: "demo-dept-151" },
  finance: { username: "finance", password: "demo-finance" },
} as const;
type Who = keyof typeof USERS;

before(async () => {
  if (!CHROMIUM) return;
  srv = await startServer({ demo: true });
  browser = await launch();
  const admin = await apiLogin(srv.url, USERS.admin.username, USERS.admin.password);
  const list = await admin<{ items: { id: number; name: string }[] }>("GET", "/projects?fiscalYear=2024&limit=50");
  ids.project = list.items.find((p) => p.name === "体检费")?.id ?? list.items[0]!.id;
  const finance = await apiLogin(srv.url, USERS.finance.username, USERS.finance.password);
  ids.publication = (await finance<{ id: number }>("POST", "/publications", { fiscalYear: 2024, deptCode: "151" })).id;
  const round = await finance<{ id: number }>("POST", "/monitoring/rounds", {
    fiscalYear: 2024,
    asOfMonth: 7,
    scope: "region",
  });
  ids.monitoringRound = round.id;
  const board = await finance<{ projects: { reportId: number }[] }>("GET", `/monitoring/rounds/${round.id}`);
  ids.monitoringReport = board.projects[0]!.reportId;
  const dept = await apiLogin(srv.url, USERS.dept.username, USERS.dept.password);
  ids.evaluationRound = (
    await dept<{ id: number }>("POST", "/evaluation-rounds", { fiscalYear: 2024, dueDate: "2025-03-31" })
  ).id;
});

after(async () => {
  for (const page of screenPages.values()) await page.context().close();
  await browser?.close();
  await srv?.stop();
});

interface Screen {
  name: string;
  path: () => string;
  anonymous?: boolean;
}

/** Every route of packages/web/src/app.tsx. */
const SCREENS: Screen[] = [
  { name: "login", path: () => "/login", anonymous: true },
  { name: "public-list", path: () => "/public", anonymous: true },
  { name: "public-table", path: () => `/public/${ids.publication}`, anonymous: true },
  { name: "dashboard", path: () => "/" },
  { name: "todo", path: () => "/todo" },
  { name: "projects", path: () => "/projects" },
  { name: "editor", path: () => `/projects/${ids.project}` },
  { name: "review", path: () => `/projects/${ids.project}/review` },
  { name: "self-evaluation", path: () => `/projects/${ids.project}/self-evaluation` },
  { name: "import", path: () => "/import" },
  { name: "review-queue", path: () => "/review" },
  { name: "publish", path: () => "/publish" },
  { name: "audit", path: () => "/audit" },
  { name: "admin", path: () => "/admin" },
  { name: "monitoring", path: () => "/monitoring" },
  { name: "monitoring-round", path: () => `/monitoring/rounds/${ids.monitoringRound}` },
  { name: "monitoring-report", path: () => `/monitoring/reports/${ids.monitoringReport}` },
  { name: "evaluation-rounds", path: () => "/evaluation-rounds" },
  { name: "evaluation-round", path: () => `/evaluation-rounds/${ids.evaluationRound}` },
  { name: "rectifications", path: () => "/rectifications" },
];

/** A page in its own context: the UI in `lang`, signed in as `who` (through the API), its requests followed. */
async function newPage(
  viewport: { width: number; height: number },
  lang: "zh" | "en",
  who: Who | null,
  init?: Record<string, string>,
): Promise<Page> {
  const ctx = await browser!.newContext({ viewport });
  await ctx.addInitScript(
    (items) => {
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
    },
    { "jixiao.lang": lang, ...init },
  );
  if (who) {
    const r = await ctx.request.post(`${srv!.url}/api/v1/auth/login`, { data: USERS[who] });
    assert.ok(r.ok(), `login ${who}: ${r.status()}`);
  }
  return trackRequests(await ctx.newPage());
}

/** Loads a screen and waits for it. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${srv!.url}${path}`);
  await settle(page);
}

/**
 * The page of a language and sign-in (anonymous, or the admin) that the three width tests share:
 * made on first use, set to each test's width, moving between screens through the app's router.
 */
const screenPages = new Map<string, Page>();
const pageErrors: string[] = [];
async function screenPage(lang: "zh" | "en", anonymous: boolean): Promise<Page> {
  const key = `${lang} ${anonymous ? "anonymous" : "admin"}`;
  let page = screenPages.get(key);
  if (!page) {
    const p = await newPage(WIDTHS[0], lang, anonymous ? null : "admin");
    p.on("pageerror", (e) => pageErrors.push(`${lang} ${p.url()}: ${e.message}`));
    screenPages.set(key, p);
    page = p;
  }
  return page;
}

for (const viewport of WIDTHS) {
  test(`web screens at ${viewport.width} px, zh and en: screenshots, no horizontal overflow, no serious axe violation`, {
    timeout: loadScaledDeadline(420_000),
  }, async (t) => {
    if (!CHROMIUM || !srv || !browser) {
      t.skip(SKIP_REASON);
      return;
    }
    const overflow: string[] = [];
    const axe: string[] = [];
    const firstError = pageErrors.length;
    for (const lang of ["zh", "en"] as const) {
      for (const s of SCREENS) {
        const page = await screenPage(lang, Boolean(s.anonymous));
        // At this test's width before the screen opens: each screen is drawn at the width, not resized to it.
        await page.setViewportSize(viewport);
        await open(page, `${srv.url}${s.path()}`);
        const where = `${s.name} ${viewport.width} ${lang}`;
        assert.ok(!page.url().includes("/login") || s.name === "login", `${where}: sent to the login page`);
        await shot(page, `${s.name}-${viewport.width}-${lang}`);
        const o = await horizontalOverflow(page);
        if (o.px > 0) overflow.push(`${where}: document ${o.px} px wider than the viewport; widest: ${o.culprit}`);
        const v = await seriousViolations(page);
        if (v.length) axe.push(`${where}:\n${describeViolations(v)}`);
      }
    }
    const problems = [...overflow, ...axe, ...pageErrors.slice(firstError).map((e) => `page error ${e}`)];
    assert.deepEqual(problems, [], problems.join("\n\n"));
  });
}

/** The main menu's entries as shown (the sider at 1440 px). */
async function menuEntries(page: Page): Promise<string[]> {
  const items = page.locator('nav[aria-label="主导航"] [role="menuitem"]');
  await items.first().waitFor();
  return (await items.allTextContents()).map((s) => s.replace(/\s*\d+$/, "").trim());
}

const ROLE_MENUS: Record<Who, { has: string[]; lacks: string[] }> = {
  unit: { has: ["项目目标表", "导入", "运行监控"], lacks: ["审核批复", "公开发布", "审计日志", "用户与单位"] },
  dept: { has: ["审核批复", "公开发布", "运行监控"], lacks: ["导入", "审计日志", "用户与单位"] },
  finance: { has: ["审核批复", "公开发布", "审计日志"], lacks: ["导入", "用户与单位"] },
  admin: { has: ["导入", "审核批复", "公开发布", "审计日志", "用户与单位"], lacks: [] },
};

test("web menus by role; each role's screens fit a phone", { timeout: loadScaledDeadline(300_000) }, async (t) => {
  if (!CHROMIUM || !srv || !browser) {
    t.skip(SKIP_REASON);
    return;
  }
  const overflow: string[] = [];
  for (const who of Object.keys(ROLE_MENUS) as Who[]) {
    const page = await newPage({ width: 1440, height: 900 }, "zh", who);
    await visit(page, "/todo");
    const menu = await menuEntries(page);
    for (const m of ROLE_MENUS[who].has) assert.ok(menu.includes(m), `${who} sees ${m} (menu: ${menu.join(", ")})`);
    for (const m of ROLE_MENUS[who].lacks) assert.ok(!menu.includes(m), `${who} does not see ${m}`);
    if (who === "admin") {
      await page.context().close();
      continue; // the admin's screens are all in the tests above
    }
    // The role's own screens (its menu, minus the public page) on a phone, in the same page: each
    // opens after the resize (dashboard first, then the others; the menu was read on 待办).
    await page.setViewportSize(WIDTHS[0]);
    const paths = SCREENS.filter((s) => !s.anonymous && menu.some((m) => m && s.path() === pathOf(m)));
    for (const s of paths) {
      await open(page, `${srv.url}${s.path()}`);
      await shot(page, `role-${who}-${s.name}-390-zh`);
      const o = await horizontalOverflow(page);
      if (o.px > 0) overflow.push(`${who} ${s.name}: ${o.px} px; ${o.culprit}`);
    }
    await page.context().close();
  }
  assert.deepEqual(overflow, [], overflow.join("\n"));
});

const MENU_PATHS: Record<string, string> = {
  绩效看板: "/",
  待办: "/todo",
  项目目标表: "/projects",
  导入: "/import",
  审核批复: "/review",
  运行监控: "/monitoring",
  公开发布: "/publish",
  审计日志: "/audit",
  用户与单位: "/admin",
  绩效自评: "/evaluation-rounds",
};
const pathOf = (menuLabel: string) => MENU_PATHS[menuLabel] ?? "";

for (const viewport of WIDTHS) {
  test(`web keyboard at ${viewport.width} px: Tab reaches the main menu, the language switch and 退出`, {
    timeout: loadScaledDeadline(120_000),
  }, async (t) => {
    if (!CHROMIUM || !srv || !browser) {
      t.skip(SKIP_REASON);
      return;
    }
    const page = await newPage(viewport, "zh", "finance");
    await visit(page, "/projects");
    const reached = { menu: false, lang: false, logout: false, menuButton: false };
    const tabUntil = async (done: () => boolean, key = "Tab") => {
      for (let i = 0; i < 60 && !done(); i++) {
        await page.keyboard.press(key);
        const f = await focused(page);
        if (f.inNav) reached.menu = true;
        if (f.inLang) reached.lang = true;
        if (/退\s*出/.test(f.text)) reached.logout = true;
        if (f.text === "打开菜单") reached.menuButton = true;
      }
    };
    await tabUntil(() => reached.lang && reached.logout && (reached.menu || reached.menuButton));
    if (!reached.menu && reached.menuButton) {
      // Phones: the menu is in a drawer that the header's menu button (reached by Tab above) opens.
      await page.getByRole("button", { name: "打开菜单" }).focus();
      await page.keyboard.press("Enter");
      await page.locator('nav[aria-label="主导航"]').waitFor();
      await tabUntil(() => reached.menu);
      // The screenshot once the drawer has slid in (its animations finished).
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      await shot(page, `menu-drawer-${viewport.width}-zh`);
    }
    assert.deepEqual(
      { menu: reached.menu, lang: reached.lang, logout: reached.logout },
      { menu: true, lang: true, logout: true },
    );
    if (viewport.width < 768) assert.ok(reached.menuButton, "on a phone the menu opens from the header's menu button");
    await page.context().close();
  });
}

test("web header follows the project on screen: its year and department", {
  timeout: loadScaledDeadline(120_000),
}, async (t) => {
  if (!CHROMIUM || !srv || !browser) {
    t.skip(SKIP_REASON);
    return;
  }
  // The finance reviewer last looked at 2023 and at no department; the project is 2024, department 151.
  const page = await newPage(WIDTHS[2], "zh", "finance", { "jixiao.year": "2023" });
  await visit(page, "/projects");
  assert.equal(await page.getByTestId("header-year").inputValue(), "2023");
  await visit(page, `/projects/${ids.project}`);
  await page.locator("table.jx-editor").waitFor();
  assert.equal(await page.getByTestId("header-year").inputValue(), "2024", "the year of the open project");
  assert.match((await page.getByTestId("scope").textContent()) ?? "", /151/, "the department of the open project");
  await page.context().close();
});
