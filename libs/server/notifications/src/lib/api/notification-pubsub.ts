import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  APP_CONFIG,
  logReachabilityChanges,
  redisClientReconnectDelay,
  type AppConfig,
} from '@convergence/server/core';
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
      retryStrategy: redisClientReconnectDelay,
    });
    // The api never publishes (the worker does), but the engine wants a publisher: it never connects.
    this.publisher = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false });
    for (const client of [this.subscriber, this.publisher])
      logReachabilityChanges(client, this.logger, 'Live notifications: Redis');
    this.engine = new RedisPubSub({ subscriber: this.subscriber, publisher: this.publisher });
  }

  onApplicationShutdown(): void {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
