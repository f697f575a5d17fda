import { BUSINESS_TIME_ZONE } from '@convergence/server/core';

/** The repeatable jobs of `QUEUES.schedules`; the job name is also its job scheduler's id. */
export const SCHEDULE_JOBS = {
  escalationScan: 'escalation-scan',
  digestDaily: 'digest-daily',
  digestWeekly: 'digest-weekly',
} as const;
export type ScheduleJobName = (typeof SCHEDULE_JOBS)[keyof typeof SCHEDULE_JOBS];

/** When each runs, as a cron pattern on Morocco's clock (`tz`), whatever the server's time zone. */
export const SCHEDULES: readonly { name: ScheduleJobName; pattern: string }[] = [
  // Early, so that the day's ladder and reminders are in the inboxes when offices open.
  { name: SCHEDULE_JOBS.escalationScan, pattern: '0 6 * * *' },
  // At the end of the working day.
  { name: SCHEDULE_JOBS.digestDaily, pattern: '0 18 * * *' },
  // Monday morning, for the week's planning.
  { name: SCHEDULE_JOBS.digestWeekly, pattern: '0 8 * * 1' },
];

export const SCHEDULE_TIME_ZONE = BUSINESS_TIME_ZONE;
