/**
 * Debian's chromium through playwright-core (never a browser download), screenshots into
 * e2e/screenshots/, and axe-core injected from node_modules for accessibility checks.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { loadScaledDeadline, ROOT } from "./server.ts";

export const CHROMIUM = process.env.JIXIAO_CHROMIUM;
export const SKIP_REASON =
  "JIXIAO_CHROMIUM is not set: install Debian's chromium (apt-get install -y chromium fonts-noto-cjk) to run browser tests";

/**
 * Launches chromium. Every context it opens (browser.newContext, browser.newPage) waits for
 * elements and navigations up to Playwright's 30 s scaled by the machine's load
 * (loadScaledDeadline), so a loaded machine makes a test slower, not failed.
 */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const ctx = await newContext(options);
    ctx.setDefaultTimeout(loadScaledDeadline(30_000));
    ctx.setDefaultNavigationTimeout(loadScaledDeadline(30_000));
    return ctx;
  };
  browser.newPage = async (options) => {
    const ctx = await browser.newContext(options);
    const page = await ctx.newPage();
    page.once("close", () => void ctx.close().catch(() => {}));
    return page;
  };
  return browser;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ROOT, "e2e/screenshots", `${name}.png`), fullPage: true });
}

const AXE = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Serious and critical axe violations on the current page (WCAG 2 A/AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // The app's CSP forbids inline scripts; evaluating through the devtools protocol is not subject to it.
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(AXE);
  const result = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      // Every rule still runs on every node; only the violations are gathered in full (the passes,
      // which list most nodes of the page, are what makes a report slow to build and to send).
      resultTypes: ["violations"],
    });
  })) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export function describeViolations(vs: AxeViolation[]): string {
  return vs
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(" ")} ${n.html.slice(0, 120)}`)
          .join("\n  ")}`,
    )
    .join("\n");
}
