import { randomUUID } from 'node:crypto';
import type { NotificationType, SubjectType } from '@convergence/shared/domain';
import type { DataSource } from 'typeorm';

export interface NotificationRow {
  userId: string;
  type: NotificationType;
  subjectType?: SubjectType;
  subjectId: string;
  payload?: Record<string, unknown>;
  /** Minutes before now (default 0): gives the rows a known order. */
  minutesAgo?: number;
  read?: boolean;
}

/**
 * Notification rows written straight into the table, as the worker's fan-out would (each from an
 * event of its own); returns their ids in the order given.
 */
export async function insertNotifications(
  dataSource: DataSource,
  rows: NotificationRow[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const row of rows) {
    const [{ id }] = (await dataSource.query(
      `INSERT INTO notification (user_id, event_id, type, subject_type, subject_id, payload, created_at, read_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(mins => $7), CASE WHEN $8 THEN now() END)
       RETURNING id`,
      [
        row.userId,
        randomUUID(),
        row.type,
        row.subjectType ?? 'PROJECT',
        row.subjectId,
        JSON.stringify(row.payload ?? {}),
        row.minutesAgo ?? 0,
        row.read ?? false,
      ],
    )) as { id: string }[];
    ids.push(id);
  }
  return ids;
}
