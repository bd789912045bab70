// Small page helpers shared by the browser journeys.
import type { Page } from "playwright-core";

export const VIEWPORT = { width: 1440, height: 900 };

export async function login(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole("button", { name: /登\s*录|Log in/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 15_000 });
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole("button", { name: /退\s*出|Log out/ }).click();
  await page.waitForURL((u) => u.pathname.startsWith("/login"));
}

/** Collects uncaught page errors so a journey can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}
