import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { IsOptional, NonBlank } from '../../common/validation.js';
import { FieldResearch } from './field-research.entity.js';

export const fieldResearchQuery = defineQueryInputs(
  'FieldResearch',
  { regionId: { kind: 'id' }, countyId: { kind: 'id' }, visitedOn: { kind: 'date' }, topic: { kind: 'string' }, findings: { kind: 'string' } },
  { VISITED_ON: 'visitedOn', TOPIC: 'topic' },
);
export const FieldResearchPage = PageType(FieldResearch, 'FieldResearch');

@InputType()
export class CreateFieldResearchInput {
  @Field(() => ID, { nullable: true, description: 'Required, except for a county user: defaults to your own county.' }) countyId?: string | null;
  @Field(() => String, { nullable: true, description: 'Instead of countyId: the county’s administrative code (540222).' }) countyCode?: string | null;
  @Field(() => LocalDateScalar) visitedOn: string;
  @Field(() => String) @NonBlank(200) topic: string;
  @Field(() => String) @NonBlank(500) participants: string;
  @Field(() => String) @NonBlank(20000) findings: string;
  @Field(() => [ID], { nullable: true, description: 'Targets this visit led to (at most 100).' }) @IsOptional() @ArrayMaxSize(100) targetIds?: string[] | null;
}

@InputType()
export class UpdateFieldResearchInput {
  @Field(() => Int) version: number;
  @Field(() => LocalDateScalar, { nullable: true }) visitedOn?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(200) topic?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(500) participants?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(20000) findings?: string;
  @Field(() => [ID], { nullable: true, description: 'Replaces the linked targets.' }) @IsOptional() @ArrayMaxSize(100) targetIds?: string[] | null;
}
