import { Module } from '@nestjs/common';
import { MailerService } from './mailer.service';

/** E-mail sending, one transport per process: immediate deliveries and digests share it. */
@Module({ providers: [MailerService], exports: [MailerService] })
export class NotificationEmailModule {}
