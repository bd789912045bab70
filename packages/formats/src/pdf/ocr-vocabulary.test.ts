import assert from "node:assert/strict";
import { test } from "node:test";
import {
  COMMON_UNITS,
  checkCell,
  LOOK_ALIKES,
  nameCell,
  nearestWord,
  oneGlyphAway,
  PROJECT_CATEGORIES,
  totalWord,
  UNIT_LOOK_ALIKES,
} from "./ocr-vocabulary.ts";

test("one glyph away: changed, dropped or added; not two", () => {
  assert.ok(oneGlyphAway("数量指杯", "数量指标"));
  assert.ok(oneGlyphAway("数量指", "数量指标"));
  assert.ok(oneGlyphAway("数量指标标", "数量指标"));
  assert.ok(!oneGlyphAway("数址指杯", "数量指标"));
  assert.equal(nearestWord("质量指怀", ["数量指标", "质量指标"]), "质量指标");
  // Two words a glyph away: no guess.
  assert.equal(nearestWord("X量指标", ["数量指标", "质量指标"]), null);
});

test("closed vocabularies: a 一级/二级 label or a nature a glyph off is snapped and flagged; a word is kept", () => {
  assert.deepEqual(checkCell("level2", "数量指杯"), { text: "数量指标", corrected: true, doubtful: true });
  assert.deepEqual(checkCell("level1", "产出指标"), { text: "产出指标", corrected: false, doubtful: false });
  assert.deepEqual(checkCell("nature", "正问"), { text: "正向", corrected: true, doubtful: true });
  assert.equal(checkCell("operator", "大于等干").text, "大于等于");
  assert.equal(checkCell("operator", "≥").doubtful, false);
  // A lone symbol that is no operator cannot be snapped (2 for ≥): flagged as read.
  // ≥ alone in a cell is recognised as a 2: repaired, flagged (a digit means nothing here).
  assert.deepEqual(checkCell("operator", "2"), { text: "≥", corrected: true, doubtful: true });
  assert.deepEqual(checkCell("nature", "2"), { text: "≥", corrected: true, doubtful: true });
  assert.deepEqual(checkCell("operator", "3"), { text: "3", corrected: false, doubtful: true });
  // Nothing near: flagged as read.
  assert.deepEqual(checkCell("level1", "某某某某"), { text: "某某某某", corrected: false, doubtful: true });
});

test("units: common ones kept, a glyph-off one snapped, an unknown one flagged", () => {
  assert.equal(checkCell("measure", "%").doubtful, false);
  assert.equal(checkCell("measure", "人次").doubtful, false);
  assert.deepEqual(checkCell("measure", "平方术"), { text: "平方米", corrected: true, doubtful: true });
  // 万无 is a glyph from 万元 and from 万人: no guess, flagged.
  assert.deepEqual(checkCell("measure", "万无"), { text: "万无", corrected: false, doubtful: true });
  assert.deepEqual(checkCell("measure", "2"), { text: "2", corrected: false, doubtful: true });
  // The ring of a blurred % read as a digit of its own (a turned scan): repaired, flagged.
  assert.deepEqual(checkCell("measure", "9%"), { text: "%", corrected: true, doubtful: true });
  assert.deepEqual(checkCell("measure", "96"), { text: "%", corrected: true, doubtful: true });
  assert.deepEqual(checkCell("measure", "19%"), { text: "19%", corrected: false, doubtful: true });
});

test("numbers: 分值 and 预算数 are numbers; a letter read for a digit is repaired; words are doubtful", () => {
  assert.equal(checkCell("weight", "4.5").doubtful, false);
  assert.equal(checkCell("budget", "1,188.83").doubtful, false);
  assert.deepEqual(checkCell("weight", "1O"), { text: "10", corrected: true, doubtful: true });
  assert.equal(checkCell("weight", "工").doubtful, true);
});

test("targets: a quantity with a stray letter is doubtful; words and dates are kept", () => {
  assert.equal(checkCell("target", "85").doubtful, false);
  assert.equal(checkCell("target", "2024年12月前完成").doubtful, false);
  assert.equal(checkCell("target", "有效保障").doubtful, false);
  assert.deepEqual(checkCell("target", "9O"), { text: "90", corrected: true, doubtful: true });
  // ≥ before a rate recognised as a 2 (≥90% → 290%); 200% and 25 stay as read.
  assert.deepEqual(checkCell("target", "290%"), { text: "≥90%", corrected: true, doubtful: true });
  assert.deepEqual(checkCell("target", "2100%"), { text: "≥100%", corrected: true, doubtful: true });
  assert.equal(checkCell("target", "200%").text, "200%");
  assert.equal(checkCell("target", "25").text, "25");
});

test("names: a closing term misread by a look-alike or a digit is repaired, a real word is not", () => {
  assert.deepEqual(nameCell("河道清淤治理履盖率3"), { text: "河道清淤治理覆盖率3", corrected: true, doubtful: true });
  assert.equal(nameCell("清淤治理及时35").text, "清淤治理及时率5");
  assert.equal(nameCell("困难职工满意度10").corrected, false);
  // The term's last glyph dropped before the number: put back, the number kept.
  assert.equal(nameCell("困难职工满意10").text, "困难职工满意度10");
  // 及时性 is a word of its own, not a misread 及时率.
  assert.equal(nameCell("资金拨付及时性").corrected, false);
});

test("total rows: a label a glyph from 合计 by a look-alike is the total", () => {
  assert.equal(totalWord("和让"), "合计");
  assert.equal(totalWord("合让"), "合计");
  assert.equal(totalWord("合计"), null);
  assert.equal(totalWord("项目名称"), null);
});

/** Generated: every two operator words one glyph apart, the glyph read as a known look-alike. */
test("a word a glyph from two vocabulary words: the one whose glyph is a known look-alike is taken", () => {
  assert.deepEqual(checkCell("operator", "太于等于"), { text: "大于等于", corrected: true, doubtful: true });
  for (const [read, meant] of LOOK_ALIKES)
    for (const word of ["大于等于", "小于等于", "数量指标", "质量指标"]) {
      const at = Array.from(word).indexOf(meant);
      if (at < 0) continue;
      const chars = Array.from(word);
      chars[at] = read;
      const got = nearestWord(chars.join(""), ["大于等于", "小于等于", "数量指标", "质量指标"]);
      assert.equal(got, word, chars.join(""));
    }
  // Neither glyph a look-alike: still no guess.
  assert.equal(nearestWord("X于等于", ["大于等于", "小于等于"]), null);
});

test("units: glyphs read as their look-alikes are mapped back (力7 → 万元), flagged", () => {
  for (const unit of COMMON_UNITS) {
    const read = Array.from(unit, (ch) => [...UNIT_LOOK_ALIKES].find(([, m]) => m === ch)?.[0] ?? ch).join("");
    if (read === unit) continue;
    assert.deepEqual(checkCell("measure", read), { text: unit, corrected: true, doubtful: true }, read);
  }
});

/** Generated: every category with each of its glyphs misread as another. */
test("项目类别: a category a glyph off is read as it, flagged; another category is kept", () => {
  for (const word of PROJECT_CATEGORIES)
    Array.from(word).forEach((_, i) => {
      const chars = Array.from(word);
      chars[i] = "口";
      const read = chars.join("");
      if (nearestWord(read, PROJECT_CATEGORIES) !== word) return;
      assert.deepEqual(checkCell("category", read), { text: word, corrected: true, doubtful: true }, read);
    });
  assert.deepEqual(checkCell("category", "部门预算项目"), { text: "部门预算项目", corrected: false, doubtful: false });
  // Its last two glyphs read as Latin junk.
  for (const word of PROJECT_CATEGORIES.filter((w) => Array.from(w).length >= 6))
    for (const junk of ["Tm电", "TPR中", "Ix"])
      assert.equal(checkCell("category", Array.from(word).slice(0, -2).join("") + junk).text, word);
  assert.deepEqual(checkCell("category", "其他类别"), { text: "其他类别", corrected: false, doubtful: false });
});
