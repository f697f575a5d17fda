import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications.module';
import { RecipientFinder } from '../recipients/recipient-finder';
import { NotificationSchedulesModule } from '../schedules/notification-schedules.module';
import { EmailDelivery } from './email-delivery';
import { EventFanOut } from './event-fan-out';
import { NotificationPipeline } from './notification-pipeline';
import { NotificationQueues } from './notification-queues';
import { OutboxRelay } from './outbox-relay';

/**
 * The notification processors, for the worker process only (ARCHITECTURE.md): the outbox relay, the
 * fan-out of events to notifications, the immediate e-mails, and the scheduled scans and digests.
 * Needs the subject registry filled by the domain modules the worker imports.
 */
@Module({
  imports: [NotificationsModule, NotificationSchedulesModule],
  providers: [
    NotificationQueues,
    RecipientFinder,
    EventFanOut,
    EmailDelivery,
    OutboxRelay,
    NotificationPipeline,
  ],
  exports: [NotificationPipeline],
})
export class NotificationsWorkerModule {}
