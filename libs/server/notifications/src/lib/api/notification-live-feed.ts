import { Injectable, Logger } from '@nestjs/common';
import { SubjectRegistry } from '@convergence/server/audit';
import { NOTIFICATION_CHANNEL } from '@convergence/server/outbox';
import type { AppAbility } from '@convergence/shared/domain';
import { isUUID } from 'class-validator';
import { filterMapAsync } from './async-iterators';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationPubSub } from './notification-pubsub';
import { toNotificationModel, type NotificationModel } from './notification.model';

/** What the worker publishes on `NOTIFICATION_CHANNEL` once a notification row is committed. */
export interface NotificationAddedMessage {
  userId: string;
  notificationId: string;
}

function isMessageFor(message: unknown, userId: string): message is NotificationAddedMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { userId: recipient, notificationId } = message as Record<string, unknown>;
  return recipient === userId && typeof notificationId === 'string' && isUUID(notificationId, 'all');
}

/**
 * A signed-in user's live notifications. Every api instance hears every message; each subscription
 * keeps only its user's, then reads the row (it must be that user's) and checks again that the user
 * may still read its subject: a notification about something now out of their scope is not shown.
 */
@Injectable()
export class NotificationLiveFeed {
  private readonly logger = new Logger(NotificationLiveFeed.name);

  constructor(
    private readonly pubsub: NotificationPubSub,
    private readonly inbox: NotificationInboxService,
    private readonly subjects: SubjectRegistry,
  ) {}

  of(userId: string, ability: AppAbility): AsyncIterableIterator<NotificationModel> {
    const messages = this.pubsub.engine.asyncIterator<unknown>(NOTIFICATION_CHANNEL);
    return filterMapAsync(messages, async (message) => {
      if (!isMessageFor(message, userId)) return null;
      try {
        return await this.readable(userId, message.notificationId, ability);
      } catch (error) {
        // The notification stays in the list; one lost live message must not end the subscription.
        this.logger.warn(`Live notification ${message.notificationId} skipped: ${(error as Error).message}`);
        return null;
      }
    });
  }

  private async readable(userId: string, id: string, ability: AppAbility): Promise<NotificationModel | null> {
    const row = await this.inbox.findOwn(userId, id);
    if (!row || !(await this.subjects.canRead(ability, row.subjectType, row.subjectId))) return null;
    return toNotificationModel(row);
  }
}
