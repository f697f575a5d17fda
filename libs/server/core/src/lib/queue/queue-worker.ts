import { Logger } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { workerOptions } from './queue-options';

export type JobHandler<Data> = (job: Job<Data>, token: string | undefined) => Promise<unknown>;

/**
 * A BullMQ worker of one queue with the platform's settings (`workerOptions`): it logs a Redis
 * outage once rather than at every reconnection attempt, logs failed attempts, and stops either
 * gracefully (the jobs it runs finish and are acknowledged) or by force (they are left to another
 * worker, which takes them over once their lock expires). Either way it waits for the handlers
 * already running to return, so that none is cut off in the middle of a database write or an SMTP
 * exchange by the process closing its connections.
 */
export class QueueWorker<Data> {
  private readonly logger: Logger;
  private readonly worker: Worker<Data>;
  private readonly running = new Set<Promise<unknown>>();
  private unreachable = false;

  constructor(config: AppConfig, queueName: string, handler: JobHandler<Data>, concurrency: number) {
    this.logger = new Logger(`QueueWorker ${queueName}`);
    this.worker = new Worker<Data>(
      queueName,
      (job, token) => this.track(handler(job, token)),
      workerOptions(config, concurrency),
    );
    this.worker.on('error', (error) => {
      if (this.unreachable) return;
      this.unreachable = true;
      this.logger.warn(`${error.message}; retrying in the background`);
    });
    this.worker.on('ready', () => {
      if (this.unreachable) this.logger.log('Redis reachable again');
      this.unreachable = false;
    });
    this.worker.on('failed', (job, error) => {
      const attempts = job ? `attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1}` : 'no job';
      this.logger.warn(`job ${job?.id ?? '?'} failed (${attempts}): ${error.message}`);
    });
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  async stop({ force = false }: { force?: boolean } = {}): Promise<void> {
    await this.worker.close(force);
    await Promise.allSettled([...this.running]);
  }
}
