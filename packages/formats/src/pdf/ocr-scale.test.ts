import assert from "node:assert/strict";
import { test } from "node:test";
import { OCR_LINE_PX, ocrScales } from "./ocr-scale.ts";

test("crops are scaled by the page's print height: whole factors at 100–200 dpi, near its own size at 300", () => {
  // 150 dpi (print ≈ 20 px): ×2, the second reading ×1, the Latin one ×2.
  assert.deepEqual(ocrScales(20), { scale: 2, altScale: 1, latinScale: 2 });
  // 100 dpi (≈ 14 px): ×3.
  assert.equal(ocrScales(14).scale, 3);
  // 300 dpi (≈ 40 px): read near its own size, the second reading at about half — never the
  // same scale twice.
  const fine = ocrScales(40);
  assert.ok(Math.abs(fine.scale * 40 - OCR_LINE_PX) <= 4, JSON.stringify(fine));
  assert.ok(fine.altScale < 0.7 * fine.scale, JSON.stringify(fine));
  // 600 dpi: scaled down.
  assert.ok(ocrScales(80).scale < 1);
});
