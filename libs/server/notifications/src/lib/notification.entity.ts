import type { NotificationType, SubjectType } from '@convergence/shared/domain';
import { UserEntity } from '@convergence/server/users';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * One event for one person: what the bell counts and the notification centre lists. One row per
 * (user, event) whatever how often the event is processed, so a retried job notifies nobody twice.
 */
@Entity({ name: 'notification' })
@Index('notification_user_event_key', ['userId', 'eventId'], { unique: true })
@Index('notification_user_created_idx', ['userId', 'createdAt'])
@Index('notification_user_unread_idx', ['userId'], { where: 'read_at IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** The outbox event it comes from. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'varchar', length: 48 })
  type!: NotificationType;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: SubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /** The event's payload, as the message renders it. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
