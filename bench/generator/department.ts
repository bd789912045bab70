/**
 * Generates realistic departments (the truth): projects with goals, budgets in 万元 with
 * two decimals, and indicator trees in either layout whose weights add up to the
 * department's total (90 by default, sometimes 100 or 80).
 */
import { FORMAT_ID, type Indicator, type Layout, type Project, sumDecimal, type TargetDocument } from "@jixiao/core";
import { type Rng, rng } from "./random.ts";

const DEPARTMENTS = [
  "呼和浩特市总工会",
  "包头市教育局",
  "赤峰市卫生健康委员会",
  "鄂尔多斯市民政局",
  "通辽市农牧局",
  "乌海市文化旅游广电局",
  "巴彦淖尔市水利局",
  "兴安盟科学技术局",
];
const UNIT_SUFFIX = ["机关", "服务中心", "事务中心", "工人文化宫", "培训学校", "信息中心", "档案馆"];
const SUBJECTS = [
  ["退休人员", "体检"],
  ["困难职工", "帮扶救助"],
  ["劳动模范", "荣誉津贴"],
  ["农村学校", "营养改善"],
  ["老旧小区", "改造"],
  ["基层医疗机构", "设备购置"],
  ["非遗项目", "保护传承"],
  ["高标准农田", "建设"],
  ["河道", "清淤治理"],
  ["公共图书馆", "免费开放"],
  ["社区养老", "服务补贴"],
  ["职业技能", "培训"],
  ["森林草原", "防火"],
  ["残疾人", "康复救助"],
  ["科技创新", "平台建设"],
];
const CATEGORIES = ["部门预算项目", "一般公共预算项目", "专项业务费"];
const QUAL_TARGETS = ["有效保障", "有所提高", "效果显著", "明显改善", "逐步完善", "持续发挥作用"];
const COUNT_UNITS = ["人", "户", "项", "次", "个", "所", "场"];

function money2(r: Rng, min: number, max: number): number {
  return Math.round((min + r.next() * (max - min)) * 100) / 100;
}

/** Splits `total` (an integer) into n positive weights, some with .5. */
function splitWeights(r: Rng, total: number, n: number): number[] {
  const halves = total * 2;
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(r.int(1, halves - 1));
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: number[] = [];
  let prev = 0;
  for (const c of [...sorted, halves]) {
    out.push((c - prev) / 2);
    prev = c;
  }
  // Prefer whole points mostly: move halves in pairs.
  for (let i = 0; i + 1 < out.length; i += 2) {
    if (out[i]! % 1 !== 0 && out[i + 1]! % 1 !== 0 && r.chance(0.8)) {
      out[i] = out[i]! + 0.5;
      out[i + 1] = out[i + 1]! - 0.5;
      if (out[i + 1]! <= 0) {
        out[i] = out[i]! - 1;
        out[i + 1] = out[i + 1]! + 1;
      }
    }
  }
  return out;
}

interface Slot {
  level1: string;
  level2: string;
}

function slots(layout: Layout, r: Rng): Slot[] {
  const s: Slot[] = [];
  const out = ["数量指标", "质量指标", "时效指标"];
  for (const l2 of out) for (let i = r.int(1, 3); i > 0; i--) s.push({ level1: "产出指标", level2: l2 });
  if (layout === "older") for (let i = r.int(1, 3); i > 0; i--) s.push({ level1: "产出指标", level2: "成本指标" });
  else
    for (const l2 of ["经济成本指标", "社会成本指标", "生态环境成本指标"].slice(0, r.int(1, 2)))
      for (let i = r.int(1, 2); i > 0; i--) s.push({ level1: "成本指标", level2: l2 });
  const eff = ["社会效益", "经济效益", "生态效益", "可持续影响"].slice(0, r.int(1, 4));
  for (const l2 of eff) for (let i = r.int(1, 2); i > 0; i--) s.push({ level1: "效益指标", level2: l2 });
  for (let i = r.int(1, 2); i > 0; i--) s.push({ level1: "满意度指标", level2: "服务对象满意度" });
  return s;
}

function indicatorFor(r: Rng, slot: Slot, subject: string[], year: number, idx: number): Omit<Indicator, "weight"> {
  const [who, what] = subject as [string, string];
  const base = { level1: slot.level1, level2: slot.level2 };
  const tag = ["", "年度", "全年", "项目", "专项"][idx % 5]!;
  switch (slot.level2) {
    case "数量指标": {
      const unit = r.pick(COUNT_UNITS);
      return {
        ...base,
        name: `${tag}${what}${who}${unit === "人" ? "人数" : "数量"}${idx}`,
        nature: "正向",
        operator: r.pick(["=", "≥"]),
        target: String(r.int(1, 5000)),
        unit,
      };
    }
    case "质量指标":
      return {
        ...base,
        name: `${who}${what}${r.pick(["覆盖率", "合格率", "完成率", "准确率"])}${idx}`,
        nature: "正向",
        operator: r.pick(["=", "≥"]),
        target: String(r.int(80, 100)),
        unit: "%",
      };
    case "时效指标":
      return r.chance(0.5)
        ? {
            ...base,
            name: `${what}完成时间${idx}`,
            nature: "定性",
            operator: null,
            target: `${year}年${r.int(6, 12)}月前完成`,
            unit: null,
          }
        : {
            ...base,
            name: `${what}及时率${idx}`,
            nature: "正向",
            operator: "≥",
            target: String(r.int(85, 100)),
            unit: "%",
          };
    case "满意度指标":
    case "服务对象满意度":
      return r.chance(0.25)
        ? { ...base, name: "服务对象满意度", nature: "正向", operator: "≥", target: String(r.int(85, 98)), unit: "%" }
        : {
            ...base,
            name: `${who}满意度${idx}`,
            nature: "正向",
            operator: "≥",
            target: String(r.int(85, 98)),
            unit: "%",
          };
    default:
      if (slot.level1 === "成本指标" || slot.level2 === "成本指标")
        return r.chance(0.5)
          ? {
              ...base,
              name: `${who}${what}标准${idx}`,
              nature: "正向",
              operator: "=",
              target: String(r.int(1, 60) * 100),
              unit: r.pick(["元/人", "元/年", "元/户"]),
            }
          : {
              ...base,
              name: `${what}成本${idx}`,
              nature: "反向",
              operator: "≤",
              target: String(money2(r, 0.1, 50)),
              unit: "万元",
            };
      return r.chance(0.6)
        ? {
            ...base,
            name: `${what}${r.pick(["促进", "保障", "提升"])}${who}${r.pick(["生活水平", "服务能力", "发展质量"])}${idx}`,
            nature: "定性",
            operator: null,
            target: r.pick(QUAL_TARGETS),
            unit: null,
          }
        : {
            ...base,
            name: `${who}${what}受益率${idx}`,
            nature: "正向",
            operator: "≥",
            target: String(r.int(60, 100)),
            unit: "%",
          };
  }
}

export interface GenerateOptions {
  projects?: number;
  layout?: Layout;
  total?: number;
}

/**
 * Generates one department as a document (the truth).
 * @example generateDepartment(1).projects.length > 0 // true
 */
export function generateDepartment(seed: number, options: GenerateOptions = {}): TargetDocument {
  const r = rng(seed);
  const deptCode = String(r.int(101, 999));
  const deptName = r.pick(DEPARTMENTS);
  const year = r.int(2021, 2026);
  const layout: Layout = options.layout ?? (r.chance(0.5) ? "older" : "cost-first-level-2021");
  const total = options.total ?? r.pick([90, 90, 90, 100, 80]);
  const units = Array.from({ length: r.int(1, 3) }, (_, i) => ({
    code: `${deptCode}${String(i + 1).padStart(3, "0")}`,
    name: i === 0 ? deptName : `${deptName.replace(/局|委员会|工会$/, "")}${r.pick(UNIT_SUFFIX)}`,
  }));
  const nProjects = options.projects ?? r.int(2, 7);
  // Some departments print the long label variants (社会效益指标, 社会公众或服务对象满意度指标).
  const longLabels = r.chance(0.2);
  const projects: Project[] = [];
  for (let p = 0; p < nProjects; p++) {
    const subject = r.pick(SUBJECTS);
    const unit = r.pick(units);
    const s = slots(layout, r);
    const weights = splitWeights(r, total, s.length);
    const n = r.int(30, 900);
    const indicators: Indicator[] = s.map((slot, i) => {
      const ind: Indicator = { ...indicatorFor(r, slot, subject, year, i + 1), weight: weights[i]! };
      if (longLabels && ind.level1 === "效益指标") ind.level2Label = `${ind.level2}指标`;
      if (longLabels && ind.level1 === "满意度指标") ind.level2Label = "社会公众或服务对象满意度指标";
      return ind;
    });
    projects.push({
      name: `${year}年${subject[0]}${subject[1]}${r.pick(["专项资金", "项目", "经费", "补助资金"])}${p + 1}`,
      unitCode: unit.code,
      unitName: unit.name,
      category: r.pick(CATEGORIES),
      budget: money2(r, 0.5, 500),
      goal: `通过对${n}名${subject[0]}开展${subject[1]}工作，完成${year}年度${subject[1]}任务，为${subject[0]}提供有效保障。`,
      indicators,
    });
  }
  return {
    format: FORMAT_ID,
    title: "项目绩效目标表",
    department: { code: deptCode, name: deptName },
    fiscalYear: year,
    moneyUnit: "万元",
    total: sumDecimal(projects.map((p) => p.budget)),
    notes: ["口径说明：取值为【项目库管理】-预算项目所填写绩效目标表。"],
    projects,
  };
}
