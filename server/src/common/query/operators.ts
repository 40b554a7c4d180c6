import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar } from '../scalars.js';

/** Operator inputs shared by every filter (docs/api.md, "Filters"). */

@InputType({ description: 'Match an id or a relation by its id.' })
export class IdFilter {
  @Field(() => ID, { nullable: true }) eq?: string;
  @Field(() => [ID], { nullable: true }) in?: string[];
  @Field({ nullable: true, description: 'true: no value; false: any value.' }) isNull?: boolean;
}

@InputType({ description: 'Match text. contains and startsWith ignore letter case where the database collation does.' })
export class StringFilter {
  @Field(() => String, { nullable: true }) eq?: string;
  @Field(() => [String], { nullable: true }) in?: string[];
  @Field(() => String, { nullable: true }) contains?: string;
  @Field(() => String, { nullable: true }) startsWith?: string;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType()
export class IntFilter {
  @Field(() => Int, { nullable: true }) eq?: number;
  @Field(() => [Int], { nullable: true }) in?: number[];
  @Field(() => Int, { nullable: true }) gt?: number;
  @Field(() => Int, { nullable: true }) gte?: number;
  @Field(() => Int, { nullable: true }) lt?: number;
  @Field(() => Int, { nullable: true }) lte?: number;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType()
export class FloatFilter {
  @Field(() => Float, { nullable: true }) eq?: number;
  @Field(() => [Float], { nullable: true }) in?: number[];
  @Field(() => Float, { nullable: true }) gt?: number;
  @Field(() => Float, { nullable: true }) gte?: number;
  @Field(() => Float, { nullable: true }) lt?: number;
  @Field(() => Float, { nullable: true }) lte?: number;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: 'Match a calendar date (YYYY-MM-DD).' })
export class DateFilter {
  @Field(() => LocalDateScalar, { nullable: true }) eq?: string;
  @Field(() => [LocalDateScalar], { nullable: true }) in?: string[];
  @Field(() => LocalDateScalar, { nullable: true }) gt?: string;
  @Field(() => LocalDateScalar, { nullable: true }) gte?: string;
  @Field(() => LocalDateScalar, { nullable: true }) lt?: string;
  @Field(() => LocalDateScalar, { nullable: true }) lte?: string;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: 'Match an instant (ISO 8601).' })
export class DateTimeFilter {
  @Field(() => DateTimeScalar, { nullable: true }) eq?: Date;
  @Field(() => [DateTimeScalar], { nullable: true }) in?: Date[];
  @Field(() => DateTimeScalar, { nullable: true }) gt?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) gte?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) lt?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) lte?: Date;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType()
export class BooleanFilter {
  @Field({ nullable: true }) eq?: boolean;
  @Field({ nullable: true }) isNull?: boolean;
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

const enumFilters = new Map<object, Function>();

/** `<Enum>Filter { eq in isNull }` for one enum, made once. */
export function enumFilterFor(enumObj: object, enumName: string): Function {
  const known = enumFilters.get(enumObj);
  if (known) return known;
  @InputType(`${enumName}Filter`)
  class EnumFilter {}
  Field(() => enumObj, { nullable: true })(EnumFilter.prototype, 'eq');
  Field(() => [enumObj], { nullable: true })(EnumFilter.prototype, 'in');
  Field(() => Boolean, { nullable: true })(EnumFilter.prototype, 'isNull');
  enumFilters.set(enumObj, EnumFilter);
  return EnumFilter;
}
