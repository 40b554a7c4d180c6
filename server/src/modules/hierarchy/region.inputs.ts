import { Field, InputType, Int } from 'type-graphql';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { AdminCode, IsOptional, NonBlank, OptionalText } from '../../common/validation.js';
import { Region } from './region.entity.js';

export const regionQuery = defineQueryInputs(
  'Region',
  { name: { kind: 'string' }, nameTibetan: { kind: 'string' }, code: { kind: 'string' } },
  { NAME: 'name', CODE: 'code' },
);
export const RegionPage = PageType(Region, 'Region');

@InputType()
export class CreateRegionInput implements Partial<Region> {
  @Field(() => String) @NonBlank(100) name: string;
  @Field(() => String, { nullable: true }) @OptionalText(191) nameTibetan?: string | null;
  @Field(() => String) @AdminCode() code: string;
}

@InputType()
export class UpdateRegionInput implements Partial<Region> {
  @Field(() => Int) version: number;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(100) name?: string;
  @Field(() => String, { nullable: true }) @OptionalText(191) nameTibetan?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @AdminCode() code?: string;
}
