import { SubjectRegistry } from '@convergence/server/audit';
import { producerQueue, todayInMorocco } from '@convergence/server/core';
import { notificationText, SCHEDULE_JOBS, type ScanResult } from '@convergence/server/notifications';
import { NOTIFICATION_CHANNEL, QUEUES } from '@convergence/server/outbox';
import type { NotificationType } from '@convergence/shared/domain';
import { Job, type Queue } from 'bullmq';
import { createClient, type Client } from 'graphql-ws';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { listenToLiveNotifications, type LiveListener } from './testing/notifications/live-messages';
import { eventually, insertNotifications } from './testing/notifications/notification-fixtures';
import { startSmtpSink, type SmtpSink } from './testing/notifications/smtp-sink';
import {
  dropQueueKeys,
  startTestWorker,
  TEST_PUBLIC_URL,
  uniqueQueuePrefix,
  type TestWorker,
} from './testing/notifications/test-worker';
import { userIdOf } from './testing/project-fixtures';
import { startTestApi, type TestApi } from './testing/test-api';

const REDIS_URL = 'redis://127.0.0.1:6379';
const ELU = 'elu@demo.convergence.ma';
const SAO = 'sao@demo.convergence.ma';
const MARRAKECH = 'elu.marrakech@demo.convergence.ma';
const MINISTRY = 'ministere@demo.convergence.ma';

const ADD_COMMENT = `mutation ($input: AddCommentInput!) {
  addComment(input: $input) { id isQuestion questionDueAt mentions { id } }
}`;
const NOTIFICATION_ADDED = `subscription {
  notificationAdded { id type title body subjectType subjectId subjectTitle }
}`;

interface LiveNode {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  subjectId: string;
}

/** A notification of one of the events under test, with its e-mail delivery. */
interface Delivered {
  id: string;
  userId: string;
  type: NotificationType;
  subjectId: string;
  payload: Record<string, unknown>;
  mode: string | null;
  status: string | null;
  messageId: string | null;
}

/**
 * Issue #4's "Done when", end to end on the demo data: the real api and the real worker (in this
 * process), PostgreSQL, Redis and an SMTP server started here. The demo's elected official asks the
 * SAO manager a formal question on a Casablanca-Settat project, mentioning him: he hears of it live
 * and by e-mail, once per notification, and nobody in Marrakech-Safi hears of it at all. Then the
 * scheduler's scan puts the demo's late commitments on the escalation ladder.
 */
describe('the discussion journey (issue #4)', () => {
  let api: TestApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: TestWorker;
  let redis: Redis;
  let live: LiveListener;
  const queues: Queue[] = [];
  /** The queues `settled` watches. */
  let busyQueues: Queue[];
  const clients: Client[] = [];
  const queuePrefix = uniqueQueuePrefix('discussion-journey');
  const users: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let project: { id: string; title: string };
  let streams: Record<typeof SAO | typeof MARRAKECH, { received: LiveNode[]; errors: unknown[] }>;

  beforeAll(async () => {
    [smtp, live] = await Promise.all([startSmtpSink(), listenToLiveNotifications(REDIS_URL)]);
    // A pool of one, as on the embedded database of `npm start`.
    api = await startTestApi({
      demo: true,
      poolSize: 1,
      env: { SMTP_URL: smtp.url, QUEUE_PREFIX: queuePrefix },
    });
    db = api.app.get(DataSource);
    redis = new Redis(REDIS_URL);
    for (const email of [ELU, SAO, MARRAKECH, MINISTRY]) users[email] = await userIdOf(db, email);
    for (const email of [ELU, SAO, MARRAKECH]) tokens[email] = await api.signIn(email);
    const [{ id }] = await db.query(`SELECT id FROM project WHERE code = 'SAO-CS-VN-LAKHYAYTA'`);
    // As notifications name it: "code — title".
    project = { id, title: (await api.app.get(SubjectRegistry).facts('PROJECT', id))?.title ?? '' };

    // (a) Both officials' live streams are open, and heard, before anything happens.
    streams = { [SAO]: listen(SAO), [MARRAKECH]: listen(MARRAKECH) };
    await untilStreamsAreLive();
    worker = await startTestWorker({ databaseUrl: api.databaseUrl, queuePrefix, smtpUrl: smtp.url });
    busyQueues = [queue(QUEUES.events), queue(QUEUES.deliveries)];
  }, 30_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await Promise.all(queues.map((queue) => queue.close()));
    await worker?.close();
    live?.close();
    redis?.disconnect();
    await smtp?.close();
    await api?.close();
    await dropQueueKeys(REDIS_URL, queuePrefix);
  });

  function listen(email: string): { received: LiveNode[]; errors: unknown[] } {
    const stream = { received: [] as LiveNode[], errors: [] as unknown[] };
    const client = createClient({
      url: api.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokens[email]}` },
      retryAttempts: 0,
    });
    clients.push(client);
    client.subscribe<{ notificationAdded: LiveNode }>(
      { query: NOTIFICATION_ADDED },
      {
        next: ({ data, errors }) => {
          if (data?.notificationAdded) stream.received.push(data.notificationAdded);
          if (errors) stream.errors.push(...errors);
        },
        error: (error) => stream.errors.push(error),
        complete: () => undefined,
      },
    );
    return stream;
  }

  /**
   * The api subscribes to Redis a moment after the client: announce a probe notification of each
   * user until their stream shows it, then forget the probes.
   */
  async function untilStreamsAreLive(): Promise<void> {
    const [marrakechProject] = await db.query(`SELECT id FROM project WHERE code = 'SAO-MS-VN-TAMANSOURT'`);
    const probes = await insertNotifications(db, [
      { userId: users[SAO], type: 'COMMENT_ADDED', subjectId: project.id },
      { userId: users[MARRAKECH], type: 'COMMENT_ADDED', subjectId: marrakechProject.id },
    ]);
    const pairs = [
      [SAO, probes[0]],
      [MARRAKECH, probes[1]],
    ] as const;
    for (const [email, probe] of pairs) {
      await eventually(`the live stream of ${email}`, async () => {
        if (streams[email].received.some((node) => node.id === probe)) return true;
        await redis.publish(
          NOTIFICATION_CHANNEL,
          JSON.stringify({ userId: users[email], notificationId: probe }),
        );
        return undefined;
      });
    }
    await db.query('DELETE FROM notification WHERE id = ANY($1::uuid[])', [probes]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const stream of Object.values(streams)) stream.received.length = 0;
  }

  function queue(name: string): Queue {
    const created = producerQueue(worker.config, name);
    queues.push(created);
    return created;
  }

  /**
   * Nothing left to do: every outbox event relayed and fanned out, every immediate e-mail sent or
   * given up.
   */
  async function settled(): Promise<void> {
    await eventually('the worker to settle', async () => {
      const [{ pending }] = await db.query(
        `SELECT ((SELECT count(*) FROM outbox_event WHERE relayed_at IS NULL)
               + (SELECT count(*) FROM notification_delivery
                   WHERE mode = 'IMMEDIATE' AND status IN ('PENDING', 'SENDING')))::int AS pending`,
      );
      const counts = await Promise.all(
        busyQueues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
      );
      const jobs = counts.flatMap((count) => Object.values(count)).reduce((sum, n) => sum + n, 0);
      return pending + jobs === 0 ? true : undefined;
    });
  }

  /** The notifications of some events, with their e-mail delivery. */
  const deliveredFor = (where: string, parameters: unknown[]): Promise<Delivered[]> =>
    db.query(
      `SELECT n.id, n.user_id AS "userId", n.type, n.subject_id AS "subjectId", n.payload, d.mode, d.status, d.message_id AS "messageId"
         FROM notification n LEFT JOIN notification_delivery d ON d.notification_id = n.id
        WHERE ${where}
        ORDER BY n.type, n.user_id, n.subject_id`,
      parameters,
    );

  /** The users of Marrakech-Safi's organisations. */
  const marrakechSafiUsers = (): Promise<{ id: string; email: string }[]> =>
    db.query(
      `SELECT u.id, u.email FROM app_user u JOIN organization o ON o.id = u.organization_id
        WHERE o.region_code = '07'`,
    );

  describe('a formal question to the SAO manager, mentioning him', () => {
    const marker = `Lakhyayta-${Date.now()}`;
    let eventIds: string[];
    let forManager: Delivered[];

    beforeAll(async () => {
      // (b) Signed in as the elected official of Casablanca-Settat.
      const added = await api.graphql<{ addComment: { id: string; isQuestion: boolean } }>(
        ADD_COMMENT,
        {
          input: {
            subjectType: 'PROJECT',
            subjectId: project.id,
            body: `Question (${marker}) : quand les équipements de la tranche 1 ouvriront-ils ?`,
            isQuestion: true,
            mentions: [users[SAO]],
          },
        },
        { token: tokens[ELU] },
      );
      expect(added.errors).toBeUndefined();
      const commentId = added.data?.addComment.id;
      const events: { id: string; type: string }[] = await db.query(
        `SELECT id, type FROM outbox_event WHERE payload->>'commentId' = $1 ORDER BY type`,
        [commentId],
      );
      expect(events.map((event) => event.type)).toEqual(['COMMENT_ADDED', 'MENTION', 'QUESTION_ASKED']);
      eventIds = events.map((event) => event.id);

      forManager = await eventually('the manager’s two notifications, e-mailed', async () => {
        const rows = await deliveredFor('n.event_id = ANY($1::uuid[]) AND n.user_id = $2', [
          eventIds,
          users[SAO],
        ]);
        return rows.length === 2 && rows.every((row) => row.status === 'SENT') ? rows : undefined;
      });
      await eventually('both live', async () =>
        forManager.every((row) => streams[SAO].received.some((node) => node.id === row.id))
          ? true
          : undefined,
      );
      await settled();
      // Anything sent twice would arrive now.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    });

    it('notifies the SAO manager of the mention and of the question, once each', () => {
      expect(forManager.map((row) => row.type)).toEqual(['MENTION', 'QUESTION_ASKED']);
      expect(forManager.every((row) => row.mode === 'IMMEDIATE')).toBe(true);
    });

    it('reaches him live, in French, exactly once per notification', () => {
      // His stream also carries what the worker's start-up scan found (the demo's late commitments…).
      const ids = new Set(forManager.map((row) => row.id));
      const mine = streams[SAO].received.filter((node) => ids.has(node.id));
      expect(project.title).toContain('Ville nouvelle de Lakhyayta');
      expect(streams[SAO].errors).toEqual([]);
      expect(mine.map((node) => node.id).sort()).toEqual([...ids].sort());
      for (const row of forManager) {
        const node = mine.find((candidate) => candidate.id === row.id);
        const french = notificationText(row.type, row.payload, project.title, 'fr');
        expect(node).toMatchObject({ type: row.type, title: french.title, body: french.body });
      }
      expect(mine.find((node) => node.type === 'MENTION')?.title).toBe(
        `On vous mentionne sur ${project.title}`,
      );
      expect(mine.find((node) => node.type === 'QUESTION_ASKED')?.title).toBe(
        `Question officielle sur ${project.title}`,
      );
    });

    it('e-mails him exactly once per notification, in French, with a link to the project', () => {
      const about = smtp.messages.filter((mail) => mail.text.includes(marker));
      expect(about).toHaveLength(2);
      expect(about.map((mail) => mail.messageId).sort()).toEqual(
        forManager.map((row) => row.messageId as string).sort(),
      );
      for (const row of forManager) {
        const [mail] = smtp.withMessageIds([row.messageId as string]);
        expect(mail.to).toContain(SAO);
        expect(mail.headers['content-language']).toBe('fr');
        expect(mail.subject).toContain(notificationText(row.type, row.payload, project.title, 'fr').title);
        expect(mail.text).toContain(`${TEST_PUBLIC_URL}/projects/${project.id}`);
      }
    });

    it('tells nobody in Marrakech-Safi: no notification, no live message, no e-mail', async () => {
      const outsiders = await marrakechSafiUsers();
      expect(outsiders.map((user) => user.email)).toContain(MARRAKECH);
      const ids = outsiders.map((user) => user.id);

      const rows = await deliveredFor('n.event_id = ANY($1::uuid[]) AND n.user_id = ANY($2::uuid[])', [
        eventIds,
        ids,
      ]);
      expect(rows).toEqual([]);

      expect(streams[MARRAKECH].errors).toEqual([]);
      // Their stream works: it carries their own region's news (the start-up scan's ladder).
      await eventually('a live message to the Marrakech-Safi official', async () =>
        streams[MARRAKECH].received.length > 0 ? true : undefined,
      );
      expect(streams[MARRAKECH].received.filter((node) => node.subjectId === project.id)).toEqual([]);
      // Whatever the worker announced to them on Redis was about something else.
      const heard = live.messages.filter((message) => ids.includes(message.userId));
      const [{ about }] = await db.query(
        `SELECT count(*)::int AS about FROM notification
          WHERE id = ANY($1::uuid[]) AND (subject_id = $2 OR event_id = ANY($3::uuid[]))`,
        [heard.map((message) => message.notificationId), project.id, eventIds],
      );
      expect(about).toBe(0);

      const emails = outsiders.map((user) => user.email);
      const mails = smtp.messages.filter((mail) => emails.some((email) => mail.to.includes(email)));
      expect(mails.filter((mail) => mail.text.includes(marker) || mail.text.includes(project.id))).toEqual(
        [],
      );
    });
  });

  describe('the escalation ladder of the demo’s late commitments', () => {
    const today = todayInMorocco();
    let scan: ScanResult;

    beforeAll(async () => {
      // The worker scanned once at start; the scheduler's daily job then finds nothing new.
      await eventually('the start-up scan', async () => {
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'COMMITMENT_ESCALATED'`,
        );
        return n > 0 ? true : undefined;
      });
      const schedules = queue(QUEUES.schedules);
      const job = await schedules.add(SCHEDULE_JOBS.escalationScan, {});
      scan = await eventually('the escalation-scan job', async () => {
        const state = await job.getState();
        if (state === 'failed') throw new Error('the escalation-scan job failed');
        return state === 'completed'
          ? ((await Job.fromId(schedules, job.id as string))?.returnvalue as ScanResult)
          : undefined;
      });
      await settled();
    });

    /** Open commitments at least `days` late today, with the users each notification goes to. */
    const predicted = async (days: number, audience: string): Promise<string[]> =>
      (
        await db.query(
          `SELECT c.id || '/' || u.id AS pair
             FROM commitment c JOIN app_user u ON u.active AND ${audience}
            WHERE c.status IN ('PLANNED', 'IN_PROGRESS') AND c.due_date <= $1::date - $2::int`,
          [today, days],
        )
      )
        .map((row: { pair: string }) => row.pair)
        .sort();

    const actual = async (type: NotificationType): Promise<Delivered[]> =>
      deliveredFor(`n.type = $1`, [type]);

    it('is recorded once: the daily job after the start-up scan adds nothing', () => {
      expect(scan).toEqual({ commitments: 0, actions: 0, projects: 0, questions: 0, forums: 0 });
    });

    it('tells the users of each late commitment’s organisation that it is overdue, by e-mail too', async () => {
      const expected = await predicted(1, 'u.organization_id = c.organization_id');
      const rows = await actual('COMMITMENT_OVERDUE');
      expect(rows.map((row) => `${row.subjectId}/${row.userId}`).sort()).toEqual(expected);
      // Late by 3 to 200 days (the demo story); the regional council's co-funding among them.
      expect(new Set(rows.map((row) => row.subjectId)).size).toBeGreaterThanOrEqual(3);
      expect(rows.map((row) => row.userId)).toContain(users[ELU]);
      expect(rows.every((row) => row.status === 'SENT')).toBe(true);
      expect(smtp.withMessageIds(rows.map((row) => row.messageId as string))).toHaveLength(rows.length);
    });

    it('escalates to the ministry official each commitment 15 days late or more', async () => {
      const expected = await predicted(15, `u.role = 'MINISTRY_OFFICIAL'`);
      const rows = await actual('COMMITMENT_ESCALATED');
      expect(rows.map((row) => `${row.subjectId}/${row.userId}`).sort()).toEqual(expected);
      expect(expected.length).toBeGreaterThanOrEqual(2);
      expect(new Set(rows.map((row) => row.userId))).toEqual(new Set([users[MINISTRY]]));
      const mails = smtp.withMessageIds(rows.map((row) => row.messageId as string));
      expect(mails).toHaveLength(rows.length);
      expect(mails.every((mail) => mail.to.includes(MINISTRY))).toBe(true);
    });

    it('reminds the lead organisation and the asker of the demo’s question left unanswered for nine days', async () => {
      const rows = await actual('QUESTION_UNANSWERED');
      expect(rows.map((row) => [row.subjectId, row.userId]).sort()).toEqual(
        [
          [project.id, users[ELU]],
          [project.id, users[SAO]],
        ].sort(),
      );
      expect(rows[0].payload['daysOpen']).toBe(9);
    });
  });
});
