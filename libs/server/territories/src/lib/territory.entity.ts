import type { TerritoryKind } from '@convergence/shared/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** A region, prefecture/province or commune, keyed by its HCP code ("06", "06.141", "06.141.01.0"). */
@Entity({ name: 'territory' })
@Index('territory_parent_code_idx', ['parentCode'])
@Index('territory_kind_idx', ['kind'])
export class TerritoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: TerritoryKind;

  @Column({ name: 'name_fr', type: 'varchar', length: 160 })
  nameFr!: string;

  @Column({ name: 'name_ar', type: 'varchar', length: 160 })
  nameAr!: string;

  @Column({ name: 'parent_code', type: 'varchar', length: 16, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => TerritoryEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code' })
  parent?: TerritoryEntity;

  /** The region the territory lies in (its own code for a region). */
  @Column({ name: 'region_code', type: 'varchar', length: 16 })
  regionCode!: string;

  /** The prefecture/province it lies in (its own code for one); null for a region. */
  @Column({ name: 'province_code', type: 'varchar', length: 16, nullable: true })
  provinceCode!: string | null;

  /**
   * Ancestor codes and its own, joined by "/" ("06/06.141/06.141.01.0/"). "A territory and everything
   * under it" is `path LIKE '06/06.141/%'`, an index range scan thanks to the "C" collation.
   */
  @Index('territory_path_idx')
  @Column({ type: 'varchar', length: 80, collation: 'C' })
  path!: string;

  @Column({ type: 'integer', nullable: true })
  population!: number | null;

  @Column({ type: 'integer', nullable: true })
  households!: number | null;
}
