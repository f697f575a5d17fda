import { ForumEntity } from '@convergence/server/forums';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';

/**
 * A signed partnership agreement between several organisations, funding one or more projects; each
 * party's share is a commitment. `partyOrganizationIds` lets every signatory read it (ADR 0003).
 */
@Entity({ name: 'convention' })
@Index('convention_region_code_idx', ['regionCode'])
@Index('convention_forum_id_idx', ['forumId'])
export class ConventionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Trigram index for the list's text search (written by hand in the migration). */
  @Index('convention_code_key', { unique: true })
  @Index('convention_code_trgm_idx', { synchronize: false })
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  /** Trigram index for the list's text search (written by hand in the migration). */
  @Index('convention_title_trgm_idx', { synchronize: false })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 5000, default: '' })
  description!: string;

  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn!: string | null;

  /** The region it applies to; null for a national convention. */
  @Column({ name: 'region_code', type: 'varchar', length: 16, nullable: true })
  regionCode!: string | null;

  /** Always null: conventions are regional or national. Present so that scope rules read one shape. */
  @Column({ name: 'province_code', type: 'varchar', length: 16, nullable: true })
  provinceCode!: string | null;

  @Index('convention_party_organization_ids_idx', { synchronize: false })
  @Column({ name: 'party_organization_ids', type: 'uuid', array: true, default: () => "'{}'" })
  partyOrganizationIds!: string[];

  /** The projects it funds. */
  @Index('convention_project_ids_idx', { synchronize: false })
  @Column({ name: 'project_ids', type: 'uuid', array: true, default: () => "'{}'" })
  projectIds!: string[];

  /** The forum where it was announced or signed, if any. */
  @Column({ name: 'forum_id', type: 'uuid', nullable: true })
  forumId!: string | null;

  @ManyToOne(() => ForumEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'forum_id' })
  forum?: ForumEntity;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
