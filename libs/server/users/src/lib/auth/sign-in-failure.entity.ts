import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A failed sign-in, counted per e-mail address whether or not an account has it, so that the
 * lock-out (10 failures in 15 minutes) never tells which addresses exist.
 */
@Entity({ name: 'sign_in_failure' })
@Index('sign_in_failure_email_at_idx', ['email', 'at'])
@Index('sign_in_failure_at_idx', ['at'])
export class SignInFailureEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
