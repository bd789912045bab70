/**
 * Test helper (not a test): a fast-check arbitrary of departments for the round-trip
 * properties — both indicator layouts, label variants, odd characters (quotes, commas, line
 * breaks, tabs, emoji, ≥, full-width forms), long texts, 2-decimal money, optional
 * 绩效标准 and self-evaluation fields. It keeps to what a printed table can say: texts are
 * trimmed, quantitative targets are canonical numbers, names do not imitate headers.
 */
import {
  FORMAT_ID,
  type Indicator,
  type Layout,
  LEVEL2_BY_LAYOUT,
  type Level1,
  type Project,
  type TargetDocument,
} from "@jixiao/core";
import fc from "fast-check";

const CHARS = [
  ..."绩效目标项目单位预算社会效益满意度退休人员体检费呼和浩特市总工会数量质量时效成本指标保障完成率",
  ..."abcXYZ0123456789",
  ..." ,\"'\n\t;≥≤%/（）【】《》、。，：；“”—…·①😀𠀀＜＞&<>#=+-",
];

/** Text of the given length range, trimmed, never empty. */
export function text(maxLength = 40, minLength = 1): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...CHARS), { minLength, maxLength })
    .map((a) => a.join("").trim())
    .filter((s) => s.length > 0);
}

/** Text starting with a CJK character, so it cannot look like a number, a code or a header. */
function label(prefix: string, maxLength = 30): fc.Arbitrary<string> {
  return text(maxLength).map((s) => `${prefix}${s}`);
}

const money = fc.integer({ min: 0, max: 2_000_000_000 }).map((cents) => cents / 100);
const weight = fc.integer({ min: 0, max: 60 }).map((h) => h / 2);

const LEVEL1_LABELS: Partial<Record<Level1, string[]>> = { 产出指标: ["产出"], 效益指标: ["效益"] };
const LEVEL2_LABELS: Record<string, string[]> = {
  社会效益: ["社会效益指标"],
  经济效益: ["经济效益指标"],
  生态效益: ["环境效益", "生态效益指标"],
  服务对象满意度: ["社会公众或服务对象满意度指标", "服务对象满意度指标"],
  数量指标: ["数量"],
};

function levels(layout: Layout): fc.Arbitrary<Pick<Indicator, "level1" | "level2" | "level1Label" | "level2Label">> {
  const tree = LEVEL2_BY_LAYOUT[layout];
  const pairs = Object.entries(tree).flatMap(([l1, l2s]) => (l2s ?? []).map((l2) => [l1 as Level1, l2] as const));
  return fc
    .record({
      pair: fc.constantFrom(...pairs),
      l1: fc.nat(3),
      l2: fc.nat(3),
    })
    .map(({ pair: [level1, level2], l1, l2 }) => {
      const out: Pick<Indicator, "level1" | "level2" | "level1Label" | "level2Label"> = { level1, level2 };
      const a = LEVEL1_LABELS[level1];
      if (a && l1 < a.length) out.level1Label = a[l1]!;
      const b = LEVEL2_LABELS[level2];
      if (b && l2 < b.length) out.level2Label = b[l2]!;
      return out;
    });
}

const numberText = fc
  .oneof(
    fc.integer({ min: -1000, max: 1_000_000 }),
    fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
  )
  .map((n) => String(n));

function indicator(layout: Layout): fc.Arbitrary<Indicator> {
  const qualitative = fc.record({
    nature: fc.constant("定性" as const),
    operator: fc.constant(null),
    target: text(30),
    unit: fc.option(fc.constantFrom("项", "次", "年"), { nil: null }),
  });
  const quantitative = fc.record({
    nature: fc.constantFrom("正向" as const, "反向" as const),
    operator: fc.constantFrom("=" as const, "≥" as const, "≤" as const, ">" as const, "<" as const),
    target: numberText,
    unit: fc.option(fc.constantFrom("%", "人", "万元", "元/人", "元/年", "户", "项"), { nil: null }),
  });
  return fc
    .record({
      levels: levels(layout),
      name: label("指标", 60),
      kind: fc.oneof(qualitative, quantitative),
      weight,
      standard: fc.option(fc.constantFrom("计划标准", "行业标准", "历史标准"), { nil: undefined }),
      selfEval: fc.option(
        fc.record({
          actual: fc.oneof(fc.integer({ min: 0, max: 10_000 }), label("实际")),
          grade: fc.constantFrom("达成" as const, "部分达成" as const, "未达成" as const),
          score: weight,
          notApplicable: fc.boolean(),
          deviationReason: label("原因", 80),
        }),
        { nil: undefined },
      ),
    })
    .map(({ levels: lv, name, kind, weight: w, standard, selfEval }) => {
      const ind: Indicator = { ...lv, name, ...kind, weight: w };
      if (standard !== undefined) ind.standard = standard;
      if (selfEval) Object.assign(ind, selfEval);
      return ind;
    });
}

function project(layout: Layout, index: number): fc.Arbitrary<Project> {
  return fc
    .record({
      name: label("项目"),
      unitCode: fc.oneof(fc.integer({ min: 100_001, max: 999_999 }).map(String), fc.constant("")),
      unitName: label("单位"),
      category: fc.constantFrom("部门预算项目", "一般公共预算项目", "专项业务费"),
      budget: money,
      goal: text(400),
      indicators: fc.array(indicator(layout), { minLength: 0, maxLength: 8 }),
      executed: fc.option(money, { nil: undefined }),
    })
    .map(({ executed, name, ...p }) => {
      const out: Project = { ...p, name: `${index + 1}${name}` };
      if (executed !== undefined) out.executed = executed;
      return out;
    });
}

function plainProject({ executed: _e, initialBudget: _i, ...p }: Project): Project {
  return {
    ...p,
    indicators: p.indicators.map(
      ({ actual: _a, grade: _g, score: _s, notApplicable: _n, deviationReason: _d, ...ind }) => ind,
    ),
  };
}

/**
 * Departments as documents.
 * @example fc.sample(arbitraryDocument(), 1)[0].format // "jixiao.targets/1"
 */
export function arbitraryDocument(options: { maxProjects?: number } = {}): fc.Arbitrary<TargetDocument> {
  return fc
    .record({
      layout: fc.constantFrom<Layout>("older", "cost-first-level-2021"),
      n: fc.integer({ min: 1, max: options.maxProjects ?? 5 }),
    })
    .chain(({ layout, n }) =>
      fc.record({
        title: label("表"),
        department: fc.option(
          fc.record({
            code: fc.option(fc.integer({ min: 100, max: 999 }).map(String), { nil: undefined }),
            name: label("部门单位"),
          }),
          { nil: undefined },
        ),
        fiscalYear: fc.option(fc.integer({ min: 2000, max: 2035 }), { nil: undefined }),
        moneyUnit: fc.constantFrom("万元" as const, "元" as const),
        total: fc.option(money, { nil: undefined }),
        notes: fc.option(
          fc.array(
            label("说明").map((s) => s.replace(/[\n\t]/g, "")),
            { minLength: 1, maxLength: 3 },
          ),
          {
            nil: undefined,
          },
        ),
        projects: fc.tuple(...Array.from({ length: n }, (_, i) => project(layout, i))),
        plain: fc.boolean(),
      }),
    )
    .filter((d) => d.fiscalYear !== undefined || !/(19|20)\d{2}\s*年/.test(d.title))
    .map((d) => {
      // Half the departments are plain 表12 (no self-evaluation columns).
      const projects = d.plain ? d.projects.map(plainProject) : d.projects;
      const doc: TargetDocument = { format: FORMAT_ID, title: d.title, moneyUnit: d.moneyUnit, projects };
      if (d.department) {
        doc.department = d.department.code
          ? { code: d.department.code, name: d.department.name }
          : { name: d.department.name };
      }
      if (d.fiscalYear !== undefined) doc.fiscalYear = d.fiscalYear;
      if (d.total !== undefined) doc.total = d.total;
      if (d.notes) doc.notes = d.notes;
      return doc;
    });
}
