// Manual tour: `node --import tsx e2e/support/tour.ts` starts a demo server and screenshots screens.
import { describeViolations, launch, seriousViolations, shot } from "./browser.ts";
import { startServer } from "./server.ts";

const srv = await startServer({ demo: true });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on("pageerror", (e) => console.log("pageerror", e.message));
  page.on("console", (m) => m.type() === "error" && console.log("console", m.text()));
  await page.goto(`${srv.url}/login`);
  await page.getByLabel("用户名").fill("dept151");
  await page.getByLabel("密码").fill("demo-dept-151");
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL(/\/projects/);
  await page.waitForTimeout(1500);
  await shot(page, "tour-projects");
  console.log(describeViolations(await seriousViolations(page)));
  await page.getByRole("link", { name: "退休人员体检费" }).first().click();
  await page.waitForTimeout(2000);
  await shot(page, "tour-editor");
  console.log(describeViolations(await seriousViolations(page)));
  await page.goto(`${srv.url}/`);
  await page.waitForTimeout(2500);
  await shot(page, "tour-dashboard");
} finally {
  await browser.close();
  await srv.stop();
}
