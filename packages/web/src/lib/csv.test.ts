import assert from "node:assert/strict";
import { test } from "node:test";
import { toCsv } from "./csv.ts";

test("toCsv quotes commas, quotes and newlines and starts with a BOM", () => {
  assert.equal(
    toCsv([
      ["项目", "预算数"],
      ['a,"b"', 7],
      ["x\ny", null],
    ]),
    '\uFEFF项目,预算数\r\n"a,""b""",7\r\n"x\ny",\r\n',
  );
});

test("toCsv neutralises formula triggers in text and leaves numbers alone (issue 13)", () => {
  const csv = toCsv([['=HYPERLINK("http://x","y")', "+1+1", "-A1", "@SUM(A1)", "\tx", "\rx", -5, "-5", 3.5]]);
  assert.equal(csv, '\uFEFF"\'=HYPERLINK(""http://x"",""y"")",\'+1+1,\'-A1,\'@SUM(A1),\'\tx,"\'\rx",-5,-5,3.5\r\n');
});
