import assert from "node:assert/strict";
import { test } from "node:test";
import { oddRuns } from "./ocr-consistency.ts";

test("a run of ideographs found nowhere else, a glyph from one the table repeats, is doubtful", () => {
  const all = ["通过对591名退休人员开展体检工作", "年度体检退休人员数量1", "退休人员体检受益率8", "成本退体人"];
  assert.deepEqual(oddRuns(all, [1, 2, 3]), [3]);
  const four = ["通过对591名退休人员开展体检工作", "年度体检退休人员数量1", "退休人员体检受益率8", "退体人员满意度10"];
  assert.deepEqual(oddRuns(four, [1, 2, 3]), [3]);
});

test("words the table does not repeat, and runs that differ in two glyphs, are not doubted", () => {
  const all = ["年度设备购置基层医疗机构数量1", "全年设备购置基层医疗机构数量2", "项目体检退休人员数量3"];
  assert.deepEqual(oddRuns(all, [0, 1, 2]), []);
});

test("a glyph misread alike in several cells: the names on both sides of the pair are doubtful", () => {
  // 休 read as 体 in three names; the goal prints 退休人员 right, and so does one name.
  const all = [
    "通过对306名退休人员开展体检工作",
    "退体人员体检覆盖率3",
    "退体人员体检完成率4",
    "退休人员体检标准7",
    "退体人员满意度10",
    "体检及时率5",
  ];
  assert.deepEqual(oddRuns(all, [1, 2, 3, 4, 5]), [1, 2, 3, 4]);
});

test("two domain words one glyph apart, and a glyph differing at a run's edge, are not a pair", () => {
  const all = [
    "产品数量指标完成",
    "产品质量指标完成",
    "残疾人满意度14",
    "困难职工满意度16",
    "设备完成率",
    "设备完好率",
  ];
  assert.deepEqual(oddRuns(all, [0, 1, 2, 3, 4, 5]), []);
});
