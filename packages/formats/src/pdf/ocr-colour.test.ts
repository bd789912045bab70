import assert from "node:assert/strict";
import { test } from "node:test";
import { scanGrey } from "./ocr-colour.ts";

test("a red seal over a scanned table reads as paper; print, blue ink and print under the seal stay ink", () => {
  // A seal's red, JPEG-noisy and pale at its rim.
  for (const [r, g, b] of [
    [200, 40, 40],
    [230, 90, 100],
    [180, 20, 60],
  ] as const)
    assert.ok(scanGrey(r, g, b) >= 180, `${r},${g},${b}`);
  // Print: black, grey; print under the seal (dark red-black); blue ink; paper.
  assert.ok(scanGrey(20, 20, 20) < 40);
  assert.ok(scanGrey(90, 30, 30) < 128, "print under a seal");
  assert.ok(scanGrey(30, 40, 140) < 128, "blue ink");
  assert.equal(scanGrey(255, 255, 255), 255);
  assert.equal(scanGrey(128, 128, 128), 128);
});
