import assert from "node:assert/strict";
import { test } from "node:test";
import { type PrintedIndicatorCells, readIndicatorCells } from "./indicator-cells.ts";

test("the comparison cells of a row, in every layout", () => {
  // [cells, nature, operator, target, unit, note codes]
  const table: [PrintedIndicatorCells, string, string | null, string, string | null, string[]][] = [
    // 表12: nature, operator word, target, unit.
    [{ nature: "正向", operator: "大于等于", target: "70", unit: "人" }, "正向", "≥", "70", "人", []],
    // Sichuan: 指标性质 holds the operator, 指标方向性 the nature.
    [{ nature: "≥", polarity: "正向指标", target: "95", unit: "%" }, "正向", "≥", "95", "%", []],
    [{ nature: "≤", polarity: "反向指标", target: "65", unit: "万元" }, "反向", "≤", "65", "万元", []],
    // Operator and unit inside the target; no nature printed.
    [{ target: "≥95%" }, "正向", "≥", "95", "%", ["operator-in-target", "unit-in-target", "nature-inferred"]],
    [{ target: "≤65万元" }, "反向", "≤", "65", "万元", ["operator-in-target", "unit-in-target", "nature-inferred"]],
    [{ target: "=300天" }, "正向", "=", "300", "天", ["operator-in-target", "unit-in-target", "nature-inferred"]],
    [{ target: "95%以上", unit: "%" }, "正向", "≥", "95", "%", ["operator-in-target", "nature-inferred"]],
    [{ target: "≥100百分比", unit: "%" }, "正向", "≥", "100", "%", ["operator-in-target", "nature-inferred"]],
    // 指标值类型 定量: quantitative, direction from the operator.
    [{ nature: "定量", target: "≤5", unit: "%" }, "反向", "≤", "5", "%", ["operator-in-target", "nature-inferred"]],
    [{ nature: "定量", polarity: "正向指标", target: "12", unit: "次" }, "正向", null, "12", "次", []],
    // A number with no operator and no nature: 正向, inferred.
    [{ target: "2280次" }, "正向", null, "2280", "次", ["unit-in-target", "nature-inferred"]],
    [{ target: "8,827,620.53", unit: "元" }, "正向", null, "8827620.53", "元", ["nature-inferred"]],
    // Dates and words: 定性, one text.
    [{ target: "2024年12月前完成" }, "定性", null, "2024年12月前完成", null, ["nature-inferred"]],
    [{ nature: "定性", target: "有效保障" }, "定性", null, "有效保障", null, []],
    // Conflicts keep the target as printed.
    [{ nature: "正向", operator: "≤", target: "≥95", unit: "%" }, "正向", "≤", "≥95", "%", ["operator-conflict"]],
    [{ nature: "反向", operator: "≤", target: "6.5万元", unit: "元" }, "反向", "≤", "6.5万元", "元", ["unit-conflict"]],
    // A quantitative nature with a text target is kept and noted.
    [{ nature: "正向", operator: "≥", target: "全覆盖", unit: "%" }, "正向", "≥", "全覆盖", "%", ["target-not-number"]],
    [
      { nature: "中性", operator: "≥", target: "90", unit: "%" },
      "正向",
      "≥",
      "90",
      "%",
      ["nature-unknown", "nature-inferred"],
    ],
    [{ nature: "正向", target: "" }, "正向", null, "", null, ["target-empty"]],
  ];
  for (const [cells, nature, operator, target, unit, codes] of table) {
    const r = readIndicatorCells(cells);
    const at = JSON.stringify(cells);
    assert.equal(r.nature, nature, `${at}: nature`);
    assert.equal(r.operator, operator, `${at}: operator`);
    assert.equal(r.target, target, `${at}: target`);
    assert.equal(r.unit, unit, `${at}: unit`);
    assert.deepEqual(
      r.notes.map((n) => n.code),
      codes,
      `${at}: notes`,
    );
    for (const n of r.notes) assert.ok(n.message && n.messageEn, `${at}: ${n.code} has zh and en`);
  }
  assert.equal(readIndicatorCells({ target: "95" }).natureInferred, true);
  assert.equal(readIndicatorCells({ nature: "正向指标", target: "95" }).natureInferred, false);
});
