import assert from "node:assert/strict";
import { test } from "node:test";
import { oddRuns } from "./ocr-consistency.ts";

test("a run of ideographs found nowhere else, a glyph from one the table repeats, is doubtful", () => {
  const all = ["通过对591名退休人员开展体检工作", "年度体检退休人员数量1", "退休人员体检受益率8", "退体人员满意度10"];
  assert.deepEqual(oddRuns(all, [1, 2, 3]), [3]);
});

test("words the table does not repeat, and runs that differ in two glyphs, are not doubted", () => {
  const all = ["年度设备购置基层医疗机构数量1", "全年设备购置基层医疗机构数量2", "项目体检退休人员数量3"];
  assert.deepEqual(oddRuns(all, [0, 1, 2]), []);
});
