import type { Actor } from '@convergence/server/core';
import type { UserEntity } from '../user.entity';

/** The actor a signed-in user acts as, from their row with its organisation loaded. */
export function actorOf(user: UserEntity, sessionId: string): Actor {
  if (!user.organization) throw new Error(`actorOf: organisation of user ${user.id} not loaded`);
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    organizationId: user.organizationId,
    organizationKind: user.organization.kind,
    scope: { regionCode: user.organization.regionCode, provinceCode: user.organization.provinceCode },
    sessionId,
  };
}
