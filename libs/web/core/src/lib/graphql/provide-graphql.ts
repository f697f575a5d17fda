import { type EnvironmentProviders, inject, InjectionToken, Injector, type Provider } from '@angular/core';
import { InMemoryCache } from '@apollo/client/cache';
import { ApolloLink } from '@apollo/client/link';
import { HttpLink } from '@apollo/client/link/http';
import { provideApollo } from 'apollo-angular';
import { OperationTypeNode } from 'graphql';
import { AuthService } from '../auth/auth.service';
import { SessionStore } from '../auth/session.store';
import { LanguageService } from '../i18n/language.service';
import { createAuthLink } from './auth-link';
import { GraphqlSocket } from './graphql-socket';

/**
 * The link that carries queries and mutations to the api: POST /graphql with fetch (tests replace it).
 * Apollo's own fetch link rather than Angular's HttpClient keeps HttpClient out of the first bundle.
 */
export const GRAPHQL_HTTP_LINK = new InjectionToken<ApolloLink>('GRAPHQL_HTTP_LINK', {
  providedIn: 'root',
  factory: () => new HttpLink({ uri: '/graphql' }),
});

/** Apollo over HTTP, subscriptions over graphql-ws, with the session's headers. */
export function provideGraphql(): (Provider | EnvironmentProviders)[] {
  return [
    provideApollo(() => {
      const session = inject(SessionStore);
      const language = inject(LanguageService);
      const socket = inject(GraphqlSocket);
      // AuthService itself uses Apollo: reach it when an operation runs, not while Apollo is built.
      const injector = inject(Injector);
      const auth = createAuthLink({
        accessToken: () => session.accessToken(),
        language: () => language.locale(),
        recover: (rejectedToken) => injector.get(AuthService).recover(rejectedToken),
        expire: () => injector.get(AuthService).expire(),
      });
      const transport = ApolloLink.split(
        (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
        socket.link,
        inject(GRAPHQL_HTTP_LINK),
      );
      return {
        link: ApolloLink.from([auth, transport]),
        cache: new InMemoryCache({
          // Territories are identified by their HCP code, not an id.
          typePolicies: { Territory: { keyFields: ['code'] } },
        }),
      };
    }),
  ];
}
