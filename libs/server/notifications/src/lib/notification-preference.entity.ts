import type { DeliveryMode, NotificationChannel, NotificationType } from '@convergence/shared/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's choice for one type on one channel; absent rows mean `defaultDeliveryMode`. */
@Entity({ name: 'notification_preference' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 48 })
  type!: NotificationType;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel!: NotificationChannel;

  @Column({ type: 'varchar', length: 16 })
  mode!: DeliveryMode;
}
