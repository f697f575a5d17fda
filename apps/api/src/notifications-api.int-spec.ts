import { NOTIFICATION_CHANNEL } from '@convergence/server/outbox';
import { loadConfig } from '@convergence/server/core';
import type { ProjectEntity } from '@convergence/server/projects';
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPES } from '@convergence/shared/domain';
import { createClient, type Client } from 'graphql-ws';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { insertNotifications } from './testing/notifications/notification-fixtures';
import { createProjectFixture, MARRAKECH_COMMUNE, SAO_MARRAKECH, userIdOf } from './testing/project-fixtures';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

interface NotificationNode {
  id: string;
  type: string;
  readAt: string | null;
  createdAt: string;
  title: string;
  body: string;
  subjectType: string;
  subjectId: string;
  subjectTitle: string | null;
}
interface NotificationsPage {
  notifications: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: NotificationNode }[];
  };
}
interface Preference {
  type: string;
  channel: string;
  mode: string;
  isDefault: boolean;
}

const NODE = 'id type readAt createdAt title body subjectType subjectId subjectTitle';
const NOTIFICATIONS = `query ($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${NODE} } }
  }
}`;
const UNREAD_COUNT = '{ unreadNotificationCount }';
const MARK_READ = 'mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }';
const PREFERENCES = '{ notificationPreferences { entries { type channel mode isDefault } } }';
const UPDATE_PREFERENCES = `mutation ($entries: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(input: { entries: $entries }) { entries { type channel mode isDefault } }
}`;
const NOTIFICATION_ADDED = `subscription { notificationAdded { ${NODE} } }`;

const SAO = 'sao@demo.convergence.ma';
const MARRAKECH = 'elu.marrakech@demo.convergence.ma';
const ADMIN = 'admin@demo.convergence.ma';

describe('notifications api', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let casablancaProject: ProjectEntity;
  let marrakechProject: ProjectEntity;
  const users: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    casablancaProject = await createProjectFixture(dataSource);
    marrakechProject = await createProjectFixture(dataSource, {
      lead: SAO_MARRAKECH,
      communeCode: MARRAKECH_COMMUNE,
    });
    for (const email of [SAO, MARRAKECH, ADMIN]) {
      users[email] = await userIdOf(dataSource, email);
      tokens[email] = await api.signIn(email);
    }
  });
  afterAll(() => api.close());

  const as = <T = Record<string, unknown>>(
    email: string | null,
    query: string,
    variables?: Record<string, unknown>,
    locale?: string,
  ) => api.graphql<T>(query, variables, { token: email ? tokens[email] : undefined, locale });
  const unreadCount = async (email: string) =>
    (await as<{ unreadNotificationCount: number }>(email, UNREAD_COUNT)).data?.unreadNotificationCount;
  const clear = () => dataSource.query('DELETE FROM notification');

  it('checks the fixtures’ scopes: the SAO manager cannot read the Marrakech project', async () => {
    const query = 'query ($id: ID!) { project(id: $id) { id } }';
    expect((await as(SAO, query, { id: marrakechProject.id })).data).toEqual({ project: null });
    expect((await as(SAO, query, { id: casablancaProject.id })).data).toEqual({
      project: { id: casablancaProject.id },
    });
  });

  describe('notifications and unreadNotificationCount', () => {
    let saoIds: string[];
    let marrakechId: string;

    beforeAll(async () => {
      await clear();
      const subject = { subjectId: casablancaProject.id, payload: { subjectTitle: 'Lakhyayta' } };
      saoIds = await insertNotifications(dataSource, [
        {
          ...subject,
          userId: users[SAO],
          type: 'MENTION',
          minutesAgo: 1,
          payload: { ...subject.payload, authorName: 'Nadia', excerpt: 'Où en est-on ?' },
        },
        { ...subject, userId: users[SAO], type: 'COMMENT_ADDED', minutesAgo: 2 },
        { ...subject, userId: users[SAO], type: 'PROJECT_STALE', minutesAgo: 3, read: true },
        { ...subject, userId: users[SAO], type: 'COMMITMENT_OVERDUE', minutesAgo: 4 },
        {
          userId: users[SAO],
          type: 'PROJECT_STATUS_CHANGED',
          subjectId: casablancaProject.id,
          minutesAgo: 5,
          payload: { from: 'WORKS', to: 'SUSPENDED' },
        },
      ]);
      [marrakechId] = await insertNotifications(dataSource, [
        {
          userId: users[MARRAKECH],
          type: 'PROJECT_PROGRESS_REPORTED',
          subjectId: marrakechProject.id,
          payload: { subjectTitle: 'Tamansourt', physicalProgress: '42.50' },
        },
      ]);
    });

    it('lists the caller’s own notifications newest first, a page at a time', async () => {
      const first = await as<NotificationsPage>(SAO, NOTIFICATIONS, { first: 2 });
      expect(first.errors).toBeUndefined();
      expect(first.data?.notifications.totalCount).toBe(5);
      expect(first.data?.notifications.pageInfo.hasNextPage).toBe(true);
      expect(first.data?.notifications.edges.map((e) => e.node.id)).toEqual(saoIds.slice(0, 2));

      const rest = await as<NotificationsPage>(SAO, NOTIFICATIONS, {
        first: 10,
        after: first.data?.notifications.pageInfo.endCursor,
      });
      expect(rest.data?.notifications.edges.map((e) => e.node.id)).toEqual(saoIds.slice(2));
      expect(rest.data?.notifications.pageInfo.hasNextPage).toBe(false);

      const marrakech = await as<NotificationsPage>(MARRAKECH, NOTIFICATIONS);
      expect(marrakech.data?.notifications.edges.map((e) => e.node.id)).toEqual([marrakechId]);
    });

    it('words each notification in the reader’s language, naming its subject', async () => {
      const fr = await as<NotificationsPage>(SAO, NOTIFICATIONS, { first: 1 });
      expect(fr.data?.notifications.edges[0].node).toMatchObject({
        id: saoIds[0],
        type: 'MENTION',
        readAt: null,
        subjectType: 'PROJECT',
        subjectId: casablancaProject.id,
        subjectTitle: 'Lakhyayta',
        title: 'On vous mentionne sur Lakhyayta',
        body: 'Nadia : « Où en est-on ? »',
      });
      const en = await as<NotificationsPage>(SAO, NOTIFICATIONS, { first: 1 }, 'en');
      expect(en.data?.notifications.edges[0].node.title).toBe('You were mentioned on Lakhyayta');

      // The Marrakech official reads Arabic (the demo account's language).
      const ar = await as<NotificationsPage>(MARRAKECH, NOTIFICATIONS);
      expect(ar.data?.notifications.edges[0].node).toMatchObject({
        title: 'تقرير تقدم جديد: Tamansourt',
        body: 'نسبة التقدم المادي: 42,5٪.',
      });
    });

    it('names the subject by its current title when the event did not record it', async () => {
      const last = await as<NotificationsPage>(SAO, NOTIFICATIONS, { first: 10 });
      const node = last.data?.notifications.edges.at(-1)?.node;
      expect(node?.subjectTitle).toContain(casablancaProject.title);
      expect(node?.title).toContain(casablancaProject.title);
      expect(node?.body).toBe('Le projet est désormais suspendu.');
    });

    it('filters unread ones and counts them', async () => {
      const unread = await as<NotificationsPage>(SAO, NOTIFICATIONS, { unreadOnly: true });
      expect(unread.data?.notifications.totalCount).toBe(4);
      expect(unread.data?.notifications.edges.every((e) => e.node.readAt === null)).toBe(true);
      expect(await unreadCount(SAO)).toBe(4);
      expect(await unreadCount(MARRAKECH)).toBe(1);
    });

    it('reads a page in the same number of statements whatever its size', async () => {
      const withRecordedTitles = { unreadOnly: true };
      const one = await statementsDuring(() => as(SAO, NOTIFICATIONS, { ...withRecordedTitles, first: 1 }));
      const three = await statementsDuring(() => as(SAO, NOTIFICATIONS, { ...withRecordedTitles, first: 3 }));
      expect(three.length).toBe(one.length);
    });

    it('is for signed-in users only', async () => {
      for (const query of [NOTIFICATIONS, UNREAD_COUNT, PREFERENCES]) {
        expect((await as(null, query)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect((await as(null, MARK_READ)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('markNotificationsRead', () => {
    let saoIds: string[];
    let marrakechId: string;

    beforeEach(async () => {
      await clear();
      saoIds = await insertNotifications(
        dataSource,
        [1, 2, 3].map((minutesAgo) => ({
          userId: users[SAO],
          type: 'COMMENT_ADDED' as const,
          subjectId: casablancaProject.id,
          minutesAgo,
        })),
      );
      [marrakechId] = await insertNotifications(dataSource, [
        { userId: users[MARRAKECH], type: 'COMMENT_ADDED', subjectId: marrakechProject.id },
      ]);
    });

    it('marks the caller’s named notifications read and ignores other people’s ids', async () => {
      const marked = await as<{ markNotificationsRead: number }>(SAO, MARK_READ, {
        ids: [saoIds[0], marrakechId],
      });
      expect(marked.data?.markNotificationsRead).toBe(1);
      expect(await unreadCount(SAO)).toBe(2);
      expect(await unreadCount(MARRAKECH)).toBe(1);

      const page = await as<NotificationsPage>(SAO, NOTIFICATIONS);
      const readAt = page.data?.notifications.edges.find((e) => e.node.id === saoIds[0])?.node.readAt;
      expect(Date.parse(readAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

      // Already read: nothing changes.
      expect(
        (await as<{ markNotificationsRead: number }>(SAO, MARK_READ, { ids: [saoIds[0]] })).data,
      ).toEqual({
        markNotificationsRead: 0,
      });
    });

    it('marks all of the caller’s notifications read without ids, and only theirs', async () => {
      await as(SAO, MARK_READ, { ids: [saoIds[1]] });
      expect((await as<{ markNotificationsRead: number }>(SAO, MARK_READ)).data).toEqual({
        markNotificationsRead: 2,
      });
      expect(await unreadCount(SAO)).toBe(0);
      expect(await unreadCount(MARRAKECH)).toBe(1);
      expect((await as<{ markNotificationsRead: number }>(SAO, MARK_READ, { ids: [] })).data).toEqual({
        markNotificationsRead: 0,
      });
    });

    it('refuses ids that are not ids, and too many at once', async () => {
      const malformed = await as(SAO, MARK_READ, { ids: ['not-an-id'] });
      expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(malformed.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['ids']);

      const tooMany = await as(SAO, MARK_READ, { ids: Array.from({ length: 101 }, () => saoIds[0]) });
      expect(tooMany.errors?.[0].extensions?.fields).toEqual([
        { field: 'ids', message: 'Au plus 100 éléments.' },
      ]);
      expect(await unreadCount(SAO)).toBe(3);
    });
  });

  describe('notification preferences', () => {
    const preferencesOf = async (email: string) =>
      (await as<{ notificationPreferences: { entries: Preference[] } }>(email, PREFERENCES)).data
        ?.notificationPreferences.entries ?? [];
    const entry = (entries: Preference[], type: string, channel: string) =>
      entries.find((e) => e.type === type && e.channel === channel);
    const update = (email: string, entries: object[]) =>
      as<{ updateNotificationPreferences: { entries: Preference[] } }>(email, UPDATE_PREFERENCES, {
        entries,
      });

    afterEach(() => dataSource.query('DELETE FROM notification_preference'));

    it('gives every type × channel with the defaults', async () => {
      const entries = await preferencesOf(SAO);
      expect(entries).toHaveLength(NOTIFICATION_TYPES.length * NOTIFICATION_CHANNELS.length);
      expect(entries.every((e) => e.isDefault)).toBe(true);
      expect(entries.filter((e) => e.channel === 'IN_APP').every((e) => e.mode === 'IMMEDIATE')).toBe(true);
      expect(entry(entries, 'MENTION', 'EMAIL')?.mode).toBe('IMMEDIATE');
      expect(entry(entries, 'COMMITMENT_ESCALATED', 'EMAIL')?.mode).toBe('IMMEDIATE');
      expect(entry(entries, 'COMMENT_ADDED', 'EMAIL')?.mode).toBe('DAILY');
    });

    it('keeps the caller’s choices, forgets a choice set back to the default, and touches no one else', async () => {
      const changed = await update(SAO, [
        { type: 'COMMENT_ADDED', channel: 'EMAIL', mode: 'WEEKLY' },
        { type: 'PROJECT_STALE', channel: 'IN_APP', mode: 'OFF' },
        { type: 'MENTION', channel: 'EMAIL', mode: 'IMMEDIATE' },
      ]);
      expect(changed.errors).toBeUndefined();
      const entries = changed.data?.updateNotificationPreferences.entries ?? [];
      expect(entry(entries, 'COMMENT_ADDED', 'EMAIL')).toMatchObject({ mode: 'WEEKLY', isDefault: false });
      expect(entry(entries, 'PROJECT_STALE', 'IN_APP')).toMatchObject({ mode: 'OFF', isDefault: false });
      expect(entry(entries, 'MENTION', 'EMAIL')).toMatchObject({ mode: 'IMMEDIATE', isDefault: true });
      expect(entries.filter((e) => !e.isDefault)).toHaveLength(2);
      expect(await preferencesOf(SAO)).toEqual(entries);
      expect((await preferencesOf(MARRAKECH)).every((e) => e.isDefault)).toBe(true);

      const back = await update(SAO, [{ type: 'COMMENT_ADDED', channel: 'EMAIL', mode: 'DAILY' }]);
      const after = back.data?.updateNotificationPreferences.entries ?? [];
      expect(entry(after, 'COMMENT_ADDED', 'EMAIL')).toMatchObject({ mode: 'DAILY', isDefault: true });
      expect(entry(after, 'PROJECT_STALE', 'IN_APP')).toMatchObject({ mode: 'OFF', isDefault: false });
      expect(await dataSource.query('SELECT type, channel, mode FROM notification_preference')).toEqual([
        { type: 'PROJECT_STALE', channel: 'IN_APP', mode: 'OFF' },
      ]);
    });

    it('refuses digests in the app and a type and channel given twice, per field, writing nothing', async () => {
      const response = await update(SAO, [
        { type: 'COMMENT_ADDED', channel: 'EMAIL', mode: 'WEEKLY' },
        { type: 'COMMENT_ADDED', channel: 'IN_APP', mode: 'DAILY' },
        { type: 'COMMENT_ADDED', channel: 'EMAIL', mode: 'OFF' },
      ]);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields).toEqual([
        {
          field: 'entries.1.mode',
          message: 'Dans l’application, une notification est immédiate ou désactivée (IMMEDIATE ou OFF).',
        },
        { field: 'entries.2', message: 'Ce type et ce canal figurent déjà plus haut dans la liste.' },
      ]);
      expect((await preferencesOf(SAO)).every((e) => e.isDefault)).toBe(true);
    });

    it('refuses more than 100 entries and unknown values', async () => {
      const tooMany = await update(
        SAO,
        Array.from({ length: 101 }, () => ({ type: 'MENTION', channel: 'EMAIL', mode: 'OFF' })),
      );
      expect(tooMany.errors?.[0].extensions?.fields).toEqual([
        { field: 'entries', message: 'Au plus 100 éléments.' },
      ]);

      const unknown: GraphqlResponse = await update(SAO, [{ type: 'NOPE', channel: 'EMAIL', mode: 'OFF' }]);
      expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('notificationAdded', () => {
    const clients: Client[] = [];
    let redis: Redis;
    let saoId: string;
    let saoOutOfScopeId: string;
    let marrakechId: string;

    beforeAll(async () => {
      await clear();
      redis = new Redis(loadConfig({}).redisUrl);
      [saoId, saoOutOfScopeId] = await insertNotifications(dataSource, [
        {
          userId: users[SAO],
          type: 'MENTION',
          subjectId: casablancaProject.id,
          payload: { subjectTitle: 'Lakhyayta', authorName: 'Nadia', excerpt: 'Pouvez-vous confirmer ?' },
        },
        // A row about a subject the manager cannot read (it must never reach them live).
        { userId: users[SAO], type: 'COMMENT_ADDED', subjectId: marrakechProject.id },
      ]);
      [marrakechId] = await insertNotifications(dataSource, [
        {
          userId: users[MARRAKECH],
          type: 'COMMENT_ADDED',
          subjectId: marrakechProject.id,
          payload: { subjectTitle: 'Tamansourt' },
        },
      ]);
    });
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.dispose()));
      redis?.disconnect();
    });

    function connect(token: string | undefined, params: Record<string, string> = {}): Client {
      const client = createClient({
        url: api.url.replace(/^http/, 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}`, ...params } : params,
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    }

    /** A live subscription and what it received: nodes, or the errors that ended it. */
    function listen(email: string | null, params: Record<string, string> = {}) {
      const received: NotificationNode[] = [];
      const errors: unknown[] = [];
      connect(email ? tokens[email] : undefined, params).subscribe<{ notificationAdded: NotificationNode }>(
        { query: NOTIFICATION_ADDED },
        {
          next: ({ data, errors: failures }) => {
            if (data?.notificationAdded) received.push(data.notificationAdded);
            if (failures) errors.push(...failures);
          },
          error: (error) => errors.push(error),
          complete: () => undefined,
        },
      );
      return { received, errors };
    }

    const publish = (userId: string, notificationId: string) =>
      redis.publish(NOTIFICATION_CHANNEL, JSON.stringify({ userId, notificationId }));

    async function until(condition: () => boolean, what: string, onEachTry?: () => Promise<unknown>) {
      for (let attempt = 0; attempt < 100; attempt++) {
        if (condition()) return;
        await onEachTry?.();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`timed out waiting for ${what}`);
    }

    it('delivers each notification to its recipient only, in their language, and nothing out of scope', async () => {
      const sao = listen(SAO);
      const marrakech = listen(MARRAKECH);
      // The server subscribes to Redis shortly after the client: until then messages are not heard.
      // Repeat each user's own notification until their stream is live, then start afresh.
      await until(
        () => sao.received.length > 0,
        'the SAO stream',
        () => publish(users[SAO], saoId),
      );
      await until(
        () => marrakech.received.length > 0,
        'the Marrakech stream',
        () => publish(users[MARRAKECH], marrakechId),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      sao.received.length = 0;
      marrakech.received.length = 0;

      await publish(users[SAO], saoOutOfScopeId); // the manager may not read its subject
      await publish(users[MARRAKECH], saoId); // someone else's notification under the wrong user
      await publish(users[SAO], marrakechId); // someone else's notification under the manager's id
      await publish(users[SAO], saoId);
      await publish(users[MARRAKECH], marrakechId);
      // Each subscription handles messages in order: its last one arriving means the others were skipped.
      await until(() => sao.received.length > 0 && marrakech.received.length > 0, 'the last messages');
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(sao.errors).toEqual([]);
      expect(sao.received).toEqual([
        expect.objectContaining({
          id: saoId,
          type: 'MENTION',
          title: 'On vous mentionne sur Lakhyayta',
          body: 'Nadia : « Pouvez-vous confirmer ? »',
          subjectId: casablancaProject.id,
        }),
      ]);
      expect(marrakech.received).toEqual([
        expect.objectContaining({ id: marrakechId, title: 'تعليق جديد على Tamansourt' }),
      ]);
    });

    it("words live notifications in the language the app names in connectionParams, over the user's own", async () => {
      const english = listen(SAO, { acceptLanguage: 'en' });
      await until(
        () => english.received.length > 0,
        'the English stream',
        () => publish(users[SAO], saoId),
      );

      expect(english.errors).toEqual([]);
      expect(english.received[0]).toEqual(
        expect.objectContaining({ id: saoId, title: 'You were mentioned on Lakhyayta' }),
      );
    });

    it('refuses a subscription without a valid token', async () => {
      for (const token of [undefined, 'not.a.token']) {
        const errors: unknown[] = [];
        const received: unknown[] = [];
        connect(token).subscribe(
          { query: NOTIFICATION_ADDED },
          {
            next: (result) => {
              if (result.errors) errors.push(...result.errors);
              if (result.data) received.push(result.data);
            },
            error: (error) => errors.push(error),
            complete: () => undefined,
          },
        );
        await until(() => errors.length > 0, 'the refusal');
        expect(errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
        expect(received).toEqual([]);
      }
    });
  });

  describe('queue dashboard', () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${api.url}/admin/queues${path}`, { headers, redirect: 'manual' });
    const bearer = (email: string) => ({ authorization: `Bearer ${tokens[email]}` });

    it('is for administrators only', async () => {
      expect((await get('')).status).toBe(401);
      expect((await get('', { authorization: 'Bearer not.a.token' })).status).toBe(401);
      const denied = await get('', bearer(SAO));
      expect(denied.status).toBe(403);
      expect(await denied.json()).toEqual({
        errors: [
          {
            message: 'Vous n’avez pas le droit d’effectuer cette action.',
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });

      const page = await get('', bearer(ADMIN));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const queues = await get('/api/queues', bearer(ADMIN));
      expect(queues.status).toBe(200);
      const names = ((await queues.json()) as { queues: { name: string }[] }).queues.map(
        (queue) => queue.name,
      );
      expect(names.sort()).toEqual(['convergence-deliveries', 'convergence-events', 'convergence-schedules']);
    });

    it('opens a cookie session for a browser, scoped to the dashboard and refused to others', async () => {
      const session = (email: string) =>
        fetch(`${api.url}/admin/queues/session`, { method: 'POST', headers: bearer(email) });
      expect((await session(SAO)).status).toBe(403);

      const opened = await session(ADMIN);
      expect(opened.status).toBe(204);
      const cookie = opened.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^convergence_queues=[^;]+;/);
      expect(cookie).toContain('Path=/admin/queues');
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toMatch(/Max-Age=(8\d\d|9\d\d)\b/);

      const [pair] = cookie.split(';');
      expect((await get('/api/queues', { cookie: pair })).status).toBe(200);
      expect((await get('/api/queues', { cookie: 'convergence_queues=forged' })).status).toBe(401);
    });
  });
});

describe('notifications api while Redis is down', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ demo: true, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => api.close());

  it('still serves notifications, and the dashboard reports the outage without taking the api down', async () => {
    const token = await api.signIn(ADMIN);
    const count = await api.graphql(UNREAD_COUNT, {}, { token });
    expect(count.data).toEqual({ unreadNotificationCount: 0 });

    const queues = await fetch(`${api.url}/admin/queues/api/queues`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(queues.status).toBe(503);
    expect(await queues.json()).toEqual({
      errors: [
        {
          message:
            'Les files de traitement sont momentanément injoignables (Redis). Réessayez dans un instant.',
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        },
      ],
    });
    expect((await api.graphql(UNREAD_COUNT, {}, { token })).data).toEqual({ unreadNotificationCount: 0 });
  });
});
