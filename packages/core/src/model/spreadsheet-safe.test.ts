import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fromSpreadsheetSafe, spreadsheetSafe } from "./spreadsheet-safe.ts";

test("every formula trigger is neutralised: = + - @ tab CR", () => {
  for (const s of ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=1"]) {
    const safe = spreadsheetSafe(s);
    assert.equal(safe, `'${s}`, JSON.stringify(s));
    assert.equal(fromSpreadsheetSafe(safe), s);
  }
});

test("numbers stay numbers; ordinary text is untouched", () => {
  for (const s of [
    "-5",
    "+3.2",
    "-0.5",
    "1e5",
    "-1.5E-3",
    "12%",
    "-12%",
    "70",
    "有效保障",
    "≥95",
    "",
    "a=b",
    "'quoted",
  ]) {
    assert.equal(spreadsheetSafe(s), s, s);
    assert.equal(fromSpreadsheetSafe(s), s, s);
  }
});

test("writing then reading gives back any text (apostrophes before a trigger included)", () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "1", ".", "a", "额") }), (s) => {
      assert.equal(fromSpreadsheetSafe(spreadsheetSafe(s)), s);
      const w = spreadsheetSafe(s);
      // What a spreadsheet would run as a formula is only ever a plain number.
      if (/^[=+\-@\t\r]/.test(w)) assert.match(w, /^[+-]?(\d+(\.\d*)?|\.\d+)$/);
    }),
    { numRuns: 2000 },
  );
});
