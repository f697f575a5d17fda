import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RedisService } from '@convergence/server/core';
import { NOTIFICATION_CHANNEL, OutboxEventEntity } from '@convergence/server/outbox';
import { defaultDeliveryMode, type DeliveryMode, type NotificationType } from '@convergence/shared/domain';
import type { DataSource } from 'typeorm';
import { RecipientFinder, type Recipient } from '../recipients/recipient-finder';
import type { NotificationAddedMessage } from '../api/notification-live-feed';
import { deliveryJobId } from './notification-jobs';
import { NotificationQueues } from './notification-queues';

export interface FanOutResult {
  /** Notifications created by this run (none when an earlier run of the same event made them). */
  created: number;
  /** Immediate e-mails handed to the delivery queue (again, if an earlier run was interrupted). */
  enqueued: number;
}

interface ChannelModes {
  inApp: DeliveryMode;
  email: DeliveryMode;
}

/**
 * Turns one outbox event into one notification per recipient, and their e-mail deliveries, in one
 * transaction; then, after the commit, announces the new ones live on Redis and queues the immediate
 * e-mails. Idempotent: a notification is unique per (user, event) and a delivery per (notification,
 * channel), so a retried or re-relayed event notifies nobody twice; and a run interrupted between the
 * commit and the queueing is completed by the next, which queues every immediate e-mail of the event
 * still pending (the delivery job id is unique per notification, so one already queued is not added
 * again).
 */
@Injectable()
export class EventFanOut {
  private readonly logger = new Logger(EventFanOut.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recipients: RecipientFinder,
    private readonly queues: NotificationQueues,
    private readonly redis: RedisService,
  ) {}

  async fanOut(eventId: string): Promise<FanOutResult> {
    const event = await this.dataSource.getRepository(OutboxEventEntity).findOneBy({ id: eventId });
    if (!event) return { created: 0, enqueued: 0 };
    // Read before the transaction: with the embedded database's single connection, a query on
    // another connection inside it would wait for it forever.
    const recipients = await this.recipients.recipientsOf(event);
    const modes = await this.channelModes(event.type, recipients);
    const wanted = recipients.filter(
      (r) => modes.get(r.id)?.inApp !== 'OFF' || modes.get(r.id)?.email !== 'OFF',
    );

    const created = await this.dataSource.transaction(async (manager) => {
      if (wanted.length === 0) return [];
      // Someone who turned this type off in the app but not by e-mail still gets the row the e-mail
      // is recorded against; it is born read, so the bell does not count it.
      const rows: { id: string; userId: string }[] = await manager.query(
        `INSERT INTO notification (user_id, event_id, type, subject_type, subject_id, payload, read_at)
         SELECT recipient, $1, $2, $3, $4, $5, CASE WHEN in_app THEN NULL ELSE now() END
           FROM unnest($6::uuid[], $7::boolean[]) AS t(recipient, in_app)
         ON CONFLICT (user_id, event_id) DO NOTHING
         RETURNING id, user_id AS "userId"`,
        [
          event.id,
          event.type,
          event.subjectType,
          event.subjectId,
          event.payload,
          wanted.map((r) => r.id),
          wanted.map((r) => modes.get(r.id)?.inApp !== 'OFF'),
        ],
      );
      const emailed = rows.filter((row) => modes.get(row.userId)?.email !== 'OFF');
      if (emailed.length > 0) {
        await manager.query(
          `INSERT INTO notification_delivery (notification_id, channel, mode)
           SELECT notification, 'EMAIL', mode FROM unnest($1::uuid[], $2::varchar[]) AS t(notification, mode)
           ON CONFLICT (notification_id, channel) DO NOTHING`,
          [emailed.map((row) => row.id), emailed.map((row) => modes.get(row.userId)?.email)],
        );
      }
      return rows;
    });

    await this.announce(created.filter((row) => modes.get(row.userId)?.inApp !== 'OFF'));
    const enqueued = await this.queueImmediateEmails(event.id);
    return { created: created.length, enqueued };
  }

  /** Each recipient's choice for this type, in-app and by e-mail (`defaultDeliveryMode` without one). */
  private async channelModes(
    type: NotificationType,
    recipients: Recipient[],
  ): Promise<Map<string, ChannelModes>> {
    const chosen: { userId: string; channel: 'IN_APP' | 'EMAIL'; mode: DeliveryMode }[] = recipients.length
      ? await this.dataSource.query(
          `SELECT user_id AS "userId", channel, mode FROM notification_preference
            WHERE type = $1 AND user_id = ANY($2::uuid[])`,
          [type, recipients.map((r) => r.id)],
        )
      : [];
    const modes = new Map<string, ChannelModes>(
      recipients.map((r) => [
        r.id,
        { inApp: defaultDeliveryMode(type, 'IN_APP'), email: defaultDeliveryMode(type, 'EMAIL') },
      ]),
    );
    for (const { userId, channel, mode } of chosen) {
      const current = modes.get(userId);
      if (current) modes.set(userId, { ...current, [channel === 'IN_APP' ? 'inApp' : 'email']: mode });
    }
    return modes;
  }

  /**
   * The live push (the api relays it to the user's open sessions). Best effort: if Redis is away the
   * notification is still in the list and the unread count, so a lost push is not worth a retry
   * that would push the others twice.
   */
  private async announce(rows: { id: string; userId: string }[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      const pipeline = this.redis.client.pipeline();
      for (const { id, userId } of rows) {
        const message: NotificationAddedMessage = { userId, notificationId: id };
        pipeline.publish(NOTIFICATION_CHANNEL, JSON.stringify(message));
      }
      await pipeline.exec();
    } catch (error) {
      this.logger.warn(`live notifications not pushed: ${(error as Error).message}`);
    }
  }

  private async queueImmediateEmails(eventId: string): Promise<number> {
    const pending: { id: string }[] = await this.dataSource.query(
      `SELECT n.id FROM notification n
         JOIN notification_delivery d ON d.notification_id = n.id
        WHERE n.event_id = $1 AND d.channel = 'EMAIL' AND d.mode = 'IMMEDIATE' AND d.status = 'PENDING'`,
      [eventId],
    );
    if (pending.length === 0) return 0;
    await this.queues.deliveries.addBulk(
      pending.map(({ id }) => ({
        name: 'email',
        data: { notificationId: id },
        opts: { jobId: deliveryJobId(id) },
      })),
    );
    return pending.length;
  }
}
