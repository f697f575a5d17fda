/**
 * The BullMQ queues of the platform. Names and job names are the contract between the api (which
 * only reads queue state for the dashboard) and the worker. Job ids never contain ':' (TOOLCHAIN.md).
 */
export const QUEUES = {
  /** One job per outbox event (job id = event id): fan out to notification rows. */
  events: 'convergence-events',
  /** One job per notification and channel (job id = `<notificationId>-<channel>`): deliver it. */
  deliveries: 'convergence-deliveries',
  /** Repeatable scans (escalation ladder, reminders) and digests, by job scheduler. */
  schedules: 'convergence-schedules',
} as const;

/** Redis pub/sub channel of live in-app notifications, one message per notification. */
export const NOTIFICATION_CHANNEL = 'convergence.notification-added';
