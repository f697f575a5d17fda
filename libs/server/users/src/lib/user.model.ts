import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionOf, registerStringEnum } from '@convergence/server/core';
import { LOCALES, ROLES, type Locale, type Role } from '@convergence/shared/domain';
import type { UserEntity } from './user.entity';

export const RoleEnum = registerStringEnum(ROLES, 'Role');
export const LocaleEnum = registerStringEnum(
  LOCALES,
  'Locale',
  'Preferred language: fr, ar (right-to-left) or en.',
);

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => LocaleEnum)
  locale!: Locale;

  @Field({ description: 'False once an administrator deactivated the account: it can no longer sign in.' })
  active!: boolean;

  @Field()
  createdAt!: Date;

  @Field(() => Int)
  version!: number;

  /** Resolved by the `organization` field. */
  organizationId!: string;
}

export function toUserModel(entity: UserEntity): UserModel {
  return {
    id: entity.id,
    email: entity.email,
    displayName: entity.displayName,
    role: entity.role,
    locale: entity.locale,
    active: entity.active,
    createdAt: entity.createdAt,
    version: entity.version,
    organizationId: entity.organizationId,
  };
}

export const UserConnection = ConnectionOf(UserModel, 'User');
