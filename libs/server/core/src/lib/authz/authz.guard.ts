import { Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { defineAbilityFor } from '@convergence/shared/domain';
import { ForbiddenError, UnauthenticatedError } from '../graphql/domain-errors';
import type { Actor } from './actor';
import { IS_PUBLIC, POLICIES, type PolicyCheck } from './policies.decorator';
import { requestOf } from './request-of';

/**
 * The global guard: deny by default. A resolver or route is either `@Public()` or declares
 * `@CheckPolicies(...)`; anything else is refused even to a signed-in user, so a forgotten
 * declaration fails closed. Authentication is passport's `jwt` strategy (libs/server/users).
 */
@Injectable()
export class AuthzGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AuthzGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const request = requestOf(context);

    if (!request.user && request.headers?.authorization) {
      try {
        await super.canActivate(context);
      } catch (error) {
        // A stale token must not stop someone from signing in again on a public operation.
        if (!isPublic) throw error;
      }
    }
    if (isPublic) return true;

    const actor = request.user;
    if (!actor) throw new UnauthenticatedError();
    const policies = this.reflector.get<PolicyCheck[] | undefined>(POLICIES, context.getHandler());
    if (!policies?.length) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no policy: denied`);
      throw new ForbiddenError();
    }
    const ability = (request.ability ??= defineAbilityFor(actor));
    if (!policies.every((check) => check(ability))) throw new ForbiddenError();
    return true;
  }

  /**
   * Passport's verdict: a missing, expired, tampered or revoked token is UNAUTHENTICATED. Any other
   * error (the database is down) propagates as an internal error and is logged: it must not look
   * like a sign-out to the client.
   */
  override handleRequest<TUser = Actor>(error: unknown, actor: TUser | false): TUser {
    if (error) throw error;
    if (!actor) throw new UnauthenticatedError('error.sessionExpired');
    return actor;
  }
}
