import type { Locale, Role } from '@convergence/shared/domain';
import { OrganizationEntity } from '@convergence/server/organizations';
import { hashPassword, UserEntity } from '@convergence/server/users';
import type { DataSource } from 'typeorm';

export interface CreatedUser {
  id: string;
  email: string;
  password: string;
}

let sequence = 0;

/**
 * A user of its own for a test that changes accounts (lock-out, deactivation), so that the demo
 * personas other tests sign in with stay untouched. The organisation is one of the demo ones.
 */
export async function createUser(
  dataSource: DataSource,
  options: { organizationName: string; role?: Role; locale?: Locale; emailPrefix?: string },
): Promise<CreatedUser> {
  sequence += 1;
  const email = `${options.emailPrefix ?? 'user'}.${process.pid}.${sequence}@factory.convergence.test`;
  const password = `Factory-password-${sequence}!`;
  const organization = await dataSource
    .getRepository(OrganizationEntity)
    .findOneByOrFail({ name: options.organizationName });
  const { identifiers } = await dataSource.getRepository(UserEntity).insert({
    email,
    passwordHash: await hashPassword(password),
    displayName: `Factory user ${sequence}`,
    role: options.role ?? 'PARTNER_CONTRIBUTOR',
    locale: options.locale ?? 'fr',
    organizationId: organization.id,
  });
  return { id: identifiers[0]['id'] as string, email, password };
}
