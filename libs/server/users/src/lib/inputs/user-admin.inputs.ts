import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull, PageArgs, Trimmed } from '@convergence/server/core';
import { LOCALES, ROLES, type Locale, type Role } from '@convergence/shared/domain';
import { LocaleEnum, RoleEnum } from '../user.model';

/** Limits of the app_user columns (user.entity.ts). */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_DISPLAY_NAME_LENGTH = 120;
/** An initial password the administrator hands over: long enough to resist guessing (issue #5). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/** E-mail addresses are stored lower-cased, and compared so (sign-in, uniqueness). */
const normalisedEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

@InputType()
export class UserFilter {
  @Field({ nullable: true, description: 'Words of the name or e-mail address, any case.' })
  @IsOptional()
  @MaxLength(100, { context: { max: 100 } })
  search?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @Field({ nullable: true, description: 'true: active accounts only; false: deactivated ones only.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilter)
  filter?: UserFilter;
}

/**
 * An account an administrator opens, with an initial password the person can use at once (there is
 * no invitation e-mail yet). Checks run bottom-up: a missing value reads "required" first.
 */
@InputType()
export class CreateUserInput {
  @Field()
  @normalisedEmail()
  @MaxLength(MAX_EMAIL_LENGTH, { context: { max: MAX_EMAIL_LENGTH } })
  @IsEmail()
  @IsNotEmpty()
  email!: string;

  @Field()
  @Trimmed()
  @MaxLength(MAX_DISPLAY_NAME_LENGTH, { context: { max: MAX_DISPLAY_NAME_LENGTH } })
  @IsNotEmpty()
  displayName!: string;

  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role!: Role;

  @Field(() => ID)
  @IsUUID('all')
  organizationId!: string;

  @Field(() => LocaleEnum)
  @IsIn(LOCALES)
  locale!: Locale;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters; the person signs in with it at once.` })
  @MaxLength(MAX_PASSWORD_LENGTH, { context: { max: MAX_PASSWORD_LENGTH } })
  @MinLength(MIN_PASSWORD_LENGTH, { context: { min: MIN_PASSWORD_LENGTH } })
  @IsNotEmpty()
  password!: string;
}

/** Only the fields given change; none of them can be emptied. */
@InputType()
export class UpdateUserInput {
  @Field({ nullable: true })
  @IsOptionalNotNull()
  @Trimmed()
  @MaxLength(MAX_DISPLAY_NAME_LENGTH, { context: { max: MAX_DISPLAY_NAME_LENGTH } })
  @IsNotEmpty()
  displayName?: string;

  @Field(() => RoleEnum, { nullable: true })
  @IsOptionalNotNull()
  @IsIn(ROLES)
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptionalNotNull()
  @IsUUID('all')
  organizationId?: string;

  @Field(() => LocaleEnum, { nullable: true })
  @IsOptionalNotNull()
  @IsIn(LOCALES)
  locale?: Locale;
}

/** A user and the version the administrator read. */
@ArgsType()
export class UserVersionArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt()
  @Min(1, { context: { min: 1 } })
  version!: number;
}

@ArgsType()
export class UpdateUserArgs extends UserVersionArgs {
  @Field(() => UpdateUserInput)
  @ValidateNested()
  @Type(() => UpdateUserInput)
  input!: UpdateUserInput;
}
