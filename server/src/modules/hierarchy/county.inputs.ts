import { Field, ID, InputType, Int } from 'type-graphql';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { AdminCode, IsOptional, NonBlank, OptionalText } from '../../common/validation.js';
import { County } from './county.entity.js';

export const countyQuery = defineQueryInputs(
  'County',
  { regionId: { kind: 'id' }, name: { kind: 'string' }, nameTibetan: { kind: 'string' }, code: { kind: 'string' } },
  { NAME: 'name', CODE: 'code' },
);
export const CountyPage = PageType(County, 'County');

@InputType()
export class CreateCountyInput {
  @Field(() => ID) regionId: string;
  @Field(() => String) @NonBlank(100) name: string;
  @Field(() => String, { nullable: true }) @OptionalText(191) nameTibetan?: string | null;
  @Field(() => String) @AdminCode() code: string;
}

@InputType()
export class UpdateCountyInput {
  @Field(() => Int) version: number;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(100) name?: string;
  @Field(() => String, { nullable: true }) @OptionalText(191) nameTibetan?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @AdminCode() code?: string;
}
