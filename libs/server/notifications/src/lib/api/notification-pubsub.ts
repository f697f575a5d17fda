import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@convergence/server/core';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';

/**
 * The api's ear on Redis pub/sub: the worker publishes each new notification once, every api instance
 * hears it and passes it to the live subscriptions of its recipient. One subscriber connection per
 * process, shared by all subscriptions; while Redis is down it keeps reconnecting and resubscribes.
 */
@Injectable()
export class NotificationPubSub implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationPubSub.name);
  private readonly subscriber: Redis;
  private readonly publisher: Redis;
  readonly engine: RedisPubSub;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.subscriber = new Redis(config.redisUrl, {
      // A SUBSCRIBE sent while Redis is down waits for it rather than failing the subscription.
      maxRetriesPerRequest: null,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
    });
    // The api never publishes (the worker does), but the engine wants a publisher: it never connects.
    this.publisher = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false });
    this.watch(this.subscriber);
    this.watch(this.publisher);
    this.engine = new RedisPubSub({ subscriber: this.subscriber, publisher: this.publisher });
  }

  /** Logs each change of state once, not every failed reconnection. */
  private watch(client: Redis): void {
    let reachable: boolean | undefined;
    const changed = (now: boolean, reason?: string) => {
      if (reachable === now) return;
      reachable = now;
      if (now) this.logger.log('Live notifications: Redis connected');
      else this.logger.warn(`Live notifications: Redis unreachable (${reason}); retrying in the background`);
    };
    client.on('ready', () => changed(true));
    client.on('error', (error: Error) => changed(false, error.message));
  }

  onApplicationShutdown(): void {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
