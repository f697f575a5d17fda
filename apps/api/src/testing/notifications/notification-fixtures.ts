import { randomUUID } from 'node:crypto';
import type { DeliveryStatus } from '@convergence/server/notifications';
import { OrganizationEntity } from '@convergence/server/organizations';
import { OutboxEventEntity, publishEvent, type DomainEvent } from '@convergence/server/outbox';
import { TerritoryEntity } from '@convergence/server/territories';
import { UserEntity } from '@convergence/server/users';
import type {
  DeliveryMode,
  Locale,
  NotificationChannel,
  NotificationType,
  OrganizationKind,
  Role,
  SubjectType,
} from '@convergence/shared/domain';
import { In, type DataSource } from 'typeorm';
import { createProjectFixture } from '../project-fixtures';

let sequence = 0;
const next = () => `${process.pid}-${++sequence}`;

/** An organisation of its own, its scope columns taken from its territory (none: national). */
export async function createOrganization(
  dataSource: DataSource,
  kind: OrganizationKind,
  territoryCode: string | null,
): Promise<string> {
  const territory = territoryCode
    ? await dataSource.getRepository(TerritoryEntity).findOneByOrFail({ code: territoryCode })
    : null;
  const { identifiers } = await dataSource.getRepository(OrganizationEntity).insert({
    name: `${kind} ${territoryCode ?? 'national'} ${next()}`,
    kind,
    territoryCode,
    regionCode: territory?.regionCode ?? null,
    provinceCode: territory?.provinceCode ?? null,
  });
  return identifiers[0]['id'] as string;
}

export interface Person {
  id: string;
  email: string;
  locale: Locale;
}

/** A user who never signs in (the worker only needs the row): no password hashing, so it is quick. */
export async function createPerson(
  dataSource: DataSource,
  organizationId: string,
  role: Role,
  { locale = 'fr', active = true }: { locale?: Locale; active?: boolean } = {},
): Promise<Person> {
  const email = `person.${next()}@notifications.convergence.test`;
  const { identifiers } = await dataSource.getRepository(UserEntity).insert({
    email,
    passwordHash: 'not-a-password-hash',
    displayName: `Personne ${sequence}`,
    role,
    locale,
    organizationId,
    active,
  });
  return { id: identifiers[0]['id'] as string, email, locale };
}

/** A WORKS project in Casablanca (region 06) led by `leadOrganizationId`. */
export async function createCasablancaProject(
  dataSource: DataSource,
  leadOrganizationId: string,
): Promise<{ id: string; title: string }> {
  const lead = await dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: leadOrganizationId });
  const project = await createProjectFixture(dataSource, { lead: lead.name, codePrefix: 'NTF' });
  return { id: project.id, title: `${project.code} — ${project.title}` };
}

export async function setFollowing(
  dataSource: DataSource,
  userId: string,
  subjectType: SubjectType,
  subjectId: string,
  following: boolean,
): Promise<void> {
  await dataSource.query(
    `INSERT INTO follow (user_id, subject_type, subject_id, following) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, subject_type, subject_id) DO UPDATE SET following = EXCLUDED.following`,
    [userId, subjectType, subjectId, following],
  );
}

export async function setMode(
  dataSource: DataSource,
  userIds: string[],
  type: NotificationType,
  mode: DeliveryMode,
  channel: NotificationChannel = 'EMAIL',
): Promise<void> {
  await dataSource.query(
    `INSERT INTO notification_preference (user_id, type, channel, mode)
     SELECT id, $2, $4, $3 FROM unnest($1::uuid[]) AS id`,
    [userIds, type, mode, channel],
  );
}

export interface NotificationRow {
  userId: string;
  type: NotificationType;
  subjectType?: SubjectType;
  subjectId: string;
  payload?: Record<string, unknown>;
  /** Minutes before now (default 0): gives the rows a known order. */
  minutesAgo?: number;
  read?: boolean;
  /** Its e-mail delivery, when it has one. */
  delivery?: EmailDeliveryRow;
}

/** A notification's e-mail delivery, as the fan-out writes it (PENDING) or as a worker left it. */
export interface EmailDeliveryRow {
  mode: Exclude<DeliveryMode, 'OFF'>;
  status?: DeliveryStatus;
  attempts?: number;
  /** Claimed by a worker this many seconds ago; absent: not claimed. */
  claimedSecondsAgo?: number;
}

/**
 * Notification rows written straight into the table, as the worker's fan-out would (each from an
 * event of its own), with their e-mail delivery when one is given; returns their ids in the order given.
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
    if (row.delivery) {
      const { mode, status = 'PENDING', attempts = 0, claimedSecondsAgo } = row.delivery;
      await dataSource.query(
        `INSERT INTO notification_delivery (notification_id, channel, mode, status, attempts, claimed_at)
         VALUES ($1, 'EMAIL', $2, $3, $4, now() - make_interval(secs => $5::double precision))`,
        [id, mode, status, attempts, claimedSecondsAgo ?? null],
      );
    }
    ids.push(id);
  }
  return ids;
}

/**
 * Each event written as a writer does, in a transaction of its own, and its id. A unique dedupe key
 * per event lets the test find the ids back.
 */
export async function publishEvents(
  dataSource: DataSource,
  events: Omit<DomainEvent, 'dedupeKey'>[],
): Promise<string[]> {
  const keys: string[] = [];
  for (const event of events) {
    const dedupeKey = `test-${randomUUID()}`;
    await dataSource.transaction((manager) => publishEvent(manager, { ...event, dedupeKey }));
    keys.push(dedupeKey);
  }
  const rows = await dataSource.getRepository(OutboxEventEntity).findBy({ dedupeKey: In(keys) });
  const idOf = new Map(rows.map((row) => [row.dedupeKey, row.id]));
  return keys.map((key) => idOf.get(key) as string);
}

export interface DeliveryState {
  userId: string;
  notificationId: string;
  mode: string;
  status: string;
  attempts: number;
  messageId: string | null;
}

/** The notifications of some events, with their e-mail delivery when there is one. */
export async function notificationsOf(dataSource: DataSource, eventIds: string[]): Promise<DeliveryState[]> {
  return dataSource.query(
    `SELECT n.user_id AS "userId", n.id AS "notificationId", d.mode, d.status, d.attempts,
            d.message_id AS "messageId"
       FROM notification n LEFT JOIN notification_delivery d ON d.notification_id = n.id
      WHERE n.event_id = ANY($1::uuid[])
      ORDER BY n.created_at, n.id`,
    [eventIds],
  );
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs` with `what`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
