import { Arg, Ctx, Field, Float, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { IsOptional, Max, Min } from 'class-validator';
import type { Context } from '../../common/context.js';
import { OptionalText } from '../../common/validation.js';
import { AssessmentPolicy } from './assessment-policy.entity.js';
import { assertAssessmentPolicy } from '../assessment/policy-rules.js';
import { policyService } from './policy.service.js';

@InputType({ description: 'Changed thresholds; what is not given stays as in the current policy.' })
class UpdateAssessmentPolicyInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) redGap?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) yellowGap?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(365) yellowDaysLeft?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) yellowMinProgress?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(90) noticeResponseDays?: number;
  @Field(() => Boolean, { nullable: true, description: 'true: unreviewed (SUBMITTED) reports count in the official figures too.' })
  @IsOptional()
  countSubmittedReports?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(90) reviewOverdueDays?: number;
  // Assessment and consistency (docs/rules.md).
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) weightTarget?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) weightTimeliness?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) weightInspection?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) weightDemocratic?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) tierPromote?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) tierUse?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) tierCaution?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) penaltyAdmonishment?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) penaltyCriticism?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) penaltyReassignment?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) openRectificationPenalty?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) voteExcellent?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) voteCompetent?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) voteBasicallyCompetent?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) voteIncompetent?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) incompetentVetoShare?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) consistencyNoiseTolerance?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0.5) @Max(6) consistencySigma?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(36) consistencyReversals?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(2) @Max(36) consistencySameSideRun?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(36) consistencyMissedMonths?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) consistencyReportShare?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(-1) @Max(1) consistencyBurstiness?: number;
  @Field(() => String, { nullable: true, description: 'Why it changes.' }) @OptionalText(2000) note?: string | null;
}

@Resolver(() => AssessmentPolicy)
export class PolicyResolver {
  @Query(() => AssessmentPolicy, { description: 'The current policy (built-in defaults until one is saved, with id 0).' })
  assessmentPolicy(@Ctx() ctx: Context) {
    return policyService.currentRecord(ctx.db.manager);
  }

  @Query(() => [AssessmentPolicy], { description: 'Every saved policy, newest first.' })
  assessmentPolicies(@Ctx() ctx: Context) {
    return policyService.history(ctx);
  }

  @Mutation(() => AssessmentPolicy, { description: 'ADMIN: saves a new current policy; the old one stays in the history.' })
  async updateAssessmentPolicy(@Arg('input', () => UpdateAssessmentPolicyInput) input: UpdateAssessmentPolicyInput, @Ctx() ctx: Context) {
    await assertAssessmentPolicy(ctx, input);
    return policyService.update(ctx, input);
  }
}
