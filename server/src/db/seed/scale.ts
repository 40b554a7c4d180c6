import type { DataSource, EntityManager } from 'typeorm';
import { normalizeUsername, passwords } from '../../common/auth.js';
import { addDays, today } from '../../common/dates.js';
import { Role } from '../../common/scope.js';
import { refreshTargetMetrics } from '../../modules/targets/target-metrics.js';
import { DEMO_PASSWORD } from './demo.js';
import { random, type Rng } from './random.js';
import { COUNTIES, COUNTY_UNITS, FEMININE_ENDINGS, HAN_GIVEN_FEMALE, HAN_GIVEN_MALE, HAN_SURNAMES, REGION, REGION_UNITS, TIBETAN_NAME_PARTS } from './shigatse.js';

/**
 * A prefecture's history at scale, for benchmarks: 18 counties, ~2,000 departments, 50,000
 * cadres, 100,000 targets in trees over five years ending in the current one (directive →
 * prefecture → county → department → task), 2,000,000 progress reports (reviewed and not),
 * inspections, notices, democratic-evaluation votes and accountability records, and the demo
 * logins — all times `scale`. Deterministic for a given seed. Rows go in as multi-row INSERTs
 * of a few hundred rows; each batch writes one audit event, as a bulk import would.
 */
export interface ScaleOptions {
  scale: number;
  seed: number;
  onProgress?: (table: string, done: number, total: number) => void;
}

export interface ScaleCounts {
  departments: number;
  cadres: number;
  directives: number;
  targets: number;
  progressReports: number;
  inspections: number;
  supervisionNotices: number;
  democraticEvaluations: number;
  accountabilities: number;
  auditEvents: number;
}

const CATEGORIES = ['PARTY_BUILDING', 'CADRE_TEAM', 'PERSONNEL_TALENT', 'CADRE_TRAINING'] as const;
const TITLES: Record<(typeof CATEGORIES)[number], string[]> = {
  PARTY_BUILDING: ['整顿软弱涣散基层党组织', '推进党支部标准化规范化建设', '发展农牧民党员', '开展“三会一课”专项检查', '建强村（居）“两委”班子'],
  CADRE_TEAM: ['选派年轻干部到基层墩苗', '开展干部作风专项整治', '推进干部能上能下', '完善干部考核评价机制', '加强干部日常监督管理'],
  PERSONNEL_TALENT: ['引进急需紧缺专业人才', '培养本土实用人才', '开展人才“组团式”援藏', '建立人才服务保障机制', '推进职称评审改革'],
  CADRE_TRAINING: ['举办基层干部专题培训班', '开展县乡村干部全员轮训', '组织干部双语能力培训', '开展党性教育专题培训', '推进干部网络学院学习'],
};
const MEASURES = ['ADMONISHMENT', 'CRITICISM', 'REASSIGNMENT', 'REMOVAL'] as const;

/** Each county's way of working, so the history has steady, swinging, bursty and lagging counties. */
type Profile = 'STEADY' | 'SWINGING' | 'BURSTY' | 'LAGGING';

function person(rng: Rng): { name: string; nameTibetan: string | null; gender: string; ethnicity: string } {
  if (rng.next() < 0.72) {
    const first = rng.pick(TIBETAN_NAME_PARTS);
    const second = rng.pick(TIBETAN_NAME_PARTS);
    return { name: first[0] + second[0], nameTibetan: `${first[1]}་${second[1]}`, gender: FEMININE_ENDINGS.has(second[0]) ? 'FEMALE' : 'MALE', ethnicity: '藏族' };
  }
  const female = rng.next() < 0.4;
  return { name: rng.pick(HAN_SURNAMES) + rng.pick(female ? HAN_GIVEN_FEMALE : HAN_GIVEN_MALE), nameTibetan: null, gender: female ? 'FEMALE' : 'MALE', ethnicity: '汉族' };
}

const pad = (n: number) => String(n).padStart(2, '0');
const clamp01 = (v: number) => Math.max(0, Math.min(1, v));
const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
const dateOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** Inserts rows in multi-row statements; one audit event per batch records the import. */
class Loader {
  readonly counts = new Map<string, number>();
  auditEvents = 0;
  constructor(
    private readonly db: EntityManager,
    private readonly regionId: () => number,
    private readonly onProgress?: ScaleOptions['onProgress'],
  ) {}

  private esc = (name: string) => this.db.connection.driver.escape(name);

  /** Inserts `rows` (arrays in `columns` order) into `table`; returns the first id (ids are consecutive in one statement). */
  async insert(table: string, columns: string[], rows: unknown[][], total = rows.length, audit = true): Promise<number[]> {
    const ids: number[] = [];
    const batch = Math.max(1, Math.floor(12_000 / columns.length));
    for (let i = 0; i < rows.length; i += batch) {
      const chunk = rows.slice(i, i + batch);
      const placeholders = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
      await this.db.query(`INSERT INTO ${this.esc(table)} (${columns.map(this.esc).join(', ')}) VALUES ${placeholders}`, chunk.flat());
      // One connection, nothing else writing: the rows of one statement got consecutive ids.
      const [{ last }] = await this.db.query(`SELECT MAX(${this.esc('id')}) AS ${this.esc('last')} FROM ${this.esc(table)}`);
      const first = Number(last) - chunk.length + 1;
      for (let k = 0; k < chunk.length; k++) ids.push(first + k);
      const done = (this.counts.get(table) ?? 0) + chunk.length;
      this.counts.set(table, done);
      if (audit) await this.audit(table, done - chunk.length + 1, done);
      this.onProgress?.(table, done, total);
    }
    return ids;
  }

  private async audit(table: string, from: number, to: number): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.esc('audit_event')} (${['at', 'actorName', 'action', 'entityType', 'entityId', 'regionId', 'countyId', 'changes', 'requestId', 'ip'].map(this.esc).join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [auditTime(this.db), 'seed:scale', 'CREATE', table, null, this.regionId(), null, JSON.stringify({ bulkImport: { before: null, after: `${table} rows ${from}–${to}` } }), null, null],
    );
    this.auditEvents++;
  }
}

function auditTime(db: EntityManager): unknown {
  const now = new Date();
  return db.connection.options.type === 'better-sqlite3' ? now.toISOString().replace('T', ' ').replace('Z', '') : now;
}

export async function seedScale(dataSource: DataSource, opts: ScaleOptions): Promise<ScaleCounts> {
  const rng = random(opts.seed);
  const s = opts.scale;
  const now = today();
  const thisYear = Number(now.slice(0, 4));
  const years = [thisYear - 4, thisYear - 3, thisYear - 2, thisYear - 1, thisYear];
  const hash = await passwords.hash(DEMO_PASSWORD);
  const sqlite = dataSource.options.type === 'better-sqlite3';

  let regionId = 0;
  let loader!: Loader;
  await dataSource.transaction(async (db) => {
    if (!sqlite) await db.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
    loader = new Loader(db, () => regionId, opts.onProgress);
    [regionId] = await loader.insert('region', ['name', 'nameTibetan', 'code'], [[REGION.name, REGION.nameTibetan, REGION.code]]);

    // Counties, departments (the real units, then townships and village Party branches), cadres.
    const countyIds = await loader.insert('county', ['regionId', 'name', 'nameTibetan', 'code'], COUNTIES.map((c) => [regionId, c.name, c.nameTibetan, c.code]));
    const profiles: Profile[] = countyIds.map((_, i) => (['STEADY', 'STEADY', 'SWINGING', 'BURSTY', 'LAGGING', 'STEADY'] as Profile[])[i % 6]);
    const deptRows: unknown[][] = [];
    const deptCounty: (number | null)[] = [];
    for (const unit of REGION_UNITS) {
      deptRows.push([regionId, null, unit.name, unit.kind]);
      deptCounty.push(null);
    }
    const perCounty = Math.max(COUNTY_UNITS.length + 2, Math.round((2000 * s - REGION_UNITS.length) / COUNTIES.length));
    COUNTIES.forEach((c, i) => {
      for (let k = 0; k < perCounty; k++) {
        const unit = COUNTY_UNITS[k];
        const name = unit ? `${c.name}${unit.suffix}` : k < COUNTY_UNITS.length + c.townships.length ? `${c.name}${c.townships[k - COUNTY_UNITS.length]}` : `${c.name}第${k - COUNTY_UNITS.length + 1}村（居）党组织`;
        deptRows.push([regionId, countyIds[i], name, unit ? unit.kind : k < COUNTY_UNITS.length + c.townships.length ? 'TOWNSHIP' : 'OTHER']);
        deptCounty.push(countyIds[i]);
      }
    });
    const deptIds = await loader.insert('department', ['regionId', 'countyId', 'name', 'kind'], deptRows);
    const countyDepts = new Map<number, number[]>();
    deptIds.forEach((id, i) => {
      const c = deptCounty[i];
      if (c != null) countyDepts.set(c, [...(countyDepts.get(c) ?? []), id]);
    });

    const cadreTotal = Math.round(50_000 * s);
    const cadreRows: unknown[][] = [];
    const cadreDept: number[] = [];
    for (let i = 0; i < cadreTotal; i++) {
      const dept = deptIds[i % deptIds.length];
      const p = person(rng);
      cadreRows.push([dept, p.name, p.nameTibetan, p.gender, p.ethnicity, `${rng.int(1966, 1999)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`, rng.pick(['科员', '副股长', '股长', '副主任', '主任', '副部长', '部长', '书记', '副书记']), rng.pick(['一级科员', '二级科员', '四级主任科员', '副科级', '正科级', '副处级']), rng.next() < 0.95 ? 'ACTIVE' : 'TRANSFERRED', `1${rng.pick(['38', '39', '58', '89'])}0892${String(rng.int(0, 9999)).padStart(4, '0')}`]);
      cadreDept.push(dept);
    }
    const cadreIds = await loader.insert('cadre', ['departmentId', 'name', 'nameTibetan', 'gender', 'ethnicity', 'birthDate', 'position', 'rank', 'status', 'phone'], cadreRows);
    const deptCadres = new Map<number, number[]>();
    cadreIds.forEach((id, i) => deptCadres.set(cadreDept[i], [...(deptCadres.get(cadreDept[i]) ?? []), id]));

    // The demo logins.
    const users: unknown[][] = [
      [normalizeUsername('admin'), '系统管理员', hash, 'ADMIN', regionId, null],
      [normalizeUsername('region'), '日喀则地委组织部', hash, 'REGIONAL', regionId, null],
      [normalizeUsername('analyst'), '数据分析员', hash, 'ANALYST', regionId, null],
      ...COUNTIES.map((c, i) => [normalizeUsername(`county-${c.code}`), `${c.name}委组织部`, hash, 'COUNTY', regionId, countyIds[i]]),
    ];
    const userIds = await loader.insert('user', ['username', 'displayName', 'passwordHash', 'role', 'regionId', 'countyId'], users);
    const regionUser = userIds[1];
    const countyUser = new Map(countyIds.map((id, i) => [id, userIds[3 + i]]));

    // Directives, five years of them.
    const directivesPerYear = Math.max(2, Math.round(40 * s));
    const directiveRows: unknown[][] = [];
    const directiveYear: number[] = [];
    for (const year of years) {
      for (let k = 0; k < directivesPerYear; k++) {
        const level = rng.pick(['CENTRAL', 'AUTONOMOUS_REGION', 'PREFECTURE']);
        const issuer = level === 'CENTRAL' ? '中央组织部' : level === 'AUTONOMOUS_REGION' ? '自治区党委组织部' : '日喀则地委组织部';
        const prefix = level === 'CENTRAL' ? '中组发' : level === 'AUTONOMOUS_REGION' ? '藏组发' : '日组发';
        directiveRows.push([regionId, `关于${rng.pick(TITLES[rng.pick(CATEGORIES)])}的通知`, level, issuer, `${prefix}〔${year}〕${k + 1}号`, `${year}-${pad(rng.int(1, 3))}-${pad(rng.int(1, 28))}`, '贯彻落实上级部署，分解到各县（区）和部门。']);
        directiveYear.push(year);
      }
    }
    const directiveIds = await loader.insert('directive', ['regionId', 'title', 'issuerLevel', 'issuer', 'documentNumber', 'issuedOn', 'summary'], directiveRows);

    // Target trees: prefecture root → 18 counties → 3 departments each → 2 tasks each (181 nodes).
    const treeSize = 1 + COUNTIES.length * (1 + 3 * (1 + 2));
    const trees = Math.max(1, Math.round((100_000 * s) / treeSize));
    const reportsPerLeaf = Math.max(1, Math.round((2_000_000 * s) / (trees * COUNTIES.length * 6)));
    interface Leaf {
      id: number;
      countyId: number;
      profile: Profile;
      kind: string;
      baseline: number;
      value: number;
      start: string;
      deadline: string;
      final: number;
    }
    const leaves: Leaf[] = [];
    const midTargets: { id: number; countyId: number | null; departmentId: number | null; start: string; deadline: string }[] = [];
    const targetColumns = ['regionId', 'parentId', 'directiveId', 'rootId', 'path', 'share', 'isLeaf', 'title', 'category', 'kind', 'unit', 'baseline', 'targetValue', 'startDate', 'deadline', 'qualityStandard', 'weight', 'responsibleCountyId', 'responsibleDepartmentId', 'responsibleCadreId', 'countyId', 'additive'];
    // Ids are assigned in order within one connection: compute them up front (the table is empty).
    let nextId = 1;
    const targetRows: unknown[][] = [];
    for (let t = 0; t < trees; t++) {
      const d = t % directiveIds.length;
      const year = directiveYear[d];
      const category = CATEGORIES[t % CATEGORIES.length];
      const quantitative = rng.next() < 0.6;
      const kind = quantitative ? 'QUANTITATIVE' : 'QUALITATIVE';
      const startDay = dayNumber(`${year}-01-01`) + rng.int(0, 300);
      const start = dateOf(startDay);
      const deadline = dateOf(startDay + rng.int(180, 420));
      const perTask = quantitative ? rng.int(2, 20) : 0;
      const total = perTask * COUNTIES.length * 6;
      const title = `${rng.pick(TITLES[category])}（${year}年）`;
      const root = nextId++;
      const row = (id: number, parent: number | null, path: string, share: number, leaf: boolean, name: string, value: number | null, county: number | null, dept: number | null, cadre: number | null) => {
        if (id !== targetRows.length + 1) throw new Error('target ids out of order');
        targetRows.push([regionId, parent, directiveIds[d], root, path, share, leaf ? 1 : 0, name.slice(0, 200), category, kind, quantitative ? '人' : null, quantitative ? 0 : null, quantitative ? value : null, start, deadline, '按期保质完成，佐证材料齐全。', 1, county, dept, cadre, county, 1]);
      };
      row(root, null, `/${root}/`, 1, false, title, total, null, null, null);
      COUNTIES.forEach((c, ci) => {
        const countyId = countyIds[ci];
        const cid = nextId++;
        row(cid, root, `/${root}/${cid}/`, 1 / COUNTIES.length, false, `${title}（${c.name}）`, perTask * 6, countyId, null, null);
        midTargets.push({ id: cid, countyId, departmentId: null, start, deadline });
        const depts = countyDepts.get(countyId)!;
        for (let k = 0; k < 3; k++) {
          const dept = depts[(t * 3 + k) % depts.length];
          const did = nextId++;
          row(did, cid, `/${root}/${cid}/${did}/`, 1 / (COUNTIES.length * 3), false, `${title}（${c.name}·${k + 1}）`, perTask * 2, countyId, dept, null);
          midTargets.push({ id: did, countyId, departmentId: dept, start, deadline });
          const cadres = deptCadres.get(dept) ?? [];
          for (let j = 0; j < 2; j++) {
            const lid = nextId++;
            const cadre = cadres.length ? cadres[(t + j) % cadres.length] : null;
            row(lid, did, `/${root}/${cid}/${did}/${lid}/`, 1 / (COUNTIES.length * 6), true, `${title}（${c.name}·${k + 1}·任务${j + 1}）`, perTask, countyId, dept, cadre);
            const profile = profiles[ci];
            const final = profile === 'LAGGING' ? rng.between(0.3, 0.8) : rng.next() < 0.75 ? 1 : rng.between(0.5, 0.95);
            leaves.push({ id: lid, countyId, profile, kind, baseline: 0, value: perTask, start, deadline, final });
          }
        }
      });
    }
    await loader.insert('target', targetColumns, targetRows);

    // Progress reports: each leaf reports at intervals from its start until its deadline (or
    // today), cumulative, reviewed after a few days except the most recent ones.
    const reportColumns = ['targetId', 'regionId', 'countyId', 'reportedOn', 'period', 'actualValue', 'percentComplete', 'narrative', 'evidence', 'reporterId', 'status', 'reviewerId', 'reviewNote', 'reviewedAt'];
    const totalReports = leaves.length * reportsPerLeaf;
    const todayN = dayNumber(now);
    let pending: unknown[][] = [];
    const flush = async () => {
      if (!pending.length) return;
      await loader.insert('progress_report', reportColumns, pending, totalReports);
      pending = [];
    };
    for (const leaf of leaves) {
      const from = dayNumber(leaf.start);
      const to = Math.min(dayNumber(leaf.deadline) + 20, todayN);
      if (to <= from) continue;
      let previous = 0;
      for (let k = 1; k <= reportsPerLeaf; k++) {
        const day = from + Math.round(((to - from) * k) / reportsPerLeaf) - (leaf.profile === 'BURSTY' && k % 3 !== 0 ? Math.round((to - from) / reportsPerLeaf) : 0);
        const t = clamp01((day - from) / Math.max(1, dayNumber(leaf.deadline) - from));
        const swing = leaf.profile === 'SWINGING' ? (Math.floor(day / 30) % 2 === 0 ? 0.15 : -0.12) : 0;
        const p = Math.max(previous, clamp01(Math.min(leaf.final, t * (leaf.profile === 'LAGGING' ? 0.7 : 1.05) + swing)));
        previous = p;
        const reportedOn = dateOf(Math.min(day, todayN));
        const recent = todayN - day < 30;
        const status = recent && rng.next() < 0.5 ? 'SUBMITTED' : rng.next() < 0.03 ? 'REJECTED' : 'APPROVED';
        const reviewed = status !== 'SUBMITTED';
        pending.push([
          leaf.id,
          regionId,
          leaf.countyId,
          reportedOn,
          reportedOn.slice(0, 7),
          leaf.kind === 'QUANTITATIVE' ? Math.round(p * leaf.value * 10) / 10 : null,
          leaf.kind === 'QUANTITATIVE' ? null : Math.round(p * 100),
          `第${k}次报送：完成约${Math.round(p * 100)}%。`,
          rng.next() < 0.5 ? '工作台账及照片' : null,
          countyUser.get(leaf.countyId) ?? null,
          status,
          reviewed ? regionUser : null,
          reviewed ? (status === 'REJECTED' ? '数据与台账不符，请核实后重新报送。' : '审核通过。') : null,
          reviewed ? auditTimeOf(sqlite, addDays(reportedOn, rng.int(1, 6))) : null,
        ]);
        if (pending.length >= 5000) await flush();
      }
    }
    await flush();

    // Inspections of department targets, notices on a share of county targets.
    const inspections: unknown[][] = [];
    const notices: unknown[][] = [];
    for (const [i, m] of midTargets.entries()) {
      if (m.departmentId != null && i % 10 === 0) {
        const day = dateOf(Math.min(todayN, dayNumber(m.start) + rng.int(30, 200)));
        const open = rng.next() < 0.3;
        inspections.push([regionId, m.countyId, m.departmentId, m.id, day, rng.pick(['ROUTINE', 'SPECIAL', 'UNANNOUNCED']), '地委督查室', '台账基本齐全，个别任务进度滞后。', rng.int(55, 98), open ? 1 : 0, open ? addDays(day, 30) : null, open ? (rng.next() < 0.6 ? 'DONE' : 'OPEN') : 'NONE']);
      }
      if (m.departmentId == null && i % 17 === 0) {
        const day = dateOf(Math.min(todayN, dayNumber(m.start) + rng.int(60, 240)));
        const answered = rng.next() < 0.7;
        notices.push([m.id, regionId, m.countyId, rng.pick(['REMINDER', 'URGE', 'BLUE', 'YELLOW', 'RED']), day, addDays(day, 7), '进度滞后，请说明原因并提出措施。', regionUser, answered ? '已研究部署赶超措施。' : null, answered ? addDays(day, rng.int(1, 9)) : null, answered ? countyUser.get(m.countyId!) ?? null : null]);
      }
    }
    await loader.insert('inspection', ['regionId', 'countyId', 'departmentId', 'targetId', 'inspectedOn', 'kind', 'inspectors', 'findings', 'rating', 'rectificationRequired', 'rectificationDeadline', 'rectificationStatus'], inspections);
    await loader.insert('supervision_notice', ['targetId', 'regionId', 'countyId', 'level', 'issuedOn', 'dueOn', 'content', 'issuedById', 'response', 'respondedOn', 'respondedById'], notices);

    // Democratic evaluation: every cadre, once a year for the last two years; a few accountability records.
    const votes: unknown[][] = [];
    const deptOf = new Map(cadreIds.map((id, i) => [id, cadreDept[i]]));
    const countyOfDept = new Map(deptIds.map((id, i) => [id, deptCounty[i]]));
    for (const year of years.slice(-2)) {
      for (const cadre of cadreIds) {
        const dept = deptOf.get(cadre)!;
        const n = rng.int(15, 40);
        const excellent = rng.int(0, n);
        const competent = rng.int(0, n - excellent);
        const basic = rng.int(0, n - excellent - competent);
        votes.push([cadre, regionId, countyOfDept.get(dept) ?? null, dept, String(year), `${year}-01-01`, `${year}-12-31`, excellent, competent, basic, n - excellent - competent - basic, `${year}-12-${pad(rng.int(10, 28))}`]);
      }
    }
    await loader.insert('democratic_evaluation', ['cadreId', 'regionId', 'countyId', 'departmentId', 'period', 'periodFrom', 'periodTo', 'excellent', 'competent', 'basicallyCompetent', 'incompetent', 'meetingDate'], votes);
    const accountability: unknown[][] = [];
    const lagging = leaves.filter((l) => l.profile === 'LAGGING');
    for (let i = 0; i < Math.max(1, Math.round(300 * s)) && lagging.length; i++) {
      const leaf = lagging[(i * 7919) % lagging.length];
      const cadre = cadreIds[(i * 104729) % cadreIds.length];
      const dept = deptOf.get(cadre)!;
      accountability.push([cadre, leaf.id, regionId, countyOfDept.get(dept) ?? null, dept, addDays(leaf.deadline, rng.int(10, 60)) <= now ? addDays(leaf.deadline, rng.int(10, 60)) : now, MEASURES[i % 4 === 3 && i % 40 !== 39 ? 0 : i % 4], '未按期完成目标任务，落实不力。', '日喀则地委', null]);
    }
    await loader.insert('accountability', ['cadreId', 'targetId', 'regionId', 'countyId', 'departmentId', 'decidedOn', 'measure', 'reason', 'decidingBody', 'evidence'], accountability);
    if (!sqlite) await db.query('SET SESSION foreign_key_checks = 1, unique_checks = 1');
  });

  // Today's figures of every target, from the reports, as the write path keeps them.
  opts.onProgress?.('target_metric', 0, 1);
  await dataSource.transaction((db) => refreshTargetMetrics(db));
  opts.onProgress?.('target_metric', 1, 1);

  const c = (t: string) => loader.counts.get(t) ?? 0;
  return {
    departments: c('department'),
    cadres: c('cadre'),
    directives: c('directive'),
    targets: c('target'),
    progressReports: c('progress_report'),
    inspections: c('inspection'),
    supervisionNotices: c('supervision_notice'),
    democraticEvaluations: c('democratic_evaluation'),
    accountabilities: c('accountability'),
    auditEvents: loader.auditEvents,
  };
}

function auditTimeOf(sqlite: boolean, date: string): unknown {
  const d = new Date(`${date}T10:00:00Z`);
  return sqlite ? d.toISOString().replace('T', ' ').replace('Z', '') : d;
}
