/**
 * The job contracts of the notification pipeline (ARCHITECTURE.md: a typed contract plus an
 * idempotent processor; ids carry no ':').
 */

/** A job of `QUEUES.events`, added by the outbox relay with the event id as job id. */
export interface EventJobData {
  eventId: string;
}

/** A job of `QUEUES.deliveries`: e-mail one notification now. */
export interface DeliveryJobData {
  notificationId: string;
}

/** One delivery job per notification and channel, whoever adds it and however often. */
export function deliveryJobId(notificationId: string): string {
  return `${notificationId}-EMAIL`;
}
