import assert from "node:assert/strict";
import { test } from "node:test";
import { AGREED_FLOOR, agreedCell, confirmNames, distinctLabel, NAME_FLOOR, natureAgrees } from "./ocr-confirm.ts";

/** Names a department prints: every subject × stem (as the bench's generator composes them). */
function names(): string[] {
  const stems = ["帮扶救助完成率", "帮扶救助受益率", "帮扶救助及时率", "帮扶救助覆盖率"];
  const subjects = ["困难职工", "残疾人", "老旧小区"];
  return Array.from({ length: 12 }, (_, i) => `${subjects[i % 3]}${stems[Math.floor(i / 3) % 4]}`);
}

/** One glyph of `text` changed to a look-alike no name prints (a misreading). */
const ALIKE: Record<string, string> = {
  帮: "邦",
  扶: "抉",
  救: "敉",
  助: "劫",
  率: "卒",
  职: "耿",
  残: "戋",
  老: "考",
};
function misread(text: string, at: number): string {
  const ch = Array.from(text);
  const i = ch.findIndex((c, j) => j >= at && ALIKE[c]);
  if (i >= 0) ch[i] = ALIKE[ch[i]!]!;
  return ch.join("");
}

for (const seed of [1, 2, 3, 4, 5])
  test(`seed ${seed}: an unsure name whose runs sure names print is confirmed; a misread one never is`, () => {
    // Three names unsure, each subject and stem also printed by sure names.
    const list = names().map((text, i) => ({ text, conf: (i + seed) % 4 === 0 ? 85 : 95 }));
    const confirmed = new Set(confirmNames(list, 90));
    list.forEach((n, i) => {
      if (n.conf < 90) assert.ok(confirmed.has(i), `${n.text} is confirmed`);
      else assert.ok(!confirmed.has(i), "a sure name needs no confirming");
    });
    // Misread every unsure name at some glyph: none is confirmed.
    const bad = list.map((n, i) => (n.conf < 90 ? { ...n, text: misread(n.text, (seed + i) % 5) } : n));
    assert.deepEqual(confirmNames(bad, 90), []);
    // Too unsure, or doubted by a check: not confirmed.
    const low = list.map((n) => (n.conf < 90 ? { ...n, conf: NAME_FLOOR - 1 } : n));
    assert.deepEqual(confirmNames(low, 90), []);
    const checked = list.map((n) => (n.conf < 90 ? { ...n, checked: true } : n));
    assert.deepEqual(confirmNames(checked, 90), []);
  });

test("a name confirmed only by itself or by unsure names is not confirmed", () => {
  assert.deepEqual(confirmNames([{ text: "困难职工帮扶救助完成率", conf: 85 }], 90), []);
  assert.deepEqual(
    confirmNames(
      [
        { text: "困难职工帮扶救助完成率", conf: 85 },
        { text: "困难职工帮扶救助完成率", conf: 80 },
      ],
      90,
    ),
    [],
  );
  assert.deepEqual(
    confirmNames(
      [
        { text: "困难职工帮扶救助完成率", conf: 85 },
        { text: "困难职工帮扶救助完成率", conf: 80, checked: true },
        { text: "困难职工帮扶救助完成率", conf: 96, checked: true },
      ],
      90,
    ),
    [],
  );
});

test("a nature and a direction agree when 反向 goes with ≤/< and 正向 with ≥/>/=", () => {
  assert.ok(natureAgrees("反向", "小于等于"));
  assert.ok(natureAgrees("反向", "≤"));
  assert.ok(natureAgrees("正向", "大于等于"));
  assert.ok(natureAgrees("正向", "等于"));
  // A misread 正/反 or 大/小 makes them disagree.
  assert.ok(!natureAgrees("反向", "大于等于"));
  assert.ok(!natureAgrees("正向", "小于等于"));
  assert.ok(!natureAgrees("定性", "等于"));
  assert.ok(!natureAgrees("友向", "小于等于"));
});

test("a 一级/二级 label is distinct when no other label is one glyph from it", () => {
  for (const w of ["社会效益", "经济效益", "生态效益", "可持续影响", "产出指标", "效益指标", "服务对象满意度"])
    assert.ok(distinctLabel(w), w);
  // 数量指标 / 质量指标 are one glyph apart; a misread word is no label.
  for (const w of ["数量指标", "质量指标", "社会效溢", ""]) assert.ok(!distinctLabel(w), w);
});

test("a name two readings gave alike is confirmed by runs other names print, its serial number aside", () => {
  const list = [
    { text: "残疾人康复救助受益率9", conf: 86, agreed: true },
    { text: "残疾人康复救助受益率10", conf: 70 },
    { text: "残疾人康复救助完成率3", conf: 95 },
  ];
  assert.deepEqual(confirmNames(list, 90), [0]);
  // Not alike in two readings: its serial number is printed by no other name, not confirmed.
  assert.deepEqual(confirmNames([{ ...list[0]!, agreed: false }, list[1]!, list[2]!], 90), []);
  // A glyph read as a digit (平 → 7) makes a run no other name prints, even alike twice.
  const glyph = [
    { text: "康复救助保障残疾人生活水713", conf: 86, agreed: true },
    { text: "康复救助提升残疾人生活水平12", conf: 95 },
  ];
  assert.deepEqual(confirmNames(glyph, 90), []);
  // Too unsure, or doubted by a check: not confirmed.
  assert.deepEqual(confirmNames([{ ...list[0]!, conf: AGREED_FLOOR - 1 }, list[1]!, list[2]!], 90), []);
  assert.deepEqual(confirmNames([{ ...list[0]!, checked: true }, list[1]!, list[2]!], 90), []);
});

test("a cell is read alike when each of its lines is sure or two of its readings gave its text", () => {
  const a = { id: "a" };
  const b = { id: "b" };
  const readings = new Map([
    [a, ["困难职工帮扶", "困难职工帮扶", "困难职工帮抉"]],
    [b, ["救助受益率9", "救助受益率3"]],
  ]);
  assert.ok(agreedCell([[a, { text: "困难职工帮扶", conf: 85 }]], readings));
  assert.ok(!agreedCell([[b, { text: "救助受益率9", conf: 85 }]], readings));
  assert.ok(agreedCell([[b, { text: "救助受益率9", conf: 95 }]], readings));
  assert.ok(
    !agreedCell(
      [
        [a, { text: "困难职工帮扶", conf: 85 }],
        [b, { text: "救助受益率9", conf: 85 }],
      ],
      readings,
    ),
  );
  assert.ok(!agreedCell([], readings));
});
