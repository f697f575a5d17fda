import type { OrganizationKind } from '@convergence/shared/domain';
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
} from 'typeorm';

/**
 * A ministry, council, authority, Al Omrane company or partner. Its territory of competence sets what
 * its users may see; `regionCode`/`provinceCode` copy that scope onto the row so that permission
 * rules test plain columns (null region: national competence).
 */
@Entity({ name: 'organization' })
@Index('organization_region_code_idx', ['regionCode'])
@Index('organization_territory_code_idx', ['territoryCode'])
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('organization_name_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  acronym!: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind!: OrganizationKind;

  /** Null for a national organisation. */
  @Column({ name: 'territory_code', type: 'varchar', length: 16, nullable: true })
  territoryCode!: string | null;

  @ManyToOne(() => TerritoryEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_code' })
  territory?: TerritoryEntity;

  @Column({ name: 'region_code', type: 'varchar', length: 16, nullable: true })
  regionCode!: string | null;

  @Column({ name: 'province_code', type: 'varchar', length: 16, nullable: true })
  provinceCode!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
