/**
 * Accessibility (axe-core, WCAG 2.1 A/AA) on every main screen of the web app, in Chinese and
 * in English: no serious or critical violations. Each screen is also saved as a screenshot.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM, describeViolations, launch, SKIP_REASON, seriousViolations, shot } from "./support/browser.ts";
import { login, VIEWPORT } from "./support/pages.ts";
import { ADMIN_PASSWORD, apiLogin, loadScaledDeadline, type RunningServer, startServer } from "./support/server.ts";

let srv: RunningServer | null = null;
let browser: Browser | null = null;
let projectId = 0;

before(async () => {
  if (!CHROMIUM) return;
  srv = await startServer({ demo: true });
  browser = await launch();
  const admin = await apiLogin(srv.url, "admin", ADMIN_PASSWORD);
  const list = await admin<{ items: { id: number; name: string }[] }>("GET", "/projects?fiscalYear=2024&limit=50");
  projectId = list.items.find((p) => p.name === "体检费")?.id ?? list.items[0]!.id;
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

/** Waits until the screen has rendered its main content (no spinner, no pending query). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page
    .locator(".ant-spin-spinning")
    .first()
    .waitFor({ state: "detached", timeout: loadScaledDeadline(10_000) })
    .catch(() => {});
  await page.waitForTimeout(300);
}

const SCREENS: { name: string; path: (id: number) => string; anonymous?: boolean }[] = [
  { name: "login", path: () => "/login", anonymous: true },
  { name: "public-list", path: () => "/public", anonymous: true },
  { name: "dashboard", path: () => "/" },
  { name: "projects", path: () => "/projects" },
  { name: "editor", path: (id) => `/projects/${id}` },
  { name: "review", path: (id) => `/projects/${id}/review` },
  { name: "review-queue", path: () => "/review" },
  { name: "import", path: () => "/import" },
  { name: "publish", path: () => "/publish" },
  { name: "self-evaluation", path: (id) => `/projects/${id}/self-evaluation` },
  { name: "audit", path: () => "/audit" },
  { name: "admin", path: () => "/admin" },
];

for (const lang of ["zh", "en"] as const) {
  test(`web a11y (${lang}): no serious or critical axe violations on any main screen`, {
    timeout: loadScaledDeadline(240_000),
  }, async (t) => {
    if (!CHROMIUM || !srv || !browser) {
      t.skip(SKIP_REASON);
      return;
    }
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    await ctx.addInitScript((l) => localStorage.setItem("jixiao.lang", l), lang);
    const anon = await ctx.newPage();
    const page = await ctx.newPage();
    await login(page, srv.url, "admin", ADMIN_PASSWORD);
    const failures: string[] = [];
    for (const s of SCREENS) {
      const p = s.anonymous ? anon : page;
      await p.goto(`${srv.url}${s.path(projectId)}`);
      await settle(p);
      await shot(p, `screen-${s.name}-${lang}`);
      const v = await seriousViolations(p);
      if (v.length) failures.push(`${s.name}:\n${describeViolations(v)}`);
    }
    await ctx.close();
    assert.deepEqual(failures, [], failures.join("\n\n"));
  });
}
