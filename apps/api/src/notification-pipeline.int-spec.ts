import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notificationText } from '@convergence/server/notifications';
import type { DomainEvent } from '@convergence/server/outbox';
import type { NotificationType } from '@convergence/shared/domain';
import { DataSource } from 'typeorm';
import { listenToLiveNotifications, type LiveListener } from './testing/notifications/live-messages';
import {
  createCasablancaProject,
  createOrganization,
  createPerson,
  eventually,
  notificationsOf,
  publishEvents,
  setMode,
  setFollowing,
  type DeliveryState,
  type Person,
} from './testing/notifications/notification-fixtures';
import { startSmtpSink, type SmtpSink } from './testing/notifications/smtp-sink';
import {
  dropQueueKeys,
  startTestWorker,
  TEST_PUBLIC_URL,
  uniqueQueuePrefix,
  type TestWorker,
} from './testing/notifications/test-worker';
import { startTestApi, type TestApi } from './testing/test-api';

const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Outbox → relay → BullMQ → fan-out → notification rows, live messages and e-mails, with the real
 * worker module in this process, PostgreSQL, Redis and an SMTP server started here.
 */
describe('notification pipeline', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let smtp: SmtpSink;
  let worker: TestWorker;
  let live: LiveListener;
  const queuePrefix = uniqueQueuePrefix('pipeline');

  let project: { id: string; title: string };
  /** The Casablanca-Settat council's elected official who makes the changes. */
  let actor: Person;
  /** Users of the project's lead organisation: they follow it without asking. */
  let manager: Person;
  let arabicColleague: Person;
  let dailyColleague: Person;
  let noEmailColleague: Person;
  /** Turned this type off in the app but wants it by e-mail. */
  let emailOnlyColleague: Person;
  /** Turned it off everywhere. */
  let quietColleague: Person;
  let unfollower: Person;
  let inactive: Person;
  /** A ministry official following it explicitly (and reading everything). */
  let englishOfficial: Person;
  /** Marrakech-Safi's elected official, with an explicit follow row on a Casablanca project. */
  let outsider: Person;

  beforeAll(async () => {
    [api, smtp, live] = await Promise.all([
      startTestApi(),
      startSmtpSink(),
      listenToLiveNotifications(REDIS_URL),
    ]);
    dataSource = api.app.get(DataSource);
    const sao = await createOrganization(dataSource, 'AL_OMRANE_SUBSIDIARY', '06');
    const regionCS = await createOrganization(dataSource, 'REGIONAL_COUNCIL', '06');
    const regionMS = await createOrganization(dataSource, 'REGIONAL_COUNCIL', '07');
    const ministry = await createOrganization(dataSource, 'MINISTRY', null);
    project = await createCasablancaProject(dataSource, sao);

    actor = await createPerson(dataSource, regionCS, 'ELECTED_OFFICIAL');
    manager = await createPerson(dataSource, sao, 'SUBSIDIARY_MANAGER');
    arabicColleague = await createPerson(dataSource, sao, 'SUBSIDIARY_MANAGER', { locale: 'ar' });
    dailyColleague = await createPerson(dataSource, sao, 'SUBSIDIARY_MANAGER');
    noEmailColleague = await createPerson(dataSource, sao, 'SUBSIDIARY_MANAGER');
    emailOnlyColleague = await createPerson(dataSource, sao, 'SUBSIDIARY_MANAGER');
    quietColleague = await createPerson(dataSource, sao, 'SUBSIDIARY_MANAGER');
    unfollower = await createPerson(dataSource, sao, 'SUBSIDIARY_MANAGER');
    inactive = await createPerson(dataSource, sao, 'SUBSIDIARY_MANAGER', { active: false });
    englishOfficial = await createPerson(dataSource, ministry, 'MINISTRY_OFFICIAL', { locale: 'en' });
    outsider = await createPerson(dataSource, regionMS, 'ELECTED_OFFICIAL', { locale: 'ar' });

    for (const person of [actor, englishOfficial, outsider])
      await setFollowing(dataSource, person.id, 'PROJECT', project.id, true);
    await setFollowing(dataSource, unfollower.id, 'PROJECT', project.id, false);
    const immediate = [
      manager,
      arabicColleague,
      englishOfficial,
      emailOnlyColleague,
      outsider,
      unfollower,
      inactive,
    ];
    await setMode(dataSource, ids(immediate), 'PROJECT_STATUS_CHANGED', 'IMMEDIATE');
    await setMode(dataSource, ids([noEmailColleague, quietColleague]), 'PROJECT_STATUS_CHANGED', 'OFF');
    const offInApp = ids([emailOnlyColleague, quietColleague]);
    await setMode(dataSource, offInApp, 'PROJECT_STATUS_CHANGED', 'OFF', 'IN_APP');

    worker = await startTestWorker({ databaseUrl: api.databaseUrl, queuePrefix, smtpUrl: smtp.url });
  });

  afterAll(async () => {
    await worker?.close();
    live?.close();
    await smtp?.close();
    await api?.close();
    await dropQueueKeys(REDIS_URL, queuePrefix);
  });

  const ids = (people: Person[]) => people.map((person) => person.id);
  /** The active users of the lead organisation. */
  const saoUsers = () => [
    manager,
    arabicColleague,
    dailyColleague,
    noEmailColleague,
    emailOnlyColleague,
    quietColleague,
    unfollower,
  ];
  const sorted = (values: string[]) => [...values].sort();

  /** Publishes one event as a writer would, and waits until every immediate e-mail of it is sent. */
  async function fanOut(
    event: Omit<DomainEvent, 'dedupeKey'>,
    expectedCount: number,
  ): Promise<DeliveryState[]> {
    const [eventId] = await publishEvents(dataSource, [event]);
    return eventually(
      `${expectedCount} notification(s) of ${event.type}, immediate e-mails sent`,
      async () => {
        const rows = await notificationsOf(dataSource, [eventId]);
        const settled = rows.every((row) => row.mode !== 'IMMEDIATE' || row.status === 'SENT');
        return rows.length === expectedCount && settled ? rows : undefined;
      },
    );
  }

  describe('a project status change', () => {
    const payload = { subjectTitle: '', from: 'STUDIES', to: 'WORKS' };
    let rows: DeliveryState[];

    beforeAll(async () => {
      payload.subjectTitle = project.title;
      rows = await fanOut(
        {
          type: 'PROJECT_STATUS_CHANGED',
          subjectType: 'PROJECT',
          subjectId: project.id,
          actorUserId: actor.id,
          payload,
        },
        6,
      );
    });

    it('notifies each active follower who may read the project once — not the actor, not who unfollowed, not the Marrakech-Safi user', () => {
      expect(sorted(rows.map((row) => row.userId))).toEqual(
        sorted(
          ids([
            manager,
            arabicColleague,
            dailyColleague,
            noEmailColleague,
            emailOnlyColleague,
            englishOfficial,
          ]),
        ),
      );
      for (const excluded of [actor, unfollower, inactive, outsider, quietColleague]) {
        expect(rows.some((row) => row.userId === excluded.id)).toBe(false);
      }
    });

    it('queues e-mail per preference: immediate ones sent, the daily digest one pending, none when off', () => {
      const byUser = new Map(rows.map((row) => [row.userId, row]));
      for (const person of [manager, arabicColleague, englishOfficial, emailOnlyColleague]) {
        const row = byUser.get(person.id);
        expect(row).toMatchObject({ mode: 'IMMEDIATE', status: 'SENT', attempts: 1 });
        expect(row?.messageId).toBe(`<${row?.notificationId}@convergence>`);
      }
      // PROJECT_STATUS_CHANGED goes to the daily digest by default.
      expect(byUser.get(dailyColleague.id)).toMatchObject({ mode: 'DAILY', status: 'PENDING' });
      expect(byUser.get(noEmailColleague.id)).toMatchObject({ mode: null, status: null });
    });

    it('announces each notification live on Redis once, to its user only, unless they turned the app off for it', async () => {
      const inApp = rows.filter((row) => row.userId !== emailOnlyColleague.id);
      const notificationIds = new Set(rows.map((row) => row.notificationId));
      const heard = await eventually('the live messages', async () => {
        const mine = live.messages.filter((message) => notificationIds.has(message.notificationId));
        return mine.length >= inApp.length ? mine : undefined;
      });
      expect(heard).toHaveLength(inApp.length);
      expect(sorted(heard.map((message) => `${message.userId}/${message.notificationId}`))).toEqual(
        sorted(inApp.map((row) => `${row.userId}/${row.notificationId}`)),
      );
      for (const silent of [outsider, emailOnlyColleague]) {
        expect(live.messages.some((message) => message.userId === silent.id)).toBe(false);
      }
      // Its row records the e-mail, born read so that the bell does not count it.
      const [{ unread }] = await dataSource.query(
        'SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL',
        [emailOnlyColleague.id],
      );
      expect(unread).toBe(0);
    });

    it('e-mails each immediate recipient once, in their language, with a link to the project', () => {
      const sent = rows.filter((row) => row.status === 'SENT');
      const mails = smtp.withMessageIds(sent.map((row) => row.messageId as string));
      expect(mails).toHaveLength(4);
      const link = `${TEST_PUBLIC_URL}/projects/${project.id}`;
      for (const person of [manager, arabicColleague, englishOfficial]) {
        const row = sent.find((candidate) => candidate.userId === person.id);
        const mail = mails.find((candidate) => candidate.messageId === row?.messageId);
        const expected = notificationText('PROJECT_STATUS_CHANGED', payload, project.title, person.locale);
        expect(mail?.to).toContain(person.email);
        expect(mail?.headers['content-language']).toBe(person.locale);
        expect(mail?.subject).toContain(expected.title);
        expect(mail?.text).toContain(expected.body);
        expect(mail?.text).toContain(link);
        expect(mail?.html).toContain(`href="${link}"`);
        expect(mail?.html).toContain(
          `lang="${person.locale}" dir="${person.locale === 'ar' ? 'rtl' : 'ltr'}"`,
        );
      }
      // The three languages really differ.
      expect(new Set(mails.map((mail) => mail.subject)).size).toBe(3);
      expect(mails.filter((mail) => mail.to.includes(emailOnlyColleague.email))).toHaveLength(1);
      expect(smtp.messages.some((mail) => mail.to.includes(outsider.email))).toBe(false);
    });
  });

  it('sends a mention at once to the mentioned reader, and nothing to a mentioned user outside the scope', async () => {
    const rows = await fanOut(
      {
        type: 'MENTION',
        subjectType: 'PROJECT',
        subjectId: project.id,
        actorUserId: actor.id,
        payload: {
          subjectTitle: project.title,
          mentionUserIds: [manager.id, outsider.id],
          excerpt: 'Bonjour',
        },
      },
      1,
    );
    expect(rows).toEqual([
      expect.objectContaining({ userId: manager.id, mode: 'IMMEDIATE', status: 'SENT' }),
    ]);
    expect(smtp.withMessageIds([rows[0].messageId as string])).toHaveLength(1);
  });

  it.each<[NotificationType, Record<string, unknown>, () => Person[]]>([
    // The lead organisation answers a formal question; its users, whatever their role.
    ['QUESTION_ASKED', {}, () => saoUsers()],
    // A stale project: the lead organisation's managers (the scan has no actor).
    ['PROJECT_STALE', {}, () => saoUsers()],
    // An unanswered question: the lead organisation and the one who asked.
    ['QUESTION_UNANSWERED', { authorUserId: 'actor' }, () => [...saoUsers(), actor]],
    // Escalations go to the ministry's officials.
    ['COMMITMENT_ESCALATED', {}, () => [englishOfficial]],
    // A reply: the author of the comment replied to.
    ['COMMENT_REPLY', { parentAuthorUserId: 'manager' }, () => [manager]],
  ])('%s reaches its audience', async (type, extra, audience) => {
    const people: Record<string, Person> = { actor, manager };
    const payload = Object.fromEntries(
      Object.entries(extra).map(([key, name]) => [key, people[name as string].id]),
    );
    const scanned =
      type === 'PROJECT_STALE' || type === 'QUESTION_UNANSWERED' || type === 'COMMITMENT_ESCALATED';
    const rows = await fanOut(
      {
        type,
        subjectType: 'PROJECT',
        subjectId: project.id,
        actorUserId: scanned ? null : englishOfficial.id,
        payload: { subjectTitle: project.title, ...payload },
      },
      audience().length,
    );
    expect(sorted(rows.map((row) => row.userId))).toEqual(sorted(ids(audience())));
  });

  it('tells followers of a new comment, except the people it mentions or answers, who hear of it by their own message', async () => {
    const [parent] = await dataSource.query(
      `INSERT INTO comment (subject_type, subject_id, author_user_id, body, version)
       VALUES ('PROJECT', $1, $2, 'Question', 1) RETURNING id`,
      [project.id, arabicColleague.id],
    );
    const [comment] = await dataSource.query(
      `INSERT INTO comment (subject_type, subject_id, parent_id, author_user_id, body, mention_user_ids, version)
       VALUES ('PROJECT', $1, $2, $3, 'Réponse', $4, 1) RETURNING id`,
      [project.id, parent.id, actor.id, [manager.id]],
    );
    const rows = await fanOut(
      {
        type: 'COMMENT_ADDED',
        subjectType: 'PROJECT',
        subjectId: project.id,
        actorUserId: actor.id,
        payload: {
          subjectTitle: project.title,
          commentId: comment.id,
          parentId: parent.id,
          excerpt: 'Réponse',
        },
      },
      5,
    );
    expect(sorted(rows.map((row) => row.userId))).toEqual(
      sorted(ids([dailyColleague, noEmailColleague, emailOnlyColleague, quietColleague, englishOfficial])),
    );
  });

  it('writes e-mails as .eml files under DATA_DIR/mail when no SMTP server is configured', async () => {
    await worker.close();
    const dataDir = mkdtempSync(join(tmpdir(), 'convergence-mail-'));
    worker = await startTestWorker({ databaseUrl: api.databaseUrl, queuePrefix, dataDir });
    const before = smtp.messages.length;
    const [row] = await fanOut(
      {
        type: 'MENTION',
        subjectType: 'PROJECT',
        subjectId: project.id,
        actorUserId: actor.id,
        payload: { subjectTitle: project.title, mentionUserIds: [englishOfficial.id], excerpt: 'See' },
      },
      1,
    );
    const directory = join(dataDir, 'mail');
    const files = readdirSync(directory).map((file) => readFileSync(join(directory, file), 'utf8'));
    expect(files).toHaveLength(1);
    expect(files[0]).toContain(`Message-ID: ${row.messageId}`);
    expect(files[0]).toContain(`To: ${englishOfficial.email}`);
    expect(smtp.messages.length).toBe(before);
  });
});
