import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { AppAbility } from '@convergence/shared/domain';
import { requestOf } from './request-of';
import type { Actor } from './actor';

export const IS_PUBLIC = 'convergence:public';
export const POLICIES = 'convergence:policies';

export type PolicyCheck = (ability: AppAbility) => boolean;

/** Open to signed-out visitors. Every other resolver must declare its policy. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The coarse permission a resolver needs, checked by the global guard before it runs. Row-level
 * checks (scope) happen in the service with the same ability.
 */
export const CheckPolicies = (...checks: PolicyCheck[]) => SetMetadata(POLICIES, checks);

/** The signed-in actor (the guard guarantees it on non-public resolvers). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = requestOf(context).user;
  if (!actor) throw new Error('CurrentActor used on a resolver without an authenticated actor');
  return actor;
});

/** The actor's CASL ability, built once per request by the guard. */
export const CurrentAbility = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AppAbility => {
    const ability = requestOf(context).ability;
    if (!ability) throw new Error('CurrentAbility used on a resolver without an authenticated actor');
    return ability;
  },
);

/** For what every signed-in user may do about their own session (sign out, read `me`). */
export const anySignedInUser: PolicyCheck = () => true;
