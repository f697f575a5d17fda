import { Injectable } from '@nestjs/common';
import { todayInMorocco } from '@convergence/server/core';
import { UnrecoverableError, type Job } from 'bullmq';
import { DigestService, type DigestRunResult } from './digest.service';
import { EscalationScanner, type ScanResult } from './escalation-scanner';
import { SCHEDULE_JOBS } from './schedules';

/**
 * Runs the jobs of `QUEUES.schedules` by name (the worker's BullMQ Worker calls `process`). The
 * result is kept with the job, so the queue dashboard shows what each run did.
 */
@Injectable()
export class SchedulesProcessor {
  constructor(
    private readonly scanner: EscalationScanner,
    private readonly digests: DigestService,
  ) {}

  async process(job: Pick<Job, 'name'>): Promise<ScanResult | DigestRunResult> {
    switch (job.name) {
      case SCHEDULE_JOBS.escalationScan:
        return this.scanner.scan(todayInMorocco());
      case SCHEDULE_JOBS.digestDaily:
        return this.sendDigests('DAILY');
      case SCHEDULE_JOBS.digestWeekly:
        return this.sendDigests('WEEKLY');
      default:
        throw new UnrecoverableError(`Unknown schedule job "${job.name}"`);
    }
  }

  /**
   * Once when the worker starts: whatever the ladder and reminders found while no worker ran is
   * recorded now (and on a fresh demo database, the ladder shows at once). Idempotent with the
   * daily run.
   */
  runStartupScan(): Promise<ScanResult> {
    return this.scanner.scan(todayInMorocco());
  }

  private async sendDigests(mode: 'DAILY' | 'WEEKLY'): Promise<DigestRunResult> {
    const result = await this.digests.send(mode);
    // Failing the job retries it with backoff; digests already sent are not sent again.
    if (result.failed > 0) throw new Error(`${result.failed} ${mode} digest(s) could not be sent`);
    return result;
  }
}
