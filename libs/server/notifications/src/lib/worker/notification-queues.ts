import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, producerQueue, type AppConfig } from '@convergence/server/core';
import { QUEUES } from '@convergence/server/outbox';
import type { DeliveryJobData, EventJobData } from './notification-jobs';

/**
 * The queues the worker adds to: events (from the relay), deliveries (from the fan-out) and the
 * schedules (their job schedulers, declared at start).
 */
@Injectable()
export class NotificationQueues {
  readonly events: Queue<EventJobData>;
  readonly deliveries: Queue<DeliveryJobData>;
  readonly schedules: Queue;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.events = producerQueue(config, QUEUES.events);
    this.deliveries = producerQueue(config, QUEUES.deliveries);
    this.schedules = producerQueue(config, QUEUES.schedules);
  }

  async close(): Promise<void> {
    await Promise.all([this.events.close(), this.deliveries.close(), this.schedules.close()]);
  }
}
