import { producerQueue } from '@convergence/server/core';
import { QUEUES, type DomainEvent } from '@convergence/server/outbox';
import { DataSource } from 'typeorm';
import { listenToLiveNotifications, type LiveListener } from './testing/notifications/live-messages';
import {
  createCasablancaProject,
  createOrganization,
  createPerson,
  eventually,
  insertNotifications,
  notificationsOf,
  publishEvents,
  setMode,
  setFollowing,
  type DeliveryState,
  type Person,
} from './testing/notifications/notification-fixtures';
import { startRedisProcess, type RedisProcess } from './testing/notifications/redis-process';
import { startSmtpSink, type SmtpSink } from './testing/notifications/smtp-sink';
import { startTestWorker, uniqueQueuePrefix, type TestWorker } from './testing/notifications/test-worker';
import { startTestApi, type TestApi } from './testing/test-api';

/**
 * The guarantees of issue #4, each on the real PostgreSQL, a Redis server of this file's own (killed
 * and restarted on purpose) and a real SMTP server: nothing lost, nothing sent twice, nothing to
 * someone outside the subject's scope.
 */
describe('notification guarantees', () => {
  let redis: RedisProcess;
  let api: TestApi;
  let dataSource: DataSource;
  let smtp: SmtpSink;
  let live: LiveListener;
  let worker: TestWorker;
  const queuePrefix = uniqueQueuePrefix('guarantees');

  let project: { id: string; title: string };
  let actor: Person;
  /** Two users of the lead organisation, who want progress reports e-mailed at once. */
  let recipients: Person[];
  /** Marrakech-Safi's elected official: follows the Casablanca project by an explicit row, wants e-mail at once. */
  let outsider: Person;

  beforeAll(async () => {
    redis = await startRedisProcess();
    [api, smtp, live] = await Promise.all([
      startTestApi({ env: { REDIS_URL: redis.url } }),
      startSmtpSink(),
      listenToLiveNotifications(redis.url),
    ]);
    dataSource = api.app.get(DataSource);
    const sao = await createOrganization(dataSource, 'AL_OMRANE_SUBSIDIARY', '06');
    const regionCS = await createOrganization(dataSource, 'REGIONAL_COUNCIL', '06');
    const regionMS = await createOrganization(dataSource, 'REGIONAL_COUNCIL', '07');
    project = await createCasablancaProject(dataSource, sao);
    actor = await createPerson(dataSource, regionCS, 'ELECTED_OFFICIAL');
    recipients = [
      await createPerson(dataSource, sao, 'SUBSIDIARY_MANAGER'),
      await createPerson(dataSource, sao, 'SUBSIDIARY_MANAGER', { locale: 'ar' }),
    ];
    outsider = await createPerson(dataSource, regionMS, 'ELECTED_OFFICIAL');
    await setFollowing(dataSource, outsider.id, 'PROJECT', project.id, true);
    for (const type of ['PROJECT_PROGRESS_REPORTED', 'PROJECT_STATUS_CHANGED', 'COMMENT_ADDED'] as const) {
      await setMode(
        dataSource,
        [...recipients, outsider].map((person) => person.id),
        type,
        'IMMEDIATE',
      );
    }
    worker = await startTestWorker({
      databaseUrl: api.databaseUrl,
      redisUrl: redis.url,
      queuePrefix,
      smtpUrl: smtp.url,
    });
  });

  afterAll(async () => {
    await worker?.close();
    live?.close();
    await smtp?.close();
    await api?.close();
    await redis?.kill();
  });

  const progressReports = (count: number): Omit<DomainEvent, 'dedupeKey'>[] =>
    Array.from({ length: count }, (_, i) => ({
      type: 'PROJECT_PROGRESS_REPORTED',
      subjectType: 'PROJECT',
      subjectId: project.id,
      actorUserId: actor.id,
      payload: { subjectTitle: project.title, physicalProgress: i % 100, previousProgress: 0 },
    }));

  /** Waits until the events have `expected` notifications, all of them e-mailed. */
  function allSent(eventIds: string[], expected: number, timeoutMs: number): Promise<DeliveryState[]> {
    return eventually(
      `${expected} notifications e-mailed`,
      async () => {
        const rows = await notificationsOf(dataSource, eventIds);
        return rows.length === expected && rows.every((row) => row.status === 'SENT') ? rows : undefined;
      },
      timeoutMs,
    );
  }

  /** Exactly one notification per (event, recipient) and exactly one e-mail received for each. */
  function expectExactlyOnce(rows: DeliveryState[], sink: SmtpSink, events: number): void {
    for (const person of recipients) {
      expect(rows.filter((row) => row.userId === person.id)).toHaveLength(events);
    }
    expect(rows.some((row) => row.userId === outsider.id)).toBe(false);
    const mails = sink.withMessageIds(rows.map((row) => row.messageId as string));
    expect(mails).toHaveLength(rows.length);
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(rows.length);
  }

  it('Redis down while 200 events are produced, then back: every notification is delivered, exactly once', async () => {
    await redis.kill();
    const eventIds = await publishEvents(dataSource, progressReports(200));
    // The relay keeps trying meanwhile; every event stays unrelayed, none is lost.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const [{ waiting }] = await dataSource.query(
      'SELECT count(*)::int AS waiting FROM outbox_event WHERE id = ANY($1::uuid[]) AND relayed_at IS NULL',
      [eventIds],
    );
    expect(waiting).toBe(200);

    await redis.start();
    const rows = await allSent(eventIds, 400, 30_000);
    // Give a duplicate the time to show up, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expectExactlyOnce(await notificationsOf(dataSource, eventIds), smtp, 200);
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
  }, 45_000);

  it('the worker killed in the middle of a batch, then restarted: no duplicate e-mail, no lost one', async () => {
    await worker.close();
    // A slow mail server, so that the batch is still being sent when the worker is killed.
    const slowSmtp = await startSmtpSink({ delayMs: 25 });
    try {
      const options = {
        databaseUrl: api.databaseUrl,
        redisUrl: redis.url,
        queuePrefix,
        smtpUrl: slowSmtp.url,
      };
      worker = await startTestWorker(options);
      const eventIds = await publishEvents(dataSource, progressReports(120));
      await eventually('the first e-mails of the batch', async () =>
        slowSmtp.messages.length >= 40 ? true : undefined,
      );
      await worker.kill();
      const sentBeforeKill = slowSmtp.messages.length;
      expect(sentBeforeKill).toBeLessThan(240);

      worker = await startTestWorker(options);
      await allSent(eventIds, 240, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expectExactlyOnce(await notificationsOf(dataSource, eventIds), slowSmtp, 120);
      expect(slowSmtp.messages).toHaveLength(240);
    } finally {
      await worker.close();
      await slowSmtp.close();
      worker = await startTestWorker({
        databaseUrl: api.databaseUrl,
        redisUrl: redis.url,
        queuePrefix,
        smtpUrl: smtp.url,
      });
    }
  }, 45_000);

  it('a user outside the subject’s scope never receives its notification, live or by e-mail', async () => {
    const events: Omit<DomainEvent, 'dedupeKey'>[] = [
      {
        type: 'PROJECT_STATUS_CHANGED',
        payload: { subjectTitle: project.title, from: 'STUDIES', to: 'WORKS' },
      },
      { type: 'COMMENT_ADDED', payload: { subjectTitle: project.title, excerpt: 'Point d’avancement' } },
      {
        type: 'MENTION',
        payload: { subjectTitle: project.title, mentionUserIds: [outsider.id, recipients[0].id] },
      },
    ].map((event) => ({
      ...(event as Pick<DomainEvent, 'type' | 'payload'>),
      subjectType: 'PROJECT',
      subjectId: project.id,
      actorUserId: actor.id,
    }));
    const eventIds = await publishEvents(dataSource, events);
    // Followers get the first two, the mentioned reader the third.
    const rows = await allSent(eventIds, 5, 15_000);
    await eventually('the live messages of the readers', async () =>
      live.messages.filter((message) => rows.some((row) => row.notificationId === message.notificationId))
        .length === rows.length
        ? true
        : undefined,
    );

    expect(rows.some((row) => row.userId === outsider.id)).toBe(false);
    const [{ count }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM notification WHERE user_id = $1',
      [outsider.id],
    );
    expect(count).toBe(0);
    expect(live.messages.some((message) => message.userId === outsider.id)).toBe(false);
    expect(smtp.messages.some((mail) => mail.to.includes(outsider.email))).toBe(false);
  });

  /** A notification with its delivery as a worker that claimed it and died would leave it. */
  async function claimedDelivery(person: Person, claimedSecondsAgo: number): Promise<string> {
    const [id] = await insertNotifications(dataSource, [
      {
        userId: person.id,
        type: 'MENTION',
        subjectId: project.id,
        payload: { subjectTitle: project.title, mentionUserIds: [person.id] },
        delivery: { mode: 'IMMEDIATE', status: 'SENDING', attempts: 1, claimedSecondsAgo },
      },
    ]);
    return id;
  }

  async function deliveryOf(notificationId: string): Promise<{ status: string; attempts: number }> {
    const [row] = await dataSource.query(
      'SELECT status, attempts FROM notification_delivery WHERE notification_id = $1',
      [notificationId],
    );
    return row;
  }

  it('an e-mail claimed by a worker that stopped before sending it is sent once, by the next worker, after the claim expires', async () => {
    const queue = producerQueue<{ notificationId: string }>(worker.config, QUEUES.deliveries);
    try {
      // Claimed just now (MAIL_CLAIM_SECONDS is 2 s here): the other worker might still be sending.
      const fresh = await claimedDelivery(recipients[0], 0);
      // Claimed long ago: its worker is gone.
      const stale = await claimedDelivery(recipients[1], 3_600);
      for (const id of [fresh, stale])
        await queue.add('email', { notificationId: id }, { jobId: `${id}-EMAIL` });

      await eventually('the stale claim taken over', async () =>
        (await deliveryOf(stale)).status === 'SENT' ? true : undefined,
      );
      expect(await deliveryOf(fresh)).toMatchObject({ status: 'SENDING', attempts: 1 });
      await eventually('the fresh claim taken over once expired', async () =>
        (await deliveryOf(fresh)).status === 'SENT' ? true : undefined,
      );
      for (const id of [fresh, stale]) {
        expect(await deliveryOf(id)).toEqual({ status: 'SENT', attempts: 2 });
        expect(smtp.withMessageIds([`<${id}@convergence>`])).toHaveLength(1);
      }
    } finally {
      await queue.close();
    }
  });

  it('does nothing for a delivery job run again for an e-mail already sent', async () => {
    const [eventId] = await publishEvents(dataSource, progressReports(1));
    const [row] = await allSent([eventId], 2, 15_000);
    const queue = producerQueue<{ notificationId: string }>(worker.config, QUEUES.deliveries);
    try {
      const before = smtp.messages.length;
      // The same job id again (a re-relayed event): BullMQ keeps the completed job and ignores it.
      await queue.add(
        'email',
        { notificationId: row.notificationId },
        { jobId: `${row.notificationId}-EMAIL` },
      );
      // Another job for the same e-mail (say, a retry from the dashboard): the delivery row says SENT.
      const again = await queue.add(
        'email',
        { notificationId: row.notificationId },
        { jobId: `again-${row.notificationId}` },
      );
      await eventually('the second job to run', async () =>
        (await again.getState()) === 'completed' ? true : undefined,
      );
      expect(smtp.messages.length).toBe(before);
      expect(await deliveryOf(row.notificationId)).toEqual({ status: 'SENT', attempts: 1 });
    } finally {
      await queue.close();
    }
  });
});
