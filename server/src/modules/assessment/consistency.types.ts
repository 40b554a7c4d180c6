import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ConsistencyVerdict {
  CONSISTENT = 'CONSISTENT',
  INCONSISTENT = 'INCONSISTENT',
}
registerEnumType(ConsistencyVerdict, {
  name: 'ConsistencyVerdict',
  valuesConfig: { CONSISTENT: { description: '稳定' }, INCONSISTENT: { description: '时好时坏、时紧时松' } },
});

/** Statistical-process-control rules (Western Electric / Nelson) and two reporting rules. */
export enum ConsistencyRule {
  BEYOND_SIGMA = 'BEYOND_SIGMA',
  ALTERNATING = 'ALTERNATING',
  SAME_SIDE_RUN = 'SAME_SIDE_RUN',
  MISSED_REPORTS = 'MISSED_REPORTS',
  BURSTY_REPORTING = 'BURSTY_REPORTING',
}
registerEnumType(ConsistencyRule, {
  name: 'ConsistencyRule',
  valuesConfig: {
    BEYOND_SIGMA: { description: 'Western Electric rule 2 / Nelson rule 5: two of three months in a row beyond the policy’s kσ (default 2σ) on the same side of the mean.' },
    ALTERNATING: { description: 'Nelson rule 4 for a short monthly series (时好时坏): the direction of the month-to-month moves beyond the noise tolerance reverses at least the policy’s number of times.' },
    SAME_SIDE_RUN: { description: 'Nelson rule 2 / Western Electric rule 4: months in a row on one side of the mean (a tight spell, then a loose one).' },
    MISSED_REPORTS: { description: 'Months in which fewer than the policy share of the targets due to report did (应报未报).' },
    BURSTY_REPORTING: { description: 'Reporting in bursts (时紧时松): burstiness (σ − μ)/(σ + μ) of the monthly reporting rate at or above the policy’s.' },
  },
});

@ObjectType({ description: 'One month of a county’s series.' })
export class ConsistencyMonth {
  @Field(() => String, { description: 'YYYY-MM' }) month: string;
  @Field(() => Float, { nullable: true, description: '1 − mean shortfall behind schedule of the county’s own targets in play, as of the month’s end; null with none in play.' })
  scheduleScore: number | null;
  @Field(() => Int, { description: 'Own targets in play that month.' }) targets: number;
  @Field(() => Float, { nullable: true, description: 'Change from the previous month.' }) change: number | null;
  @Field(() => Int, { description: 'Leaf targets that should have reported that month (in play, not reported complete before it).' }) due: number;
  @Field(() => Int, { description: 'Of those, how many reported.' }) reported: number;
  @Field(() => Int, { description: 'Reports filed in the month.' }) reports: number;
  @Field(() => Boolean, { description: 'Fewer than the policy share of the due targets reported.' }) missed: boolean;
}

@ObjectType({ description: 'A rule that fired, and the months that show it.' })
export class ConsistencyFinding {
  @Field(() => ConsistencyRule) rule: ConsistencyRule;
  @Field(() => [String]) months: string[];
  @Field(() => String, { description: 'What it means, in the language of the request.' }) description: string;
}

@ObjectType({ description: 'How steady a county’s implementation is over the months (时好时坏、时紧时松).' })
export class CountyConsistency {
  @Field(() => ID) countyId: number;
  @Field(() => String) countyName: string;
  @Field(() => [ConsistencyMonth]) months: ConsistencyMonth[];
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => Float, { nullable: true, description: 'Population standard deviation of the schedule scores.' }) standardDeviation: number | null;
  @Field(() => Int, { description: 'Direction changes between month-to-month moves larger than the noise tolerance.' }) reversals: number;
  @Field(() => [String], { description: 'Months with missed reports.' }) missedMonths: string[];
  @Field(() => Float, { nullable: true, description: 'Burstiness (σ − μ)/(σ + μ) of the monthly reporting rate: −1 perfectly regular, 0 random, towards 1 in bursts.' }) burstiness: number | null;
  @Field(() => ConsistencyVerdict) verdict: ConsistencyVerdict;
  @Field(() => [ConsistencyFinding]) findings: ConsistencyFinding[];
}

@ObjectType()
export class ConsistencyReport {
  @Field(() => [String], { description: 'The months analysed: those of the range that have ended.' }) months: string[];
  @Field(() => [CountyConsistency]) counties: CountyConsistency[];
}
