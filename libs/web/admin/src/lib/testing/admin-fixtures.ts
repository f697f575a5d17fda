import { type AbilityActor, defineAbilityFor, packAbility } from '@convergence/shared/domain';
import type { AdminOrganizationRowFragment, AdminUserRowFragment } from '../data-access/generated';

/** The packed rules the api sends in `me.permissions` for such a user. */
export function permissionsOf(actor: Omit<AbilityActor, 'userId'>): unknown {
  return packAbility(defineAbilityFor({ userId: 'admin-1', ...actor }));
}

export const ADMIN = permissionsOf({
  role: 'ADMIN',
  organizationId: 'org-ministry',
  scope: { regionCode: null, provinceCode: null },
});
export const MINISTRY_OFFICIAL = permissionsOf({
  role: 'MINISTRY_OFFICIAL',
  organizationId: 'org-ministry',
  scope: { regionCode: null, provinceCode: null },
});

export function organization(
  overrides: Partial<AdminOrganizationRowFragment> = {},
): AdminOrganizationRowFragment {
  return {
    __typename: 'Organization',
    id: 'org-ministry',
    name: "Ministère de l'Aménagement du Territoire National",
    acronym: 'MATNUHPV',
    kind: 'MINISTRY',
    version: 1,
    territory: null,
    ...overrides,
  } as AdminOrganizationRowFragment;
}

export const MINISTRY = organization();
export const SAO_CS = organization({
  id: 'org-sao',
  name: 'Société Al Omrane Casablanca-Settat',
  acronym: 'SAO Casablanca-Settat',
  kind: 'AL_OMRANE_SUBSIDIARY',
  territory: {
    __typename: 'Territory',
    code: '06',
    kind: 'REGION',
    nameFr: 'Casablanca-Settat',
    nameAr: 'الدار البيضاء-سطات',
  } as AdminOrganizationRowFragment['territory'],
});
export const LYDEC = organization({
  id: 'org-lydec',
  name: 'Lydec — Lyonnaise des Eaux de Casablanca',
  acronym: 'LYDEC',
  kind: 'UTILITY',
  territory: SAO_CS.territory,
});

export function user(overrides: Partial<AdminUserRowFragment> = {}): AdminUserRowFragment {
  return {
    __typename: 'User',
    id: 'user-sao',
    email: 'sao@demo.convergence.ma',
    displayName: 'Youssef Bennani',
    role: 'SUBSIDIARY_MANAGER',
    locale: 'fr',
    active: true,
    version: 1,
    organization: { __typename: 'Organization', id: SAO_CS.id, name: SAO_CS.name, acronym: SAO_CS.acronym },
    ...overrides,
  } as AdminUserRowFragment;
}

/** The signed-in administrator's own row. */
export const SELF = user({
  id: 'admin-1',
  email: 'admin@demo.convergence.ma',
  displayName: 'Salma Berrada',
  role: 'ADMIN',
  organization: {
    __typename: 'Organization',
    id: MINISTRY.id,
    name: MINISTRY.name,
    acronym: MINISTRY.acronym,
  },
} as Partial<AdminUserRowFragment>);

export function usersConnection(users: readonly AdminUserRowFragment[], hasNextPage = false) {
  return {
    __typename: 'UserConnection',
    totalCount: users.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? 'cursor-1' : null },
    edges: users.map((node, index) => ({ __typename: 'UserEdge', cursor: `c${index}`, node })),
  };
}

export function badUserInput(
  fields: { field: string; message: string }[],
  message = 'Certaines valeurs saisies sont invalides.',
) {
  return { data: null, errors: [{ message, extensions: { code: 'BAD_USER_INPUT', fields } }] };
}

export function conflict() {
  return {
    data: null,
    errors: [{ message: 'Modifié entre-temps.', extensions: { code: 'CONFLICT' } }],
  };
}
