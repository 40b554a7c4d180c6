import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { OptionalText } from '../../common/validation.js';
import { ScoreboardLevel } from '../analytics/analytics.types.js';
import { Assessment } from './assessment.entity.js';
import { AssessmentComponent, AssessmentStatus, AssessmentTier } from './assessment.types.js';

const tierEnum = { values: AssessmentTier, name: 'AssessmentTier' };

export const assessmentQuery = defineQueryInputs(
  'Assessment',
  {
    cadreId: { kind: 'id' },
    departmentId: { kind: 'id' },
    countyId: { kind: 'id' },
    regionId: { kind: 'id' },
    period: { kind: 'string' },
    status: { kind: 'enum', enum: { values: AssessmentStatus, name: 'AssessmentStatus' } },
    computedTier: { kind: 'enum', enum: tierEnum },
    overrideTier: { kind: 'enum', enum: tierEnum },
    tier: { kind: 'enum', enum: tierEnum, expr: (sql) => `COALESCE(${sql.col('overrideTier')}, ${sql.col('computedTier')})` },
    total: { kind: 'float' },
    policyId: { kind: 'id' },
    asOf: { kind: 'date' },
  },
  { TOTAL: 'total', PERIOD: 'period', CADRE_ID: 'cadreId', STATUS: 'status' },
);
export const AssessmentPage = PageType(Assessment, 'Assessment');

@InputType({ description: 'A reviewer’s tier instead of the computed one; the reason is required and audited.' })
export class OverrideAssessmentTierInput {
  @Field(() => Int) version: number;
  @Field(() => AssessmentTier) tier: AssessmentTier;
  @Field(() => String, { nullable: true, description: 'Why (required).' }) @OptionalText(5000) reason?: string | null;
}

@ObjectType({ description: 'How many cadres (or units) have a tier.' })
export class TierCount {
  @Field(() => AssessmentTier) tier: AssessmentTier;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'A cadre in the ranking: its current assessment (the latest confirmed one, else the latest draft).' })
export class AssessmentRankingEntry {
  @Field(() => Int, { description: '1 = best: by tier, then total.' }) rank: number;
  @Field(() => ID) assessmentId: number;
  @Field(() => Assessment, { nullable: true, description: 'The assessment itself (null for an API key: figures only).' }) assessment?: Assessment | null;
  @Field(() => ID) cadreId: number;
  @Field(() => String) cadreName: string;
  @Field(() => String, { nullable: true }) position: string | null;
  @Field(() => ID) departmentId: number;
  @Field(() => String) departmentName: string;
  @Field(() => ID, { nullable: true }) countyId: number | null;
  @Field(() => String, { nullable: true }) countyName: string | null;
  @Field(() => AssessmentTier, { description: 'The override tier if there is one, else the computed tier.' }) tier: AssessmentTier;
  @Field(() => AssessmentTier) computedTier: AssessmentTier;
  @Field(() => Float) total: number;
  @Field(() => AssessmentStatus) status: AssessmentStatus;
}

@ObjectType()
export class AssessmentRanking {
  @Field(() => String) period: string;
  @Field(() => [TierCount], { description: 'Every tier, with 0 where none.' }) tierCounts: TierCount[];
  @Field(() => [AssessmentRankingEntry]) entries: AssessmentRankingEntry[];
}

@ObjectType({ description: 'A county or department assessed on the same components as its cadres (docs/rules.md).' })
export class UnitAssessment {
  @Field(() => Int, { description: '1 = best total; units with nothing to assess come last.' }) rank: number;
  @Field(() => ID) unitId: number;
  @Field(() => String) unitName: string;
  @Field(() => ID, { nullable: true }) countyId: number | null;
  @Field(() => Int, { description: 'Its own targets with a deadline in the period.' }) targets: number;
  @Field(() => Int, { description: 'Its cadres (live).' }) cadres: number;
  @Field(() => Float, { nullable: true }) targetScore: number | null;
  @Field(() => Float, { nullable: true }) timelinessScore: number | null;
  @Field(() => Float, { nullable: true }) inspectionScore: number | null;
  @Field(() => Float, { nullable: true }) democraticScore: number | null;
  @Field(() => Float, { description: 'Accountability penalties of the period per cadre of the unit.' }) penalty: number;
  @Field(() => Float, { nullable: true }) total: number | null;
  @Field(() => AssessmentTier, { nullable: true }) tier: AssessmentTier | null;
  @Field(() => [AssessmentComponent]) components: AssessmentComponent[];
}

@ObjectType()
export class UnitAssessments {
  @Field(() => String) period: string;
  @Field(() => ScoreboardLevel) level: ScoreboardLevel;
  @Field(() => LocalDateScalar) asOf: string;
  @Field(() => [TierCount]) tierCounts: TierCount[];
  @Field(() => [UnitAssessment]) entries: UnitAssessment[];
}
