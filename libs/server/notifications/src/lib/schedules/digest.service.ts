import { Inject, Injectable, Logger } from '@nestjs/common';
import { SubjectRegistry } from '@convergence/server/audit';
import { commitmentLateSql } from '@convergence/server/commitments';
import { APP_CONFIG, todayInMorocco, type AppConfig } from '@convergence/server/core';
import {
  DEFAULT_LOCALE,
  RED_LIST_AFTER_DAYS,
  isLocale,
  type Locale,
  type NotificationType,
  type SubjectType,
} from '@convergence/shared/domain';
import { DataSource } from 'typeorm';
import { preferencesLink, subjectLink } from '../email/links';
import { MailerService } from '../email/mailer.service';
import { renderDigestEmail, type DigestGroup, type RedListEntry } from '../email/render-email';
import { notificationText } from '../messages/notification-messages';
import { digestPeriodStart } from './digest-period';
import type { DigestMode } from './notification-digest.entity';

export interface DigestRunResult {
  /** Digests e-mailed by this run. */
  sent: number;
  /** Digests that could not be sent; their deliveries wait for the next run (the job is retried). */
  failed: number;
}

interface Recipient {
  id: string;
  email: string;
  display_name: string;
  locale: string;
  role: string;
}

interface ClaimedNotification {
  delivery_id: string;
  type: NotificationType;
  subject_type: SubjectType;
  subject_id: string;
  payload: Record<string, unknown>;
}

/** A commitment of the red list, as SQL gives it. */
interface RedListRow {
  id: string;
  title: string;
  organization_name: string;
  due_date: string;
  days_late: number;
}

/**
 * Daily and weekly digests (issue #4, point 6): for each user, one e-mail with the notifications
 * waiting for that digest, grouped by subject, in the user's language — and, in the weekly digest of
 * ministry officials, the red list of commitments more than RED_LIST_AFTER_DAYS days late.
 *
 * Sent once: a user's digest of a period is a `notification_digest` row inserted in the same
 * transaction that claims its deliveries (PENDING → SENDING, with the digest's message id); after the
 * e-mail is accepted both become SENT. If sending fails they are released (deliveries PENDING again,
 * digest row deleted) for the retried job; if the worker dies in between, the claim is taken over
 * after `mailClaimSeconds` and the e-mail goes again with the same Message-ID.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: MailerService,
    private readonly subjects: SubjectRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends the `mode` digests of the period containing `now` (Morocco's calendar) not sent yet. */
  async send(mode: DigestMode, now: Date = new Date()): Promise<DigestRunResult> {
    const today = todayInMorocco(now);
    const periodStart = digestPeriodStart(mode, today);
    await this.releaseStaleClaims(mode);
    const redList = mode === 'WEEKLY' ? await this.redList(today) : [];
    const recipients: Recipient[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name, u.locale, u.role
       FROM app_user u
       WHERE u.active
         AND NOT EXISTS (SELECT 1 FROM notification_digest g
                         WHERE g.user_id = u.id AND g.mode = $1 AND g.period_start = $2)
         AND (EXISTS (SELECT 1 FROM notification n JOIN notification_delivery d ON d.notification_id = n.id
                      WHERE n.user_id = u.id AND d.channel = 'EMAIL' AND d.mode = $1 AND d.status = 'PENDING'
                        AND n.created_at <= $3)
              OR ($4 AND u.role = 'MINISTRY_OFFICIAL'))
       ORDER BY u.id`,
      [mode, periodStart, now, redList.length > 0],
    );
    const result: DigestRunResult = { sent: 0, failed: 0 };
    for (const recipient of recipients) {
      const withRedList = recipient.role === 'MINISTRY_OFFICIAL' ? redList : [];
      try {
        if (await this.sendTo(recipient, mode, periodStart, now, withRedList)) result.sent += 1;
      } catch (error) {
        result.failed += 1;
        this.logger.error(`The ${mode} digest of user ${recipient.id} could not be sent: ${String(error)}`);
      }
    }
    this.logger.log(`${mode} digests of ${periodStart}: ${result.sent} sent, ${result.failed} failed`);
    return result;
  }

  /** False when there was nothing to send (or another run had already claimed this digest). */
  private async sendTo(
    recipient: Recipient,
    mode: DigestMode,
    periodStart: string,
    now: Date,
    redList: RedListRow[],
  ): Promise<boolean> {
    const messageId = `digest-${mode.toLowerCase()}-${periodStart}-${recipient.id}`;
    const claimed = await this.dataSource.transaction(async (manager) => {
      const digest: unknown[] = await manager.query(
        `INSERT INTO notification_digest (user_id, mode, period_start, message_id, status)
         VALUES ($1, $2, $3, $4, 'SENDING') ON CONFLICT DO NOTHING RETURNING user_id`,
        [recipient.id, mode, periodStart, messageId],
      );
      if (digest.length === 0) return null;
      const notifications: ClaimedNotification[] = await manager.query(
        `WITH claimed AS (
           UPDATE notification_delivery d
           SET status = 'SENDING', claimed_at = now(), attempts = d.attempts + 1, message_id = $4
           FROM notification n
           WHERE d.notification_id = n.id AND n.user_id = $1 AND d.channel = 'EMAIL' AND d.mode = $2
             AND d.status = 'PENDING' AND n.created_at <= $3
           RETURNING d.id AS delivery_id, n.type, n.subject_type, n.subject_id, n.payload, n.created_at, n.id
         )
         SELECT delivery_id, type, subject_type, subject_id, payload FROM claimed ORDER BY created_at, id`,
        [recipient.id, mode, now, messageId],
      );
      if (notifications.length === 0 && redList.length === 0) {
        await manager.query(
          `DELETE FROM notification_digest WHERE user_id = $1 AND mode = $2 AND period_start = $3`,
          [recipient.id, mode, periodStart],
        );
        return null;
      }
      return notifications;
    });
    if (!claimed) return false;

    try {
      const locale: Locale = isLocale(recipient.locale) ? recipient.locale : DEFAULT_LOCALE;
      const email = renderDigestEmail({
        recipientName: recipient.display_name,
        locale,
        mode,
        groups: await this.groupBySubject(claimed, locale),
        redList:
          redList.length > 0
            ? { afterDays: RED_LIST_AFTER_DAYS, entries: redList.map((row) => this.redListEntry(row)) }
            : undefined,
        preferencesUrl: preferencesLink(this.config.publicUrl),
      });
      await this.mailer.send({ to: recipient.email, ...email, messageId, locale });
    } catch (error) {
      await this.release([messageId]);
      throw error;
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE notification_delivery SET status = 'SENT', sent_at = now() WHERE id = ANY($1) AND status = 'SENDING'`,
        [claimed.map((notification) => notification.delivery_id)],
      );
      await manager.query(
        `UPDATE notification_digest SET status = 'SENT', sent_at = now()
         WHERE user_id = $1 AND mode = $2 AND period_start = $3`,
        [recipient.id, mode, periodStart],
      );
    });
    return true;
  }

  /** One group per subject, the most recently active first; lines in the order they happened. */
  private async groupBySubject(notifications: ClaimedNotification[], locale: Locale): Promise<DigestGroup[]> {
    // Walking back from the latest, a subject is met first at its latest activity.
    const bySubject = new Map<string, ClaimedNotification[]>();
    for (const notification of [...notifications].reverse()) {
      const key = `${notification.subject_type}/${notification.subject_id}`;
      bySubject.set(key, [notification, ...(bySubject.get(key) ?? [])]);
    }
    return Promise.all(
      [...bySubject.values()].map(async (group) => {
        const { subject_type: subjectType, subject_id: subjectId } = group[0];
        // As the immediate e-mails: the title the latest event carried, else the subject's own.
        const carried = group[group.length - 1].payload['subjectTitle'];
        const subjectTitle =
          typeof carried === 'string'
            ? carried
            : ((await this.subjects.facts(subjectType, subjectId))?.title ?? '');
        return {
          subjectTitle,
          link: subjectLink(this.config.publicUrl, subjectType, subjectId),
          lines: group.map((line) => notificationText(line.type, line.payload, subjectTitle, locale)),
        };
      }),
    );
  }

  /**
   * The ministry's red list on `today`: open commitments late by more than RED_LIST_AFTER_DAYS days
   * (the lists' `late`, further behind), the latest first. Ministry officials read every commitment.
   */
  private redList(today: string): Promise<RedListRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.title, o.name AS organization_name, c.due_date::text AS due_date,
              $1::date - c.due_date AS days_late
       FROM commitment c JOIN organization o ON o.id = c.organization_id
       WHERE ${commitmentLateSql('c', '$1::date')} AND c.due_date < $1::date - $2::int
       ORDER BY days_late DESC, c.title, c.id`,
      [today, RED_LIST_AFTER_DAYS],
    );
  }

  private redListEntry(row: RedListRow): RedListEntry {
    return {
      title: row.title,
      organizationName: row.organization_name,
      dueDate: row.due_date,
      daysLate: row.days_late,
      link: subjectLink(this.config.publicUrl, 'COMMITMENT', row.id),
    };
  }

  /** Digests left SENDING by a worker that died longer ago than a send can take are released. */
  private async releaseStaleClaims(mode: DigestMode): Promise<void> {
    const stale: { message_id: string }[] = await this.dataSource.query(
      `SELECT message_id FROM notification_digest
       WHERE mode = $1 AND status = 'SENDING' AND claimed_at < now() - make_interval(secs => $2)`,
      [mode, this.config.mailClaimSeconds],
    );
    if (stale.length > 0) await this.release(stale.map((row) => row.message_id));
  }

  /** Gives the deliveries of these digests back to the next digest, and forgets the digests. */
  private async release(messageIds: string[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE notification_delivery SET status = 'PENDING', claimed_at = NULL, message_id = NULL
         WHERE message_id = ANY($1) AND status = 'SENDING'`,
        [messageIds],
      );
      await manager.query(
        `DELETE FROM notification_digest WHERE message_id = ANY($1) AND status = 'SENDING'`,
        [messageIds],
      );
    });
  }
}
