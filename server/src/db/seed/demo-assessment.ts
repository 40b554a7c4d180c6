import { In, type DataSource } from 'typeorm';
import { workContext } from '../../common/context.js';
import { Role } from '../../common/scope.js';
import { Accountability, AccountabilityMeasure } from '../../modules/assessment/accountability.entity.js';
import { Assessment } from '../../modules/assessment/assessment.entity.js';
import { assessmentService } from '../../modules/assessment/assessment.service.js';
import { TIERS } from '../../modules/assessment/assessment.types.js';
import { DemocraticEvaluation } from '../../modules/assessment/democratic-evaluation.entity.js';
import { Cadre, CadreStatus } from '../../modules/hierarchy/cadre.entity.js';
import { County } from '../../modules/hierarchy/county.entity.js';
import { Department } from '../../modules/hierarchy/department.entity.js';
import { Target } from '../../modules/targets/target.entity.js';
import { User } from '../../modules/users/user.entity.js';
import { profileOf, type Profile } from './demo-targets.js';
import { random, type Rng } from './random.js';

/**
 * The assessment half of the demo data set (考核激励): a 2026 democratic evaluation of every
 * active cadre, its votes following the county's story (steady, 时好时坏, lagging, …); a
 * handful of accountability records tied to missed targets of the lagging counties, one of
 * them a REMOVAL; and the 2026 assessments of the region computed as the API computes them,
 * some confirmed in every tier. Runs after the rest of the demo data is committed.
 */

/** Shares of excellent, competent, basically competent and incompetent votes. */
const VOTE_SHARES: Record<Profile, [number, number, number, number]> = {
  EARLY: [0.6, 0.32, 0.07, 0.01],
  STEADY: [0.42, 0.44, 0.11, 0.03],
  SWINGING: [0.22, 0.46, 0.24, 0.08],
  BURSTY: [0.24, 0.46, 0.22, 0.08],
  LAGGING: [0.1, 0.36, 0.34, 0.2],
};

function voteCounts(rng: Rng, voters: number, shares: [number, number, number, number]): [number, number, number, number] {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i < voters; i++) {
    let x = rng.next();
    let k = 0;
    while (k < 3 && x >= shares[k]) x -= shares[k++];
    counts[k] += 1;
  }
  return counts;
}

/** Who votes in 2026 against which cadre: the lagging counties' cadres whose unit missed a target. */
const ACCOUNTABILITY: { county: string; measure: AccountabilityMeasure; decidedOn: string; body: string }[] = [
  { county: '540226', measure: AccountabilityMeasure.ADMONISHMENT, decidedOn: '2026-07-16', body: '昂仁县纪委监委' },
  { county: '540226', measure: AccountabilityMeasure.CRITICISM, decidedOn: '2026-08-05', body: '昂仁县委' },
  { county: '540226', measure: AccountabilityMeasure.REMOVAL, decidedOn: '2026-09-18', body: '日喀则地委' },
  { county: '540232', measure: AccountabilityMeasure.ADMONISHMENT, decidedOn: '2026-07-20', body: '仲巴县纪委监委' },
  { county: '540232', measure: AccountabilityMeasure.REASSIGNMENT, decidedOn: '2026-09-02', body: '仲巴县委' },
  { county: '540221', measure: AccountabilityMeasure.CRITICISM, decidedOn: '2026-08-12', body: '南木林县委' },
];

export interface DemoAssessmentCounts {
  evaluations: number;
  accountabilities: number;
  assessments: number;
  confirmed: number;
}

export async function seedDemoAssessments(dataSource: DataSource): Promise<DemoAssessmentCounts> {
  const rng = random(20261120);
  const db = dataSource.manager;
  const regional = await db.findOneOrFail(User, { where: { username: 'region' } });
  const counties = new Map((await db.find(County)).map((c) => [c.id, c]));
  const codeOf = (countyId: number | null) => (countyId == null ? null : counties.get(countyId)!.code);
  const departments = new Map((await db.find(Department)).map((d) => [d.id, d]));
  const cadres = await db.find(Cadre, { select: { id: true, departmentId: true, status: true }, order: { id: 'ASC' } });
  const placeOf = (cadre: { departmentId: number }) => {
    const d = departments.get(cadre.departmentId)!;
    return { regionId: d.regionId, countyId: d.countyId ?? null, departmentId: d.id };
  };

  // 民主测评: one 2026 evaluation per active cadre; in each lagging county one cadre is voted down by more than a third.
  const vetoed = new Set<number>();
  const evaluations: Partial<DemocraticEvaluation>[] = [];
  for (const cadre of cadres) {
    if (cadre.status !== CadreStatus.ACTIVE) continue;
    const place = placeOf(cadre);
    const code = codeOf(place.countyId);
    const profile = code ? profileOf(code) : 'STEADY';
    let shares = VOTE_SHARES[profile];
    if (profile === 'LAGGING' && !vetoed.has(place.countyId!) && rng.next() < 0.3) {
      vetoed.add(place.countyId!);
      shares = [0.05, 0.25, 0.25, 0.45];
    }
    const [excellent, competent, basicallyCompetent, incompetent] = voteCounts(rng, rng.int(18, 42), shares);
    evaluations.push({
      cadreId: cadre.id,
      ...place,
      period: '2026',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      excellent,
      competent,
      basicallyCompetent,
      incompetent: excellent + competent + basicallyCompetent + incompetent === 0 ? 1 : incompetent,
      meetingDate: `2026-11-${String(rng.int(10, 19)).padStart(2, '0')}`,
      note: rng.next() < 0.2 ? '年度考核民主测评，参评人员为本单位干部职工及服务对象代表。' : null,
    });
  }
  for (let i = 0; i < evaluations.length; i += 200) await db.insert(DemocraticEvaluation, evaluations.slice(i, i + 200) as never);

  // 责任追究: the cadres responsible for the half-year targets the lagging counties missed.
  const countyIdOf = new Map([...counties.values()].map((c) => [c.code, c.id]));
  const missed = await db.find(Target, {
    where: { countyId: In(ACCOUNTABILITY.map((a) => countyIdOf.get(a.county)!)), isLeaf: true, deadline: '2026-06-30' },
    order: { id: 'ASC' },
  });
  const records: Partial<Accountability>[] = [];
  const used = new Set<number>();
  for (const [i, a] of ACCOUNTABILITY.entries()) {
    const target = missed.find((t) => t.countyId === countyIdOf.get(a.county) && t.responsibleCadreId != null && !used.has(t.responsibleCadreId));
    if (!target) continue;
    used.add(target.responsibleCadreId!);
    const cadre = cadres.find((c) => c.id === target.responsibleCadreId)!;
    const county = counties.get(target.countyId!)!;
    records.push({
      cadreId: cadre.id,
      targetId: target.id,
      ...placeOf(cadre),
      decidedOn: a.decidedOn,
      measure: a.measure,
      reason:
        a.measure === AccountabilityMeasure.REMOVAL
          ? `“${target.title}”逾期未完成，经督办仍未整改到位，履职不力，影响全市目标任务完成，给予免职处理。`
          : `“${target.title}”未按期完成，工作时紧时松、措施不得力，经督查核实，依规予以${a.measure === AccountabilityMeasure.ADMONISHMENT ? '诫勉谈话' : a.measure === AccountabilityMeasure.CRITICISM ? '通报批评' : '调整岗位'}。`,
      decidingBody: a.body,
      evidence: `${county.name.slice(0, 2)}纪发〔2026〕${10 + i * 7}号`,
    });
  }
  if (records.length) await db.insert(Accountability, records as never);

  // 考核: the region's 2026 assessments, computed as an ADMIN or REGIONAL user would compute them.
  const regionId = departments.values().next().value!.regionId;
  const ctx = workContext(dataSource, { userId: regional.id, username: regional.username, role: Role.REGIONAL, regionId, countyId: null }, 'demo-seed');
  const computed = await assessmentService.compute(ctx, null, '2026');

  // Some confirmed in every tier: 江孜县's, and the first few of each tier elsewhere.
  const jiangzi = countyIdOf.get('540222');
  const confirm = new Set(computed.filter((a) => a.countyId === jiangzi).map((a) => a.id));
  for (const tier of TIERS) for (const a of computed.filter((x) => x.computedTier === tier).slice(0, 4)) confirm.add(a.id);
  if (confirm.size) {
    await db
      .createQueryBuilder()
      .update(Assessment)
      .set({ status: 'CONFIRMED' as never, confirmedAt: new Date('2026-11-28T02:00:00Z'), confirmedById: regional.id, version: () => `${db.connection.driver.escape('version')} + 1` } as never)
      .where(`${db.connection.driver.escape('id')} IN (:...ids)`, { ids: [...confirm] })
      .execute();
  }
  return { evaluations: evaluations.length, accountabilities: records.length, assessments: computed.length, confirmed: confirm.size };
}
