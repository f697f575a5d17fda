import { SessionService } from '@convergence/server/users';
import { Injectable, Logger } from '@nestjs/common';
import { SubjectRegistry } from '@convergence/server/audit';
import type { Actor } from '@convergence/server/core';
import { NOTIFICATION_CHANNEL } from '@convergence/server/outbox';
import { defineAbilityFor } from '@convergence/shared/domain';
import { isUUID } from 'class-validator';
import { endingAfter, filterMapAsync } from './async-iterators';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationPubSub } from './notification-pubsub';
import { toNotificationModel, type NotificationModel } from './notification.model';

/** What the worker publishes on `NOTIFICATION_CHANNEL` once a notification row is committed. */
export interface NotificationAddedMessage {
  userId: string;
  notificationId: string;
}

/** The feed's last word when the sign-in that opened it no longer holds (signed out, deactivated). */
export const SESSION_ENDED = Symbol('session ended');

/** What the feed yields: a notification to deliver, or `SESSION_ENDED` just before it ends. */
export type LiveNotification = NotificationModel | typeof SESSION_ENDED;

function isMessageFor(message: unknown, userId: string): message is NotificationAddedMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { userId: recipient, notificationId } = message as Record<string, unknown>;
  return recipient === userId && typeof notificationId === 'string' && isUUID(notificationId, 'all');
}

/**
 * A signed-in user's live notifications. Every api instance hears every message; each subscription
 * keeps only its user's. A socket outlives the moment it was authorised, so before delivering each
 * one the feed asks again, as every request does, whether that sign-in still holds (one indexed
 * query): once the user signed out or was deactivated (even if reactivated since) it yields
 * `SESSION_ENDED` and ends. Otherwise it reads the row (it must be that user's) and checks that the
 * user may read its subject with their permissions as they are now (role, organisation).
 */
@Injectable()
export class NotificationLiveFeed {
  private readonly logger = new Logger(NotificationLiveFeed.name);

  constructor(
    private readonly pubsub: NotificationPubSub,
    private readonly inbox: NotificationInboxService,
    private readonly subjects: SubjectRegistry,
    private readonly sessions: SessionService,
  ) {}

  of(subscriber: Pick<Actor, 'userId' | 'sessionId'>): AsyncIterableIterator<LiveNotification> {
    const messages = this.pubsub.engine.asyncIterator<unknown>(NOTIFICATION_CHANNEL);
    const live = filterMapAsync<unknown, LiveNotification>(messages, async (message) => {
      if (!isMessageFor(message, subscriber.userId)) return null;
      try {
        const actor = await this.sessions.current(subscriber);
        if (!actor) return SESSION_ENDED;
        return await this.readable(actor, message.notificationId);
      } catch (error) {
        // The notification stays in the list; one lost live message must not end the subscription
        // (nor may a database outage look like a sign-out).
        this.logger.warn(`Live notification ${message.notificationId} skipped: ${(error as Error).message}`);
        return null;
      }
    });
    return endingAfter(live, (value) => value === SESSION_ENDED);
  }

  private async readable(actor: Actor, id: string): Promise<NotificationModel | null> {
    const row = await this.inbox.findOwn(actor.userId, id);
    if (!row || !(await this.subjects.canRead(defineAbilityFor(actor), row.subjectType, row.subjectId)))
      return null;
    return toNotificationModel(row);
  }
}
