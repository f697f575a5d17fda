import { Queue } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { DEFAULT_JOB_OPTIONS, producerQueueOptions } from './queue-options';

/**
 * A queue to add jobs to, failing fast while Redis is away (`producerQueueOptions`) and giving every
 * job the platform's retry and retention settings.
 */
export function producerQueue<Data>(config: AppConfig, name: string): Queue<Data> {
  const queue = new Queue<Data>(name, {
    ...producerQueueOptions(config),
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  // Connection errors also reject the caller's own `add`, which reports them; without a listener
  // the emitter would turn each one into an uncaught exception.
  queue.on('error', () => undefined);
  return queue;
}

/**
 * Whether the queue has connected to Redis at least once, waiting at most `timeoutMs`. Until then
 * its commands would wait for the connection rather than fail.
 */
export async function isQueueReady(
  queue: { waitUntilReady(): Promise<unknown> },
  timeoutMs: number,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([queue.waitUntilReady().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
