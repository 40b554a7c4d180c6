import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MinLength } from 'class-validator';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { DateTimeScalar } from '../../common/scalars.js';
import { Role } from '../../common/scope.js';
import { translate } from '../../common/i18n.js';
import { IsOptional, OptionalText, Username } from '../../common/validation.js';
import { User } from './user.entity.js';

export const MIN_PASSWORD_LENGTH = 8;
const passwordRule = MinLength(MIN_PASSWORD_LENGTH, { message: () => translate('passwordTooShort', { min: MIN_PASSWORD_LENGTH }) });

export const userQuery = defineQueryInputs(
  'User',
  {
    username: { kind: 'string' },
    displayName: { kind: 'string' },
    role: { kind: 'enum', enum: { values: Role, name: 'Role' } },
    regionId: { kind: 'id' },
    countyId: { kind: 'id' },
    active: { kind: 'boolean' },
  },
  { USERNAME: 'username', ROLE: 'role' },
);
export const UserPage = PageType(User, 'User');

@InputType()
export class CreateUserInput {
  @Field(() => String, { description: 'Stored normalized (NFKC, trimmed, lower case); must differ from every other user’s.' }) @Username() username: string;
  @Field(() => String, { nullable: true }) @OptionalText(100) displayName?: string | null;
  @Field(() => String, { description: `At least ${MIN_PASSWORD_LENGTH} characters; stored only as an argon2id hash.` }) @passwordRule password: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true, description: 'Required for REGIONAL and ANALYST; taken from the county for COUNTY.' }) regionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Required for COUNTY.' }) countyId?: string | null;
  @Field(() => String, { nullable: true, description: 'Instead of countyId: the county’s administrative code (540222).' }) countyCode?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) active?: boolean;
}

@InputType()
export class UpdateUserInput {
  @Field(() => Int) version: number;
  @Field(() => String, { nullable: true, description: 'A new username (stored normalized: lower case).' }) @IsOptional() @Username() username?: string;
  @Field(() => String, { nullable: true }) @OptionalText(100) displayName?: string | null;
  @Field(() => String, { nullable: true, description: 'A new password (resets it).' }) @IsOptional() @passwordRule password?: string;
  @Field(() => Role, { nullable: true }) role?: Role;
  @Field(() => ID, { nullable: true }) regionId?: string | null;
  @Field(() => ID, { nullable: true }) countyId?: string | null;
  @Field(() => String, { nullable: true, description: 'Instead of countyId: the county’s administrative code (540222).' }) countyCode?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
}

@ObjectType()
export class LoginResult {
  @Field(() => String, { description: 'Send as Authorization: Bearer <token>.' }) token: string;
  @Field(() => DateTimeScalar) expiresAt: Date;
  @Field(() => User) user: User;
}
