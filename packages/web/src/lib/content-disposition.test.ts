import assert from "node:assert/strict";
import { test } from "node:test";
import { fileNameOf } from "./content-disposition.ts";

test("the server's UTF-8 file name is read back in Chinese", () => {
  const name = "2024-151-表12.pdf";
  assert.equal(fileNameOf(`attachment; filename*=UTF-8''${encodeURIComponent(name)}`), name);
});

test("a plain or quoted filename, and none", () => {
  assert.equal(fileNameOf('attachment; filename="a b.xlsx"'), "a b.xlsx");
  assert.equal(fileNameOf("attachment; filename=x.csv"), "x.csv");
  assert.equal(fileNameOf("attachment"), null);
  assert.equal(fileNameOf(null), null);
});

test("a broken escape falls back to the plain name", () => {
  assert.equal(fileNameOf(`attachment; filename="plain.pdf"; filename*=UTF-8''%E4%ZZ`), "plain.pdf");
});
