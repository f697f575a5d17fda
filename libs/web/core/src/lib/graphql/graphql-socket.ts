import { DOCUMENT, effect, inject, Injectable } from '@angular/core';
import { ApolloLink } from '@apollo/client/link';
import type { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import type { Client } from 'graphql-ws/client';
import { from, switchMap } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { LanguageService } from '../i18n/language.service';

/**
 * The graphql-ws transport for subscriptions, on the same /graphql path as HTTP.
 * Nothing is downloaded or connected until the first subscription; the socket authenticates with
 * `connectionParams.authorization` and is closed when the session ends. It also sends the UI language
 * (`connectionParams.acceptLanguage`: a browser sets the socket's own Accept-Language header from its
 * settings, not from the app's), and reconnects when the language changes so live texts follow it.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlSocket {
  private readonly session = inject(SessionStore);
  private readonly location = inject(DOCUMENT).location;
  private readonly language = inject(LanguageService);
  private connection: Promise<{ client: Client; link: GraphQLWsLink }> | null = null;

  readonly link = new ApolloLink((operation) =>
    from(this.connect()).pipe(switchMap(({ link }) => link.request(operation))),
  );

  constructor() {
    let connectedLocale = this.language.locale();
    effect(() => {
      const locale = this.language.locale();
      if (locale === connectedLocale) return;
      connectedLocale = locale;
      // Subscriptions end with the socket; their owners subscribe again in the new language.
      this.close();
    });
  }

  /** Closes the socket; the next subscription opens a new one with the then current token. */
  close(): void {
    const closing = this.connection;
    this.connection = null;
    void closing?.then(({ client }) => client.dispose());
  }

  private connect(): Promise<{ client: Client; link: GraphQLWsLink }> {
    this.connection ??= Promise.all([
      import('graphql-ws/client'),
      import('@apollo/client/link/subscriptions'),
    ]).then(([{ createClient }, subscriptions]) => {
      const client = createClient({
        url: socketUrl(this.location),
        lazy: true,
        connectionParams: () => {
          const token = this.session.accessToken();
          const acceptLanguage = this.language.locale();
          return token ? { authorization: `Bearer ${token}`, acceptLanguage } : { acceptLanguage };
        },
      });
      return { client, link: new subscriptions.GraphQLWsLink(client) };
    });
    return this.connection;
  }
}

export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}
