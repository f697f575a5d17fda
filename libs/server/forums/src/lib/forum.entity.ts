import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * A Forum de la Convergence Régionale or a follow-up meeting. Commitments announced and actions
 * decided there point back to it. `regionCode` is the region it was held for (null: national);
 * `participantOrganizationIds` lets each participant read it wherever it is (ADR 0003).
 */
@Entity({ name: 'forum' })
@Index('forum_region_code_idx', ['regionCode'])
@Index('forum_held_on_idx', ['heldOn'])
export class ForumEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Such as « Les centres émergents, outil d'équilibre socio-spatial… ». */
  @Column({ type: 'varchar', length: 500 })
  theme!: string;

  @Column({ name: 'held_on', type: 'date' })
  heldOn!: string;

  @Column({ type: 'varchar', length: 200 })
  place!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 16, nullable: true })
  regionCode!: string | null;

  /** Always null: a forum is regional or national. Present so that scope rules read one shape. */
  @Column({ name: 'province_code', type: 'varchar', length: 16, nullable: true })
  provinceCode!: string | null;

  @Index('forum_participant_organization_ids_idx', { synchronize: false })
  @Column({ name: 'participant_organization_ids', type: 'uuid', array: true, default: () => "'{}'" })
  participantOrganizationIds!: string[];

  /** The resolutions adopted, in order. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  resolutions!: string[];

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
