import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CommentEntity } from './comment.entity';

/** A previous text of a comment, kept when it is edited or deleted (moderation needs the history). */
@Entity({ name: 'comment_revision' })
@Index('comment_revision_comment_idx', ['commentId', 'revisedAt'])
export class CommentRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'comment_id', type: 'uuid' })
  commentId!: string;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id' })
  comment?: CommentEntity;

  /** The text as it was before the change. */
  @Column({ type: 'varchar', length: 5000 })
  body!: string;

  @Column({ name: 'editor_user_id', type: 'uuid' })
  editorUserId!: string;

  @CreateDateColumn({ name: 'revised_at', type: 'timestamptz' })
  revisedAt!: Date;
}
