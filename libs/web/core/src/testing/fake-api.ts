import type { EnvironmentProviders, Provider } from '@angular/core';
import { ApolloLink } from '@apollo/client/link';
import { from, mergeMap, of, throwError } from 'rxjs';
import type { SessionTokensFragment, SessionUserFragment } from '../lib/graphql/generated';
import { GRAPHQL_HTTP_LINK, provideGraphql } from '../lib/graphql/provide-graphql';

/** One operation as the api received it. */
export interface FakeRequest {
  readonly operationName: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
}

export type FakeResponse = ApolloLink.Result | Error;

/**
 * Stands in for the api at the transport: tests describe what the server answers and read what it
 * received (operations, variables, headers), while the real Apollo client and links run.
 */
export class FakeApi {
  readonly requests: FakeRequest[] = [];

  readonly link = new ApolloLink((operation) => {
    const headers: unknown = operation.getContext()['headers'];
    const request: FakeRequest = {
      operationName: operation.operationName ?? '',
      variables: { ...operation.variables },
      headers: isStringRecord(headers) ? { ...headers } : {},
    };
    this.requests.push(request);
    return from(Promise.resolve().then(() => this.answer(request))).pipe(
      mergeMap((response) => (response instanceof Error ? throwError(() => response) : of(response))),
    );
  });

  constructor(private readonly answer: (request: FakeRequest) => FakeResponse | Promise<FakeResponse>) {}

  received(operationName: string): FakeRequest[] {
    return this.requests.filter((request) => request.operationName === operationName);
  }
}

/** The real Apollo client and links, talking to `api` instead of the network. */
export function provideFakeApi(api: FakeApi): (Provider | EnvironmentProviders)[] {
  return [provideGraphql(), { provide: GRAPHQL_HTTP_LINK, useValue: api.link }];
}

/** The answer the api gives to an operation without a valid access token. */
export function unauthenticated(message = 'Session expired.'): ApolloLink.Result {
  return { data: null, errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] };
}

export function fakeUser(overrides: Partial<SessionUserFragment> = {}): SessionUserFragment {
  return {
    __typename: 'User',
    id: 'user-1',
    email: 'elu@demo.convergence.ma',
    displayName: 'Nadia Bennani',
    role: 'ELECTED_OFFICIAL',
    locale: 'fr',
    permissions: [['read', 'Territory']],
    organization: {
      __typename: 'Organization',
      id: 'org-1',
      name: 'Conseil de la Région Casablanca-Settat',
      acronym: null,
      kind: 'REGIONAL_COUNCIL',
      territory: {
        __typename: 'Territory',
        code: '06',
        kind: 'REGION',
        nameFr: 'Casablanca-Settat',
        nameAr: 'الدار البيضاء-سطات',
      },
    },
    ...overrides,
  } as SessionUserFragment;
}

/** What login and refreshSession answer; the access token is valid 15 minutes unless told. */
export function fakeTokens(
  accessToken: string,
  refreshToken: string,
  options: { expiresInMs?: number } = {},
): SessionTokensFragment {
  return {
    __typename: 'AuthPayload',
    accessToken,
    refreshToken,
    accessTokenExpiresAt: new Date(Date.now() + (options.expiresInMs ?? 15 * 60_000)).toISOString(),
  } as SessionTokensFragment;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string')
  );
}
