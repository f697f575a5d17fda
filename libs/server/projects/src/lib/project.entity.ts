import type { Health, ProjectStatus, ProjectType } from '@convergence/shared/domain';
import { OrganizationEntity } from '@convergence/server/organizations';
import { TerritoryEntity } from '@convergence/server/territories';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  VirtualColumn,
} from 'typeorm';
import { ProgrammeEntity } from './programme.entity';
import { projectHealthSql } from './project-health';

/** Money in MAD and quantities: exact decimals, read and written as strings (never floats). */
const money = { type: 'numeric', precision: 16, scale: 2 } as const;

/**
 * One project. `regionCode`/`provinceCode` copy the scope of its commune and `partnerOrganizationIds`
 * its partners onto the row, so that permission rules test plain columns (ADR 0003); the service
 * sets them, never the client.
 */
@Entity({ name: 'project' })
@Index('project_region_code_idx', ['regionCode'])
@Index('project_province_code_idx', ['provinceCode'])
@Index('project_commune_code_idx', ['communeCode'])
@Index('project_status_idx', ['status'])
@Index('project_type_idx', ['type'])
@Index('project_programme_id_idx', ['programmeId'])
@Index('project_lead_organization_id_idx', ['leadOrganizationId'])
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Trigram index for the list's text search (written by hand in the migration). */
  @Index('project_code_key', { unique: true })
  @Index('project_code_trgm_idx', { synchronize: false })
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  /** Trigram index for the list's text search (written by hand in the migration). */
  @Index('project_title_trgm_idx', { synchronize: false })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 5000, default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: ProjectType;

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @ManyToOne(() => ProgrammeEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  /** The commune it is in; its prefecture/province and region follow. */
  @Column({ name: 'commune_code', type: 'varchar', length: 16 })
  communeCode!: string;

  @ManyToOne(() => TerritoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commune_code' })
  commune?: TerritoryEntity;

  @Column({ name: 'region_code', type: 'varchar', length: 16 })
  regionCode!: string;

  @Column({ name: 'province_code', type: 'varchar', length: 16 })
  provinceCode!: string;

  @Column({ name: 'lead_organization_id', type: 'uuid' })
  leadOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_organization_id' })
  leadOrganization?: OrganizationEntity;

  @Index('project_partner_organization_ids_idx', { synchronize: false })
  @Column({ name: 'partner_organization_ids', type: 'uuid', array: true, default: () => "'{}'" })
  partnerOrganizationIds!: string[];

  @Column({ type: 'varchar', length: 32 })
  status!: ProjectStatus;

  /** Physical progress, 0 to 100 %. */
  @Column({ name: 'physical_progress', type: 'numeric', precision: 5, scale: 2, default: 0 })
  physicalProgress!: string;

  @Column({ ...money })
  budget!: string;

  @Column({ name: 'spent_amount', ...money, default: 0 })
  spentAmount!: string;

  @Column({ name: 'housing_units_planned', type: 'integer', default: 0 })
  housingUnitsPlanned!: number;

  @Column({ name: 'housing_units_delivered', type: 'integer', default: 0 })
  housingUnitsDelivered!: number;

  @Column({ name: 'households_targeted', type: 'integer', default: 0 })
  householdsTargeted!: number;

  @Column({ name: 'households_relocated', type: 'integer', default: 0 })
  householdsRelocated!: number;

  @Column({ type: 'numeric', precision: 10, scale: 2, default: 0 })
  hectares!: string;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ name: 'planned_end_date', type: 'date', nullable: true })
  plannedEndDate!: string | null;

  @Column({ name: 'actual_end_date', type: 'date', nullable: true })
  actualEndDate!: string | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true })
  latitude!: string | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true })
  longitude!: string | null;

  /** When the last progress report was filed; freshness counts from here (or from creation). */
  @Column({ name: 'last_reported_at', type: 'timestamptz', nullable: true })
  lastReportedAt!: Date | null;

  /** Derived by `project_health` at read time; null once DELIVERED or CANCELLED. */
  @VirtualColumn({ type: 'varchar', query: (alias) => `SELECT ${projectHealthSql(alias)}` })
  health!: Health | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: an update names the version it read; zero rows updated → CONFLICT. */
  @VersionColumn()
  version!: number;
}
