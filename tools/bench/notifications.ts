// npm run bench:notifications [-- <events> [<recipients per event> [<events per second>]]]: throughput and latency of the
// notification pipeline (outbox → relay → BullMQ → fan-out → notification rows and live messages),
// with the real worker module in this process, on a scratch database of the PostgreSQL server of
// TEST_DATABASE_URL (default: the local one) and the Redis of REDIS_URL (default: the local one).
// Prints events per second and the delay from each event's commit to its notification rows and to
// their live messages on Redis (p50/p95/p99). Without a rate, events are written as fast as 8 writers
// can (the delays then measure the backlog); with one, they are paced. Leaves nothing behind.
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '@convergence/server/core';
import { databaseUrl, withServer } from '@convergence/server/core/testing';
import { publishEvent } from '@convergence/server/outbox';
import { prepareDatabase } from '../../apps/api/src/app/database-preparation';
import { ENTITIES } from '../../apps/api/src/app/entities';
import { listenToLiveNotifications } from '../../apps/api/src/testing/notifications/live-messages';
import {
  createCasablancaProject,
  createOrganization,
  createPerson,
} from '../../apps/api/src/testing/notifications/notification-fixtures';
import { dropQueueKeys } from '../../apps/api/src/testing/notifications/test-worker';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';

const EVENTS = Number(process.argv[2] ?? 2_000);
const RECIPIENTS = Number(process.argv[3] ?? 5);
const RATE = process.argv[4] ? Number(process.argv[4]) : null;
/** Writers committing events side by side, as several api requests would. */
const PRODUCERS = 8;
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(label: string, delays: number[]): string {
  const sorted = [...delays].sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p).toFixed(0).padStart(6));
  return `${label.padEnd(34)} p50 ${p50} ms   p95 ${p95} ms   p99 ${p99} ms   (${sorted.length} samples)`;
}

async function bench(): Promise<void> {
  Logger.overrideLogger(['warn', 'error']);
  const database = `convergence_bench_${process.pid}`;
  const queuePrefix = `bench-${process.pid}`;
  await withServer((client) => client.query(`CREATE DATABASE ${database}`));
  const url = databaseUrl(database);
  const setup = new DataSource(dataSourceOptions({ url, poolSize: PRODUCERS + 1 }, ENTITIES));
  let worker: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | null = null;
  try {
    await setup.initialize();
    console.log('Preparing a scratch database (migrations, territories)…');
    await prepareDatabase(setup, { demoData: false, exclusive: false });
    const lead = await createOrganization(setup, 'AL_OMRANE_SUBSIDIARY', '06');
    const council = await createOrganization(setup, 'REGIONAL_COUNCIL', '06');
    const project = await createCasablancaProject(setup, lead);
    const actor = await createPerson(setup, council, 'ELECTED_OFFICIAL');
    for (let i = 0; i < RECIPIENTS; i++) await createPerson(setup, lead, 'SUBSIDIARY_MANAGER');

    const config = loadConfig({
      ...process.env,
      DATABASE_URL: url,
      REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'convergence-bench-')),
      JWT_SECRET: 'benchmark-secret-of-at-least-32-characters',
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
      SMTP_URL: '',
    });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: ['warn', 'error'],
    });
    const live = await listenToLiveNotifications(REDIS_URL);

    console.log(
      `Publishing ${EVENTS} events (${PRODUCERS} writers${RATE ? `, ${RATE}/s` : ''}), ${RECIPIENTS} recipients each…`,
    );
    // Progress reports go to the daily digest by default: this measures the pipeline, not SMTP.
    const committedAt = new Map<string, number>();
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: PRODUCERS }, async () => {
        while (next < EVENTS) {
          const n = next++;
          if (RATE)
            await new Promise((resolve) => setTimeout(resolve, started + (n * 1_000) / RATE - Date.now()));
          const dedupeKey = `bench-${randomUUID()}`;
          await setup.transaction((manager) =>
            publishEvent(manager, {
              type: 'PROJECT_PROGRESS_REPORTED',
              subjectType: 'PROJECT',
              subjectId: project.id,
              actorUserId: actor.id,
              payload: { subjectTitle: project.title, physicalProgress: n % 100, previousProgress: 0 },
              dedupeKey,
            }),
          );
          committedAt.set(dedupeKey, Date.now());
        }
      }),
    );
    const published = Date.now();

    const expected = EVENTS * RECIPIENTS;
    const deadline = Date.now() + 60_000 + EVENTS * 50;
    for (;;) {
      const [{ count }] = await setup.query('SELECT count(*)::int AS count FROM notification');
      if (count >= expected && live.messages.length >= expected) break;
      if (Date.now() > deadline) {
        throw new Error(
          `gave up: ${count} of ${expected} notifications, ${live.messages.length} live messages`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    live.close();

    const rows: { dedupeKey: string; notificationId: string; createdAt: Date }[] = await setup.query(
      `SELECT e.dedupe_key AS "dedupeKey", n.id AS "notificationId", n.created_at AS "createdAt"
         FROM notification n JOIN outbox_event e ON e.id = n.event_id`,
    );
    const eventOf = new Map(rows.map((row) => [row.notificationId, row.dedupeKey]));
    const lastRow = Math.max(...rows.map((row) => row.createdAt.getTime()));
    const seconds = (lastRow - started) / 1_000;
    console.log('');
    console.log(`events published in ${((published - started) / 1_000).toFixed(2)} s`);
    console.log(
      `throughput: ${(EVENTS / seconds).toFixed(0)} events/s, ${(expected / seconds).toFixed(0)} notifications/s ` +
        `(first commit → last notification row, ${seconds.toFixed(2)} s)`,
    );
    console.log(
      summary(
        'commit → notification row insert',
        rows.map((row) => row.createdAt.getTime() - (committedAt.get(row.dedupeKey) as number)),
      ),
    );
    console.log(
      summary(
        'commit → live message on Redis',
        live.messages.map(
          (message) =>
            message.receivedAt - (committedAt.get(eventOf.get(message.notificationId) as string) as number),
        ),
      ),
    );
  } finally {
    await worker?.close();
    if (setup.isInitialized) await setup.destroy();
    await withServer((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    await dropQueueKeys(REDIS_URL, queuePrefix);
  }
}

bench().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
