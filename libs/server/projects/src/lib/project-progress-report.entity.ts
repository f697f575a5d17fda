import type { ProjectStatus, ReasonCode } from '@convergence/shared/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ProjectEntity } from './project.entity';

/**
 * One entry of a project's progress journal: the state the lead organisation reported, by whom, when
 * and why. Appended, never updated or deleted; the project row carries the latest values.
 */
@Entity({ name: 'project_progress_report' })
@Index('project_progress_report_project_idx', ['projectId', 'reportedAt'])
export class ProjectProgressReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  /** Null for reports loaded with the demo data or imported. */
  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId!: string | null;

  @CreateDateColumn({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;

  @Column({ name: 'previous_status', type: 'varchar', length: 32 })
  previousStatus!: ProjectStatus;

  @Column({ type: 'varchar', length: 32 })
  status!: ProjectStatus;

  @Column({ name: 'physical_progress', type: 'numeric', precision: 5, scale: 2 })
  physicalProgress!: string;

  @Column({ name: 'spent_amount', type: 'numeric', precision: 16, scale: 2 })
  spentAmount!: string;

  @Column({ name: 'housing_units_delivered', type: 'integer' })
  housingUnitsDelivered!: number;

  @Column({ name: 'households_relocated', type: 'integer' })
  householdsRelocated!: number;

  @Column({ type: 'numeric', precision: 10, scale: 2 })
  hectares!: string;

  /** Set when the report moved the planned end. */
  @Column({ name: 'planned_end_date', type: 'date', nullable: true })
  plannedEndDate!: string | null;

  @Column({ type: 'varchar', length: 2000 })
  note!: string;

  /** Required when the planned end slips later, or the project is suspended or cancelled. */
  @Column({ name: 'reason_code', type: 'varchar', length: 32, nullable: true })
  reasonCode!: ReasonCode | null;
}
