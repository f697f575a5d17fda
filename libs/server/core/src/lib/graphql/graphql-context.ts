import type { Request } from 'express';
import { DEFAULT_LOCALE, type AppAbility, type Locale } from '@convergence/shared/domain';
import type { Actor } from '../authz/actor';

/** What a request carries once the guard has authenticated it: the actor and their ability. */
export type AuthenticatedRequest = Omit<Request, 'user'> & { user?: Actor; ability?: AppAbility };

/**
 * The per-request GraphQL context. `loaders` holds this request's DataLoaders, so that batching
 * never mixes two readers' permissions.
 */
export interface GraphqlContext {
  req: AuthenticatedRequest;
  /** The language the request asks for (Accept-Language), if it names one we speak. */
  requestLocale: Locale | null;
  loaders: Map<string, unknown>;
}

/**
 * The language to answer in: what the request asks for (the web app sends its current language),
 * else the signed-in user's preference, else French.
 */
export function contextLocale(context: GraphqlContext): Locale {
  return context.requestLocale ?? context.req.user?.locale ?? DEFAULT_LOCALE;
}
