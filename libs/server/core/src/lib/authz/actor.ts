import type { AbilityActor, Locale, OrganizationKind } from '@convergence/shared/domain';

/** The signed-in user behind a request, as loaded by the authentication strategy. */
export interface Actor extends AbilityActor {
  email: string;
  displayName: string;
  locale: Locale;
  organizationKind: OrganizationKind;
  /** The refresh-token family of this sign-in; `logout` revokes it. */
  sessionId: string;
}
