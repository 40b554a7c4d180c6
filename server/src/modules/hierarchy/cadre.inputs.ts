import { Field, ID, InputType, Int } from 'type-graphql';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { Role } from '../../common/scope.js';
import { IsOptional, NonBlank, OptionalText, Phone } from '../../common/validation.js';
import { Cadre, CadreStatus, Gender } from './cadre.entity.js';

export const cadreQuery = defineQueryInputs(
  'Cadre',
  {
    departmentId: { kind: 'id' },
    countyId: {
      kind: 'id',
      expr: (sql) => `(SELECT ${sql.col('countyId', 'cd')} FROM ${sql.esc('department')} ${sql.esc('cd')} WHERE ${sql.col('id', 'cd')} = ${sql.col('departmentId')})`,
    },
    regionId: {
      kind: 'id',
      expr: (sql) => `(SELECT ${sql.col('regionId', 'cd')} FROM ${sql.esc('department')} ${sql.esc('cd')} WHERE ${sql.col('id', 'cd')} = ${sql.col('departmentId')})`,
    },
    name: { kind: 'string' },
    nameTibetan: { kind: 'string' },
    gender: { kind: 'enum', enum: { values: Gender, name: 'Gender' } },
    ethnicity: { kind: 'string' },
    birthDate: { kind: 'date' },
    position: { kind: 'string' },
    rank: { kind: 'string' },
    status: { kind: 'enum', enum: { values: CadreStatus, name: 'CadreStatus' } },
    phone: { kind: 'string', restrictedTo: [Role.ADMIN, Role.REGIONAL, Role.COUNTY] },
  },
  { NAME: 'name', BIRTH_DATE: 'birthDate', POSITION: 'position', RANK: 'rank', STATUS: 'status', DEPARTMENT_ID: 'departmentId' },
);
export const CadrePage = PageType(Cadre, 'Cadre');

@InputType()
export class CreateCadreInput {
  @Field(() => ID) departmentId: string;
  @Field(() => String) @NonBlank(100) name: string;
  @Field(() => String, { nullable: true }) @OptionalText(191) nameTibetan?: string | null;
  @Field(() => Gender) gender: Gender;
  @Field(() => String) @NonBlank(20) ethnicity: string;
  @Field(() => LocalDateScalar, { nullable: true }) birthDate?: string | null;
  @Field(() => String) @NonBlank(100) position: string;
  @Field(() => String) @NonBlank(50) rank: string;
  @Field(() => CadreStatus, { nullable: true, defaultValue: CadreStatus.ACTIVE }) status?: CadreStatus;
  @Field(() => String, { nullable: true }) @Phone() phone?: string | null;
}

@InputType()
export class UpdateCadreInput {
  @Field(() => Int) version: number;
  @Field(() => ID, { nullable: true, description: 'Move the cadre to another department.' }) departmentId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(100) name?: string;
  @Field(() => String, { nullable: true }) @OptionalText(191) nameTibetan?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(20) ethnicity?: string;
  @Field(() => LocalDateScalar, { nullable: true }) birthDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(100) position?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(50) rank?: string;
  @Field(() => CadreStatus, { nullable: true }) status?: CadreStatus;
  @Field(() => String, { nullable: true }) @Phone() phone?: string | null;
}
