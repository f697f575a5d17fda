import { type AbilityActor, defineAbilityFor, packAbility } from '@convergence/shared/domain';
import type { ActionCardFragment, ActionDetailFragment } from '../data-access/generated';

// Test data for the specs of this library: what the api answers, `__typename`s included.

export const PREFECTURE = {
  __typename: 'Organization',
  id: 'org-pref',
  name: 'Préfecture de Casablanca',
  acronym: null,
};
export const SAO = {
  __typename: 'Organization',
  id: 'org-sao',
  name: 'SAO Casablanca-Settat',
  acronym: 'SAO',
};

export function actionCard(overrides: Partial<ActionCardFragment> = {}): ActionCardFragment {
  return {
    __typename: 'Action',
    id: 'action-1',
    title: 'Relogement des ménages des karyans de Sidi Moumen',
    status: 'IN_PROGRESS',
    overdue: false,
    dueDate: '2030-06-30',
    priority: 'HIGH',
    version: 3,
    statusNote: null,
    statusReasonCode: null,
    responsibleOrganization: PREFECTURE,
    territory: { __typename: 'Territory', code: '06.141', nameFr: 'Casablanca', nameAr: 'الدار البيضاء' },
    ...overrides,
  } as ActionCardFragment;
}

export function actionDetail(overrides: Partial<ActionDetailFragment> = {}): ActionDetailFragment {
  return {
    ...actionCard(),
    description: 'Transfert des ménages recensés vers les lots de recasement raccordés.',
    doneOn: null,
    updatedAt: '2026-01-10T09:00:00.000Z',
    contributors: [SAO],
    forum: {
      __typename: 'Forum',
      id: 'forum-2018',
      title: 'Forum de la Convergence Régionale — Casablanca-Settat (3e étape)',
      heldOn: '2018-10-11',
    },
    project: {
      __typename: 'Project',
      id: 'project-1',
      code: 'SAO-CS-VSB-CASA',
      title: 'Villes sans bidonvilles — Casablanca',
    },
    ...overrides,
  } as ActionDetailFragment;
}

/** The packed rules the api sends in `me.permissions` for such a user. */
export function permissionsOf(actor: Omit<AbilityActor, 'userId'>): unknown {
  return packAbility(defineAbilityFor({ userId: 'user-1', ...actor }));
}

export const PREFECTURE_AGENT = permissionsOf({
  role: 'AUTHORITY_AGENT',
  organizationId: PREFECTURE.id,
  scope: { regionCode: '06', provinceCode: '06.141' },
});
export const ELECTED_OFFICIAL = permissionsOf({
  role: 'ELECTED_OFFICIAL',
  organizationId: 'org-region',
  scope: { regionCode: '06', provinceCode: null },
});
export const MINISTRY_OFFICIAL = permissionsOf({
  role: 'MINISTRY_OFFICIAL',
  organizationId: 'org-ministry',
  scope: { regionCode: null, provinceCode: null },
});

export function connectionOf(actions: readonly ActionCardFragment[], hasNextPage = false) {
  return {
    __typename: 'ActionConnection',
    totalCount: actions.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? 'cursor-1' : null },
    edges: actions.map((node, index) => ({ __typename: 'ActionEdge', cursor: `c${index}`, node })),
  };
}

export const FILTER_OPTIONS = {
  organizations: [PREFECTURE, SAO],
  forums: {
    __typename: 'ForumConnection',
    edges: [
      {
        __typename: 'ForumEdge',
        node: {
          __typename: 'Forum',
          id: 'forum-2018',
          title: 'Forum Casablanca-Settat',
          heldOn: '2018-10-11',
        },
      },
    ],
  },
};

export function conflict() {
  return {
    data: null,
    errors: [{ message: 'Modifié entre-temps.', extensions: { code: 'CONFLICT' } }],
  };
}
