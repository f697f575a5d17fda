import { ForumEntity } from '@convergence/server/forums';
import { OrganizationEntity } from '@convergence/server/organizations';
import { ProjectEntity } from '@convergence/server/projects';
import type { CommitmentKind, CommitmentStatus, ReasonCode } from '@convergence/shared/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  VirtualColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';
import { commitmentLateSql } from './commitment-late';
import { ConventionEntity } from './convention.entity';

const decimal = { type: 'numeric', precision: 16, scale: 2 } as const;

/**
 * What one organisation promised: an amount in MAD, or a quantity in a unit (hectares of land,
 * households relocated…), by a due date. `regionCode`/`provinceCode` copy the scope of its project
 * (or of its convention/forum when it has none) so that permission rules test plain columns.
 */
@Entity({ name: 'commitment' })
@Index('commitment_organization_id_idx', ['organizationId'])
@Index('commitment_region_code_idx', ['regionCode'])
@Index('commitment_province_code_idx', ['provinceCode'])
@Index('commitment_convention_id_idx', ['conventionId'])
@Index('commitment_project_id_idx', ['projectId'])
@Index('commitment_forum_id_idx', ['forumId'])
@Index('commitment_status_due_date_idx', ['status', 'dueDate'])
@Index('commitment_kind_idx', ['kind'])
@Index('commitment_due_date_idx', ['dueDate'])
export class CommitmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Trigram index for the list's text search (written by hand in the migration). */
  @Index('commitment_title_trgm_idx', { synchronize: false })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 5000, default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: CommitmentKind;

  /** The committing organisation. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ name: 'convention_id', type: 'uuid', nullable: true })
  conventionId!: string | null;

  @ManyToOne(() => ConventionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'convention_id' })
  convention?: ConventionEntity;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @ManyToOne(() => ProjectEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ name: 'forum_id', type: 'uuid', nullable: true })
  forumId!: string | null;

  @ManyToOne(() => ForumEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'forum_id' })
  forum?: ForumEntity;

  @Column({ name: 'region_code', type: 'varchar', length: 16, nullable: true })
  regionCode!: string | null;

  @Column({ name: 'province_code', type: 'varchar', length: 16, nullable: true })
  provinceCode!: string | null;

  /** In MAD; null when the commitment is a quantity. */
  @Column({ ...decimal, nullable: true })
  amount!: string | null;

  @Column({ ...decimal, nullable: true })
  quantity!: string | null;

  /** What `quantity` counts: "ha", "ménages", "logements"… */
  @Column({ name: 'quantity_unit', type: 'varchar', length: 32, nullable: true })
  quantityUnit!: string | null;

  /** Accepted by the ministry so far, in MAD. */
  @Column({ name: 'fulfilled_amount', ...decimal, default: 0 })
  fulfilledAmount!: string;

  @Column({ name: 'fulfilled_quantity', ...decimal, default: 0 })
  fulfilledQuantity!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  /** The due date agreed first; every move is in `commitment_due_date_change`. */
  @Column({ name: 'original_due_date', type: 'date' })
  originalDueDate!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: CommitmentStatus;

  /** Why it was cancelled or last sent back. */
  @Column({ name: 'status_reason_code', type: 'varchar', length: 32, nullable: true })
  statusReasonCode!: ReasonCode | null;

  @Column({ name: 'status_note', type: 'varchar', length: 2000, nullable: true })
  statusNote!: string | null;

  /** The day the fulfilment the ministry accepted was declared: on time when ≤ `dueDate`. */
  @Column({ name: 'fulfilled_on', type: 'date', nullable: true })
  fulfilledOn!: string | null;

  @VirtualColumn({ type: 'boolean', query: (alias) => `SELECT ${commitmentLateSql(alias)}` })
  late!: boolean;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
