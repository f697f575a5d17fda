import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, type Job } from 'bullmq';
import { SubjectRegistry } from '@convergence/server/audit';
import { APP_CONFIG, type AppConfig } from '@convergence/server/core';
import type { Locale, NotificationType, SubjectType } from '@convergence/shared/domain';
import type { DataSource } from 'typeorm';
import { preferencesLink, subjectLink } from '../email/links';
import { MailerService } from '../email/mailer.service';
import { renderNotificationEmail } from '../email/render-email';
import { notificationText } from '../messages/notification-messages';
import type { DeliveryJobData } from './notification-jobs';

export type DeliveryOutcome = 'SENT' | 'ALREADY_HANDLED' | 'HELD_ELSEWHERE';

interface NotificationToSend {
  id: string;
  type: NotificationType;
  subjectType: SubjectType;
  subjectId: string;
  payload: Record<string, unknown>;
  email: string;
  displayName: string;
  locale: Locale;
}

/** The e-mail's Message-ID: the same for every attempt, so that a receiver can drop a repeat. */
export function notificationMessageId(notificationId: string): string {
  return `<${notificationId}@convergence>`;
}

/**
 * Sends the immediate e-mail of one notification, at most once per delivery row: the row is claimed
 * (PENDING → SENDING) by one conditional UPDATE before sending and marked SENT after, so a job run
 * twice (retried, re-queued, taken over from a stopped worker) finds it SENT and does nothing. A
 * claim left by a worker that stopped between claiming and marking is taken over once it is older
 * than `mailClaimSeconds`; meanwhile the job waits in the delayed set rather than giving up. A
 * failed send puts the row back to PENDING for the job's next attempt, and after the last one marks
 * it FAILED (a retry of the failed job from the dashboard claims it again).
 */
@Injectable()
export class EmailDelivery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly subjects: SubjectRegistry,
    private readonly mailer: MailerService,
  ) {}

  async deliver(job: Job<DeliveryJobData>, token: string | undefined): Promise<DeliveryOutcome> {
    const { notificationId } = job.data;
    const deliveryId = await this.claim(notificationId);
    if (!deliveryId) {
      const waitMs = await this.claimedElsewhereFor(notificationId);
      if (waitMs === null) return 'ALREADY_HANDLED';
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError(`e-mail of ${notificationId} is being sent by another worker`);
    }
    try {
      const messageId = notificationMessageId(notificationId);
      await this.send(await this.notification(notificationId), messageId);
      await this.dataSource.query(
        `UPDATE notification_delivery SET status = 'SENT', sent_at = now(), message_id = $2 WHERE id = $1`,
        [deliveryId, messageId],
      );
      return 'SENT';
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.dataSource.query(
        `UPDATE notification_delivery SET status = $2 WHERE id = $1 AND status = 'SENDING'`,
        [deliveryId, lastAttempt ? 'FAILED' : 'PENDING'],
      );
      throw error;
    }
  }

  /** The delivery row's id if this run may send it now, else null. */
  private async claim(notificationId: string): Promise<string | null> {
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE notification_delivery
          SET status = 'SENDING', claimed_at = now(), attempts = attempts + 1
        WHERE notification_id = $1 AND channel = 'EMAIL' AND mode = 'IMMEDIATE'
          AND (status IN ('PENDING', 'FAILED')
               OR (status = 'SENDING' AND claimed_at < now() - make_interval(secs => $2)))
        RETURNING id`,
      [notificationId, this.config.mailClaimSeconds],
    );
    return rows[0]?.id ?? null;
  }

  /** Milliseconds until another worker's claim may be taken over; null when nobody holds it. */
  private async claimedElsewhereFor(notificationId: string): Promise<number | null> {
    const rows: { waitMs: number }[] = await this.dataSource.query(
      `SELECT GREATEST(0, EXTRACT(EPOCH FROM claimed_at + make_interval(secs => $2) - now()) * 1000)::int
              + 100 AS "waitMs"
         FROM notification_delivery
        WHERE notification_id = $1 AND channel = 'EMAIL' AND mode = 'IMMEDIATE' AND status = 'SENDING'`,
      [notificationId, this.config.mailClaimSeconds],
    );
    return rows[0]?.waitMs ?? null;
  }

  private async notification(notificationId: string): Promise<NotificationToSend> {
    const [row]: NotificationToSend[] = await this.dataSource.query(
      `SELECT n.id, n.type, n.subject_type AS "subjectType", n.subject_id AS "subjectId", n.payload,
              u.email, u.display_name AS "displayName", u.locale
         FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE n.id = $1`,
      [notificationId],
    );
    if (!row) throw new Error(`notification ${notificationId} not found`);
    return row;
  }

  private async send(notification: NotificationToSend, messageId: string): Promise<void> {
    const { locale, payload } = notification;
    const subjectTitle =
      typeof payload['subjectTitle'] === 'string'
        ? payload['subjectTitle']
        : ((await this.subjects.facts(notification.subjectType, notification.subjectId))?.title ?? '');
    const { title, body } = notificationText(notification.type, payload, subjectTitle, locale);
    const email = renderNotificationEmail({
      recipientName: notification.displayName,
      locale,
      type: notification.type,
      title,
      body,
      subjectTitle,
      link: subjectLink(this.config.publicUrl, notification.subjectType, notification.subjectId),
      preferencesUrl: preferencesLink(this.config.publicUrl),
    });
    await this.mailer.send({ to: notification.email, ...email, messageId, locale });
  }
}
