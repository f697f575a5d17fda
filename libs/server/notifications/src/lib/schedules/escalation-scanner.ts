import { Injectable, Logger } from '@nestjs/common';
import { actionOverdueSql } from '@convergence/server/actions';
import { BUSINESS_TIME_ZONE, todayInMorocco } from '@convergence/server/core';
import { publishEvent } from '@convergence/server/outbox';
import {
  COMMITMENT_LADDER,
  OPEN_COMMITMENT_STATUSES,
  PROGRESS_REPORT_FRESHNESS_DAYS,
  type NotificationType,
  type SubjectType,
} from '@convergence/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** How many new outbox events one scan recorded, per kind of finding. */
export interface ScanResult {
  commitments: number;
  actions: number;
  projects: number;
  questions: number;
  forums: number;
}

/** One event a scan found due: a row of the finders' SQL below. */
interface Finding {
  type: NotificationType;
  subject_type: SubjectType;
  subject_id: string;
  dedupe_key: string;
  payload: Record<string, unknown>;
}

/** Forums are announced again this many days before they are held. */
export const FORUM_REMINDER_DAYS = 7;

/** The rung of the ladder in dedupe keys: `due-30`, `due-7`, `due-1`, `late-1`, `late-15`. */
export function ladderRungName(offsetDays: number): string {
  return offsetDays < 0 ? `due-${-offsetDays}` : `late-${offsetDays}`;
}

const OPEN_COMMITMENTS_SQL = OPEN_COMMITMENT_STATUSES.map((status) => `'${status}'`).join(', ');
const FIRST_RUNG_DAYS = -Math.min(...COMMITMENT_LADDER.map((rung) => rung.offsetDays));

/**
 * The commitment ladder (COMMITMENT_LADDER). For each audience, the highest rung the commitment has
 * reached on `today` — "on or after the rung's day, once": a worker that was down on the day still
 * sends it the next morning, and a commitment found already 200 days late tells its organisation
 * that it is overdue and the ministry that it is escalated, not also that it is due in 30 days.
 * The key holds the due date, so a moved due date starts the ladder again.
 */
const COMMITMENT_FINDINGS = `
  SELECT rung.type, 'COMMITMENT' AS subject_type, c.id AS subject_id,
         'commitment-' || rung.name || '-' || c.id || '-' || c.due_date::text AS dedupe_key,
         jsonb_build_object(
           'subjectTitle', c.title, 'dueDate', c.due_date::text, 'rungDays', abs(rung.offset_days),
           'organizationId', c.organization_id, 'organizationName', o.name,
           CASE WHEN rung.offset_days < 0 THEN 'daysLeft' ELSE 'daysLate' END, abs($1::date - c.due_date)
         ) AS payload
  FROM commitment c
  JOIN organization o ON o.id = c.organization_id
  CROSS JOIN LATERAL (
    SELECT DISTINCT ON (ladder.audience) ladder.*
    FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS ladder(offset_days, type, audience, name)
    WHERE c.due_date + ladder.offset_days <= $1::date
    ORDER BY ladder.audience, ladder.offset_days DESC
  ) rung
  WHERE c.status IN (${OPEN_COMMITMENTS_SQL}) AND c.due_date <= $1::date + ${FIRST_RUNG_DAYS}`;

/** Actions past their due date (the lists' `overdue`), once per action and due date. */
const ACTION_FINDINGS = `
  SELECT 'ACTION_OVERDUE' AS type, 'ACTION' AS subject_type, a.id AS subject_id,
         'action-overdue-' || a.id || '-' || a.due_date::text AS dedupe_key,
         jsonb_build_object(
           'subjectTitle', a.title, 'dueDate', a.due_date::text, 'daysLate', $1::date - a.due_date,
           'organizationId', a.responsible_organization_id, 'organizationName', o.name
         ) AS payload
  FROM action a
  JOIN organization o ON o.id = a.responsible_organization_id
  WHERE ${actionOverdueSql('a', '$1::date')}`;

/**
 * Projects with no progress report for more than PROGRESS_REPORT_FRESHNESS_DAYS days (the health
 * rule's "stale"), once per period of that many days: a project left stale is recalled every period,
 * and a new report starts the count again (the key holds the period's first day).
 */
const PROJECT_FINDINGS = `
  SELECT 'PROJECT_STALE' AS type, 'PROJECT' AS subject_type, p.id AS subject_id,
         'project-stale-' || p.id || '-' ||
           (stale.since + ($1::date - stale.since) / ${PROGRESS_REPORT_FRESHNESS_DAYS} * ${PROGRESS_REPORT_FRESHNESS_DAYS})::text
           AS dedupe_key,
         jsonb_build_object(
           'subjectTitle', p.title, 'daysSinceReport', $1::date - last.day,
           'lastReportedOn', CASE WHEN p.last_reported_at IS NULL THEN NULL ELSE last.day::text END,
           'organizationId', p.lead_organization_id
         ) AS payload
  FROM project p
  CROSS JOIN LATERAL (
    SELECT (COALESCE(p.last_reported_at, p.created_at) AT TIME ZONE '${BUSINESS_TIME_ZONE}')::date AS day
  ) last
  CROSS JOIN LATERAL (SELECT last.day + ${PROGRESS_REPORT_FRESHNESS_DAYS + 1} AS since) stale
  WHERE p.status NOT IN ('DELIVERED', 'CANCELLED') AND stale.since <= $1::date`;

/**
 * Formal questions still unanswered once their due day has passed, once per question. Their subject
 * is the one discussed; its title is read from whichever table holds it.
 */
const QUESTION_FINDINGS = `
  SELECT 'QUESTION_UNANSWERED' AS type, q.subject_type, q.subject_id,
         'question-unanswered-' || q.id AS dedupe_key,
         jsonb_build_object(
           'subjectTitle', COALESCE(p.title, c.title, a.title, f.title, v.title, ''),
           'commentId', q.id, 'authorUserId', q.author_user_id, 'excerpt', left(q.body, 200),
           'questionDueAt', q.question_due_at,
           'daysOpen', $1::date - (q.created_at AT TIME ZONE '${BUSINESS_TIME_ZONE}')::date
         ) AS payload
  FROM comment q
  LEFT JOIN project p ON q.subject_type = 'PROJECT' AND p.id = q.subject_id
  LEFT JOIN commitment c ON q.subject_type = 'COMMITMENT' AND c.id = q.subject_id
  LEFT JOIN action a ON q.subject_type = 'ACTION' AND a.id = q.subject_id
  LEFT JOIN forum f ON q.subject_type = 'FORUM' AND f.id = q.subject_id
  LEFT JOIN convention v ON q.subject_type = 'CONVENTION' AND v.id = q.subject_id
  WHERE q.is_question AND q.answered_at IS NULL AND q.deleted_at IS NULL
    AND q.question_due_at < $1::date::timestamp AT TIME ZONE '${BUSINESS_TIME_ZONE}'`;

/** Forums held within the next FORUM_REMINDER_DAYS days, once per forum and date. */
const FORUM_FINDINGS = `
  SELECT 'FORUM_REMINDER' AS type, 'FORUM' AS subject_type, f.id AS subject_id,
         'forum-reminder-' || f.id || '-' || f.held_on::text AS dedupe_key,
         jsonb_build_object(
           'subjectTitle', f.title, 'date', f.held_on::text, 'heldOn', f.held_on::text, 'place', f.place,
           'daysLeft', f.held_on - $1::date
         ) AS payload
  FROM forum f
  WHERE f.held_on BETWEEN $1::date AND $1::date + ${FORUM_REMINDER_DAYS}`;

/**
 * The scheduled scans of issue #4: the escalation ladder of commitments and the reminders (overdue
 * actions, stale projects, unanswered questions, coming forums). Each finding becomes an outbox event
 * with a dedupe key, so a scan run twice — the same day, by two workers, or at start-up after the
 * daily run — records each event once; the relay and the fan-out do the rest.
 */
@Injectable()
export class EscalationScanner {
  private readonly logger = new Logger(EscalationScanner.name);

  constructor(private readonly dataSource: DataSource) {}

  /** `today` is a calendar day in Morocco (YYYY-MM-DD); tests pass their own. */
  async scan(today: string = todayInMorocco()): Promise<ScanResult> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`scan needs a YYYY-MM-DD day, got "${today}"`);
    const ladder = [
      COMMITMENT_LADDER.map((rung) => rung.offsetDays),
      COMMITMENT_LADDER.map((rung) => rung.type),
      COMMITMENT_LADDER.map((rung) => rung.audience),
      COMMITMENT_LADDER.map((rung) => ladderRungName(rung.offsetDays)),
    ];
    const result = await this.dataSource.transaction(async (manager) => ({
      commitments: await this.record(manager, COMMITMENT_FINDINGS, [today, ...ladder]),
      actions: await this.record(manager, ACTION_FINDINGS, [today]),
      projects: await this.record(manager, PROJECT_FINDINGS, [today]),
      questions: await this.record(manager, QUESTION_FINDINGS, [today]),
      forums: await this.record(manager, FORUM_FINDINGS, [today]),
    }));
    this.logger.log(`Scan of ${today}: ${JSON.stringify(result)} new events`);
    return result;
  }

  /** Publishes the findings not recorded yet; the unique dedupe key settles any race with another scan. */
  private async record(manager: EntityManager, findings: string, parameters: unknown[]): Promise<number> {
    const rows: Finding[] = await manager.query(
      `SELECT found.* FROM (${findings}) found
       WHERE NOT EXISTS (SELECT 1 FROM outbox_event e WHERE e.dedupe_key = found.dedupe_key)
       ORDER BY found.dedupe_key`,
      parameters,
    );
    let recorded = 0;
    for (const row of rows) {
      const published = await publishEvent(manager, {
        type: row.type,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        actorUserId: null,
        payload: row.payload,
        dedupeKey: row.dedupe_key,
      });
      if (published) recorded += 1;
    }
    return recorded;
  }
}
