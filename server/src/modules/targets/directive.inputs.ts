import { Field, ID, InputType, Int } from 'type-graphql';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { IsOptional, NonBlank, OptionalText } from '../../common/validation.js';
import { Directive, IssuerLevel } from './directive.entity.js';

export const directiveQuery = defineQueryInputs(
  'Directive',
  {
    regionId: { kind: 'id' },
    title: { kind: 'string' },
    issuerLevel: { kind: 'enum', enum: { values: IssuerLevel, name: 'IssuerLevel' } },
    issuer: { kind: 'string' },
    documentNumber: { kind: 'string' },
    issuedOn: { kind: 'date' },
  },
  { ISSUED_ON: 'issuedOn', TITLE: 'title', ISSUER_LEVEL: 'issuerLevel', DOCUMENT_NUMBER: 'documentNumber' },
);
export const DirectivePage = PageType(Directive, 'Directive');

@InputType()
export class CreateDirectiveInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to your own region.' }) regionId?: string | null;
  @Field(() => String) @NonBlank(200) title: string;
  @Field(() => IssuerLevel) issuerLevel: IssuerLevel;
  @Field(() => String) @NonBlank(100) issuer: string;
  @Field(() => String, { nullable: true }) @OptionalText(100) documentNumber?: string | null;
  @Field(() => LocalDateScalar) issuedOn: string;
  @Field(() => String, { nullable: true }) @OptionalText(20000) summary?: string | null;
}

@InputType()
export class UpdateDirectiveInput {
  @Field(() => Int) version: number;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(200) title?: string;
  @Field(() => IssuerLevel, { nullable: true }) issuerLevel?: IssuerLevel;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(100) issuer?: string;
  @Field(() => String, { nullable: true }) @OptionalText(100) documentNumber?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) issuedOn?: string;
  @Field(() => String, { nullable: true }) @OptionalText(20000) summary?: string | null;
}
