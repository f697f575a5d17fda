import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import {
  DEFAULT_JOB_OPTIONS,
  producerQueueOptions,
  redisReconnectDelay,
  workerOptions,
} from './queue-options';

const config = loadConfig(
  { REDIS_URL: 'redis://redis.internal:6380', QUEUE_PREFIX: 'site-a', JOB_LOCK_SECONDS: '20' },
  mkdtempSync(join(tmpdir(), 'cv-queue-')),
);

describe('queue options (BullMQ production guide)', () => {
  it('reconnects with a doubling delay, capped at 10 s', () => {
    expect([1, 2, 3, 4].map(redisReconnectDelay)).toEqual([500, 1_000, 2_000, 4_000]);
    expect(redisReconnectDelay(7)).toBe(10_000);
    expect(redisReconnectDelay(1_000)).toBe(10_000);
  });

  it('lets producers fail at once while Redis is away, and workers wait it out', () => {
    expect(producerQueueOptions(config).connection).toMatchObject({
      url: 'redis://redis.internal:6380',
      enableOfflineQueue: false,
    });
    expect(workerOptions(config, 3).connection).toMatchObject({
      url: 'redis://redis.internal:6380',
      maxRetriesPerRequest: null,
    });
  });

  it('keeps every queue of an installation under its prefix, and takes over jobs after JOB_LOCK_SECONDS', () => {
    expect(producerQueueOptions(config).prefix).toBe('site-a');
    expect(workerOptions(config, 3)).toMatchObject({
      prefix: 'site-a',
      concurrency: 3,
      lockDuration: 20_000,
    });
  });

  it('retries a job 5 times from 1 s, keeps completed ids a day and failed jobs for inspection', () => {
    expect(DEFAULT_JOB_OPTIONS).toEqual({
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: 86_400 },
      removeOnFail: false,
    });
  });
});
