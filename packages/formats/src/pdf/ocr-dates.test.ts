import assert from "node:assert/strict";
import { test } from "node:test";
import { deadlineYearRead } from "./ocr-dates.ts";
import { checkCell } from "./ocr-vocabulary.ts";

/** Generated: every month, 年 read as each digit look-alike, with or without 月 before 前/底. */
test("a deadline whose 年 was read as digits is repaired when the month is unique, flagged", () => {
  let repaired = 0;
  for (const year of [2019, 2021, 2025])
    for (let month = 1; month <= 12; month++)
      for (const junk of ["4", "46", "55", "7"])
        for (const tail of ["月前完成", "月底前完成", "月末"]) {
          const read = `${year}${junk}${month}${tail}`;
          const want = `${year}年${month}月${tail.slice(1)}`;
          const got = deadlineYearRead(read);
          // Where another split also gives a month (2021412月: 4|12 or 41|2), no guess.
          const splits = [1, 2].filter((j) => {
            const mo = `${junk}${month}`.slice(j);
            return mo && !mo.startsWith("0") && Number(mo) >= 1 && Number(mo) <= 12;
          });
          if (splits.length === 1) {
            assert.equal(got, want, read);
            assert.deepEqual(checkCell("target", read), { text: want, corrected: true, doubtful: true });
            repaired++;
          } else assert.equal(got, null, read);
          // 月 dropped before 前: read the same way.
          if (tail.startsWith("月前") && splits.length === 1)
            assert.equal(deadlineYearRead(read.replace("月", "")), want);
        }
  assert.ok(repaired > 100);
});

test("a deadline read right, a number, or a date without a year is left alone", () => {
  for (const t of ["2021年10月前完成", "2021410", "95", "≥95%", "10月前完成", "有所提高"])
    assert.equal(deadlineYearRead(t), null, t);
  assert.equal(checkCell("target", "2021年10月前完成").doubtful, false);
});
