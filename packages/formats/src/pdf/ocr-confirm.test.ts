import assert from "node:assert/strict";
import { test } from "node:test";
import { confirmNames, NAME_FLOOR, natureAgrees } from "./ocr-confirm.ts";

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
