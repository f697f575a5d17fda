import { loadConfig } from '@convergence/server/core';
import { NOTIFICATION_CHANNEL } from '@convergence/server/outbox';
import type { ProjectEntity } from '@convergence/server/projects';
import { UserEntity } from '@convergence/server/users';
import { createClient, type Client } from 'graphql-ws';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { insertNotifications } from './testing/notifications/notification-fixtures';
import {
  createProjectFixture,
  MARRAKECH_COMMUNE,
  organizationIdNamed,
  SAO_MARRAKECH,
  userIdOf,
} from './testing/project-fixtures';
import { startTestApi, type TestApi } from './testing/test-api';

const NOTIFICATION_ADDED = 'subscription { notificationAdded { id } }';
const LOGOUT = 'mutation { logout }';
const DEACTIVATE =
  'mutation ($id: ID!, $version: Int!) { deactivateUser(id: $id, version: $version) { active } }';
const REACTIVATE =
  'mutation ($id: ID!, $version: Int!) { reactivateUser(id: $id, version: $version) { active } }';
const UPDATE_USER = `mutation ($id: ID!, $version: Int!, $input: UpdateUserInput!) {
  updateUser(id: $id, version: $version, input: $input) { id }
}`;

const SAO = 'sao@demo.convergence.ma';
const MARRAKECH = 'elu.marrakech@demo.convergence.ma';
const ADMIN = 'admin@demo.convergence.ma';

interface Stream {
  received: string[];
  errors: { message?: string; extensions?: { code?: string } }[];
  completed: boolean;
}

/**
 * An open `notificationAdded` stream lasts no longer than the sign-in that opened it: each message
 * about to be delivered is checked against the same rule as every request (active account, sign-in
 * not revoked) and against the user's permissions as they are now.
 */
describe('notificationAdded and the session behind it', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let redis: Redis;
  const clients: Client[] = [];
  let saoUser: string;
  let marrakechUser: string;
  let adminToken: string;
  /** A notification of the SAO manager's about a Casablanca project they lead. */
  let saoNotification: string;
  /** One of theirs about a Marrakech project: out of their scope until they move there. */
  let saoMarrakechNotification: string;
  let marrakechNotification: string;

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    redis = new Redis(loadConfig({}).redisUrl);
    const casablancaProject: ProjectEntity = await createProjectFixture(dataSource);
    const marrakechProject = await createProjectFixture(dataSource, {
      lead: SAO_MARRAKECH,
      communeCode: MARRAKECH_COMMUNE,
    });
    saoUser = await userIdOf(dataSource, SAO);
    marrakechUser = await userIdOf(dataSource, MARRAKECH);
    adminToken = await api.signIn(ADMIN);
    [saoNotification, saoMarrakechNotification] = await insertNotifications(dataSource, [
      { userId: saoUser, type: 'COMMENT_ADDED', subjectId: casablancaProject.id },
      { userId: saoUser, type: 'COMMENT_ADDED', subjectId: marrakechProject.id },
    ]);
    [marrakechNotification] = await insertNotifications(dataSource, [
      { userId: marrakechUser, type: 'COMMENT_ADDED', subjectId: marrakechProject.id },
    ]);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    redis?.disconnect();
    await api?.close();
  });

  function listen(token: string): Stream {
    const client = createClient({
      url: api.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    const stream: Stream = { received: [], errors: [], completed: false };
    client.subscribe<{ notificationAdded: { id: string } }>(
      { query: NOTIFICATION_ADDED },
      {
        next: ({ data, errors }) => {
          if (data?.notificationAdded) stream.received.push(data.notificationAdded.id);
          if (errors) stream.errors.push(...errors);
        },
        error: (error) => stream.errors.push({ message: String(error) }),
        complete: () => {
          stream.completed = true;
        },
      },
    );
    return stream;
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
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  /** Opens the streams and waits until the server hears Redis for each, then forgets what came. */
  async function live(userId: string, notificationId: string, ...tokens: string[]): Promise<Stream[]> {
    const streams = tokens.map(listen);
    await until(
      () => streams.every((stream) => stream.received.length > 0),
      'the streams to be live',
      () => publish(userId, notificationId),
    );
    await settle();
    for (const stream of streams) stream.received.length = 0;
    return streams;
  }

  const versionOf = async (userId: string) =>
    (await dataSource.getRepository(UserEntity).findOneByOrFail({ id: userId })).version;
  const asAdmin = async (query: string, variables: Record<string, unknown>) => {
    const response = await api.graphql(query, variables, { token: adminToken });
    expect(response.errors).toBeUndefined();
    return response;
  };
  const deactivate = async (userId: string) =>
    asAdmin(DEACTIVATE, { id: userId, version: await versionOf(userId) });
  const reactivate = async (userId: string) =>
    asAdmin(REACTIVATE, { id: userId, version: await versionOf(userId) });

  function expectEnded(stream: Stream) {
    expect(stream.received).toEqual([]);
    expect(stream.completed).toBe(true);
    expect(stream.errors).toEqual([
      expect.objectContaining({
        message: 'Votre session a expiré ou n’est plus valide. Reconnectez-vous.',
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
      }),
    ]);
  }

  it('ends the stream of a signed-out session; the user’s other sessions and other users keep theirs', async () => {
    const signedOut = await api.signIn(SAO);
    const [ending, other] = await live(saoUser, saoNotification, signedOut, await api.signIn(SAO));
    const [marrakech] = await live(marrakechUser, marrakechNotification, await api.signIn(MARRAKECH));

    const logout = await api.graphql<{ logout: boolean }>(LOGOUT, {}, { token: signedOut });
    expect(logout.data).toEqual({ logout: true });

    await publish(saoUser, saoNotification);
    await publish(marrakechUser, marrakechNotification);
    await until(() => ending.completed && other.received.length > 0, 'the end and the delivery');
    await until(() => marrakech.received.length > 0, 'the other user’s delivery');
    // Nothing more reaches the ended stream.
    await publish(saoUser, saoNotification);
    await until(() => other.received.length > 1, 'the second delivery');
    await settle();

    expectEnded(ending);
    expect(other).toEqual({ received: [saoNotification, saoNotification], errors: [], completed: false });
    expect(marrakech).toEqual({ received: [marrakechNotification], errors: [], completed: false });
  });

  it('ends the streams of a deactivated user at the next message, and they stay ended once reactivated', async () => {
    const [whileDeactivated] = await live(saoUser, saoNotification, await api.signIn(SAO));
    await deactivate(saoUser);
    await publish(saoUser, saoNotification);
    await until(() => whileDeactivated.completed, 'the end of the stream');
    expectEnded(whileDeactivated);
    await reactivate(saoUser);

    const [beforeDeactivation] = await live(saoUser, saoNotification, await api.signIn(SAO));
    await deactivate(saoUser);
    await reactivate(saoUser);
    await publish(saoUser, saoNotification);
    await until(() => beforeDeactivation.completed, 'the end of the stream');
    await settle();
    expectEnded(beforeDeactivation);

    // A new sign-in after the reactivation is live again.
    const [fresh] = await live(saoUser, saoNotification, await api.signIn(SAO));
    await publish(saoUser, saoNotification);
    await until(() => fresh.received.length > 0, 'the delivery');
    expect(fresh).toEqual({ received: [saoNotification], errors: [], completed: false });
  });

  it('filters by the user’s permissions as they are now: moved to another organisation, the scope follows', async () => {
    const [stream] = await live(saoUser, saoNotification, await api.signIn(SAO));
    await publish(saoUser, saoMarrakechNotification); // not theirs to read yet
    await publish(saoUser, saoNotification);
    await until(() => stream.received.length > 0, 'the delivery');
    expect(stream.received).toEqual([saoNotification]);
    stream.received.length = 0;

    await asAdmin(UPDATE_USER, {
      id: saoUser,
      version: await versionOf(saoUser),
      input: { organizationId: await organizationIdNamed(dataSource, SAO_MARRAKECH) },
    });
    await publish(saoUser, saoNotification); // Casablanca: out of their new scope
    await publish(saoUser, saoMarrakechNotification);
    await until(() => stream.received.length > 0, 'the delivery');
    await settle();
    expect(stream).toEqual({ received: [saoMarrakechNotification], errors: [], completed: false });
  });
});
