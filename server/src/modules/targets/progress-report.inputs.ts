import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { IsOptional, Measure, NonBlank, OptionalText } from '../../common/validation.js';
import { ProgressReport, ReviewStatus } from './progress-report.entity.js';

import { DEFAULT_POLICY } from '../policy/assessment-policy.entity.js';

export const progressReportQuery = defineQueryInputs(
  'ProgressReport',
  {
    targetId: { kind: 'id' },
    regionId: { kind: 'id' },
    countyId: { kind: 'id' },
    reporterId: { kind: 'id' },
    reviewerId: { kind: 'id' },
    reportedOn: { kind: 'date' },
    period: { kind: 'string' },
    status: { kind: 'enum', enum: { values: ReviewStatus, name: 'ReviewStatus' } },
    reviewOverdue: {
      kind: 'boolean',
      // SUBMITTED longer ago than the current policy's reviewOverdueDays.
      expr: (sql) =>
        `(CASE WHEN ${sql.col('status')} = ${sql.param(ReviewStatus.SUBMITTED)} AND ${sql.days(sql.col('createdAt'), sql.param(new Date()))} > COALESCE((SELECT ${sql.col('reviewOverdueDays', 'rp')} FROM ${sql.esc('assessment_policy')} ${sql.esc('rp')} ORDER BY ${sql.col('id', 'rp')} DESC LIMIT 1), ${DEFAULT_POLICY.reviewOverdueDays}) THEN 1 ELSE 0 END)`,
    },
  },
  { REPORTED_ON: 'reportedOn', PERIOD: 'period', STATUS: 'status', SUBMITTED_AT: 'createdAt' },
);
export const ProgressReportPage = PageType(ProgressReport, 'ProgressReport');

@InputType()
export class SubmitProgressReportInput {
  @Field(() => ID) targetId: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Defaults to today; not in the future.' }) reportedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Defaults to the month of reportedOn (2026-09).' }) period?: string | null;
  @Field(() => Float, { nullable: true, description: 'Quantitative targets: the cumulative value reached.' }) @Measure() actualValue?: number | null;
  @Field(() => Float, { nullable: true, description: 'Qualitative targets: 0–100.' }) percentComplete?: number | null;
  @Field(() => String) @NonBlank(20000) narrative: string;
  @Field(() => String, { nullable: true }) @OptionalText(20000) evidence?: string | null;
}

@InputType({ description: 'Corrections to a report that has not been reviewed yet.' })
export class UpdateProgressReportInput {
  @Field(() => Int) version: number;
  @Field(() => LocalDateScalar, { nullable: true }) reportedOn?: string;
  @Field(() => String, { nullable: true }) period?: string;
  @Field(() => Float, { nullable: true }) @Measure() actualValue?: number | null;
  @Field(() => Float, { nullable: true }) percentComplete?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(20000) narrative?: string;
  @Field(() => String, { nullable: true }) @OptionalText(20000) evidence?: string | null;
}

@InputType()
export class ReviewProgressReportInput {
  @Field(() => Int) version: number;
  @Field(() => ReviewStatus, { description: 'APPROVED or REJECTED (a rejected report no longer counts).' }) decision: ReviewStatus;
  @Field(() => String, { nullable: true }) @OptionalText(20000) note?: string | null;
}
