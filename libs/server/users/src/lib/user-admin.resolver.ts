import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CheckPolicies,
  CurrentAbility,
  CurrentActor,
  mapConnection,
  type Actor,
  type Connection,
} from '@convergence/server/core';
import type { AppAbility } from '@convergence/shared/domain';
import { CreateUserInput, UpdateUserArgs, UsersArgs, UserVersionArgs } from './inputs/user-admin.inputs';
import { UserAdminService } from './user-admin.service';
import { toUserModel, UserConnection, UserModel } from './user.model';

/** Administrators only (`manage User`): anyone else is refused outright, a list included. */
const administrators = (ability: AppAbility) => ability.can('manage', 'User');

@Resolver(() => UserModel)
export class UserAdminResolver {
  constructor(private readonly userAdmin: UserAdminService) {}

  @Query(() => UserConnection, { description: 'Every account, by name, a page at a time (administrators).' })
  @CheckPolicies(administrators)
  async users(
    @CurrentAbility() ability: AppAbility,
    @Args() args: UsersArgs,
  ): Promise<Connection<UserModel>> {
    return mapConnection(await this.userAdmin.list(ability, args), toUserModel);
  }

  @Mutation(() => UserModel, {
    description: 'Opens an account that signs in at once with the password given.',
  })
  @CheckPolicies(administrators)
  async createUser(
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateUserInput,
  ): Promise<UserModel> {
    return toUserModel(await this.userAdmin.create(ability, input));
  }

  @Mutation(() => UserModel, { description: 'Changes the fields given; not your own administrator role.' })
  @CheckPolicies(administrators)
  async updateUser(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() args: UpdateUserArgs,
  ): Promise<UserModel> {
    return toUserModel(await this.userAdmin.update(actor, ability, args));
  }

  @Mutation(() => UserModel, {
    description: 'The account can no longer sign in and its sessions end at once; not your own.',
  })
  @CheckPolicies(administrators)
  async deactivateUser(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() args: UserVersionArgs,
  ): Promise<UserModel> {
    return toUserModel(await this.userAdmin.deactivate(actor, ability, args));
  }

  @Mutation(() => UserModel, { description: 'The account may sign in again (with a new sign-in).' })
  @CheckPolicies(administrators)
  async reactivateUser(
    @CurrentAbility() ability: AppAbility,
    @Args() args: UserVersionArgs,
  ): Promise<UserModel> {
    return toUserModel(await this.userAdmin.reactivate(ability, args));
  }
}
