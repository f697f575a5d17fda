import type { NotificationType, SubjectType } from '@convergence/shared/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Something that happened and that people may need to hear about, written in the transaction of the
 * change itself (ARCHITECTURE.md). The worker's relay moves unrelayed rows to BullMQ with the row id
 * as job id and stamps `relayedAt`; processors turn it into notifications. Never deleted by the app.
 */
@Entity({ name: 'outbox_event' })
@Index('outbox_event_unrelayed_idx', ['createdAt'], { where: 'relayed_at IS NULL' })
@Index('outbox_event_subject_idx', ['subjectType', 'subjectId'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 48 })
  type!: NotificationType;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: SubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /** Who caused it; null for the scheduled scans. They are not notified of their own doing. */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** What the message needs: titles, statuses, amounts, the comment id, mentioned user ids… */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  /**
   * For events found by scans: one per (subject, rung, day), so that a scan run twice the same day,
   * or by two workers, records it once (a unique index; the insert does nothing the second time).
   */
  @Index('outbox_event_dedupe_key_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;
}
