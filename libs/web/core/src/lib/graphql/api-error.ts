import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

/** Codes the api puts in `extensions.code` (API.md), plus the two the client adds for itself. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  /** The api could not be reached or did not answer with GraphQL. */
  | 'NETWORK'
  /** Anything else (an unexpected server error). */
  | 'UNKNOWN';

export const API_ERROR_CODES: readonly ApiErrorCode[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'NETWORK',
  'UNKNOWN',
];

export interface ApiFieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * What a page needs to tell the user about a failed operation. `message` is already localised by
 * the api (it reads Accept-Language); when it is null the page shows its own `errors.<code>` text.
 */
export interface ApiError {
  readonly code: ApiErrorCode;
  readonly message: string | null;
  readonly fields: readonly ApiFieldError[];
}

export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    return fromGraphQLErrors(error.errors);
  }
  if (ServerError.is(error)) {
    const errors = graphQLErrorsIn(error.bodyText);
    if (errors.length > 0) return fromGraphQLErrors(errors);
    return { code: error.statusCode === 401 ? 'UNAUTHENTICATED' : 'NETWORK', message: null, fields: [] };
  }
  return { code: 'NETWORK', message: null, fields: [] };
}

/** Whether a GraphQL error list says the access token was missing, expired or revoked. */
export function hasUnauthenticatedError(errors: readonly GraphQLFormattedError[] | undefined): boolean {
  return (errors ?? []).some((error) => error.extensions?.['code'] === 'UNAUTHENTICATED');
}

export function graphQLErrorsIn(bodyText: string): readonly GraphQLFormattedError[] {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (isRecord(body) && Array.isArray(body['errors'])) {
      return body['errors'].filter(isFormattedError);
    }
  } catch {
    // Not JSON: a proxy or an HTML error page.
  }
  return [];
}

function fromGraphQLErrors(errors: readonly GraphQLFormattedError[]): ApiError {
  const first = errors[0];
  if (!first) return { code: 'UNKNOWN', message: null, fields: [] };
  const extensions = first.extensions ?? {};
  const rawCode = extensions['code'];
  const code = API_ERROR_CODES.find((known) => known === rawCode && known !== 'NETWORK') ?? 'UNKNOWN';
  return {
    code,
    // An unexpected server error carries an internal message: the page shows its own text instead.
    message: code === 'UNKNOWN' ? null : first.message || null,
    fields: fieldErrors(extensions['fields']),
  };
}

function fieldErrors(value: unknown): ApiFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item['field'] === 'string' && typeof item['message'] === 'string'
      ? [{ field: item['field'], message: item['message'] }]
      : [],
  );
}

function isFormattedError(value: unknown): value is GraphQLFormattedError {
  return isRecord(value) && typeof value['message'] === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
