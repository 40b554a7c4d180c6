import type { PolicyValues } from '../policy/policy.service.js';
import { TargetStatus } from '../targets/target.entity.js';
import { AccountabilityMeasure } from './accountability.entity.js';
import {
  AssessmentComponentKind,
  AssessmentTier,
  TierRule,
  TIERS,
  type AssessmentComponent,
  type AssessmentExplanation,
  type ExplainedAccountability,
  type ExplainedEvaluation,
  type ExplainedInspection,
  type ExplainedTarget,
  type OpenTargetWeight,
  type TierStep,
} from './assessment.types.js';

/**
 * The assessment rules of docs/rules.md as plain functions of what SQL gathered: the same
 * code scores cadres and units, and its output is the stored explanation.
 */

/** Thresholds are compared with this slack, so 74.99999999 from floating point still counts as 75. */
const EPSILON = 1e-9;

export const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

type Votes = Pick<ExplainedEvaluation, 'excellent' | 'competent' | 'basicallyCompetent' | 'incompetent'>;

export const voteCount = (v: Votes) => v.excellent + v.competent + v.basicallyCompetent + v.incompetent;

/** (score·excellent + … ) / votes with the policy's vote scores; null without votes. */
export function voteScore(policy: PolicyValues, v: Votes): number | null {
  const n = voteCount(v);
  if (n === 0) return null;
  return r6((policy.voteExcellent * v.excellent + policy.voteCompetent * v.competent + policy.voteBasicallyCompetent * v.basicallyCompetent + policy.voteIncompetent * v.incompetent) / n);
}

export function penaltyOf(policy: PolicyValues, measure: AccountabilityMeasure): number {
  switch (measure) {
    case AccountabilityMeasure.ADMONISHMENT:
      return policy.penaltyAdmonishment;
    case AccountabilityMeasure.CRITICISM:
      return policy.penaltyCriticism;
    case AccountabilityMeasure.REASSIGNMENT:
      return policy.penaltyReassignment;
    case AccountabilityMeasure.REMOVAL:
      return 0; // it decides the tier instead
  }
}

export interface ComponentValues {
  target: number | null;
  timeliness: number | null;
  inspection: number | null;
  democratic: number | null;
}

export interface Combined {
  components: AssessmentComponent[];
  weightedScore: number;
  penalty: number;
  total: number;
  tier: AssessmentTier;
  rule: TierRule;
  threshold: number | null;
}

/** The tier a score reaches and the threshold it reached (null below the lowest). */
export function tierOf(policy: PolicyValues, total: number): { tier: AssessmentTier; threshold: number | null } {
  if (total >= policy.tierPromote - EPSILON) return { tier: AssessmentTier.PROMOTE, threshold: policy.tierPromote };
  if (total >= policy.tierUse - EPSILON) return { tier: AssessmentTier.USE, threshold: policy.tierUse };
  if (total >= policy.tierCaution - EPSILON) return { tier: AssessmentTier.CAUTION, threshold: policy.tierCaution };
  return { tier: AssessmentTier.DO_NOT_USE, threshold: null };
}

const thresholdOf = (policy: PolicyValues, tier: AssessmentTier) =>
  tier === AssessmentTier.PROMOTE ? policy.tierPromote : tier === AssessmentTier.USE ? policy.tierUse : tier === AssessmentTier.CAUTION ? policy.tierCaution : null;

/**
 * Weighted components (missing ones left out, the others' weights rescaled to sum to 1),
 * minus penalties, and the tier — a REMOVAL or the incompetent-vote veto overriding the score.
 */
export function combine(policy: PolicyValues, values: ComponentValues, penalty: number, veto: { removal: boolean; incompetent: number; votes: number }): Combined {
  const spec: [AssessmentComponentKind, number | null, number][] = [
    [AssessmentComponentKind.TARGET, values.target, policy.weightTarget],
    [AssessmentComponentKind.TIMELINESS, values.timeliness, policy.weightTimeliness],
    [AssessmentComponentKind.INSPECTION, values.inspection, policy.weightInspection],
    [AssessmentComponentKind.DEMOCRATIC, values.democratic, policy.weightDemocratic],
  ];
  const present = spec.filter(([, v]) => v !== null).reduce((s, [, , w]) => s + w, 0);
  const components: AssessmentComponent[] = spec.map(([kind, value, policyWeight]) => {
    const weight = value === null || present === 0 ? 0 : r6(policyWeight / present);
    return { kind, present: value !== null, value: value === null ? null : r6(value), policyWeight, weight, contribution: value === null ? 0 : r6(weight * value) };
  });
  const weightedScore = r6(components.reduce((s, c) => s + c.contribution, 0));
  const total = r6(weightedScore - penalty);
  if (veto.removal) return { components, weightedScore, penalty: r6(penalty), total, tier: AssessmentTier.DO_NOT_USE, rule: TierRule.REMOVAL, threshold: null };
  if (veto.votes > 0 && veto.incompetent / veto.votes > policy.incompetentVetoShare + EPSILON) {
    return { components, weightedScore, penalty: r6(penalty), total, tier: AssessmentTier.DO_NOT_USE, rule: TierRule.INCOMPETENT_VOTES, threshold: null };
  }
  const { tier, threshold } = tierOf(policy, total);
  return { components, weightedScore, penalty: r6(penalty), total, tier, rule: TierRule.THRESHOLD, threshold };
}

export interface CadreFacts {
  policyId: number;
  asOf: string;
  periodFrom: string;
  periodTo: string;
  targets: ExplainedTarget[];
  inspections: ExplainedInspection[];
  evaluations: ExplainedEvaluation[];
  accountabilities: Omit<ExplainedAccountability, 'penalty'>[];
}

const COMPLETED = new Set<string>([TargetStatus.COMPLETED, TargetStatus.COMPLETED_LATE]);

/** A cadre's assessment from its facts; null when there is nothing to assess (no target due, no votes). */
export function assessCadre(policy: PolicyValues, facts: CadreFacts): AssessmentExplanation | null {
  const { targets, inspections, evaluations } = facts;
  const weights = targets.reduce((s, t) => s + t.weight, 0);
  const target = targets.length && weights > 0 ? (100 * targets.reduce((s, t) => s + t.weight * t.progress, 0)) / weights : null;
  const timeliness = targets.length && weights > 0 ? (100 * targets.reduce((s, t) => s + (t.onTime ? t.weight : 0), 0)) / weights : null;
  const overdue = inspections.filter((i) => i.rectificationOverdue).length;
  const mean = inspections.length ? inspections.reduce((s, i) => s + i.rating, 0) / inspections.length : 100;
  const inspection = targets.length ? Math.max(0, mean - policy.openRectificationPenalty * overdue) : null;
  const pooled = evaluations.reduce(
    (s, e) => ({ excellent: s.excellent + e.excellent, competent: s.competent + e.competent, basicallyCompetent: s.basicallyCompetent + e.basicallyCompetent, incompetent: s.incompetent + e.incompetent }),
    { excellent: 0, competent: 0, basicallyCompetent: 0, incompetent: 0 },
  );
  const democratic = voteScore(policy, pooled);
  // Nothing to weigh: no assessment — unless a REMOVAL decides the tier whatever the score.
  if (target === null && democratic === null && !facts.accountabilities.some((a) => a.measure === AccountabilityMeasure.REMOVAL)) return null;

  const accountabilities = facts.accountabilities.map((a) => ({ ...a, penalty: penaltyOf(policy, a.measure) }));
  const penalty = accountabilities.reduce((s, a) => s + a.penalty, 0);
  const votes = voteCount(pooled);
  const combined = combine(policy, { target, timeliness, inspection, democratic }, penalty, {
    removal: accountabilities.some((a) => a.measure === AccountabilityMeasure.REMOVAL),
    incompetent: pooled.incompetent,
    votes,
  });

  // What finishing each open target on time could still add, heaviest first.
  const weightOf = (kind: AssessmentComponentKind) => combined.components.find((c) => c.kind === kind)!.weight;
  const open: OpenTargetWeight[] = targets
    .filter((t) => !COMPLETED.has(t.status))
    .map((t) => {
      const share = t.weight / weights;
      const progressGain = weightOf(AssessmentComponentKind.TARGET) * 100 * share * (1 - t.progress);
      const timeGain = t.deadline >= facts.asOf ? weightOf(AssessmentComponentKind.TIMELINESS) * 100 * share : 0;
      return { targetId: t.targetId, title: t.title, deadline: t.deadline, progress: t.progress, potentialPoints: r6(progressGain + timeGain) };
    })
    .sort((a, b) => b.potentialPoints - a.potentialPoints || a.targetId - b.targetId)
    .slice(0, 5);

  const i = TIERS.indexOf(combined.tier);
  const forced = combined.rule !== TierRule.THRESHOLD;
  const up: TierStep | null =
    i === 0 ? null : { tier: TIERS[i - 1], points: r6(Math.max(0, thresholdOf(policy, TIERS[i - 1])! - combined.total)), reachableByScore: !forced, targets: open };
  const down: TierStep | null = forced || i === TIERS.length - 1 ? null : { tier: TIERS[i + 1], points: r6(combined.total - thresholdOf(policy, combined.tier)!), reachableByScore: true, targets: open };

  return {
    policyId: facts.policyId,
    asOf: facts.asOf,
    periodFrom: facts.periodFrom,
    periodTo: facts.periodTo,
    components: combined.components,
    targets,
    inspections,
    openRectificationPenalty: policy.openRectificationPenalty,
    evaluations,
    votes,
    incompetentVotes: pooled.incompetent,
    incompetentVetoShare: policy.incompetentVetoShare,
    accountabilities,
    weightedScore: combined.weightedScore,
    penalty: combined.penalty,
    total: combined.total,
    tier: combined.tier,
    rule: combined.rule,
    threshold: combined.threshold,
    up,
    down,
  };
}
