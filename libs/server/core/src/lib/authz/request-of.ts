import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AppAbility } from '@convergence/shared/domain';
import type { AuthenticatedRequest, GraphqlContext } from '../graphql/graphql-context';

export interface AuthorizedRequest extends AuthenticatedRequest {
  ability?: AppAbility;
}

/** The HTTP request behind a GraphQL operation or a plain HTTP route. */
export function requestOf(context: ExecutionContext): AuthorizedRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<GraphqlContext>().req;
  }
  return context.switchToHttp().getRequest<AuthorizedRequest>();
}
