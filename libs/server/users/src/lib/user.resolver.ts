import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  anySignedInUser,
  CheckPolicies,
  CurrentActor,
  ForbiddenError,
  type Actor,
  type GraphqlContext,
} from '@convergence/server/core';
import {
  OrganizationModel,
  OrganizationService,
  organizationNamedByReadableRow,
} from '@convergence/server/organizations';
import { defineAbilityFor, packAbility, type Locale } from '@convergence/shared/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { LocaleEnum, toUserModel, UserModel } from './user.model';
import { UserService } from './user.service';

@Resolver(() => UserModel)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly organizationService: OrganizationService,
  ) {}

  @Query(() => UserModel, { description: 'The signed-in user.' })
  @CheckPolicies(anySignedInUser)
  async me(@CurrentActor() actor: Actor): Promise<UserModel> {
    return toUserModel(await this.userService.me(actor));
  }

  @Mutation(() => UserModel)
  @CheckPolicies((ability) => ability.can('update', 'User', 'locale'))
  async updateMyLocale(
    @CurrentActor() actor: Actor,
    @Args('locale', { type: () => LocaleEnum }) locale: Locale,
  ): Promise<UserModel> {
    return toUserModel(await this.userService.setLocale(actor, locale));
  }

  @ResolveField(() => OrganizationModel)
  organization(
    @Parent() user: UserModel,
    @Context() context: GraphqlContext,
  ): Promise<OrganizationModel | null> {
    return organizationNamedByReadableRow(context, this.organizationService).load(user.organizationId);
  }

  @ResolveField(() => GraphQLJSON, {
    description:
      'Packed CASL rules (@casl/ability/extra packRules): what this user may do. Only on yourself.',
  })
  permissions(@Parent() user: UserModel, @Context() context: GraphqlContext): unknown {
    const actor = context.req.user;
    if (!actor || actor.userId !== user.id) throw new ForbiddenError();
    return packAbility(defineAbilityFor(actor));
  }
}
