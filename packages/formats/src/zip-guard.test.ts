import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { zipSync } from "fflate";
import { xlsxBomb } from "./testing/zip-bomb.ts";
import { checkZip, ZIP_LIMITS, type ZipLimits, zipEntries } from "./zip-guard.ts";

const small: ZipLimits = {
  maxEntries: 5,
  maxEntryBytes: 4_000_000,
  maxTotalBytes: 6_000_000,
  maxRatio: 50,
  ratioFloorBytes: 100_000,
};
/** Poorly compressible letters. */
const text = (n: number, _seed?: number) => randomBytes(n).map((x) => 97 + (x % 26));

test("an ordinary zip passes and its entries are listed", () => {
  const z = zipSync({ "xl/worksheets/sheet1.xml": text(200_000), "[Content_Types].xml": text(500, 2) });
  assert.equal(checkZip(z, small), null);
  const entries = zipEntries(z, small);
  assert.ok(Array.isArray(entries));
  assert.deepEqual(
    entries.map((e) => [e.name, e.uncompressedSize]),
    [
      ["xl/worksheets/sheet1.xml", 200_000],
      ["[Content_Types].xml", 500],
    ],
  );
});

test("a bomb is refused from the central directory, before inflating (ratio, entry size, total, count)", () => {
  const zeros = new Uint8Array(3_000_000);
  assert.equal(checkZip(zipSync({ "a.xml": zeros }), small)?.code, "zip.ratio");
  assert.equal(checkZip(zipSync({ "a.xml": text(4_100_000) }), small)?.code, "zip.too-large");
  assert.equal(
    checkZip(zipSync({ "a.xml": text(3_000_000), "b.xml": text(3_100_000, 3) }), small)?.code,
    "zip.too-large",
  );
  const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}`, text(10, i)]));
  const d = checkZip(zipSync(many), small);
  assert.equal(d?.code, "zip.too-many-entries");
  assert.match(d?.message ?? "", /压缩包内文件过多/);
});

test("a header that lies about its size is stopped while inflating", () => {
  const z = zipSync({ "a.xml": new Uint8Array(2_000_000) }, { level: 9 });
  // Rewrite the declared uncompressed size to 1 KB in both headers (ratio check no longer fires).
  const lie = (at: number) => new DataView(z.buffer, z.byteOffset).setUint32(at, 1000, true);
  lie(22); // local header
  const cd = z.findLastIndex((_, i) => z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 0x01 && z[i + 3] === 0x02);
  lie(cd + 24);
  assert.equal(checkZip(z, small)?.code, "zip.size-mismatch");
});

test("not a zip, a truncated zip and damaged deflate data are coded, never thrown", () => {
  assert.equal(checkZip(new Uint8Array([1, 2, 3]))?.code, "zip.unreadable");
  const z = zipSync({ "a.xml": text(1000) });
  assert.equal(checkZip(z.subarray(0, z.length - 30))?.code, "zip.unreadable");
  const broken = zipSync({ "a.xml": text(50_000) });
  broken.fill(0xff, 60, 400);
  assert.equal(checkZip(broken)?.code, "zip.unreadable");
});

test("the attack's xlsx (a few MB whose sheet inflates to 1.1 GB) is refused before inflating", () => {
  const bomb = xlsxBomb(1_100_000_000);
  assert.ok(bomb.length < 4_000_000, `${bomb.length} bytes`);
  const d = checkZip(bomb);
  assert.ok(d?.code === "zip.too-large" || d?.code === "zip.ratio", d?.code);
});

test("the same bomb declaring a modest size is stopped while inflating, at that size", () => {
  const bomb = xlsxBomb(1_100_000_000, 20_000_000);
  assert.ok(20_000_000 / bomb.length < ZIP_LIMITS.maxRatio, "the declared ratio passes the directory check");
  assert.equal(checkZip(bomb)?.code, "zip.size-mismatch");
});
