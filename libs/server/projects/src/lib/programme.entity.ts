import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A national programme projects belong to (Villes sans bidonvilles, new towns…): reference data. */
@Entity({ name: 'programme' })
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('programme_code_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;
}
