import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import test from "node:test";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { buildApp } from "./app.ts";
import { DRIVERS } from "./db/test-databases.ts";
import { IMMUTABLE, REVALIDATE } from "./http/static-assets.ts";

const driver = DRIVERS[0];

/** A dist folder shaped like `vite build` with the precompress plugin (twins beside the files). */
function fakeDist(): { dist: string; js: string; html: string } {
  const dist = mkdtempSync(path.join(tmpdir(), "jixiao-static-"));
  mkdirSync(path.join(dist, "assets"));
  const html = `<!doctype html><title>绩效</title><div id=root></div>${"<!-- pad -->".repeat(200)}`;
  const js = `export const x = ${JSON.stringify("绩效目标".repeat(500))};\n`;
  const put = (name: string, text: string, twins: boolean) => {
    writeFileSync(path.join(dist, name), text);
    if (!twins) return;
    writeFileSync(path.join(dist, `${name}.br`), brotliCompressSync(text));
    writeFileSync(path.join(dist, `${name}.gz`), gzipSync(text));
  };
  put("index.html", html, true);
  put("assets/index-Bq3xY9_k.js", js, true);
  put("assets/tiny-C0ffee12.css", "a{b:c}", false); // under 1 KB: the build writes no twins
  return { dist, js, html };
}

test("web assets: brotli/gzip twins by Accept-Encoding, hashed assets immutable, index.html no-cache", async () => {
  assert.ok(driver);
  const { dist, js, html } = fakeDist();
  const database = await driver.open();
  try {
    const app = await buildApp({ database, webDist: dist });
    const get = (url: string, enc?: string) =>
      app.inject({ url, headers: enc === undefined ? {} : { "accept-encoding": enc } });

    const br = await get("/assets/index-Bq3xY9_k.js", "gzip, deflate, br");
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers["content-encoding"], "br");
    assert.match(String(br.headers["content-type"]), /javascript/);
    assert.equal(br.headers["cache-control"], IMMUTABLE);
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), js);
    assert.ok(br.rawPayload.length < Buffer.byteLength(js) / 5, "the brotli twin is what is sent");

    const gz = await get("/assets/index-Bq3xY9_k.js", "gzip");
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.equal(gz.headers["cache-control"], IMMUTABLE);
    assert.equal(gunzipSync(gz.rawPayload).toString(), js);

    const plain = await get("/assets/index-Bq3xY9_k.js");
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(plain.body, js);
    assert.equal(plain.headers["cache-control"], IMMUTABLE);

    // No twin on disk: the plain file, still immutable, still varying on Accept-Encoding.
    const tiny = await get("/assets/tiny-C0ffee12.css", "br, gzip");
    assert.equal(tiny.statusCode, 200);
    assert.equal(tiny.headers["content-encoding"], undefined);
    assert.equal(tiny.body, "a{b:c}");
    assert.equal(tiny.headers["cache-control"], IMMUTABLE);

    // The page itself must be revalidated so that a new build's hashed names are picked up.
    for (const url of ["/", "/index.html", "/projects/12", "/public/2024"]) {
      const r = await get(url, "br");
      assert.equal(r.statusCode, 200, url);
      assert.equal(r.headers["cache-control"], REVALIDATE, url);
      assert.equal(r.headers["content-encoding"], "br", url);
      assert.match(String(r.headers["content-type"]), /text\/html/, url);
      assert.equal(brotliDecompressSync(r.rawPayload).toString(), html, url);
    }
    const page = await get("/projects/12");
    assert.equal(page.body, html);
    assert.equal(page.headers["cache-control"], REVALIDATE);

    // A missing asset falls to the SPA page, which must never be cached as an immutable asset.
    assert.equal((await get("/assets/missing-AAAAAAAA.js", "br")).headers["cache-control"], REVALIDATE);
    const api = await get("/api/v1/nothing-here", "br");
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, "route.not-found");
    await app.close();
  } finally {
    await database.close();
    rmSync(dist, { recursive: true, force: true });
  }
});
