import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FollowEntity } from './follow.entity';
import { FollowResolver } from './follows/follow.resolver';
import { FollowService } from './follows/follow.service';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationEntity } from './notification.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      NotificationEntity,
      NotificationDeliveryEntity,
      NotificationPreferenceEntity,
      FollowEntity,
    ]),
  ],
  providers: [FollowService, FollowResolver],
  exports: [FollowService],
})
export class NotificationsModule {}
