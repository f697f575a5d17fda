import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isQueueReady } from '@convergence/server/core';
import type { DataSource } from 'typeorm';
import { NotificationQueues } from './notification-queues';

/** Events moved per transaction. */
const BATCH_SIZE = 100;
/** Pause between two looks at an empty outbox. */
const IDLE_DELAY_MS = 200;
/** Pause after a failure (database or Redis away) before trying again. */
const FAILURE_DELAY_MS = 1_000;
/** How long a pass waits for the queue's first connection to Redis before giving up. */
const CONNECTION_WAIT_MS = 1_000;

/**
 * Moves outbox events to the events queue (ARCHITECTURE.md). Each pass claims the oldest unrelayed
 * rows with `FOR UPDATE SKIP LOCKED` (several workers relay side by side without taking the same
 * rows), adds them to BullMQ with the event id as job id, and stamps them relayed, in one
 * transaction: if Redis refuses the jobs, the transaction rolls back and the rows wait for the next
 * pass. If the stamp is lost after the jobs were added, the next pass adds them again under the same
 * job ids, which BullMQ ignores (completed jobs are kept for a day for that reason).
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private loop: Promise<void> | null = null;
  private running = false;
  private wake: (() => void) | null = null;
  private failing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: NotificationQueues,
  ) {}

  start(): void {
    if (this.loop) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the pass in progress, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let delay = IDLE_DELAY_MS;
      try {
        // A full batch: there is probably more waiting, so go again at once.
        if ((await this.relayBatch()) === BATCH_SIZE) delay = 0;
        if (this.failing) this.logger.log('Relaying outbox events again');
        this.failing = false;
      } catch (error) {
        // Once per outage, not at every pass.
        if (!this.failing) this.logger.warn(`Outbox events wait: ${(error as Error).message}`);
        this.failing = true;
        delay = FAILURE_DELAY_MS;
      }
      if (delay > 0 && this.running) await this.sleep(delay);
    }
  }

  /** One pass: relays up to BATCH_SIZE events and returns how many. */
  async relayBatch(): Promise<number> {
    // Never hold rows locked while waiting for a Redis that was not there when the worker started.
    if (!(await isQueueReady(this.queues.events, CONNECTION_WAIT_MS))) {
      throw new Error('Redis is not reachable');
    }
    return this.dataSource.transaction(async (manager) => {
      const events: { id: string; type: string }[] = await manager.query(
        `SELECT id, type FROM outbox_event
          WHERE relayed_at IS NULL
          ORDER BY created_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [BATCH_SIZE],
      );
      if (events.length === 0) return 0;
      await this.queues.events.addBulk(
        events.map(({ id, type }) => ({ name: type, data: { eventId: id }, opts: { jobId: id } })),
      );
      await manager.query('UPDATE outbox_event SET relayed_at = now() WHERE id = ANY($1::uuid[])', [
        events.map((event) => event.id),
      ]);
      return events.length;
    });
  }

  /** A pause that `stop()` cuts short. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
