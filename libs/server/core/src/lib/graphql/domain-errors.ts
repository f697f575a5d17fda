import type { MessageKey, MessageParams } from '../i18n/messages';

/** The `extensions.code` values of API.md. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED';

export interface FieldProblem {
  field: string;
  key: MessageKey;
  params?: MessageParams;
}

/**
 * An error a person can act on. Services throw these; one Apollo plugin turns them into
 * `extensions.code` and a message in the reader's language. Never carries a stack to the client.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(key: MessageKey = 'error.unauthenticated') {
    super(key);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor() {
    super('error.forbidden');
  }
}

/** Also what a reader gets for a row outside their scope: it must look as if it did not exist. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    subject: 'Organization' | 'User' | 'Territory' | string,
    key: MessageKey = 'error.notFound',
    params: MessageParams = {},
  ) {
    super(key, { subject, ...params });
  }
}

export class BadUserInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly fields: FieldProblem[],
    key: MessageKey = 'error.invalidInput',
    params: MessageParams = {},
  ) {
    super(key, params);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor() {
    super('error.conflict');
  }
}

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(key: MessageKey, params: MessageParams) {
    super(key, params);
  }
}

/**
 * For a query that answers `null` for what does not exist or may not be read (API.md): the row, or
 * null when the service said NOT_FOUND. Any other error still propagates.
 */
export async function nullIfNotFound<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
