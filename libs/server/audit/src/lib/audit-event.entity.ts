import type { SubjectType } from '@convergence/shared/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Field → [before, after]; values as JSON (dates as ISO strings, amounts as decimal strings). */
export type AuditChanges = Record<string, [unknown, unknown]>;

/**
 * One change by someone, written in the transaction of the change itself, never updated or deleted.
 * Readable by whoever may read the subject (the read check is on the subject, not on this row).
 */
@Entity({ name: 'audit_event' })
@Index('audit_event_subject_idx', ['subjectType', 'subjectId', 'at'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** Null for the platform itself (demo loading, scheduled jobs). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  action!: AuditAction;

  /** The operation that made the change, such as `reportProjectProgress`. */
  @Column({ type: 'varchar', length: 64 })
  operation!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: SubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'jsonb' })
  changes!: AuditChanges;
}
