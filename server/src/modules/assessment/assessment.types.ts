import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../common/scalars.js';
import { TargetStatus } from '../targets/target.entity.js';
import { AccountabilityMeasure } from './accountability.entity.js';

/** The four tiers of the source text: 落实有功重用、落实有力使用、落实无功慎用、落实不力不用. */
export enum AssessmentTier {
  PROMOTE = 'PROMOTE',
  USE = 'USE',
  CAUTION = 'CAUTION',
  DO_NOT_USE = 'DO_NOT_USE',
}
registerEnumType(AssessmentTier, {
  name: 'AssessmentTier',
  valuesConfig: {
    PROMOTE: { description: '重用 — implemented with merit' },
    USE: { description: '使用 — implemented strongly' },
    CAUTION: { description: '慎用 — implemented without merit' },
    DO_NOT_USE: { description: '不用 — failed to implement' },
  },
});
/** Best first. */
export const TIERS = [AssessmentTier.PROMOTE, AssessmentTier.USE, AssessmentTier.CAUTION, AssessmentTier.DO_NOT_USE] as const;

export enum AssessmentStatus {
  DRAFT = 'DRAFT',
  CONFIRMED = 'CONFIRMED',
}
registerEnumType(AssessmentStatus, {
  name: 'AssessmentStatus',
  valuesConfig: { DRAFT: { description: '草稿（可调整、可重算）' }, CONFIRMED: { description: '已确认（冻结）' } },
});

export enum TierRule {
  THRESHOLD = 'THRESHOLD',
  REMOVAL = 'REMOVAL',
  INCOMPETENT_VOTES = 'INCOMPETENT_VOTES',
}
registerEnumType(TierRule, {
  name: 'TierRule',
  valuesConfig: {
    THRESHOLD: { description: 'The total reached the tier’s threshold of the policy.' },
    REMOVAL: { description: 'A REMOVAL (免职) in the period: DO_NOT_USE whatever the score.' },
    INCOMPETENT_VOTES: { description: 'Incompetent votes above the policy share (one third): DO_NOT_USE whatever the score.' },
  },
});

export enum AssessmentComponentKind {
  TARGET = 'TARGET',
  TIMELINESS = 'TIMELINESS',
  INSPECTION = 'INSPECTION',
  DEMOCRATIC = 'DEMOCRATIC',
}
registerEnumType(AssessmentComponentKind, {
  name: 'AssessmentComponentKind',
  valuesConfig: {
    TARGET: { description: '目标完成: 100 × weighted mean progress' },
    TIMELINESS: { description: '按时完成: 100 × weighted share completed on time' },
    INSPECTION: { description: '督查: mean rating (100 when none) − a penalty per rectification open past its deadline' },
    DEMOCRATIC: { description: '民主测评: vote scores of the policy, per vote' },
  },
});

@ObjectType({ description: 'One component of an assessment: its value, its weight in the policy and after rescaling, and what it adds to the total.' })
export class AssessmentComponent {
  @Field(() => AssessmentComponentKind) kind: AssessmentComponentKind;
  @Field(() => Boolean, { description: 'false when there was nothing to compute it from: it is left out and the other weights rescaled.' }) present: boolean;
  @Field(() => Float, { nullable: true, description: '0–100; null when missing.' }) value: number | null;
  @Field(() => Float, { description: 'Weight in the policy.' }) policyWeight: number;
  @Field(() => Float, { description: 'Weight used: the policy weight divided by the sum of the present components’ weights (0 when missing).' }) weight: number;
  @Field(() => Float, { description: 'weight × value: the points it adds to the total.' }) contribution: number;
}

@ObjectType({ description: 'A target an assessment was computed from.' })
export class ExplainedTarget {
  @Field(() => ID) targetId: number;
  @Field(() => String) title: string;
  @Field(() => LocalDateScalar) deadline: string;
  @Field(() => Float, { description: 'The target’s weight.' }) weight: number;
  @Field(() => Float, { description: 'Official progress 0..1 as of the assessment date.' }) progress: number;
  @Field(() => TargetStatus) status: TargetStatus;
  @Field(() => LocalDateScalar, { nullable: true }) completedOn: string | null;
  @Field(() => Boolean, { description: 'Completed on or before its deadline.' }) onTime: boolean;
}

@ObjectType({ description: 'An inspection an assessment counted: of one of the cadre’s targets, or of a target above it.' })
export class ExplainedInspection {
  @Field(() => ID) inspectionId: number;
  @Field(() => ID) targetId: number;
  @Field(() => LocalDateScalar) inspectedOn: string;
  @Field(() => Float) rating: number;
  @Field(() => Boolean, { description: 'Its rectification was still open after its deadline on the assessment date.' }) rectificationOverdue: boolean;
}

@ObjectType({ description: 'A democratic evaluation an assessment counted.' })
export class ExplainedEvaluation {
  @Field(() => ID) evaluationId: number;
  @Field(() => String) period: string;
  @Field(() => Int) excellent: number;
  @Field(() => Int) competent: number;
  @Field(() => Int) basicallyCompetent: number;
  @Field(() => Int) incompetent: number;
}

@ObjectType({ description: 'An accountability record in the period and the points it took off.' })
export class ExplainedAccountability {
  @Field(() => ID) accountabilityId: number;
  @Field(() => ID, { nullable: true }) targetId: number | null;
  @Field(() => LocalDateScalar) decidedOn: string;
  @Field(() => AccountabilityMeasure) measure: AccountabilityMeasure;
  @Field(() => String) reason: string;
  @Field(() => Float, { description: 'Points off the total (REMOVAL takes none: it decides the tier).' }) penalty: number;
}

@ObjectType({ description: 'An open target and the most points finishing it on time could still add.' })
export class OpenTargetWeight {
  @Field(() => ID) targetId: number;
  @Field(() => String) title: string;
  @Field(() => LocalDateScalar) deadline: string;
  @Field(() => Float) progress: number;
  @Field(() => Float, { description: 'Points the total would gain if it were completed on time.' }) potentialPoints: number;
}

@ObjectType({ description: 'The distance to the neighbouring tier.' })
export class TierStep {
  @Field(() => AssessmentTier) tier: AssessmentTier;
  @Field(() => Float, { description: 'Points to gain (up) or that may be lost before falling (down).' }) points: number;
  @Field(() => Boolean, { description: 'false when a rule (REMOVAL, incompetent votes) holds the tier whatever the score.' }) reachableByScore: boolean;
  @Field(() => [OpenTargetWeight], { description: 'Open targets that weigh most, heaviest first (at most 5).' }) targets: OpenTargetWeight[];
}

@ObjectType({ description: 'Everything an assessment was computed from, so that a reviewer can redo it by hand.' })
export class AssessmentExplanation {
  @Field(() => ID, { description: 'The policy used (0 = the built-in defaults).' }) policyId: number;
  @Field(() => LocalDateScalar, { description: 'Figures as of this date: the end of the period, or the day of computing if earlier.' }) asOf: string;
  @Field(() => LocalDateScalar) periodFrom: string;
  @Field(() => LocalDateScalar) periodTo: string;
  @Field(() => [AssessmentComponent]) components: AssessmentComponent[];
  @Field(() => [ExplainedTarget], { description: 'The cadre’s own targets with a deadline in the period.' }) targets: ExplainedTarget[];
  @Field(() => [ExplainedInspection]) inspections: ExplainedInspection[];
  @Field(() => Float, { description: 'Points off the inspection component per rectification open past its deadline.' }) openRectificationPenalty: number;
  @Field(() => [ExplainedEvaluation]) evaluations: ExplainedEvaluation[];
  @Field(() => Int) votes: number;
  @Field(() => Int) incompetentVotes: number;
  @Field(() => Float, { description: 'Share of incompetent votes above which the tier is DO_NOT_USE.' }) incompetentVetoShare: number;
  @Field(() => [ExplainedAccountability]) accountabilities: ExplainedAccountability[];
  @Field(() => Float, { description: 'Σ contributions of the components.' }) weightedScore: number;
  @Field(() => Float, { description: 'Σ penalties of the accountability records.' }) penalty: number;
  @Field(() => Float, { description: 'weightedScore − penalty.' }) total: number;
  @Field(() => AssessmentTier) tier: AssessmentTier;
  @Field(() => TierRule) rule: TierRule;
  @Field(() => Float, { nullable: true, description: 'The threshold the total reached (THRESHOLD rule; null below the lowest).' }) threshold: number | null;
  @Field(() => TierStep, { nullable: true, description: 'To the next tier up; null at PROMOTE.' }) up: TierStep | null;
  @Field(() => TierStep, { nullable: true, description: 'Before falling to the next tier down; null at DO_NOT_USE.' }) down: TierStep | null;
}
