import { Field, ID, InputType, Int } from 'type-graphql';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { IsOptional, NonBlank } from '../../common/validation.js';
import { Department, DepartmentKind } from './department.entity.js';

export const departmentQuery = defineQueryInputs(
  'Department',
  {
    regionId: { kind: 'id' },
    countyId: { kind: 'id' },
    name: { kind: 'string' },
    kind: { kind: 'enum', enum: { values: DepartmentKind, name: 'DepartmentKind' } },
  },
  { NAME: 'name', KIND: 'kind', COUNTY_ID: 'countyId' },
);
export const DepartmentPage = PageType(Department, 'Department');

@InputType({ description: 'Give countyId for a county department, or only regionId for a unit directly under the region (地直).' })
export class CreateDepartmentInput {
  @Field(() => ID, { nullable: true, description: 'Taken from the county when countyId is given.' }) regionId?: string | null;
  @Field(() => ID, { nullable: true }) countyId?: string | null;
  @Field(() => String, { nullable: true, description: 'Instead of countyId: the county’s administrative code (540222).' }) countyCode?: string | null;
  @Field(() => String) @NonBlank(100) name: string;
  @Field(() => DepartmentKind) kind: DepartmentKind;
}

@InputType()
export class UpdateDepartmentInput {
  @Field(() => Int) version: number;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(100) name?: string;
  @Field(() => DepartmentKind, { nullable: true }) kind?: DepartmentKind;
  @Field(() => ID, { nullable: true, description: 'Move to another county of the same region; null makes it a region-level unit.' })
  countyId?: string | null;
  @Field(() => String, { nullable: true, description: 'Instead of countyId: the county’s administrative code (540222).' }) countyCode?: string | null;
}
