import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '@convergence/server/users';
import { NotificationPreferenceEntity } from '../notification-preference.entity';
import { NotificationEntity } from '../notification.entity';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationLiveFeed } from './notification-live-feed';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationPubSub } from './notification-pubsub';
import { NotificationResolver } from './notification.resolver';

/**
 * The GraphQL side of notifications (the api only): list, count, mark read, preferences and the live
 * `notificationAdded`. Apart from `NotificationsModule` so that the worker, which imports that one,
 * opens no pub/sub connection and registers no resolvers.
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, NotificationPreferenceEntity]), UsersModule],
  providers: [
    NotificationInboxService,
    NotificationPreferencesService,
    NotificationPubSub,
    NotificationLiveFeed,
    NotificationResolver,
  ],
})
export class NotificationsApiModule {}
