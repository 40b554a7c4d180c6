import { Field, ID, InputType, Int } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { translate } from '../../common/i18n.js';
import { IsOptional, OptionalText } from '../../common/validation.js';
import { DemocraticEvaluation } from './democratic-evaluation.entity.js';

/** A vote count: a whole number from 0 to 100 000. */
const votes = () => (target: object, property: string) => {
  const message = () => translate('voteCount', { field: property });
  Min(0, { message })(target, property);
  Max(100_000, { message })(target, property);
};

export const evaluationQuery = defineQueryInputs(
  'DemocraticEvaluation',
  {
    cadreId: { kind: 'id' },
    departmentId: { kind: 'id' },
    countyId: { kind: 'id' },
    regionId: { kind: 'id' },
    period: { kind: 'string' },
    periodFrom: { kind: 'date' },
    meetingDate: { kind: 'date' },
    excellent: { kind: 'int' },
    competent: { kind: 'int' },
    basicallyCompetent: { kind: 'int' },
    incompetent: { kind: 'int' },
  },
  { PERIOD: 'period', PERIOD_FROM: 'periodFrom', MEETING_DATE: 'meetingDate', CADRE_ID: 'cadreId', INCOMPETENT: 'incompetent' },
);
export const DemocraticEvaluationPage = PageType(DemocraticEvaluation, 'DemocraticEvaluation');

@InputType({ description: 'The votes of one democratic evaluation (民主测评); at least one vote, one evaluation per cadre and period.' })
export class CreateDemocraticEvaluationInput {
  @Field(() => ID) cadreId: string;
  @Field(() => String, { description: '2026, 2026-Q3 or 2026-09.' }) period: string;
  @Field(() => Int, { description: '优秀' }) @votes() excellent: number;
  @Field(() => Int, { description: '称职' }) @votes() competent: number;
  @Field(() => Int, { description: '基本称职' }) @votes() basicallyCompetent: number;
  @Field(() => Int, { description: '不称职' }) @votes() incompetent: number;
  @Field(() => LocalDateScalar, { nullable: true }) meetingDate?: string | null;
  @Field(() => String, { nullable: true }) @OptionalText(2000) note?: string | null;
}

@InputType()
export class UpdateDemocraticEvaluationInput {
  @Field(() => Int) version: number;
  @Field(() => String, { nullable: true }) period?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @votes() excellent?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @votes() competent?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @votes() basicallyCompetent?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @votes() incompetent?: number;
  @Field(() => LocalDateScalar, { nullable: true }) meetingDate?: string | null;
  @Field(() => String, { nullable: true }) @OptionalText(2000) note?: string | null;
}
