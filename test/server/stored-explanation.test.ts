import { describe, expect, it } from 'vitest';
import { AccountabilityMeasure } from '../../server/src/modules/assessment/accountability.entity.js';
import { AssessmentTier, TierRule, type ExplainedTarget } from '../../server/src/modules/assessment/assessment.types.js';
import { assessCadre, type CadreFacts } from '../../server/src/modules/assessment/scoring.js';
import { packExplanation, unpackExplanation } from '../../server/src/modules/assessment/stored-explanation.js';
import { DEFAULT_POLICY } from '../../server/src/modules/policy/assessment-policy.entity.js';
import { TargetStatus } from '../../server/src/modules/targets/target.entity.js';

// The stored layout of an explanation must give back exactly what the scoring computed: a
// confirmed assessment is read from it for as long as it is kept.

const target = (targetId: number, progress: number, status: TargetStatus, extra: Partial<ExplainedTarget> = {}): ExplainedTarget => ({
  targetId,
  title: `目标 ${targetId} ཁྲི་རྩེ། "引号" \\ 换行\n`,
  deadline: '2026-06-30',
  weight: 1 + (targetId % 3),
  progress,
  status,
  completedOn: status === TargetStatus.COMPLETED ? '2026-05-01' : null,
  onTime: status === TargetStatus.COMPLETED,
  ...extra,
});
const facts = (over: Partial<CadreFacts>): CadreFacts => ({
  policyId: 3,
  asOf: '2026-09-30',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  targets: [],
  inspections: [],
  evaluations: [],
  accountabilities: [],
  ...over,
});

const cases: [string, CadreFacts][] = [
  ['open targets weighing toward both steps', facts({ targets: [target(1, 0.4, TargetStatus.IN_PROGRESS), target(2, 1, TargetStatus.COMPLETED), target(3, 0.1, TargetStatus.OVERDUE, { deadline: '2026-03-31' })] })],
  ['inspections and votes', facts({
    targets: [target(4, 0.9, TargetStatus.IN_PROGRESS)],
    inspections: [{ inspectionId: 7, targetId: 4, inspectedOn: '2026-04-02', rating: 70, rectificationOverdue: true }],
    evaluations: [{ evaluationId: 9, period: '2026', excellent: 10, competent: 5, basicallyCompetent: 1, incompetent: 0 }],
  })],
  ['PROMOTE: no step up', facts({ targets: [target(5, 1, TargetStatus.COMPLETED)], evaluations: [{ evaluationId: 10, period: '2026', excellent: 20, competent: 0, basicallyCompetent: 0, incompetent: 0 }] })],
  ['REMOVAL: no step down', facts({ targets: [target(6, 0.5, TargetStatus.IN_PROGRESS)], accountabilities: [{ accountabilityId: 11, targetId: 6, decidedOn: '2026-05-05', measure: AccountabilityMeasure.REMOVAL, reason: '未落实' }, { accountabilityId: 12, targetId: null, decidedOn: '2026-06-01', measure: AccountabilityMeasure.CRITICISM, reason: '通报批评' }] })],
  ['votes only, a component missing', facts({ evaluations: [{ evaluationId: 13, period: '2026-Q3', excellent: 1, competent: 1, basicallyCompetent: 0, incompetent: 2 }] })],
];

describe('stored explanation', () => {
  it.each(cases)('gives back what was computed: %s', (_name, f) => {
    const e = assessCadre(DEFAULT_POLICY, f)!;
    expect(e).not.toBeNull();
    const stored = JSON.parse(JSON.stringify(packExplanation(e)));
    expect(unpackExplanation(stored, f.asOf)).toEqual(e);
    expect(unpackExplanation(JSON.stringify(stored), f.asOf)).toEqual(e);
    expect(JSON.stringify(stored)).not.toContain(f.asOf); // the date is the row's column
    // Smaller than the explanation as the API gives it.
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(e).length * 0.6);
  });

  it('the cases cover the steps, the rules and the tiers they should', () => {
    const es = cases.map(([, f]) => assessCadre(DEFAULT_POLICY, f)!);
    expect(es.some((e) => e.up === null && e.tier === AssessmentTier.PROMOTE)).toBe(true);
    expect(es.some((e) => e.down === null && e.rule === TierRule.REMOVAL)).toBe(true);
    expect(es.some((e) => e.rule === TierRule.INCOMPETENT_VOTES)).toBe(true);
    expect(es.some((e) => (e.up?.targets.length ?? 0) > 1 && e.down !== null)).toBe(true);
  });

  it('reads an explanation stored before the packed layout as it is', () => {
    const e = assessCadre(DEFAULT_POLICY, cases[0][1])!;
    expect(unpackExplanation(JSON.parse(JSON.stringify(e)), '2026-12-31')).toEqual(e);
  });
});
