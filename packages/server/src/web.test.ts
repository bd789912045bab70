import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import test from "node:test";
import { buildApp } from "./app.ts";
import { DRIVERS } from "./db/test-databases.ts";
import { bootstrap } from "./start.ts";

const driver = DRIVERS[0];

test("serves the built web app at / with SPA fallback; /api stays JSON; login is rate-limited", async () => {
  assert.ok(driver);
  const dist = mkdtempSync(path.join(tmpdir(), "jixiao-dist-"));
  mkdirSync(path.join(dist, "assets"));
  writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>jixiao</title><div id=root></div>");
  writeFileSync(path.join(dist, "assets", "app.js"), "console.log(1)");
  const database = await driver.open();
  try {
    await bootstrap(database, { demo: false, adminPassword: "admin-password-1" });
    const app = await buildApp({ database, webDist: dist });
    const root = await app.inject({ url: "/" });
    assert.equal(root.statusCode, 200);
    assert.match(root.body, /<div id=root>/);
    assert.match(String(root.headers["content-security-policy"]), /default-src 'self'/);
    const deep = await app.inject({ url: "/projects/12/edit" });
    assert.equal(deep.statusCode, 200);
    assert.match(deep.body, /<div id=root>/);
    const asset = await app.inject({ url: "/assets/app.js" });
    assert.equal(asset.body, "console.log(1)");
    const api = await app.inject({ url: "/api/v1/nothing-here" });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, "route.not-found");
    const spec = await app.inject({ url: "/api/openapi.json" });
    assert.equal(spec.json().openapi.startsWith("3."), true);
    assert.equal((await app.inject({ url: "/api/docs/" })).statusCode, 200);

    // Login rate limit (auth/throttle.ts): 5 attempts per account, then 429 even with the right password.
    const login = (password: string) =>
      app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "admin", password } });
    for (let i = 0; i < 5; i++) assert.equal((await login("wrong")).statusCode, 401);
    const limited = await login("admin-password-1");
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, "auth.rate-limited");
    assert.ok(Number(limited.headers["retry-after"]) > 0);
    // Spraying many usernames from one address is limited too (50 attempts, the 5 above included).
    for (let i = 0; i < 45; i++) {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: `u${i}`, password: "x" },
      });
      assert.equal(r.statusCode, 401);
    }
    const sprayed = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "u99", password: "x" },
    });
    assert.equal(sprayed.statusCode, 429);
    await app.close();
  } finally {
    await database.close();
    rmSync(dist, { recursive: true, force: true });
  }
});
