import { Field, ID, InputType, Int } from 'type-graphql';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { IsOptional, NonBlank, OptionalText } from '../../common/validation.js';
import { Accountability, AccountabilityMeasure } from './accountability.entity.js';

export const accountabilityQuery = defineQueryInputs(
  'Accountability',
  {
    cadreId: { kind: 'id' },
    targetId: { kind: 'id' },
    departmentId: { kind: 'id' },
    countyId: { kind: 'id' },
    regionId: { kind: 'id' },
    decidedOn: { kind: 'date' },
    measure: { kind: 'enum', enum: { values: AccountabilityMeasure, name: 'AccountabilityMeasure' } },
    decidingBody: { kind: 'string' },
    reason: { kind: 'string' },
  },
  { DECIDED_ON: 'decidedOn', MEASURE: 'measure', CADRE_ID: 'cadreId' },
);
export const AccountabilityPage = PageType(Accountability, 'Accountability');

@InputType({ description: 'A measure of 责任追究 decided against a cadre.' })
export class CreateAccountabilityInput {
  @Field(() => ID) cadreId: string;
  @Field(() => ID, { nullable: true, description: 'The target it is about, if any.' }) targetId?: string | null;
  @Field(() => LocalDateScalar) decidedOn: string;
  @Field(() => AccountabilityMeasure) measure: AccountabilityMeasure;
  @Field(() => String) @NonBlank(20000) reason: string;
  @Field(() => String) @NonBlank(200) decidingBody: string;
  @Field(() => String, { nullable: true }) @OptionalText(20000) evidence?: string | null;
}

@InputType()
export class UpdateAccountabilityInput {
  @Field(() => Int) version: number;
  @Field(() => ID, { nullable: true }) targetId?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) decidedOn?: string;
  @Field(() => AccountabilityMeasure, { nullable: true }) measure?: AccountabilityMeasure;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(20000) reason?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(200) decidingBody?: string;
  @Field(() => String, { nullable: true }) @OptionalText(20000) evidence?: string | null;
}
