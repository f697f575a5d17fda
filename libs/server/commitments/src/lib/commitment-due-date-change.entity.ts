import type { ReasonCode } from '@convergence/shared/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CommitmentEntity } from './commitment.entity';

/** Every move of a commitment's due date, with its reason: the slips a scorecard must not hide. */
@Entity({ name: 'commitment_due_date_change' })
@Index('commitment_due_date_change_commitment_idx', ['commitmentId', 'changedAt'])
export class CommitmentDueDateChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'commitment_id', type: 'uuid' })
  commitmentId!: string;

  @ManyToOne(() => CommitmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: CommitmentEntity;

  @Column({ name: 'changed_by_user_id', type: 'uuid', nullable: true })
  changedByUserId!: string | null;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @Column({ name: 'previous_due_date', type: 'date' })
  previousDueDate!: string;

  @Column({ name: 'new_due_date', type: 'date' })
  newDueDate!: string;

  @Column({ name: 'reason_code', type: 'varchar', length: 32 })
  reasonCode!: ReasonCode;

  @Column({ type: 'varchar', length: 2000, default: '' })
  note!: string;
}
