import type { Request } from 'express';
import type { AppAbility, Locale } from '@convergence/shared/domain';
import type { Actor } from '../authz/actor';

/** What a request carries once the guard has authenticated it: the actor and their ability. */
export type AuthenticatedRequest = Omit<Request, 'user'> & { user?: Actor; ability?: AppAbility };

/**
 * The per-request GraphQL context. `loaders` holds this request's DataLoaders, so that batching
 * never mixes two readers' permissions.
 */
export interface GraphqlContext {
  req: AuthenticatedRequest;
  /** Language of signed-out answers (Accept-Language); a signed-in user's own preference wins. */
  requestLocale: Locale;
  loaders: Map<string, unknown>;
}

export function contextLocale(context: GraphqlContext): Locale {
  return context.req.user?.locale ?? context.requestLocale;
}
