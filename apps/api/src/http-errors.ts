import type { NextFunction, Request, Response } from 'express';
import { localeFromAcceptLanguage, translate } from '@convergence/server/core';

export const REQUEST_BODY_LIMIT = '1mb';

/**
 * Errors raised before GraphQL sees the request (an oversized or malformed body) answered in the
 * GraphQL error shape, in the caller's language, without a stack trace.
 */
export function requestBodyErrorHandler(
  error: { status?: number; type?: string },
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (response.headersSent || !error.status) return next(error);
  const locale = localeFromAcceptLanguage(request.headers['accept-language']);
  const tooLarge = error.type === 'entity.too.large';
  const message = tooLarge
    ? translate(locale, 'error.payloadTooLarge', { limit: '1 MB' })
    : translate(locale, 'error.malformedBody');
  response
    .status(error.status)
    .json({ errors: [{ message, extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
}
