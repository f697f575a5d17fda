import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { toApiError } from './api-error';

describe('toApiError', () => {
  it("keeps the api's code, localised message and field messages", () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Données invalides.',
          extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'Adresse invalide.' }] },
        },
      ],
    });

    expect(toApiError(error)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Données invalides.',
      fields: [{ field: 'email', message: 'Adresse invalide.' }],
    });
  });

  it('hides the message of an unexpected server error', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'relation "users" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });

    expect(toApiError(error)).toEqual({ code: 'UNKNOWN', message: null, fields: [] });
  });

  it('reads GraphQL errors carried by a non-2xx response', () => {
    const body = JSON.stringify({
      errors: [{ message: 'Trop de tentatives.', extensions: { code: 'RATE_LIMITED' } }],
    });
    const error = new ServerError('Response not successful', {
      response: { status: 429 } as Response,
      bodyText: body,
    });

    expect(toApiError(error)).toEqual({ code: 'RATE_LIMITED', message: 'Trop de tentatives.', fields: [] });
  });

  it('reports anything else as the api being unreachable', () => {
    expect(toApiError(new TypeError('Failed to fetch'))).toEqual({
      code: 'NETWORK',
      message: null,
      fields: [],
    });
  });
});
