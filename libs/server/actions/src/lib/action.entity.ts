import { TerritoryEntity } from '@convergence/server/territories';
import { ForumEntity } from '@convergence/server/forums';
import { OrganizationEntity } from '@convergence/server/organizations';
import { ProjectEntity } from '@convergence/server/projects';
import type { ActionPriority, ActionStatus, ReasonCode } from '@convergence/shared/domain';
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
import { actionOverdueSql } from './action-overdue';

/**
 * A follow-up item (relocation of households, land clearance, a permit…): one responsible
 * organisation, contributors, a territory and a due date. `regionCode`/`provinceCode` copy the scope
 * of `territoryCode` so that permission rules test plain columns (ADR 0003).
 */
@Entity({ name: 'action' })
@Index('action_responsible_organization_id_idx', ['responsibleOrganizationId'])
@Index('action_region_code_idx', ['regionCode'])
@Index('action_province_code_idx', ['provinceCode'])
@Index('action_territory_code_idx', ['territoryCode'])
@Index('action_forum_id_idx', ['forumId'])
@Index('action_project_id_idx', ['projectId'])
@Index('action_status_due_date_idx', ['status', 'dueDate'])
@Index('action_due_date_idx', ['dueDate'])
@Index('action_priority_idx', ['priority'])
export class ActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Trigram index for the list's text search (written by hand in the migration). */
  @Index('action_title_trgm_idx', { synchronize: false })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 5000, default: '' })
  description!: string;

  @Column({ name: 'responsible_organization_id', type: 'uuid' })
  responsibleOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_organization_id' })
  responsibleOrganization?: OrganizationEntity;

  @Index('action_contributor_organization_ids_idx', { synchronize: false })
  @Column({ name: 'contributor_organization_ids', type: 'uuid', array: true, default: () => "'{}'" })
  contributorOrganizationIds!: string[];

  /** Where it happens: a region, prefecture/province or commune. */
  @Column({ name: 'territory_code', type: 'varchar', length: 16 })
  territoryCode!: string;

  @ManyToOne(() => TerritoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_code' })
  territory?: TerritoryEntity;

  @Column({ name: 'region_code', type: 'varchar', length: 16, nullable: true })
  regionCode!: string | null;

  @Column({ name: 'province_code', type: 'varchar', length: 16, nullable: true })
  provinceCode!: string | null;

  @Column({ name: 'forum_id', type: 'uuid', nullable: true })
  forumId!: string | null;

  @ManyToOne(() => ForumEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'forum_id' })
  forum?: ForumEntity;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @ManyToOne(() => ProjectEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'varchar', length: 16 })
  priority!: ActionPriority;

  @Column({ type: 'varchar', length: 16 })
  status!: ActionStatus;

  /** Why it was last blocked or cancelled. */
  @Column({ name: 'status_reason_code', type: 'varchar', length: 32, nullable: true })
  statusReasonCode!: ReasonCode | null;

  @Column({ name: 'status_note', type: 'varchar', length: 2000, nullable: true })
  statusNote!: string | null;

  @Column({ name: 'done_on', type: 'date', nullable: true })
  doneOn!: string | null;

  @VirtualColumn({ type: 'boolean', query: (alias) => `SELECT ${actionOverdueSql(alias)}` })
  overdue!: boolean;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
