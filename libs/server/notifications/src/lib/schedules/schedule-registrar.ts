import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { SCHEDULES, SCHEDULE_TIME_ZONE } from './schedules';

/**
 * Declares the job schedulers on the schedules queue. `upsertJobScheduler` is idempotent: every
 * worker calls it at start, and a changed pattern replaces the old one instead of adding a second.
 */
@Injectable()
export class ScheduleRegistrar {
  async register(queue: Queue): Promise<void> {
    for (const schedule of SCHEDULES) {
      await queue.upsertJobScheduler(
        schedule.name,
        { pattern: schedule.pattern, tz: SCHEDULE_TIME_ZONE },
        {
          name: schedule.name,
          data: {},
          opts: {
            // Scans and digests are idempotent, so a failed run is simply run again, backing off.
            attempts: 6,
            backoff: { type: 'exponential', delay: 30_000 },
            removeOnComplete: { count: 200 },
            removeOnFail: { count: 1000 },
          },
        },
      );
    }
  }
}
