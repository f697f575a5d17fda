import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, isQueueReady, QueueWorker, type AppConfig } from '@convergence/server/core';
import { QUEUES } from '@convergence/server/outbox';
import { ScheduleRegistrar } from '../schedules/schedule-registrar';
import { SchedulesProcessor } from '../schedules/schedules.processor';
import { EmailDelivery } from './email-delivery';
import { EventFanOut } from './event-fan-out';
import type { DeliveryJobData, EventJobData } from './notification-jobs';
import { NotificationQueues } from './notification-queues';
import { OutboxRelay } from './outbox-relay';

/** Events fanned out at once: mostly database work. */
const EVENT_CONCURRENCY = 8;
/** E-mails sent at once: gentle on the SMTP server. */
const DELIVERY_CONCURRENCY = 4;
/** Scans and digests run one at a time. */
const SCHEDULE_CONCURRENCY = 1;
/** Pause between attempts to declare the job schedulers while Redis is away at start. */
const REGISTRATION_RETRY_MS = 5_000;

/**
 * The notification side of a worker process: outbox → relay → events queue → fan-out → deliveries
 * queue → e-mail, and the scheduled scans and digests. Starts once the application is up (after the
 * schema check) and stops in order when it closes (SIGTERM): no new events relayed, the jobs in
 * progress finish, then the queues close — before the database and Redis connections, which close
 * last.
 */
@Injectable()
export class NotificationPipeline implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationPipeline.name);
  private workers: Pick<QueueWorker<unknown>, 'stop'>[] = [];
  private starting: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly relay: OutboxRelay,
    private readonly queues: NotificationQueues,
    private readonly fanOut: EventFanOut,
    private readonly delivery: EmailDelivery,
    private readonly schedules: SchedulesProcessor,
    private readonly registrar: ScheduleRegistrar,
  ) {}

  onApplicationBootstrap(): void {
    this.workers = [
      new QueueWorker<EventJobData>(
        this.config,
        QUEUES.events,
        (job) => this.fanOut.fanOut(job.data.eventId),
        EVENT_CONCURRENCY,
      ),
      new QueueWorker<DeliveryJobData>(
        this.config,
        QUEUES.deliveries,
        (job, token) => this.delivery.deliver(job, token),
        DELIVERY_CONCURRENCY,
      ),
      new QueueWorker(
        this.config,
        QUEUES.schedules,
        (job) => this.schedules.process(job),
        SCHEDULE_CONCURRENCY,
      ),
    ];
    this.relay.start();
    // In the background: the worker serves its queues while these wait for Redis or run.
    this.starting = Promise.all([this.registerSchedules(), this.catchUp()]).then(() => undefined);
    this.logger.log('Notification pipeline started');
  }

  /** Declares the job schedulers (idempotent), trying again until Redis answers. */
  private async registerSchedules(): Promise<void> {
    let warned = false;
    while (!this.stopping) {
      try {
        if (await isQueueReady(this.queues.schedules, REGISTRATION_RETRY_MS)) {
          await this.registrar.register(this.queues.schedules);
          return;
        }
        throw new Error('Redis is not reachable');
      } catch (error) {
        if (!warned) this.logger.warn(`Job schedulers not declared yet: ${(error as Error).message}`);
        warned = true;
        await new Promise((resolve) => setTimeout(resolve, REGISTRATION_RETRY_MS));
      }
    }
  }

  /** The scans once at start, for what came due while no worker ran; the daily run retries a failure. */
  private async catchUp(): Promise<void> {
    try {
      const result = await this.schedules.runStartupScan();
      this.logger.log(`Start-up scan: ${JSON.stringify(result)}`);
    } catch (error) {
      this.logger.warn(`Start-up scan failed, the daily scan will catch up: ${(error as Error).message}`);
    }
  }

  /**
   * Stops relaying and processing. Gracefully, the jobs in progress finish and are acknowledged;
   * with `force` (a second signal, or Redis gone for good) they are left to be taken over by another
   * worker once their lock expires — processing is idempotent, so nothing is done twice.
   */
  stop({ force = false }: { force?: boolean } = {}): Promise<void> {
    this.stopping ??= (async () => {
      await this.relay.stop();
      await Promise.all(this.workers.map((worker) => worker.stop({ force })));
      await this.starting;
      await this.queues.close();
      this.logger.log('Notification pipeline stopped');
    })();
    return this.stopping;
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }
}
