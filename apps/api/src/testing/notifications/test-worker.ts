import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { Logger } from 'nestjs-pino';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '@convergence/server/core';
import { NotificationPipeline } from '@convergence/server/notifications';
// The integration tests run the real worker app's module in-process, next to the api under test.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { WorkerModule } from '../../../../worker/src/app/worker.module';

export interface TestWorkerOptions {
  databaseUrl: string;
  /** Its own key prefix, so that test files running side by side on one Redis never share jobs. */
  queuePrefix: string;
  redisUrl?: string;
  /** Absent: e-mails are written as .eml files under `<dataDir>/mail/`. */
  smtpUrl?: string;
  dataDir?: string;
}

export interface TestWorker {
  config: AppConfig;
  context: INestApplicationContext;
  /** As on SIGTERM: the jobs in progress finish, then everything closes. */
  close(): Promise<void>;
  /**
   * As a worker killed in the middle of a batch: the jobs it was running are never acknowledged
   * (BullMQ's forced close), so they stay active until their lock expires and another worker takes
   * them over.
   */
  kill(): Promise<void>;
}

export const TEST_PUBLIC_URL = 'https://convergence.test';

/** The real worker module in this process, on the test's database and Redis. */
export async function startTestWorker(options: TestWorkerOptions): Promise<TestWorker> {
  const config = loadConfig({
    JWT_SECRET: 'integration-tests-secret-of-at-least-32-chars',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: options.queuePrefix,
    DATA_DIR: options.dataDir ?? mkdtempSync(join(tmpdir(), 'convergence-worker-')),
    PUBLIC_URL: TEST_PUBLIC_URL,
    // Short, so that what a killed worker held is taken over within the test.
    JOB_LOCK_SECONDS: '2',
    MAIL_CLAIM_SECONDS: '2',
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
  });
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  context.useLogger(context.get(Logger));
  return {
    config,
    context,
    close: () => context.close(),
    async kill() {
      await context.get(NotificationPipeline).stop({ force: true });
      await context.close();
    },
  };
}

/** A prefix no other test file (or run) uses. */
export function uniqueQueuePrefix(name: string): string {
  return `test-${name}-${process.pid}-${Date.now()}`;
}

/** Removes the queues' keys a test file left in a shared Redis. */
export async function dropQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = nextCursor;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
