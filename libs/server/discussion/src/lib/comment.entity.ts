import type { SubjectType } from '@convergence/shared/domain';
import { UserEntity } from '@convergence/server/users';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';

/**
 * A comment on a subject, or a reply (`parentId`). Editing keeps the previous text in
 * `comment_revision`; deleting blanks the text but keeps the row, so the thread stays whole. A formal
 * question is addressed to the subject's lead organisation and due within `QUESTION_ANSWER_DAYS`.
 */
@Entity({ name: 'comment' })
@Index('comment_subject_idx', ['subjectType', 'subjectId', 'createdAt'])
@Index('comment_parent_idx', ['parentId'])
@Index('comment_open_question_idx', ['questionDueAt'], { where: 'is_question AND answered_at IS NULL' })
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: SubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => CommentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: CommentEntity;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_user_id' })
  author?: UserEntity;

  /** Empty once deleted. */
  @Column({ type: 'varchar', length: 5000 })
  body!: string;

  /** Users mentioned (each may read the subject). */
  @Column({ name: 'mention_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  mentionUserIds!: string[];

  @Column({ name: 'is_question', type: 'boolean', default: false })
  isQuestion!: boolean;

  @Column({ name: 'question_due_at', type: 'timestamptz', nullable: true })
  questionDueAt!: Date | null;

  /** When a user of the lead organisation first replied to the question. */
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'deleted_by_user_id', type: 'uuid', nullable: true })
  deletedByUserId!: string | null;

  @VersionColumn()
  version!: number;
}
