import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The process's Redis connection. Redis being down must not stop the api from serving: commands
 * fail fast instead of queueing, the client keeps reconnecting, and the state is logged once per change.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  readonly client: Redis;
  private reachable: boolean | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
    });
    this.client.on('ready', () => this.changed(true));
    this.client.on('error', (error: Error) => this.changed(false, error.message));
  }

  private changed(reachable: boolean, reason?: string): void {
    if (this.reachable === reachable) return;
    this.reachable = reachable;
    if (reachable) this.logger.log('Redis connected');
    else this.logger.warn(`Redis unreachable (${reason}); retrying in the background`);
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
