import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { ApolloLink } from '@apollo/client/link';
import { Apollo } from 'apollo-angular';
import { OperationTypeNode } from 'graphql';
import { Observable, type Subscriber } from 'rxjs';
import type { NotificationItem } from '../lib/data-access/notifications.store';

/**
 * Stands in for the graphql-ws socket in tests: subscriptions reach this link instead of the
 * network, and the test pushes notifications or ends the feed as the api would. Queries and
 * mutations still go to the FakeApi.
 */
export class FakeNotificationFeed {
  private readonly subscribers = new Set<Subscriber<ApolloLink.Result>>();
  /** How many times a subscription was started. */
  started = 0;

  readonly link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((subscriber) => {
        if (operation.operationName !== 'NotificationAdded') {
          subscriber.error(new Error(`Unexpected subscription ${operation.operationName}`));
          return undefined;
        }
        this.started++;
        this.subscribers.add(subscriber);
        return () => this.subscribers.delete(subscriber);
      }),
  );

  /** Subscriptions open right now. */
  get listening(): number {
    return this.subscribers.size;
  }

  push(notification: NotificationItem): void {
    for (const subscriber of [...this.subscribers])
      subscriber.next({ data: { notificationAdded: notification } });
  }

  /** The socket gave up: every subscription completes. */
  end(): void {
    for (const subscriber of [...this.subscribers]) subscriber.complete();
  }
}

/** Sends subscriptions to `feed`, everything else where it went before (the FakeApi). */
export function provideFakeNotificationFeed(feed: FakeNotificationFeed): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const client = inject(Apollo).client;
    const others = client.link;
    client.setLink(
      ApolloLink.split(
        (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
        feed.link,
        others,
      ),
    );
  });
}

let sequence = 0;

export function fakeNotification(overrides: Partial<NotificationItem> = {}): NotificationItem {
  sequence++;
  return {
    __typename: 'Notification',
    id: `notification-${sequence}`,
    type: 'QUESTION_ASKED',
    title: `Question sur Lakhyayta ${sequence}`,
    body: 'Nadia Bennani pose une question formelle.',
    subjectType: 'PROJECT',
    subjectId: 'project-1',
    subjectTitle: 'Pôle urbain de Lakhyayta',
    readAt: null,
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  } as NotificationItem;
}
