/**
 * Front-end benchmark in Debian's chromium:
 *  - first load of the login, dashboard, editor and public pages: bytes transferred and time to
 *    the first useful paint, cold cache, real server (web-first-load.ts); JIXIAO_BENCH_WEB=first-load
 *    runs only this part;
 * then the built web app with the API answered in the page by generated data, so that only the
 * browser's work is timed:
 *  - open a 200-indicator target table in the editor (target < 1 s), beside opening a
 *    10-indicator table in the same run (ratio);
 *  - render and scroll a 5,000-project list (virtualised), beside a 50-project list (ratio).
 * Needs JIXIAO_CHROMIUM (or /usr/bin/chromium).
 */
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Page } from "playwright-core";
import { ensureWebBuild, ROOT } from "../e2e/support/server.ts";
import type { Indicator, Project } from "../packages/core/src/model/document.ts";
import { generateDepartment } from "./generator/department.ts";
import { firstLoadBench } from "./web-first-load.ts";

let DIST = path.join(ROOT, "packages/web/dist");
const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".css": "text/css",
  ".html": "text/html",
  ".svg": "image/svg+xml",
};

function staticServer(): Promise<{ url: string; close: () => void }> {
  const srv = http.createServer((req, res) => {
    const p = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    let file = path.join(DIST, p);
    if (!file.startsWith(DIST) || !existsSync(file) || p === "/") file = path.join(DIST, "index.html");
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => srv.close() });
    }),
  );
}

function bigProject(n: number): Project {
  const indicators: Indicator[] = [];
  let seed = 1;
  let base: Project | null = null;
  while (indicators.length < n) {
    for (const p of generateDepartment(seed++, { projects: 20, layout: "older" }).projects) {
      base ??= p;
      indicators.push(...p.indicators);
    }
  }
  const sorted = indicators
    .slice(0, n)
    .sort((a, b) => a.level1.localeCompare(b.level1) || a.level2.localeCompare(b.level2));
  return { ...base!, indicators: sorted };
}

function summaries(n: number) {
  const doc = generateDepartment(7, { projects: n });
  return doc.projects.map((p, i) => ({
    id: i + 1,
    regionCode: "150100",
    fiscalYear: 2024,
    deptCode: p.unitCode.slice(0, 3),
    unitCode: p.unitCode,
    unitName: p.unitName,
    name: p.name,
    category: p.category,
    budget: p.budget,
    moneyUnit: "万元",
    status: (["draft", "submitted", "approved", "returned"] as const)[i % 4],
    versionNo: 1,
    kind: "original",
    rowVersion: 1,
    indicatorCount: p.indicators.length,
    updatedAt: new Date(0).toISOString(),
    hasApproved: i % 4 === 2,
  }));
}

const USER = {
  id: 1,
  username: "bench",
  displayName: "基准",
  role: "unit_staff",
  regionCode: "150100",
  deptCode: null,
  unitCode: "151001",
  disabled: false,
};

async function mockApi(
  page: Page,
  projects: ReturnType<typeof summaries>,
  tables: Map<number, Project>,
): Promise<void> {
  await page.route("**/api/**", async (route) => {
    const url = new URL(route.request().url());
    const json = (body: unknown) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(body) });
    const m = /\/api\/v1\/projects\/(\d+)$/.exec(url.pathname);
    if (url.pathname === "/api/v1/auth/me") return json({ user: USER, csrfToken: "x" });
    if (m) {
      const id = Number(m[1]);
      const table = tables.get(id) ?? tables.get(299) ?? bigProject(10);
      return json({
        ...projects[0]!,
        id,
        name: table.name,
        status: "draft",
        indicatorCount: table.indicators.length,
        table,
        returnReason: null,
        approvedVersionNo: null,
      });
    }
    if (url.pathname === "/api/v1/projects") {
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 50);
      return json({ items: projects.slice(offset, offset + limit), total: projects.length });
    }
    if (url.pathname === "/api/v1/todo") {
      const counts = { drafts: 0, returned: 0, toReview: 0, selfEvaluations: 0, publications: 0, total: 0 };
      return json({ drafts: [], returned: [], toReview: [], selfEvaluations: [], publications: [], counts });
    }
    return json({ items: [] });
  });
}

/** Navigates inside the loaded app and resolves when `selector` is on screen and painted. */
async function spaOpen(page: Page, to: string, selector: string): Promise<number> {
  return page.evaluate(
    async ({ to, selector }) => {
      const t0 = performance.now();
      history.pushState({}, "", to);
      dispatchEvent(new PopStateEvent("popstate"));
      // (no named helpers in here: tsx would wrap them in __name, unknown in the page)
      while (!document.querySelector(selector)) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    },
    { to, selector },
  );
}

async function scrollList(page: Page): Promise<{ ms: number; frames: number }> {
  return page.evaluate(async () => {
    const holder = document.querySelector(".ant-table-tbody-virtual-holder") as HTMLElement;
    const steps = 40;
    const t0 = performance.now();
    for (let i = 1; i <= steps; i++) {
      holder.scrollTop = (holder.scrollHeight * i) / steps;
      holder.dispatchEvent(new Event("scroll"));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const ms = performance.now() - t0;
    return { ms, frames: steps };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function bench(): Promise<void> {
  const exe = process.env.JIXIAO_CHROMIUM ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : null);
  if (!exe) {
    console.log("web bench skipped: no chromium (apt-get install -y chromium fonts-noto-cjk)");
    return;
  }
  process.env.JIXIAO_CHROMIUM = exe;
  DIST = ensureWebBuild();
  const { launch } = await import("../e2e/support/browser.ts");
  const srv = await staticServer();
  const browser = await launch();
  try {
    await firstLoadBench(browser);
    if (process.env.JIXIAO_BENCH_WEB === "first-load") return;
    // --- editor: 200 indicators vs 10 -------------------------------------------------
    const big = bigProject(200);
    const small = { ...big, indicators: big.indicators.slice(0, 10) };
    const tables = new Map<number, Project>();
    const RUNS = 5;
    for (let i = 0; i < RUNS; i++) {
      tables.set(100 + i, big);
      tables.set(200 + i, small);
    }
    const list50 = summaries(50);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await mockApi(page, list50, tables);
    await page.goto(`${srv.url}/projects`);
    await page.getByTestId("project-count").waitFor();
    // Load the editor's code once so that runs compare rendering, not the network.
    await spaOpen(page, "/projects/299", "body");
    tables.set(299, small);
    await spaOpen(page, "/projects/299", 'tr[data-row="9"]');
    const bigTimes: number[] = [];
    const smallTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await spaOpen(page, "/projects", '[data-testid="project-count"]');
      smallTimes.push(await spaOpen(page, `/projects/${200 + i}`, 'tr[data-row="9"]'));
      await spaOpen(page, "/projects", '[data-testid="project-count"]');
      bigTimes.push(await spaOpen(page, `/projects/${100 + i}`, 'tr[data-row="199"]'));
    }
    const inputs = await page.locator("table.jx-editor input, table.jx-editor select").count();
    // Typing latency in the 200-row table: one keystroke to the next painted frame.
    const typing = await page.evaluate(async () => {
      const input = document.querySelector('tr[data-row="150"] td[data-field="target"] input') as HTMLInputElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      const times: number[] = [];
      for (let k = 0; k < 10; k++) {
        const t0 = performance.now();
        setter.call(input, `${input.value}${k}`);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[5]!;
    });
    await page.close();
    const b = median(bigTimes);
    const s = median(smallTimes);
    console.log(
      `editor: open 200-indicator table  median ${b.toFixed(0)} ms (${RUNS} runs: ${bigTimes.map((x) => x.toFixed(0)).join(", ")}; ${inputs} form controls)  target < 1000 ms: ${b < 1000 ? "met" : "NOT met"}`,
    );
    console.log(`editor: open 10-indicator table   median ${s.toFixed(0)} ms (baseline)`);
    console.log(
      `editor: ratio 200 / 10 indicators = ${(b / s).toFixed(2)}; keystroke → painted frame in the 200-row table: ${typing.toFixed(1)} ms (median of 10)`,
    );

    // --- list: 5,000 projects vs 50 ---------------------------------------------------
    const results: Record<number, { render: number; scroll: number; rows: number }> = {};
    for (const n of [50, 5000]) {
      const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await mockApi(p, summaries(n), tables);
      await p.goto(`${srv.url}/todo`); // a light page that the mock answers; then into the list
      await p.locator(".jx-page").first().waitFor();
      const render = await spaOpen(p, "/projects", ".ant-table-tbody-virtual .ant-table-row");
      await p
        .getByTestId("project-count")
        .filter({ hasText: `共 ${n} 个项目` })
        .waitFor();
      const sc = await scrollList(p);
      const rows = await p.locator(".ant-table-tbody-virtual .ant-table-row").count();
      results[n] = { render, scroll: sc.ms, rows };
      await p.close();
    }
    const r5k = results[5000]!;
    const r50 = results[50]!;
    console.log(
      `list: 5,000 projects  fetch(10 pages)+render ${r5k.render.toFixed(0)} ms, scroll top→bottom in 40 frames ${r5k.scroll.toFixed(0)} ms (${(r5k.scroll / 40).toFixed(1)} ms/frame), ${r5k.rows} rows in the DOM`,
    );
    console.log(
      `list: 50 projects     fetch+render ${r50.render.toFixed(0)} ms, scroll ${r50.scroll.toFixed(0)} ms (baseline), ${r50.rows} rows in the DOM`,
    );
    console.log(
      `list: ratio 5,000 / 50 projects: render ${(r5k.render / r50.render).toFixed(2)}, scroll ${(r5k.scroll / r50.scroll).toFixed(2)} (virtualised: the DOM holds only the visible rows)`,
    );
  } finally {
    await browser.close();
    srv.close();
  }
}
