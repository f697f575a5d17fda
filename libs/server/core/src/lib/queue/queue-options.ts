import type { DefaultJobOptions, QueueOptions, WorkerOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

/** Reconnection delay after the n-th failed attempt: doubling from 250 ms, at most 10 s. */
export function redisReconnectDelay(attempt: number): number {
  return Math.min(250 * 2 ** Math.min(attempt, 10), 10_000);
}

/**
 * A queue used to add jobs (BullMQ's production guide): once connected, adding while Redis is away
 * fails at once instead of waiting for a reconnection, so the caller — a request, or the outbox relay
 * holding a transaction — can give up and try again later. The connection itself keeps retrying.
 * Before its first connection a queue waits for it (`waitUntilReady`): callers that must not wait
 * check readiness first (see `isQueueReady`).
 */
export function producerQueueOptions(config: AppConfig): QueueOptions {
  return {
    prefix: config.queuePrefix,
    connection: {
      url: config.redisUrl,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: redisReconnectDelay,
    },
  };
}

/**
 * A worker (BullMQ's production guide): its commands wait out an outage (`maxRetriesPerRequest:
 * null`) and the connection retries with a capped backoff, so a worker resumes by itself when Redis
 * is back. A job held by a worker that died is taken over after `jobLockSeconds`.
 */
export function workerOptions(config: AppConfig, concurrency: number): WorkerOptions {
  const lockDuration = config.jobLockSeconds * 1_000;
  return {
    prefix: config.queuePrefix,
    concurrency,
    connection: { url: config.redisUrl, maxRetriesPerRequest: null, retryStrategy: redisReconnectDelay },
    lockDuration,
    stalledInterval: lockDuration,
    // A job can stall once because its worker was killed, and again if the next one is too.
    maxStalledCount: 3,
    // After a failed fetch (Redis away), try again soon rather than after BullMQ's 15 s default.
    runRetryDelay: 1_000,
  };
}

/**
 * Every job of the platform: 5 attempts with exponential backoff from 1 s; completed jobs stay a day
 * so that an id added again (an outbox event relayed twice) is recognised and ignored; failed jobs
 * stay until someone looks at them on the queue dashboard.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 60 * 60 },
  removeOnFail: false,
} as const satisfies DefaultJobOptions;
