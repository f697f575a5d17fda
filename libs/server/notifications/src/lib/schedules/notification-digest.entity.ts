import { UserEntity } from '@convergence/server/users';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export const DIGEST_MODES = ['DAILY', 'WEEKLY'] as const;
export type DigestMode = (typeof DIGEST_MODES)[number];

/**
 * One digest e-mail of one user for one period (the day, or the week starting on Monday, in
 * Morocco). The primary key makes a digest "sent once" even when the job runs twice, and even for a
 * digest that carries no delivery rows: the ministry's weekly red list. A row stays SENDING only
 * while (or if a worker crashed while) its e-mail is being sent; a stale one is taken over.
 */
@Entity({ name: 'notification_digest' })
export class NotificationDigestEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  mode!: DigestMode;

  @PrimaryColumn({ name: 'period_start', type: 'date' })
  periodStart!: string;

  /** The e-mail's id, also written on every delivery row it carries. */
  @Column({ name: 'message_id', type: 'varchar', length: 200 })
  messageId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: 'SENDING' | 'SENT';

  @CreateDateColumn({ name: 'claimed_at', type: 'timestamptz' })
  claimedAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
