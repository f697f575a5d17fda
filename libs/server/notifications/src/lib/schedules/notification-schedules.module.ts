import { Module } from '@nestjs/common';
import { NotificationEmailModule } from '../email/notification-email.module';
import { DigestService } from './digest.service';
import { EscalationScanner } from './escalation-scanner';
import { ScheduleRegistrar } from './schedule-registrar';
import { SchedulesProcessor } from './schedules.processor';

/**
 * The scheduled side of notifications, for the worker: escalation and reminder scans, digests, and
 * the registration of their job schedulers. Needs the TypeORM data source, `APP_CONFIG` and the
 * global `SubjectRegistry` with every subject type registered (the domain modules).
 */
@Module({
  imports: [NotificationEmailModule],
  providers: [EscalationScanner, DigestService, ScheduleRegistrar, SchedulesProcessor],
  exports: [NotificationEmailModule, EscalationScanner, DigestService, ScheduleRegistrar, SchedulesProcessor],
})
export class NotificationSchedulesModule {}
