/**
 * Issue 13, failure 9: the session cookie could never be Secure, and with no trusted-proxy
 * setting every user behind a reverse proxy shared one client address for rate limits. Now
 * `secureCookies` marks the cookie Secure, and X-Forwarded-For is believed from the listed
 * proxies only.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildApp } from "../app.ts";
import { THROTTLE } from "../auth/throttle.ts";
import { DRIVERS } from "../db/test-databases.ts";
import { bootstrap } from "../start.ts";

for (const driver of DRIVERS) {
  test(`Secure cookie and trusted proxies (${driver.name})`, async () => {
    const database = await driver.open();
    try {
      await bootstrap(database, { demo: false, adminPassword: "proxy-test-password" });
      const app = await buildApp({ database, webDist: null, secureCookies: true, trustProxy: ["10.1.1.1"] });
      const login = (password: string, remoteAddress: string, forwardedFor?: string) =>
        app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { username: "admin", password },
          remoteAddress,
          headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
        });
      try {
        const ok = await login("proxy-test-password", "10.1.1.1", "203.0.113.7");
        assert.equal(ok.statusCode, 200);
        assert.match(String(ok.headers["set-cookie"]), /; Secure/);
        // Through the trusted proxy, each client has its own address budget …
        const spray = (client: string, n: number) =>
          Promise.all(
            Array.from({ length: n }, (_, i) =>
              app.inject({
                method: "POST",
                url: "/api/v1/auth/login",
                payload: { username: `nobody-${client}-${i}`, password: "wrong-password-x" },
                remoteAddress: "10.1.1.1",
                headers: { "x-forwarded-for": client },
              }),
            ),
          );
        const a = await spray("198.51.100.1", THROTTLE.address.free + 5);
        assert.ok(
          a.some((r) => r.statusCode === 429),
          "one client behind the proxy is limited",
        );
        const b = await spray("198.51.100.2", 3);
        assert.deepEqual(
          b.map((r) => r.statusCode),
          [401, 401, 401],
          "another client behind the same proxy is not",
        );
        // … while an untrusted sender cannot choose its address by a header.
        const forged = await spray("198.51.100.3", 1);
        assert.equal(forged[0]?.statusCode, 401);
        const direct = await Promise.all(
          Array.from({ length: THROTTLE.address.free + 5 }, (_, i) =>
            app.inject({
              method: "POST",
              url: "/api/v1/auth/login",
              payload: { username: `direct-${i}`, password: "wrong-password-x" },
              remoteAddress: "192.0.2.9",
              headers: { "x-forwarded-for": `192.0.2.${100 + (i % 50)}` },
            }),
          ),
        );
        assert.ok(
          direct.some((r) => r.statusCode === 429),
          "a forged X-Forwarded-For from a non-proxy is ignored",
        );
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  });
}
