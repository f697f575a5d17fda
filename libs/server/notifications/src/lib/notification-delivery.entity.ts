import type { DeliveryMode } from '@convergence/shared/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationEntity } from './notification.entity';

export const DELIVERY_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The e-mail of one notification: at most one row per (notification, channel), claimed before
 * sending and marked SENT after, so that a retried or restarted worker does not send it twice.
 * Digest deliveries wait as PENDING with mode DAILY/WEEKLY until their digest goes out.
 */
@Entity({ name: 'notification_delivery' })
@Index('notification_delivery_key', ['notificationId', 'channel'], { unique: true })
@Index('notification_delivery_pending_idx', ['mode', 'status'], { where: "status = 'PENDING'" })
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId!: string;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: NotificationEntity;

  /** Only EMAIL today; in-app delivery is the notification row itself. */
  @Column({ type: 'varchar', length: 16 })
  channel!: 'EMAIL';

  @Column({ type: 'varchar', length: 16 })
  mode!: Exclude<DeliveryMode, 'OFF'>;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** When a worker claimed it for sending; a claim older than the job timeout may be taken over. */
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** The message id of the e-mail (or digest) that carried it. */
  @Column({ name: 'message_id', type: 'varchar', length: 200, nullable: true })
  messageId!: string | null;
}
