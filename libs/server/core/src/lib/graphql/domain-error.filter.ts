import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { DEFAULT_LOCALE } from '@convergence/shared/domain';
import { requestedLocale } from '../i18n/request-locale';
import { DomainError, type ErrorCode } from './domain-errors';
import { presentDomainError } from './error-presenter';
import type { AuthenticatedRequest } from './graphql-context';

const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/**
 * Domain errors are answers, not failures. In GraphQL they go back to the engine as they are (the
 * error presenter words them) instead of being logged by Nest as unhandled; on a plain HTTP route
 * they become the matching status with the same JSON error shape.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType() !== 'http') return error;
    const http = host.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    // As in GraphQL: the header's language, else the signed-in user's, else French.
    const locale =
      requestedLocale(request.headers['accept-language']) ?? request.user?.locale ?? DEFAULT_LOCALE;
    const { message, ...extensions } = presentDomainError(error, locale);
    http
      .getResponse<Response>()
      .status(HTTP_STATUS[error.code])
      .json({ errors: [{ message, extensions }] });
  }
}
