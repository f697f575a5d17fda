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

const decimal = { type: 'numeric', precision: 16, scale: 2 } as const;

/**
 * One declaration of fulfilment by the committing organisation (step 1, with its note as evidence)
 * and its verification by a ministry official (step 2). Never deleted: the history of a commitment.
 */
@Entity({ name: 'commitment_fulfilment' })
@Index('commitment_fulfilment_commitment_idx', ['commitmentId', 'declaredAt'])
export class CommitmentFulfilmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'commitment_id', type: 'uuid' })
  commitmentId!: string;

  @ManyToOne(() => CommitmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: CommitmentEntity;

  @Column({ name: 'declared_by_user_id', type: 'uuid', nullable: true })
  declaredByUserId!: string | null;

  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' })
  declaredAt!: Date;

  /** Declared in this step, in MAD or in the commitment's unit. */
  @Column({ ...decimal, nullable: true })
  amount!: string | null;

  @Column({ ...decimal, nullable: true })
  quantity!: string | null;

  /** True: the organisation says the whole commitment is honoured. */
  @Column({ type: 'boolean' })
  complete!: boolean;

  @Column({ type: 'varchar', length: 2000 })
  note!: string;

  @Column({ name: 'verified_by_user_id', type: 'uuid', nullable: true })
  verifiedByUserId!: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  /** Null until verified. */
  @Column({ type: 'boolean', nullable: true })
  accepted!: boolean | null;

  @Column({ name: 'verification_note', type: 'varchar', length: 2000, nullable: true })
  verificationNote!: string | null;
}
