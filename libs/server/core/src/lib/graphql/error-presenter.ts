import { Logger } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Locale } from '@convergence/shared/domain';
import { isMessageKey, translate, type MessageParams } from '../i18n/messages';
import { BadUserInputError, DomainError } from './domain-errors';
import { contextLocale, type GraphqlContext } from './graphql-context';

const logger = new Logger('GraphQL');

/** Errors raised by graphql-js or Apollo before execution: their text is kept as the detail. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** A domain error in the reader's language: message, code and, for bad input, one message per field. */
export function presentDomainError(
  error: DomainError,
  locale: Locale,
): GraphQLFormattedError['extensions'] & { message: string } {
  const extensions: Record<string, unknown> = { code: error.code };
  if (error instanceof BadUserInputError) {
    extensions['fields'] = error.fields.map(({ field, key, params }) => ({
      field,
      message: translate(locale, key, withSubjectNamed(params ?? {}, locale)),
    }));
  }
  return {
    message: translate(locale, error.messageKey, withSubjectNamed(error.params, locale)),
    ...extensions,
  };
}

/** A `subject` parameter names a subject type (`Organization`); the reader sees its name in their language. */
function withSubjectNamed(params: MessageParams, locale: Locale): MessageParams {
  const subject = params['subject'];
  if (typeof subject !== 'string' || !isMessageKey(`subject.${subject}`)) return params;
  return { ...params, subject: translate(locale, `subject.${subject}` as never) };
}

/** One error as the client sees it: a code, a message in the reader's language, never a stack. */
export function presentError(error: GraphQLError, locale: Locale): GraphQLFormattedError {
  const base = { locations: error.locations, path: error.path };
  const original = error.originalError;
  if (original instanceof DomainError) {
    const { message, ...extensions } = presentDomainError(original, locale);
    return { ...base, message, extensions };
  }
  const code = typeof error.extensions?.['code'] === 'string' ? error.extensions['code'] : undefined;
  if (code && REQUEST_ERROR_CODES.has(code)) {
    return {
      ...base,
      message: translate(locale, 'error.badRequest', { detail: error.message }),
      extensions: { code },
    };
  }
  // Name, message and stack only: a driver error's parameters and details can hold personal data.
  const failure = original ?? error;
  logger.error(`${failure.name}: ${failure.message}`, failure.stack);
  return {
    ...base,
    message: translate(locale, 'error.internal'),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Rewrites every error of a response once, when the reader's language is known (the guard has run).
 * This is the single place where domain errors become API errors.
 */
export const errorPresenterPlugin: ApolloServerPlugin<GraphqlContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, errors, contextValue }) {
        if (response.body.kind !== 'single' || !errors?.length) return;
        const locale = contextLocale(contextValue);
        response.body.singleResult.errors = errors.map((error) => presentError(error, locale));
      },
    };
  },
};
