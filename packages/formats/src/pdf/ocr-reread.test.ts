import assert from "node:assert/strict";
import { test } from "node:test";
import { rereadAlike, rereadVerdict, rereadVocabulary, spells, vocabularyReading } from "./ocr-reread.ts";

const PAIR = { w: "退体人员", v: "退休人员", at: 1 };

test("a reading spells a run's glyph when it prints it beside one of its neighbours in the run", () => {
  assert.ok(spells("退休入员体检", "退休人员", 1), "退休 beside a misread 入");
  assert.ok(!spells("退体人员体检", "退休人员", 1));
});

test("the other spelling is taken when at least two readings again give it and fewer give the line's own", () => {
  assert.equal(rereadVerdict("退体人员体检", [PAIR], ["退休人员体检", "退体人员体检", "退休入员体检"]), "退休人员体检");
  assert.equal(rereadVerdict("退体人员体检", [PAIR], ["退休人员体检", "退体人员体检", "退体人员体检"]), null);
  assert.equal(rereadVerdict("退体人员体检", [PAIR], ["退休人员体检"]), null, "one reading is not enough");
  // A line on the right side stays: its readings again spell it as it is.
  const back = { w: "退休人员", v: "退体人员", at: 1 };
  assert.equal(rereadVerdict("退休人员满意度", [back], ["退休人员满意度", "退体人员满意度", "退休人员满意度"]), null);
});

test("only lines in an alike pair are read again, each crop three more ways", async () => {
  type Line = { file: string; alt?: string; text: string };
  const lines: Line[] = [
    { file: "a", alt: "a2", text: "通过对306名退休人员开展体检工作" },
    { file: "b", alt: "b2", text: "退休人员体检标准7" },
    { file: "c", alt: "c2", text: "退体人员体检覆盖率3" },
    { file: "d", alt: "d2", text: "退体人员满意度10" },
    { file: "e", alt: "e2", text: "体检及时率5" },
  ];
  const asked: string[] = [];
  const out = await rereadAlike(
    lines,
    (l) => l.text,
    async (groups) => {
      const got = new Map<Line, { text: string; conf: number }>();
      for (const g of groups)
        for (const c of g.crops) {
          asked.push(`${c.file}:${g.psm}`);
          // The crops of the misread lines read 休 in two of three ways.
          const flip = /^[cd]/.test(c.file) && !(c.file.endsWith("2") && g.psm === 7);
          got.set(c, { text: flip ? c.text.replace("退体", "退休") : c.text, conf: 90 });
        }
      return got;
    },
  );
  assert.deepEqual(
    [...out].map(([l, t]) => [l.file, t]),
    [
      ["c", "退休人员体检覆盖率3"],
      ["d", "退休人员满意度10"],
    ],
  );
  assert.ok(!asked.some((a) => a.startsWith("e")), "a line in no pair is not read again");
  assert.equal(asked.filter((a) => a.startsWith("c")).length, 3);
});

test("a closed-vocabulary cell takes a word of its column that two readings again give alike", () => {
  assert.equal(vocabularyReading("measure", ["个", "和", "个"]), "个");
  assert.equal(vocabularyReading("measure", ["个", "和", "2"]), null, "one reading is not enough");
  assert.equal(vocabularyReading("weight", ["17", "王了", "17"]), "17");
  assert.equal(
    vocabularyReading("level2", ["数量指杯", "数量指杯", "数量指标"]),
    null,
    "a reading needing repair is no word",
  );
});

test("only cells of closed-vocabulary columns are read again", async () => {
  type Crop = { file: string; alt?: string };
  const unit: Crop = { file: "u", alt: "u2" };
  const name: Crop = { file: "n", alt: "n2" };
  const asked: string[] = [];
  const out = await rereadVocabulary(
    [
      { crop: unit, key: "measure" },
      { crop: name, key: "indicator" },
    ],
    async (groups) => {
      const got = new Map<Crop, { text: string; conf: number }>();
      for (const g of groups)
        for (const c of g.crops) {
          asked.push(c.file);
          // As one word (psm 8) the unit reads 个; as a line at the second scale, 和.
          got.set(c, { text: g.psm === 8 ? "个" : "和", conf: 90 });
        }
      return got;
    },
  );
  assert.deepEqual([...out], [[unit, "个"]]);
  assert.deepEqual(asked.sort(), ["u", "u2", "u2"]);
});
