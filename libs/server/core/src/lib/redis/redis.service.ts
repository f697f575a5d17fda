import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** A Redis client's reconnection delay after the n-th failed attempt: 500 ms more each time, at most 5 s. */
export function redisClientReconnectDelay(attempt: number): number {
  return Math.min(attempt * 500, 5_000);
}

/** Logs each change of a client's reachability once, not every failed reconnection. */
export function logReachabilityChanges(client: Redis, logger: Logger, label = 'Redis'): void {
  let reachable: boolean | undefined;
  const changed = (now: boolean, reason?: string) => {
    if (reachable === now) return;
    reachable = now;
    if (now) logger.log(`${label} connected`);
    else logger.warn(`${label} unreachable (${reason}); retrying in the background`);
  };
  client.on('ready', () => changed(true));
  client.on('error', (error: Error) => changed(false, error.message));
}

/**
 * The process's Redis connection. Redis being down must not stop the api from serving: commands
 * fail fast instead of queueing, the client keeps reconnecting, and the state is logged once per change.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  readonly client: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: redisClientReconnectDelay,
    });
    logReachabilityChanges(this.client, this.logger);
  }

  /** Round-trip time in milliseconds, or the reason Redis does not answer. */
  async ping(timeoutMs = 1_000): Promise<{ up: true; latencyMs: number } | { up: false; error: string }> {
    const started = performance.now();
    try {
      await Promise.race([
        this.client.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), timeoutMs).unref()),
      ]);
      return { up: true, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { up: false, error: (error as Error).message };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
