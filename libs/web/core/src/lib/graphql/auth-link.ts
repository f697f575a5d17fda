import { ServerError } from '@apollo/client/errors';
import { ApolloLink } from '@apollo/client/link';
import { OperationTypeNode } from 'graphql';
import { catchError, defer, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { graphQLErrorsIn, hasUnauthenticatedError } from './api-error';

/**
 * Set on an operation's context (`context: { [SKIP_SESSION_RECOVERY]: true }`) for the calls that
 * establish the session themselves (login, refreshSession): their UNAUTHENTICATED is an answer,
 * not an expired token, and must not trigger a refresh.
 */
export const SKIP_SESSION_RECOVERY = 'cvSkipSessionRecovery';

export interface AuthLinkOptions {
  /** The access token to send now (null when signed out). */
  accessToken(): string | null;
  /** The UI language: the api localises its error messages by Accept-Language. */
  language(): string;
  /**
   * Called when the api rejected `rejectedToken`; resolves true once a newer access token is
   * available (refreshing if needed, one refresh shared by every caller).
   */
  recover(rejectedToken: string | null): Promise<boolean>;
  /** The session cannot be recovered: forget it and send the user to sign in. */
  expire(): void;
}

/**
 * Adds `Authorization` and `Accept-Language` to every operation and, when the api answers
 * UNAUTHENTICATED, refreshes the session once and replays the operation with the new token.
 */
export function createAuthLink(options: AuthLinkOptions): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const baseHeaders = headersOf(operation.getContext()['headers']);

    const send = (): Observable<{ result: ApolloLink.Result; token: string | null }> =>
      defer(() => {
        const token = options.accessToken();
        operation.setContext({
          headers: {
            ...baseHeaders,
            'Accept-Language': options.language(),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
        });
        return forward(operation).pipe(
          mergeMap((result) => of({ result, token })),
          catchError((error: unknown) =>
            isUnauthenticatedServerError(error)
              ? of({ result: unauthenticatedResult(error), token })
              : throwError(() => error),
          ),
        );
      });

    const recoverable =
      operation.operationType !== OperationTypeNode.SUBSCRIPTION &&
      operation.getContext()[SKIP_SESSION_RECOVERY] !== true;

    if (!recoverable) {
      return send().pipe(mergeMap(({ result }) => of(result)));
    }

    return send().pipe(
      mergeMap(({ result, token }) => {
        if (!isUnauthenticated(result)) return of(result);
        return from(options.recover(token)).pipe(
          mergeMap((recovered) => {
            if (!recovered) {
              options.expire();
              return of(result);
            }
            return send().pipe(
              mergeMap(({ result: retried }) => {
                if (isUnauthenticated(retried)) options.expire();
                return of(retried);
              }),
            );
          }),
        );
      }),
    );
  });
}

function isUnauthenticated(result: ApolloLink.Result): boolean {
  return 'errors' in result && hasUnauthenticatedError(result.errors);
}

function isUnauthenticatedServerError(error: unknown): error is ServerError {
  return (
    ServerError.is(error) &&
    (error.statusCode === 401 || hasUnauthenticatedError(graphQLErrorsIn(error.bodyText)))
  );
}

/** A 401 is turned into the GraphQL answer it carries, so that a failed recovery surfaces it. */
function unauthenticatedResult(error: ServerError): ApolloLink.Result {
  const errors = graphQLErrorsIn(error.bodyText);
  return {
    errors:
      errors.length > 0 ? errors : [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }],
  };
}

function headersOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
