import type { SubjectType } from '@convergence/shared/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A user following a subject. Users of the organisations involved in a subject follow it without a
 * row; a row with `following = false` records that such a user unfollowed it, and wins.
 */
@Entity({ name: 'follow' })
@Index('follow_subject_idx', ['subjectType', 'subjectId'])
export class FollowEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: SubjectType;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'boolean' })
  following!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
