import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  anySignedInUser,
  CheckPolicies,
  CurrentAbility,
  mapConnection,
  type Connection,
  type GraphqlContext,
} from '@convergence/server/core';
import { PersonModel, personLoader, UserService } from '@convergence/server/users';
import type { AppAbility } from '@convergence/shared/domain';
import { AuditEventConnection, AuditEventModel, toAuditEventModel } from './audit-event.model';
import { AuditTrailService } from './audit-trail.service';
import { AuditTrailArgs } from './inputs/audit-trail.args';

@Resolver(() => AuditEventModel)
export class AuditTrailResolver {
  constructor(
    private readonly auditTrailService: AuditTrailService,
    private readonly userService: UserService,
  ) {}

  // Any signed-in user: the permission is the subject's, checked by the service.
  @Query(() => AuditEventConnection, {
    description: 'Who changed what on a subject, newest first. NOT_FOUND when you may not read the subject.',
  })
  @CheckPolicies(anySignedInUser)
  async auditTrail(
    @CurrentAbility() ability: AppAbility,
    @Args() args: AuditTrailArgs,
  ): Promise<Connection<AuditEventModel>> {
    return mapConnection(await this.auditTrailService.trail(ability, args), toAuditEventModel);
  }

  @ResolveField(() => PersonModel, {
    nullable: true,
    description: 'Who made the change; null: the platform.',
  })
  actor(@Parent() event: AuditEventModel, @Context() context: GraphqlContext) {
    if (!event.actorUserId) return null;
    return personLoader(context, this.userService).load(event.actorUserId);
  }
}
