import type { EntityManager } from 'typeorm';
import { CadreStatus } from '../../modules/hierarchy/cadre.entity.js';
import { DepartmentKind } from '../../modules/hierarchy/department.entity.js';
import { FieldResearch, FieldResearchTarget } from '../../modules/research/field-research.entity.js';
import { FeedbackChannel, FeedbackStatus, PublicFeedback } from '../../modules/research/public-feedback.entity.js';
import { Inspection, InspectionKind, RectificationStatus } from '../../modules/supervision/inspection.entity.js';
import { NOTICE_LADDER, NoticeLevel, SupervisionNotice } from '../../modules/supervision/supervision-notice.entity.js';
import { Directive, IssuerLevel } from '../../modules/targets/directive.entity.js';
import { ProgressReport, ReviewStatus } from '../../modules/targets/progress-report.entity.js';
import { Target, TargetCategory, TargetKind, WarningLevel } from '../../modules/targets/target.entity.js';
import { refreshTree } from '../../modules/targets/target.service.js';
import { HAN_GIVEN_FEMALE, HAN_GIVEN_MALE, HAN_SURNAMES, TIBETAN_NAME_PARTS } from './shigatse.js';
import { random, type Rng } from './random.js';

/**
 * The work half of the demo data set: directives, target trees in the four areas of the
 * source text fanned out to all 18 counties and their departments, a year of monthly
 * progress reports told county by county (steady, 时好时坏, 时紧时松, lagging), inspections
 * with rectifications, supervision notices, field research and public feedback.
 *
 * Everything is deterministic (its own seeded generator, fixed dates up to 2026-11-20) and
 * inserted in bulk: target ids are assigned here, so that `rootId`, `path`, `share`,
 * `isLeaf` and `countyId` go in with the rows, and `refreshTree` then only checks them.
 */

export interface DemoUnit {
  id: number;
  name: string;
  kind: DepartmentKind;
  /** In insertion order: the first active one heads the unit. */
  cadres: { id: number; position: string; status: CadreStatus }[];
}

export interface DemoCounty {
  id: number;
  code: string;
  name: string;
  /** The `county-<code>` user. */
  userId: number;
  departments: DemoUnit[];
}

export interface DemoTargetsInput {
  regionId: number;
  /** The `region` (REGIONAL) user: reviewer and issuer. */
  regionUserId: number;
  /** Region-level units (地直单位): the lead units of the prefecture's root targets. */
  regionUnits: DemoUnit[];
  counties: DemoCounty[];
}

/** The last day the demo data knows of: nothing is reported, reviewed or issued after it. */
export const DEMO_AS_OF = '2026-11-20';
const YEAR_START = '2026-01-01';


// ---------------------------------------------------------------------------------------
// dates

const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
const fromDayNumber = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => fromDayNumber(dayNumber(date) + days);
const pad = (n: number) => String(n).padStart(2, '0');
const minDate = (a: string, b: string) => (a < b ? a : b);
/** A review time: office hours, China Standard Time. */
const at = (date: string, hour: number, minute: number) => new Date(`${date}T${pad(hour)}:${pad(minute)}:00+08:00`);

/** Elapsed share of the schedule, not clamped (above 1 after the deadline). */
const elapsedRaw = (date: string, start: string, deadline: string) => (dayNumber(date) - dayNumber(start)) / (dayNumber(deadline) - dayNumber(start));
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

async function insertChunks<T>(db: EntityManager, entity: new () => T, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insert(entity, rows.slice(i, i + 200) as never);
}

async function insertOne<T extends { id: number }>(db: EntityManager, entity: new () => T, values: Partial<T>): Promise<number> {
  const result = await db.insert(entity, values as never);
  return Number(result.identifiers[0].id);
}

function personName(rng: Rng): string {
  if (rng.next() < 0.7) {
    const first = rng.pick(TIBETAN_NAME_PARTS)[0];
    let second = rng.pick(TIBETAN_NAME_PARTS)[0];
    while (second === first) second = rng.pick(TIBETAN_NAME_PARTS)[0];
    return first + second;
  }
  return rng.pick(HAN_SURNAMES) + rng.pick(rng.next() < 0.4 ? HAN_GIVEN_FEMALE : HAN_GIVEN_MALE);
}

// ---------------------------------------------------------------------------------------
// what the prefecture decided

interface DirectiveDef {
  key: string;
  title: string;
  issuerLevel: IssuerLevel;
  issuer: string;
  documentNumber: string | null;
  issuedOn: string;
  summary: string;
}

const DIRECTIVES: DirectiveDef[] = [
  {
    key: 'central',
    title: '关于进一步加强新时代基层党组织建设的意见',
    issuerLevel: IssuerLevel.CENTRAL,
    issuer: '中共中央组织部',
    documentNumber: '中组发〔2025〕21号',
    issuedOn: '2025-11-20',
    summary:
      '基层党建：坚持大抓基层的鲜明导向，严格落实“三会一课”、主题党日、组织生活会等制度，推动基层党组织标准化规范化建设，持续整顿软弱涣散基层党组织，把基层党组织建设成为坚强战斗堡垒。',
  },
  {
    key: 'tar-points',
    title: '关于印发《2026年全区组织工作要点》的通知',
    issuerLevel: IssuerLevel.AUTONOMOUS_REGION,
    issuer: '中共西藏自治区委员会组织部',
    documentNumber: '藏组发〔2026〕12号',
    issuedOn: '2026-01-09',
    summary:
      '干部队伍建设：树立重实干重实绩的用人导向，推进领导干部能上能下，健全干部担当作为激励和容错纠错机制；把抓落实的成效作为选拔任用干部的重要依据，做到落实有功重用、落实有力使用、落实无功慎用、落实不力不用。',
  },
  {
    key: 'tar-talent',
    title: '关于实施急需紧缺专业技术人才引进培养计划的通知',
    issuerLevel: IssuerLevel.AUTONOMOUS_REGION,
    issuer: '中共西藏自治区委员会组织部、西藏自治区人力资源和社会保障厅',
    documentNumber: '藏组发〔2025〕58号',
    issuedOn: '2025-12-12',
    summary:
      '人事人才：围绕教育、卫生、农牧等基层急需紧缺领域，通过公开招聘、定向培养、“组团式”帮扶等方式引进和培养专业技术人才，完善服务保障和激励措施，做到引得进、留得住、用得好。',
  },
  {
    key: 'tar-meeting',
    title: '全区组织部长会议',
    issuerLevel: IssuerLevel.AUTONOMOUS_REGION,
    issuer: '自治区党委',
    documentNumber: null,
    issuedOn: '2026-01-06',
    summary:
      '干部队伍建设：会议要求加强年轻干部源头培养、跟踪培养、全程培养，有计划地选派优秀年轻干部到乡镇和村（居）一线墩苗历练，在艰苦地区和吃劲岗位上磨砺意志、增长才干。',
  },
  {
    key: 'prefecture-plan',
    title: '关于印发《2026年全市组织工作目标任务分解方案》的通知',
    issuerLevel: IssuerLevel.PREFECTURE,
    issuer: '日喀则地委组织部',
    documentNumber: '日组发〔2026〕3号',
    issuedOn: '2026-01-16',
    summary:
      '基层党建：把全区组织工作要点分解立项到各县（区）和责任单位，明确完成时限、质量标准和责任人；上半年完成软弱涣散村（社区）党组织整顿转化，年底前将村（居）“两委”班子成员空缺率降至2%以下；各县（区）每月25日前报送进展情况，地委组织部按月通报。',
  },
  {
    key: 'prefecture-training',
    title: '全市干部教育培训工作会议暨抓落实推进会',
    issuerLevel: IssuerLevel.PREFECTURE,
    issuer: '日喀则地委',
    documentNumber: '日组字〔2026〕5号',
    issuedOn: '2026-01-22',
    summary:
      '干部教育培训：会议针对个别县（区）工作时好时坏、时紧时松、措施不得力的问题，要求上半年各县（区）完成基层干部专题培训班任务，全年完成县乡村三级干部全员轮训，培训情况纳入年度考核，做到抓铁有痕、踏石留印。',
  },
];

interface TaskDef {
  /** Which county unit: a COUNTY_UNITS suffix, or 'TOWNSHIP' for the county's first township. */
  unit: string;
  title: string;
  weight: number;
  /** Share of the county's allocation (quantitative, additive units). */
  portion: number;
}

interface RootDef {
  key: string;
  directive: string;
  title: string;
  description: string;
  category: TargetCategory;
  kind: TargetKind;
  unit: string | null;
  baseline: number | null;
  targetValue: number | null;
  /** What the counties are given in total (the root's value unless a gap is intended). */
  allocated?: number;
  /** Rates are not split: every county has its own baseline and the same target. */
  rate?: { baselineMin: number; baselineMax: number };
  deadline: string;
  qualityStandard: string;
  weight: number;
  leadUnit: string;
  tasks: [TaskDef, TaskDef];
  /** Milestones of a qualitative target, by percent reached. */
  milestones?: [number, string][];
}

const ROOTS: RootDef[] = [
  {
    key: 'pb-rectify',
    directive: 'prefecture-plan',
    title: '整顿转化软弱涣散村（社区）党组织',
    description: '对排查认定的软弱涣散村（社区）党组织逐一制定“一村一策”整顿方案，落实县级领导包联、驻村工作队帮扶，上半年全部完成整顿转化。',
    category: TargetCategory.PARTY_BUILDING,
    kind: TargetKind.QUANTITATIVE,
    unit: '个',
    baseline: 0,
    targetValue: 90,
    deadline: '2026-06-30',
    qualityStandard: '每个整顿对象有认定依据、整顿方案、包联领导和销号验收材料；经县委组织部验收、地委组织部抽查合格方可销号。',
    weight: 2,
    leadUnit: '日喀则地委组织部',
    tasks: [
      { unit: '委组织部', title: '制定“一村一策”整顿方案并组织验收销号', weight: 2, portion: 0.6 },
      { unit: 'TOWNSHIP', title: '落实包联帮扶，完成整顿转化', weight: 1, portion: 0.4 },
    ],
  },
  {
    key: 'pb-vacancy',
    directive: 'prefecture-plan',
    title: '降低村（居）“两委”班子成员空缺率',
    description: '及时补齐村（居）“两委”班子缺额，优先从致富带头人、退役军人、返乡大学生中选拔，年底前空缺率由8%降至2%。',
    category: TargetCategory.PARTY_BUILDING,
    kind: TargetKind.QUANTITATIVE,
    unit: '%',
    baseline: 8,
    targetValue: 2,
    rate: { baselineMin: 4.5, baselineMax: 12.5 },
    deadline: '2026-12-31',
    qualityStandard: '以县委组织部村（居）干部花名册为准，按月动态统计；补选程序合法合规，补选人员经资格联审。',
    weight: 1,
    leadUnit: '日喀则地委组织部',
    tasks: [
      { unit: '委组织部', title: '统筹补齐村（居）“两委”缺额', weight: 1, portion: 0.5 },
      { unit: 'TOWNSHIP', title: '组织村（居）“两委”补选', weight: 1, portion: 0.5 },
    ],
  },
  {
    key: 'pb-standard',
    directive: 'central',
    title: '推进基层党组织组织生活标准化规范化建设',
    description: '严格落实“三会一课”、主题党日、组织生活会和民主评议党员制度，规范党支部工作台账。',
    category: TargetCategory.PARTY_BUILDING,
    kind: TargetKind.QUALITATIVE,
    unit: null,
    baseline: null,
    targetValue: null,
    deadline: '2026-12-31',
    qualityStandard:
      '每个党支部全年召开支部党员大会不少于4次、支委会不少于12次、党小组会不少于12次、党课不少于4次；会议记录完整规范，台账经县委组织部审核合格。',
    weight: 1,
    leadUnit: '日喀则地委组织部',
    tasks: [
      { unit: '委组织部', title: '督促指导党支部规范组织生活', weight: 1, portion: 0.5 },
      { unit: '委宣传部', title: '统筹党课和主题党日学习内容', weight: 1, portion: 0.5 },
    ],
    milestones: [
      [0, '已印发实施方案，完成党支部组织生活情况摸底。'],
      [30, '已开展“三会一课”专项检查，建立问题清单并逐项整改。'],
      [60, '组织生活台账规范化整理基本完成，正在开展交叉检查。'],
      [90, '开展年度考评前自查，补齐个别支部会议记录。'],
      [100, '全部党支部组织生活台账经审核合格，任务完成。'],
    ],
  },
  {
    key: 'ct-youth',
    directive: 'tar-meeting',
    title: '选派优秀年轻干部到乡镇和村（居）一线墩苗历练',
    description: '从县直单位选派35岁以下优秀年轻干部到乡镇和村（居）任职或挂职，时间不少于1年，建立跟踪培养档案。',
    category: TargetCategory.CADRE_TEAM,
    kind: TargetKind.QUANTITATIVE,
    unit: '人',
    baseline: 0,
    targetValue: 360,
    deadline: '2026-12-31',
    qualityStandard: '选派人员须经组织考察，到岗到位、人岗相适；每人建立跟踪培养档案，所在乡镇党委每季度考核一次。',
    weight: 2,
    leadUnit: '日喀则地委组织部',
    tasks: [
      { unit: '委组织部', title: '考察选派年轻干部并建立培养档案', weight: 2, portion: 0.6 },
      { unit: '人民政府办公室', title: '统筹县直单位年轻干部到岗历练', weight: 1, portion: 0.4 },
    ],
  },
  {
    key: 'ct-updown',
    directive: 'tar-points',
    title: '推进领导干部能上能下，健全担当作为激励和容错纠错机制',
    description: '制定县级实施细则，对不适宜担任现职的干部及时调整，建立容错纠错案例台账。',
    category: TargetCategory.CADRE_TEAM,
    kind: TargetKind.QUALITATIVE,
    unit: null,
    baseline: null,
    targetValue: null,
    deadline: '2026-12-31',
    qualityStandard: '出台县级实施细则；调整不适宜担任现职干部做到事实清楚、程序规范、有据可查；建立容错纠错案例台账；年底前向地委组织部报送落实情况专题报告。',
    weight: 1,
    leadUnit: '日喀则地委组织部',
    tasks: [
      { unit: '委组织部', title: '制定实施细则并开展干部调整研判', weight: 1, portion: 0.5 },
      { unit: '委办公室', title: '建立担当作为激励和容错纠错台账', weight: 1, portion: 0.5 },
    ],
    milestones: [
      [0, '已起草县级实施细则，正在征求各单位意见。'],
      [30, '实施细则已印发，开始建立容错纠错案例台账。'],
      [60, '完成年度干部调整分析研判，对不适宜担任现职干部提出调整意见。'],
      [90, '正在撰写落实情况专题报告。'],
      [100, '专题报告已报送地委组织部，任务完成。'],
    ],
  },
  {
    key: 'pt-talent',
    directive: 'tar-talent',
    title: '引进和培养急需紧缺专业技术人才',
    description: '围绕教育、卫生、农牧等领域，通过公开招聘、定向培养、“组团式”帮扶引进和培养专业技术人才。',
    category: TargetCategory.PERSONNEL_TALENT,
    kind: TargetKind.QUANTITATIVE,
    unit: '人',
    baseline: 0,
    targetValue: 540,
    allocated: 528,
    deadline: '2026-12-31',
    qualityStandard: '引进人才须签订服务协议、到岗工作满3个月方可计入；定向培养人才以入学或结业证明为准。',
    weight: 1,
    leadUnit: '日喀则地区人力资源和社会保障局',
    tasks: [
      { unit: '委组织部', title: '统筹人才引进计划和服务保障', weight: 1, portion: 0.4 },
      { unit: '人力资源和社会保障局', title: '组织公开招聘和定向培养', weight: 1, portion: 0.6 },
    ],
  },
  {
    key: 'tr-classes',
    directive: 'prefecture-training',
    title: '举办基层干部政治理论和业务能力专题培训班',
    description: '面向乡镇干部、村（居）“两委”成员和驻村工作队员，上半年完成专题培训班任务。',
    category: TargetCategory.CADRE_TRAINING,
    kind: TargetKind.QUANTITATIVE,
    unit: '期',
    baseline: 0,
    targetValue: 108,
    deadline: '2026-06-30',
    qualityStandard: '每期培训不少于3天、参训率不低于95%，有培训方案、签到表、课件和结业测试；培训情况录入干部教育培训管理系统。',
    weight: 1,
    leadUnit: '日喀则地委组织部',
    tasks: [
      { unit: '委组织部', title: '组织专题培训班', weight: 1, portion: 0.6 },
      { unit: '委宣传部', title: '承办政治理论专题培训班', weight: 1, portion: 0.4 },
    ],
  },
  {
    key: 'tr-rotation',
    directive: 'prefecture-training',
    title: '完成县乡村三级干部全员轮训',
    description: '依托县委党校和网络学院，全年完成县、乡、村三级干部全员轮训。',
    category: TargetCategory.CADRE_TRAINING,
    kind: TargetKind.QUANTITATIVE,
    unit: '人',
    baseline: 0,
    targetValue: 7200,
    deadline: '2026-12-31',
    qualityStandard: '每人全年集中培训不少于5天或网络学习不少于50学时，以干部教育培训管理系统记录为准。',
    weight: 1,
    leadUnit: '日喀则地委组织部',
    tasks: [
      { unit: '委组织部', title: '组织县乡干部轮训', weight: 1, portion: 0.6 },
      { unit: '教育局', title: '组织教育系统干部轮训', weight: 1, portion: 0.4 },
    ],
  },
];

// ---------------------------------------------------------------------------------------
// how each county works (the story of the source text)

export type Profile = 'STEADY' | 'EARLY' | 'SWINGING' | 'BURSTY' | 'LAGGING';

/** By county code. Everyone else is steady. */
const PROFILES: Record<string, Profile> = {
  '540202': 'EARLY', // 桑珠孜区
  '540221': 'SWINGING', // 南木林县
  '540223': 'BURSTY', // 定日县
  '540225': 'SWINGING', // 拉孜县
  '540226': 'LAGGING', // 昂仁县
  '540228': 'EARLY', // 白朗县
  '540229': 'SWINGING', // 仁布县
  '540230': 'BURSTY', // 康马县
  '540232': 'LAGGING', // 仲巴县
  '540233': 'EARLY', // 亚东县
  '540234': 'SWINGING', // 吉隆县
  '540236': 'BURSTY', // 萨嘎县
};

/** The months in which a 时紧时松 county reports at all. */
const BURST_MONTHS: Record<string, number[]> = {
  '540223': [3, 4, 7, 10, 11],
  '540230': [2, 5, 6, 9, 11],
  '540236': [1, 4, 8, 9, 11],
};

export const profileOf = (code: string): Profile => PROFILES[code] ?? 'STEADY';

// ---------------------------------------------------------------------------------------

interface TargetRow extends Partial<Target> {
  id: number;
}

interface Leaf {
  row: TargetRow;
  county: DemoCounty;
  root: RootDef;
  department: DemoUnit;
  reports: Partial<ProgressReport>[];
}

interface CountyTarget {
  row: TargetRow;
  county: DemoCounty;
  root: RootDef;
  leaves: Leaf[];
}

/** Integer shares of `total` in proportion to `weights`, largest remainders first. */
function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

const headOf = (unit: DemoUnit) => (unit.cadres.find((c) => c.status === CadreStatus.ACTIVE) ?? unit.cadres[0])?.id ?? null;

function unitOf(county: DemoCounty, unit: string): DemoUnit {
  const found =
    unit === 'TOWNSHIP' ? county.departments.find((d) => d.kind === DepartmentKind.TOWNSHIP) : county.departments.find((d) => d.name === `${county.name}${unit}`);
  if (!found) throw new Error(`demo data: ${county.name} has no ${unit}`);
  return found;
}

/** Progress of a quantitative value. */
const progressOf = (t: Partial<Target>, value: number) => {
  const baseline = t.baseline ?? 0;
  const target = t.targetValue ?? 0;
  return target === baseline ? (value === target ? 1 : 0) : clamp01((value - baseline) / (target - baseline));
};

/** The latest non-rejected report on or before `date`, as progress 0..1. */
function leafProgress(leaf: Leaf, date: string): number {
  let p = 0;
  for (const r of leaf.reports) {
    if (r.reportedOn! > date) break;
    if (r.status === ReviewStatus.REJECTED) continue;
    p = leaf.row.kind === TargetKind.QUANTITATIVE ? progressOf(leaf.row, r.actualValue!) : r.percentComplete! / 100;
  }
  return p;
}

function warningOf(target: CountyTarget, date: string): { p: number; t: number; warning: WarningLevel } {
  const weights = target.leaves.reduce((s, l) => s + (l.row.weight ?? 1), 0);
  const p = target.leaves.reduce((s, l) => s + (l.row.weight ?? 1) * leafProgress(l, date), 0) / weights;
  const deadline = target.row.deadline!;
  const t = clamp01(elapsedRaw(date, target.row.startDate!, deadline));
  const daysLeft = dayNumber(deadline) - dayNumber(date);
  const done = p >= 0.999999;
  let warning = WarningLevel.GREEN;
  if ((!done && date > deadline) || t - p >= 0.3 - 1e-9) warning = WarningLevel.RED;
  else if (t - p >= 0.15 - 1e-9 || (!done && daysLeft < 14 && p < 0.8)) warning = WarningLevel.YELLOW;
  return { p, t, warning };
}

const REPORT_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const reportDate = (month: number) => minDate(`2026-${pad(month)}-25`, DEMO_AS_OF);

const SLOW_REASONS = [
  '受春耕生产影响，乡村干部集中精力抓生产',
  '正值虫草采挖季节，部分群众外出',
  '雨季道路中断，部分村（居）难以到达',
  '工作人员被抽调参加专项工作',
  '部分乡镇人员调整，工作衔接不畅',
  '牧区群众季节性转场，组织工作难以集中开展',
];

/**
 * The intended progress at each report month (null: no report that month), before it is
 * turned into the values a county would write down.
 */
function trajectory(rng: Rng, profile: Profile, county: DemoCounty, deadline: string, moods: boolean[]): (number | null)[] {
  const raw = (month: number) => elapsedRaw(reportDate(month), YEAR_START, deadline);
  const out: (number | null)[] = [];
  let p = 0;
  if (profile === 'STEADY' || profile === 'EARLY') {
    const r = rng.next();
    const speed = profile === 'EARLY' ? rng.between(1.1, 1.4) : r < 0.12 ? rng.between(0.7, 0.84) : rng.between(0.95, 1.15);
    for (const m of REPORT_MONTHS) {
      p = Math.max(p, Math.min(1, speed * raw(m) + rng.between(-0.03, 0.03)));
      if (raw(m) >= 0.95 && p >= 0.9) p = 1; // a steady county finishes the last bit by the deadline
      out.push(p);
    }
  } else if (profile === 'SWINGING') {
    for (const m of REPORT_MONTHS) {
      const step = raw(m) - (m === 1 ? 0 : raw(m - 1));
      if (p < 1) {
        const good = moods[m - 1];
        const factor = good ? rng.between(1.35, 1.9) : rng.next() < 0.4 ? rng.between(-0.4, -0.1) : rng.between(0, 0.2);
        p = clamp01(p + step * factor);
      }
      out.push(p);
    }
  } else if (profile === 'BURSTY') {
    const months = BURST_MONTHS[county.code] ?? [3, 6, 9, 11];
    for (const m of REPORT_MONTHS) {
      if (!months.includes(m)) {
        out.push(null);
        continue;
      }
      p = Math.max(p, Math.min(1, raw(m) * rng.between(0.9, 1.08)));
      out.push(p);
    }
  } else {
    const silent = rng.next() < 0.1;
    const factor = rng.between(0.35, 0.6);
    for (const m of REPORT_MONTHS) {
      if (silent || (m > 1 && rng.next() < 0.3)) {
        out.push(null);
        continue;
      }
      p = Math.max(p, Math.min(0.9, raw(m) * factor + rng.between(-0.02, 0.02)));
      out.push(p);
    }
  }
  return out;
}

/** Good and bad months of a 时好时坏 county: mostly alternating. */
function swingMoods(rng: Rng): boolean[] {
  const moods: boolean[] = [];
  let good = rng.next() < 0.5;
  for (let i = 0; i < 12; i++) {
    moods.push(good);
    if (rng.next() < 0.85) good = !good;
  }
  return moods;
}

function fmt(value: number, unit: string | null): string {
  return `${unit === '%' ? value.toFixed(1) : String(value)}${unit ?? ''}`;
}

/** Turns intended progress into the rows of a leaf's reports. */
function buildReports(rng: Rng, leaf: Leaf, intended: (number | null)[], profile: Profile, input: DemoTargetsInput): void {
  const t = leaf.row;
  const quantitative = t.kind === TargetKind.QUANTITATIVE;
  const baseline = t.baseline ?? 0;
  const target = t.targetValue ?? 0;
  const isRate = t.unit === '%';
  let last: number | null = null;
  let lastMonth = 0;
  for (const [i, want] of intended.entries()) {
    if (want == null) continue;
    const month = i + 1;
    const reportedOn = reportDate(month);
    let actualValue: number | null = null;
    let percentComplete: number | null = null;
    let p: number;
    if (quantitative) {
      if (want >= 1) actualValue = target;
      else {
        const exact = baseline + want * (target - baseline);
        // Round towards the baseline: a county does not claim what it has not done.
        actualValue = isRate ? (target < baseline ? Math.ceil(exact * 10) / 10 : Math.floor(exact * 10) / 10) : target < baseline ? Math.ceil(exact) : Math.floor(exact);
      }
      p = progressOf(t, actualValue);
    } else {
      percentComplete = want >= 1 ? 100 : Math.floor((want * 100) / 5) * 5;
      p = percentComplete / 100;
    }
    const value = quantitative ? actualValue! : percentComplete!;
    const delta = last == null ? value - (quantitative ? baseline : 0) : value - last;
    const gapMonths = month - lastMonth - 1;

    let narrative: string;
    if (p >= 1) {
      narrative = quantitative
        ? `已全面完成目标任务，${isRate ? `空缺率降至${fmt(value, t.unit!)}` : `累计完成${fmt(value, t.unit!)}`}，相关资料已整理归档备查。`
        : `${leaf.root.milestones!.at(-1)![1]}`;
    } else if (quantitative) {
      const state = isRate
        ? `“两委”班子成员空缺率为${fmt(value, '%')}（年初${fmt(baseline, '%')}，目标${fmt(target, '%')}）`
        : `累计完成${fmt(value, t.unit!)}，完成率${Math.round(p * 100)}%`;
      const moved = isRate ? -delta : delta;
      if (moved < -1e-9) narrative = `经复核，前期统计口径有误，${isRate ? '空缺率调增' : '完成数核减'}${fmt(Math.abs(delta), t.unit!)}；${state}。`;
      else if (moved < 1e-9) narrative = `本月${rng.pick(SLOW_REASONS)}，进展不明显；${state}。`;
      else narrative = `本月${isRate ? `补齐缺额后空缺率下降${fmt(Math.abs(delta), '%')}` : `新增${fmt(delta, t.unit!)}`}，${state}。`;
    } else {
      const milestone = [...leaf.root.milestones!].reverse().find(([from]) => value >= from)![1];
      narrative =
        delta < 0
          ? `经自查，前期进度估计偏高，调整为${value}%。${milestone}`
          : delta === 0
            ? `本月${rng.pick(SLOW_REASONS)}，推进较慢，整体完成约${value}%。`
            : `整体完成约${value}%。${milestone}`;
    }
    if (gapMonths >= 2) narrative = `集中补报前${gapMonths}个月工作进展。${narrative}`;
    if (profile === 'LAGGING' && p < 1 && rng.next() < 0.5) narrative += '受人员力量不足影响，进度滞后，正在研究制定赶超措施。';

    const evidence =
      rng.next() < 0.6
        ? `${leaf.department.name}工作台账、会议记录及照片${rng.int(2, 12)}份`
        : `${leaf.county.name.slice(0, 2)}组发〔2026〕${rng.int(2, 60)}号`;

    let status = ReviewStatus.SUBMITTED;
    let reviewNote: string | null = null;
    let reviewedAt: Date | null = null;
    let reviewerId: number | null = null;
    let shownActual = actualValue;
    let shownPercent = percentComplete;
    if (reportedOn < '2026-10-01' || (reportedOn < '2026-11-01' && rng.next() < 0.5)) {
      reviewerId = input.regionUserId;
      reviewedAt = at(minDate(addDays(reportedOn, rng.int(2, 6)), DEMO_AS_OF), rng.int(9, 17), rng.int(0, 59));
      if (p < 1 && reportedOn < '2026-10-01' && rng.next() < 0.02) {
        // An overstated report, sent back: it does not count.
        status = ReviewStatus.REJECTED;
        reviewNote = rng.pick(['数据与台账不符，请核实后重新报送。', '佐证材料不足，所报进度无法核实，予以退回。']);
        if (quantitative) {
          const inflated = baseline + Math.min(0.98, p + 0.2) * (target - baseline);
          shownActual = isRate ? Math.round(inflated * 10) / 10 : Math.round(inflated);
        } else shownPercent = Math.min(95, percentComplete! + 20);
      } else {
        status = ReviewStatus.APPROVED;
        reviewNote =
          delta < 0
            ? '已核减，今后注意统计口径。'
            : gapMonths >= 2
              ? '请按月及时报送，不得集中补报。'
              : rng.pick(['数据属实，同意。', '佐证材料齐全，审核通过。', '审核通过，请继续保持进度。', '同意，注意按月报送。']);
      }
    }
    leaf.reports.push({
      targetId: t.id,
      regionId: t.regionId,
      countyId: t.countyId ?? null,
      reportedOn,
      period: `2026-${pad(month)}`,
      actualValue: shownActual,
      percentComplete: shownPercent,
      narrative,
      evidence,
      reporterId: leaf.county.userId,
      status,
      reviewerId,
      reviewNote,
      reviewedAt,
      // Submitted on its report date: how long a report has waited for review counts from here.
      createdAt: at(reportedOn, 9 + (month % 8), 10 + (month % 40)),
      updatedAt: reviewedAt ?? at(reportedOn, 9 + (month % 8), 10 + (month % 40)),
    });
    if (status !== ReviewStatus.REJECTED) {
      last = value;
      lastMonth = month;
    }
    if (p >= 1 && status !== ReviewStatus.REJECTED) break; // done: nothing more to report
  }
}

// ---------------------------------------------------------------------------------------

export interface DemoTargetCounts {
  directives: number;
  targets: number;
  progressReports: number;
  inspections: number;
  supervisionNotices: number;
  fieldResearch: number;
  fieldResearchTargets: number;
  publicFeedback: number;
}

export async function seedDemoTargets(db: EntityManager, input: DemoTargetsInput): Promise<DemoTargetCounts> {
  const rng = random(20260101);
  const { regionId } = input;

  // 吃透上情: the directives.
  const directiveIds = new Map<string, number>();
  for (const d of DIRECTIVES) {
    const { key, ...values } = d;
    directiveIds.set(key, await insertOne(db, Directive, { regionId, ...values }));
  }

  // 分解立项: roots, one child per county, two departments under each. Ids are assigned here.
  const maxRow = await db.createQueryBuilder(Target, 't').withDeleted().select('MAX(t.id)', 'max').getRawOne<{ max: number | string | null }>();
  let nextId = Number(maxRow?.max ?? 0) + 1;
  const rows: TargetRow[] = [];
  const countyTargets: CountyTarget[] = [];
  const leaves: Leaf[] = [];
  const rootRows: TargetRow[] = [];
  const regionUnit = (name: string) => input.regionUnits.find((u) => u.name === name) ?? null;

  for (const root of ROOTS) {
    const lead = regionUnit(root.leadUnit);
    const common = {
      regionId,
      directiveId: directiveIds.get(root.directive)!,
      category: root.category,
      kind: root.kind,
      unit: root.unit,
      // A rate's allocations to counties do not add up to the prefecture's rate.
      additive: root.unit !== '%',
      startDate: YEAR_START,
      deadline: root.deadline,
    };
    const rootId = nextId++;
    const rootRow: TargetRow = {
      id: rootId,
      ...common,
      parentId: null,
      rootId,
      path: `/${rootId}/`,
      share: 1,
      isLeaf: false,
      title: root.title,
      description: root.description,
      baseline: root.baseline,
      targetValue: root.targetValue,
      qualityStandard: root.qualityStandard,
      weight: root.weight,
      responsibleCountyId: null,
      responsibleDepartmentId: lead?.id ?? null,
      responsibleCadreId: lead ? headOf(lead) : null,
      countyId: null,
    };
    rows.push(rootRow);
    rootRows.push(rootRow);

    const quantitative = root.kind === TargetKind.QUANTITATIVE;
    const additive = quantitative && !root.rate;
    const countyValues = additive ? allocate(root.allocated ?? root.targetValue!, input.counties.map(() => rng.between(0.6, 1.4))) : [];
    const countyShare = 1 / input.counties.length;
    for (const [ci, county] of input.counties.entries()) {
      const id = nextId++;
      let baseline = root.baseline;
      let targetValue = root.targetValue;
      if (additive) targetValue = countyValues[ci];
      else if (root.rate) baseline = Math.round(rng.between(root.rate.baselineMin, root.rate.baselineMax) * 10) / 10;
      const countyRow: TargetRow = {
        id,
        ...common,
        parentId: rootId,
        rootId,
        path: `${rootRow.path}${id}/`,
        share: countyShare,
        isLeaf: false,
        title: `${root.title}（${county.name}）`,
        description: null,
        baseline,
        targetValue,
        qualityStandard: root.qualityStandard,
        weight: 1,
        responsibleCountyId: county.id,
        responsibleDepartmentId: null,
        responsibleCadreId: null,
        countyId: county.id,
      };
      rows.push(countyRow);
      const ct: CountyTarget = { row: countyRow, county, root, leaves: [] };
      countyTargets.push(ct);

      const taskValues = additive ? allocate(targetValue!, root.tasks.map((task) => task.portion)) : [];
      const weightSum = root.tasks.reduce((s, task) => s + task.weight, 0);
      for (const [ti, task] of root.tasks.entries()) {
        const department = unitOf(county, task.unit);
        const leafId = nextId++;
        const leafRow: TargetRow = {
          id: leafId,
          ...common,
          parentId: id,
          rootId,
          path: `${countyRow.path}${leafId}/`,
          share: (countyShare * task.weight) / weightSum,
          isLeaf: true,
          title: `${task.title}（${department.name}）`,
          description: null,
          baseline,
          targetValue: additive ? taskValues[ti] : targetValue,
          qualityStandard: root.qualityStandard,
          weight: task.weight,
          responsibleCountyId: county.id,
          responsibleDepartmentId: department.id,
          responsibleCadreId: headOf(department),
          countyId: county.id,
        };
        rows.push(leafRow);
        const leaf: Leaf = { row: leafRow, county, root, department, reports: [] };
        leaves.push(leaf);
        ct.leaves.push(leaf);
      }
    }
  }
  await insertChunks(db, Target, rows);
  for (const root of rootRows) await refreshTree(db, root.id);

  // 进展情况: monthly reports on the leaves, county by county.
  const moods = new Map(input.counties.map((c) => [c.id, swingMoods(rng)]));
  for (const leaf of leaves) {
    const profile = profileOf(leaf.county.code);
    const intended = trajectory(rng, profile, leaf.county, leaf.row.deadline!, moods.get(leaf.county.id)!);
    buildReports(rng, leaf, intended, profile, input);
  }
  const reports = leaves.flatMap((l) => l.reports).sort((a, b) => (a.reportedOn! < b.reportedOn! ? -1 : a.reportedOn! > b.reportedOn! ? 1 : a.targetId! - b.targetId!));
  await insertChunks(db, ProgressReport, reports);

  const inspections = buildInspections(rng, input, countyTargets);
  await insertChunks(db, Inspection, inspections);

  const notices = buildNotices(rng, input, countyTargets);
  await insertChunks(db, SupervisionNotice, notices);

  const byCountyRoot = new Map(countyTargets.map((ct) => [`${ct.county.code}/${ct.root.key}`, ct.row.id]));
  let links = 0;
  for (const visit of FIELD_RESEARCH) {
    const county = input.counties.find((c) => c.code === visit.county);
    if (!county) continue;
    const id = await insertOne(db, FieldResearch, {
      regionId,
      countyId: county.id,
      visitedOn: visit.visitedOn,
      topic: visit.topic,
      participants: `地委组织部${visit.lead}${personName(rng)}、${rng.pick(['组织科科长', '干部科科长', '组织科科员', '干部科科员'])}${personName(rng)}，${county.name}委组织部部长${personName(rng)}`,
      findings: visit.findings,
    });
    const targetIds = visit.roots.map((key) => byCountyRoot.get(`${county.code}/${key}`)!).filter(Boolean);
    if (visit.withRoot) targetIds.push(rootRows[ROOTS.findIndex((r) => r.key === visit.roots[0])].id);
    await insertChunks(db, FieldResearchTarget, targetIds.map((targetId) => ({ fieldResearchId: id, targetId })));
    links += targetIds.length;
  }

  const feedback = buildFeedback(rng, input, byCountyRoot);
  await insertChunks(db, PublicFeedback, feedback);

  return {
    directives: DIRECTIVES.length,
    targets: rows.length,
    progressReports: reports.length,
    inspections: inspections.length,
    supervisionNotices: notices.length,
    fieldResearch: FIELD_RESEARCH.length,
    fieldResearchTargets: links,
    publicFeedback: feedback.length,
  };
}

// ---------------------------------------------------------------------------------------
// 督查

const GOOD_FINDINGS = [
  '工作台账规范齐全，责任分解到人，进度与报送情况一致，群众反映较好。',
  '领导重视，措施具体，按月调度推进，资料完整可查。',
  '目标任务推进扎实，抽查的村（居）均能说清工作内容，未发现明显问题。',
];
const FAIR_FINDINGS = [
  '工作总体有序推进，但个别乡镇台账不够规范，进度统计口径不一致。',
  '主要任务已启动，但部分责任人对质量标准掌握不准，佐证材料不够完整。',
  '推进节奏不均衡，前紧后松，部分月份报送数据与实际有出入。',
];
const POOR_FINDINGS = [
  '进度明显滞后于时间进度，责任分解不到位，部分任务未明确责任人，存在等靠思想。',
  '工作时好时坏、时紧时松，抽查村（居）台账缺失，报送进度与实地核查不符。',
  '措施不得力，对上级部署学习传达不及时，督办事项未按期反馈。',
];
const RECTIFICATION_NOTES = [
  '已召开专题会议重新明确责任分工，补齐工作台账，经复查整改到位。',
  '已统一统计口径并更正报送数据，对相关责任人进行提醒谈话。',
  '已制定赶超计划，倒排工期、挂图作战，整改事项全部销号。',
];

function buildInspections(rng: Rng, input: DemoTargetsInput, countyTargets: CountyTarget[]): Partial<Inspection>[] {
  const rows: Partial<Inspection>[] = [];
  for (const [ci, county] of input.counties.entries()) {
    const profile = profileOf(county.code);
    const own = countyTargets.filter((ct) => ct.county.id === county.id);
    const first = rng.pick(own);
    let second = rng.pick(own);
    while (second === first) second = rng.pick(own);
    // A first round in spring and summer, a second from August; every third county's second
    // inspection comes late enough that its rectification is not yet due.
    const windows: [string, number][] = [
      ['2026-03-20', 120],
      ci % 3 === 0 ? ['2026-10-26', 20] : ['2026-08-01', 80],
    ];
    for (const [i, ct] of [first, second].entries()) {
      const [from, span] = windows[i];
      const inspectedOn = addDays(from, rng.int(0, span));
      const rating =
        profile === 'LAGGING'
          ? rng.int(55, 70)
          : profile === 'SWINGING'
            ? rng.int(62, 84)
            : profile === 'BURSTY'
              ? rng.int(66, 86)
              : rng.int(77, 98);
      const required = rating < 78;
      const findings = rating >= 85 ? rng.pick(GOOD_FINDINGS) : rating >= 70 ? rng.pick(FAIR_FINDINGS) : rng.pick(POOR_FINDINGS);
      const deadline = required ? addDays(inspectedOn, 30) : null;
      let status = RectificationStatus.NONE;
      let closedOn: string | null = null;
      let note: string | null = null;
      if (deadline) {
        // Laggards and swinging counties close the first rectification (laggards late) and
        // leave the second open, 仲巴县 closes none; the others close theirs in time.
        const closes = deadline <= DEMO_AS_OF && county.code !== '540232' && (profile === 'LAGGING' || profile === 'SWINGING' ? i === 0 : true);
        if (closes) {
          status = RectificationStatus.DONE;
          closedOn = profile === 'LAGGING' ? addDays(deadline, rng.int(10, 25)) : addDays(inspectedOn, rng.int(12, 30));
          if (closedOn > DEMO_AS_OF) closedOn = DEMO_AS_OF;
          note = rng.pick(RECTIFICATION_NOTES);
        } else status = RectificationStatus.OPEN;
      }
      const inspectors = [personName(rng), personName(rng), ...(rng.next() < 0.5 ? [personName(rng)] : [])];
      rows.push({
        regionId: input.regionId,
        countyId: county.id,
        departmentId: null,
        targetId: ct.row.id,
        inspectedOn,
        kind: rng.pick([InspectionKind.ROUTINE, InspectionKind.ROUTINE, InspectionKind.SPECIAL, InspectionKind.SPECIAL, InspectionKind.UNANNOUNCED]),
        inspectors: `地委督查室 ${inspectors[0]}、地委组织部 ${inspectors.slice(1).join('、')}`,
        findings: `${ct.root.title}：${findings}`,
        rating,
        rectificationRequired: required,
        rectificationDeadline: deadline,
        rectificationStatus: status,
        closedOn,
        rectificationNote: note,
      });
    }
  }
  return rows.sort((a, b) => (a.inspectedOn! < b.inspectedOn! ? -1 : 1));
}

// ---------------------------------------------------------------------------------------
// 督办单

const NOTICE_CHECKS = ['2026-04-20', '2026-06-15', '2026-08-20', '2026-10-15'];
const NOTICE_LABEL: Record<string, string> = { REMINDER: '提醒', URGE: '催办', BLUE: '蓝色督办单' };
const RESPONSES = [
  '已召开县委常委会专题研究，明确分管领导牵头，倒排工期，力争下月底前赶上时间进度。',
  '已对滞后乡镇逐一约谈，制定赶超计划，实行周调度、月通报。',
  '已抽调专人充实工作力量，补齐台账资料，下一步按月如实报送进展。',
  '经认真查摆，滞后原因是责任分解不到位，现已重新明确责任人和完成时限。',
];

function buildNotices(rng: Rng, input: DemoTargetsInput, countyTargets: CountyTarget[]): Partial<SupervisionNotice>[] {
  const rows: Partial<SupervisionNotice>[] = [];
  for (const county of input.counties) {
    const profile = profileOf(county.code);
    if (profile !== 'LAGGING' && profile !== 'SWINGING') continue;
    // The county's most lagging targets as the demo ends.
    const ranked = countyTargets
      .filter((ct) => ct.county.id === county.id)
      .map((ct) => ({ ct, w: warningOf(ct, DEMO_AS_OF) }))
      .filter((x) => x.w.warning !== WarningLevel.GREEN || profile === 'LAGGING')
      .sort((a, b) => b.w.t - b.w.p - (a.w.t - a.w.p) || a.ct.row.id - b.ct.row.id)
      .slice(0, profile === 'LAGGING' ? 3 : 2);
    for (const [rank, { ct }] of ranked.entries()) {
      let last: Partial<SupervisionNotice> | null = null;
      for (const date of NOTICE_CHECKS) {
        const issuedOn = addDays(date, rng.int(0, 4));
        const { p, t, warning } = warningOf(ct, issuedOn);
        if (warning === WarningLevel.GREEN) continue;
        if (last && last.respondedOn == null && last.dueOn! >= issuedOn) continue; // waiting for the answer
        const index = last ? NOTICE_LADDER.indexOf(last.level!) + 1 : warning === WarningLevel.RED ? 1 : 0;
        if (index > NOTICE_LADDER.indexOf(NoticeLevel.BLUE)) break; // the demo stops at the blue notice
        const level = NOTICE_LADDER[index];
        const dueOn = addDays(issuedOn, 7);
        const light = warning === WarningLevel.RED ? '红灯' : '黄灯';
        const lead =
          level === NoticeLevel.REMINDER
            ? '请高度重视，抓紧推进'
            : level === NoticeLevel.URGE
              ? `${last ? '经提醒后仍未明显改观' : '进度严重滞后'}，请县委主要负责同志亲自过问，书面报告整改措施`
              : '经多次提醒催办仍滞后，现予蓝色督办，逾期未答复将在全市通报';
        const unanswered = rng.next() < 0.08;
        const respondedOn = unanswered ? null : minDate(addDays(issuedOn, rng.int(2, 6)), DEMO_AS_OF);
        const notice: Partial<SupervisionNotice> = {
          targetId: ct.row.id,
          regionId: ct.row.regionId,
          countyId: ct.row.countyId ?? null,
          level,
          issuedOn,
          dueOn,
          content: `【${NOTICE_LABEL[level]}】${county.name}：“${ct.root.title}”截至${issuedOn}完成进度${Math.round(p * 100)}%，时间进度${Math.round(t * 100)}%，已亮${light}。${lead}，并于${dueOn}前报送推进情况。`,
          issuedById: input.regionUserId,
          response: respondedOn ? rng.pick(RESPONSES) : null,
          respondedOn,
          respondedById: respondedOn ? county.userId : null,
        };
        rows.push(notice);
        last = notice;
      }
      // The last notice on a laggard's worst target goes unanswered.
      if (last && profile === 'LAGGING' && rank === 0) Object.assign(last, { response: null, respondedOn: null, respondedById: null });
    }
  }
  const unansweredOverdue = rows.filter((n) => n.respondedOn == null && n.dueOn! < DEMO_AS_OF).length;
  if (unansweredOverdue < 2) throw new Error('demo data: expected unanswered notices past their due date');
  return rows.sort((a, b) => (a.issuedOn! < b.issuedOn! ? -1 : a.issuedOn! > b.issuedOn! ? 1 : a.targetId! - b.targetId!));
}

// ---------------------------------------------------------------------------------------
// 调研 and 群众意见

const FIELD_RESEARCH: { county: string; visitedOn: string; topic: string; lead: string; findings: string; roots: string[]; withRoot?: boolean }[] = [
  {
    county: '540226',
    visitedOn: '2025-11-18',
    topic: '软弱涣散村党组织排查认定情况调研',
    lead: '常务副部长',
    findings: '全县排查出软弱涣散村党组织7个，主要表现为班子不团结、带头人能力弱、组织生活不经常；部分乡镇排查流于形式，存在“以会议落实会议”现象。建议实行县级领导包联、一村一策限期整顿。',
    roots: ['pb-rectify', 'pb-vacancy'],
    withRoot: true,
  },
  {
    county: '540232',
    visitedOn: '2025-11-26',
    topic: '牧区村（居）“两委”班子和干部队伍状况调研',
    lead: '副部长',
    findings: '牧区村（居）“两委”班子成员空缺率达11%以上，季节性转场期间组织活动难以开展；年轻干部不愿到边远乡镇工作，干部队伍年龄结构老化。',
    roots: ['pb-vacancy', 'ct-youth'],
  },
  {
    county: '540222',
    visitedOn: '2025-12-09',
    topic: '年轻干部到乡镇一线墩苗历练座谈调研',
    lead: '常务副部长',
    findings: '座谈的18名年轻干部普遍希望到基层一线锻炼，但反映跟踪培养不够、考核评价不清晰。建议建立墩苗干部跟踪培养档案，由乡镇党委按季度考核。',
    roots: ['ct-youth'],
    withRoot: true,
  },
  {
    county: '540223',
    visitedOn: '2025-12-16',
    topic: '专业技术人才引进和留用情况调研',
    lead: '副部长',
    findings: '近三年引进的教育、卫生人才流失率约18%，主要原因是高海拔生活条件艰苦、周转房不足、职称评聘通道不畅；农牧技术人才缺口较大。',
    roots: ['pt-talent'],
  },
  {
    county: '540221',
    visitedOn: '2025-12-23',
    topic: '基层党组织“三会一课”制度落实情况暗访调研',
    lead: '副部长',
    findings: '暗访的6个村党支部中，2个支部半年未召开支委会，会议记录存在补记现象；工作忙时抓一抓、闲时放一放，时紧时松问题突出。',
    roots: ['pb-standard', 'pb-rectify'],
  },
  {
    county: '540225',
    visitedOn: '2026-01-13',
    topic: '推进领导干部能上能下情况调研',
    lead: '常务副部长',
    findings: '县里对“下”的情形把握不准，担心影响干部积极性，近两年因不适宜担任现职调整的仅1人；容错纠错机制尚无具体案例台账。',
    roots: ['ct-updown'],
    withRoot: true,
  },
  {
    county: '540236',
    visitedOn: '2026-01-20',
    topic: '基层干部教育培训需求调研',
    lead: '副部长',
    findings: '乡村干部最希望学习政策解读、矛盾调解和电子政务操作；集中培训与农牧业生产时间冲突，建议采取“送学上门”和网络学习相结合的方式。',
    roots: ['tr-classes', 'tr-rotation'],
  },
  {
    county: '540202',
    visitedOn: '2026-02-10',
    topic: '城市社区党建和人才服务情况调研',
    lead: '副部长',
    findings: '社区党组织服务功能较强，“红色物业”试点效果较好；人才服务“一站式”窗口已建成，但人才公寓供给不足。',
    roots: ['pb-standard', 'pt-talent'],
  },
  {
    county: '540233',
    visitedOn: '2026-03-05',
    topic: '边境乡镇干部队伍建设情况调研',
    lead: '常务副部长',
    findings: '边境乡镇干部在岗率较高，但懂外语、懂边贸的干部缺乏；部分干部长期在艰苦岗位未得到交流，激励保障政策落实不到位。',
    roots: ['ct-youth', 'ct-updown'],
  },
  {
    county: '540234',
    visitedOn: '2026-03-17',
    topic: '口岸地区专业技术人才和干部培训情况调研',
    lead: '副部长',
    findings: '吉隆口岸发展对检验检疫、物流管理等专业人才需求旺盛，本地培养能力不足；干部轮训覆盖面达八成，但培训内容与口岸工作结合不够紧密。',
    roots: ['pt-talent', 'tr-rotation'],
  },
];

const FEEDBACK: { root: string; content: string; response: string }[] = [
  {
    root: 'pb-vacancy',
    content: '我们村的村委会副主任去年调走后一直没有补选，村里的低保评议、草场纠纷没人牵头，希望尽快补齐。',
    response: '已督促乡党委启动补选程序，经资格联审后召开村民代表会议补选到位。',
  },
  {
    root: 'pb-rectify',
    content: '反映村党支部一年多没开过党员大会，支部书记长期在县城做生意，村里事情找不到人。',
    response: '经核实情况属实，已将该村列入软弱涣散党组织整顿名单，调整支部书记并派驻第一书记。',
  },
  {
    root: 'pb-standard',
    content: '希望村里的党课多讲讲惠民政策和草场补奖政策，用藏语讲，老党员听得懂。',
    response: '已要求各乡镇党课采用藏汉双语，并将惠民政策解读纳入党课计划。',
  },
  {
    root: 'ct-youth',
    content: '下派到我们乡的年轻干部只来报了个到，平时很少在乡里，群众办事还是找不到人。',
    response: '已对相关干部进行提醒谈话，实行墩苗干部在岗情况每月通报。',
  },
  {
    root: 'ct-updown',
    content: '有的干部工作不作为、群众意见大，却一直在原岗位，建议加大调整力度。',
    response: '已转县委组织部干部股核查，将结合年度考核和民主测评结果研究处理。',
  },
  {
    root: 'pt-talent',
    content: '乡卫生院一直缺医生，群众看病要跑到县城，希望多招一些医生并留得住。',
    response: '今年已为该乡卫生院招聘医师2名，并协调落实周转房和高海拔津贴。',
  },
  {
    root: 'pt-talent',
    content: '我是去年招聘的特岗教师，职称评审和周转房一直没落实，希望组织上帮助解决。',
    response: '已协调人社局、教育局将其纳入今年职称评审计划，周转房于下月分配。',
  },
  {
    root: 'tr-classes',
    content: '培训班安排在青稞收割季节，村干部走不开，建议避开农忙时间。',
    response: '已调整下半年培训计划，避开农忙时节，并增设乡镇就近培训点。',
  },
  {
    root: 'tr-rotation',
    content: '网络学院的课程手机上经常打不开，牧区网络信号差，学时完成不了。',
    response: '已协调运营商和网络学院开通离线下载功能，学时可补录。',
  },
  {
    root: 'pb-vacancy',
    content: '建议选拔返乡大学生进村“两委”，他们有文化、懂政策，群众也信任。',
    response: '感谢建议，县委组织部已将返乡大学生纳入村级后备力量库。',
  },
  {
    root: '',
    content: '反映乡政府办事窗口中午经常没人，群众来回跑了好几趟，希望改进作风。',
    response: '已转乡党委调查处理，实行窗口午间轮班制度并公开监督电话。',
  },
  {
    root: '',
    content: '希望县里公开驻村工作队的联系方式和工作职责，方便群众反映问题。',
    response: '已在各村党群服务中心公示栏公开驻村工作队名单、职责和联系电话。',
  },
];
const CHANNELS = [FeedbackChannel.HOTLINE, FeedbackChannel.LETTER, FeedbackChannel.VISIT, FeedbackChannel.ONLINE, FeedbackChannel.SURVEY, FeedbackChannel.OTHER];

function buildFeedback(rng: Rng, input: DemoTargetsInput, byCountyRoot: Map<string, number>): Partial<PublicFeedback>[] {
  const rows: Partial<PublicFeedback>[] = [];
  for (let i = 0; i < 30; i++) {
    const county = i < input.counties.length ? input.counties[i] : rng.pick(input.counties);
    const item = rng.pick(FEEDBACK);
    const receivedOn = `2026-${pad(rng.int(1, 11))}-${pad(rng.int(1, 28))}`;
    const on = minDate(receivedOn, '2026-11-15');
    const r = rng.next();
    const status =
      on < '2026-09-01'
        ? r < 0.6
          ? FeedbackStatus.CLOSED
          : r < 0.93
            ? FeedbackStatus.ANSWERED
            : FeedbackStatus.OPEN
        : on < '2026-11-01'
          ? r < 0.5
            ? FeedbackStatus.ANSWERED
            : FeedbackStatus.OPEN
          : FeedbackStatus.OPEN;
    const linked = item.root && rng.next() < 0.75 ? byCountyRoot.get(`${county.code}/${item.root}`) ?? null : null;
    rows.push({
      regionId: input.regionId,
      countyId: county.id,
      receivedOn: on,
      channel: rng.pick(CHANNELS),
      content: item.content,
      status,
      response: status === FeedbackStatus.OPEN ? null : item.response,
      targetId: linked,
    });
  }
  return rows.sort((a, b) => (a.receivedOn! < b.receivedOn! ? -1 : a.receivedOn! > b.receivedOn! ? 1 : a.countyId! - b.countyId!));
}
