import { defineAbilityFor, packAbility, type Role } from '@convergence/shared/domain';
import type {
  CommitmentDetailFragment,
  CommitmentFulfilmentItemFragment,
  CommitmentRowFragment,
} from '../data-access/generated';

// Answers of the fake api for this library's component tests (every object carries __typename).

export const MINISTRY_ORG = 'org-ministry';
export const LYDEC_ORG = 'org-lydec';
export const REGION_ORG = 'org-region';

/** The packed rules `me.permissions` carries for a role in an organisation (the api's own rules). */
export function permissionsFor(
  role: Role,
  organizationId: string,
  regionCode: string | null = null,
): unknown {
  return packAbility(
    defineAbilityFor({ userId: 'user-1', role, organizationId, scope: { regionCode, provinceCode: null } }),
  );
}

type Row = CommitmentRowFragment & { readonly __typename: 'Commitment' };

export function commitmentRow(overrides: Partial<CommitmentRowFragment> = {}): Row {
  return {
    __typename: 'Commitment',
    id: 'c-1',
    title: 'Raccordement au réseau d’assainissement de Lakhyayta',
    kind: 'WORKS',
    status: 'IN_PROGRESS',
    late: false,
    dueDate: '2026-12-31',
    amount: '120000000.00',
    quantity: null,
    quantityUnit: null,
    fulfilledAmount: '0.00',
    fulfilledQuantity: '0.00',
    version: 3,
    organization: { __typename: 'Organization', id: LYDEC_ORG, name: 'Lydec', acronym: null },
    convention: {
      __typename: 'Convention',
      id: 'conv-1',
      code: 'CONV-2018-06-01',
      title: 'Convention Lakhyayta',
    },
    territory: {
      __typename: 'Territory',
      code: '06',
      kind: 'REGION',
      nameFr: 'Casablanca-Settat',
      nameAr: 'الدار البيضاء-سطات',
    },
    ...overrides,
  } as Row;
}

export function fulfilment(
  overrides: Partial<CommitmentFulfilmentItemFragment> = {},
): CommitmentFulfilmentItemFragment {
  return {
    __typename: 'CommitmentFulfilment',
    id: 'f-1',
    accepted: null,
    amount: '120000000.00',
    quantity: null,
    complete: true,
    declaredAt: '2026-05-02T10:00:00Z',
    declaredBy: { __typename: 'Person', id: 'u-lydec', displayName: 'Karim Alaoui' },
    note: 'Ordre de virement n° 2026-118',
    verificationNote: null,
    verifiedAt: null,
    verifiedBy: null,
    ...overrides,
  } as CommitmentFulfilmentItemFragment;
}

export function commitmentDetail(
  overrides: Partial<CommitmentDetailFragment> = {},
): CommitmentDetailFragment & { readonly __typename: 'Commitment' } {
  return {
    ...commitmentRow(),
    description: 'Travaux de raccordement du pôle urbain.',
    originalDueDate: '2026-06-30',
    fulfilledOn: null,
    statusNote: null,
    statusReasonCode: null,
    createdAt: '2025-01-10T09:00:00Z',
    updatedAt: '2026-04-01T09:00:00Z',
    project: { __typename: 'Project', id: 'p-1', code: 'SAO-LKH-01', title: 'Ville nouvelle de Lakhyayta' },
    forum: {
      __typename: 'Forum',
      id: 'forum-1',
      title: 'Forum de la Convergence Régionale',
      heldOn: '2018-10-11',
    },
    dueDateChanges: [
      {
        __typename: 'DueDateChange',
        id: 'd-1',
        changedAt: '2026-03-01T09:00:00Z',
        changedBy: { __typename: 'Person', id: 'u-min', displayName: 'Samira Idrissi' },
        previousDueDate: '2026-06-30',
        newDueDate: '2026-12-31',
        reasonCode: 'FUNDING_DELAY',
        note: 'Budget 2026 voté en retard',
      },
    ],
    fulfilments: [],
    ...overrides,
  } as CommitmentDetailFragment & { readonly __typename: 'Commitment' };
}

/** A `commitments` connection answer. */
export function connection(
  nodes: readonly object[],
  options: { totalCount?: number; hasNextPage?: boolean } = {},
) {
  return {
    __typename: 'CommitmentConnection',
    totalCount: options.totalCount ?? nodes.length,
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: options.hasNextPage ?? false,
      endCursor: nodes.length ? 'cursor-end' : null,
    },
    edges: nodes.map((node, index) => ({ __typename: 'CommitmentEdge', cursor: `cursor-${index}`, node })),
  };
}

export const FILTER_OPTIONS = {
  organizations: [
    { __typename: 'Organization', id: LYDEC_ORG, name: 'Lydec', acronym: null },
    {
      __typename: 'Organization',
      id: REGION_ORG,
      name: 'Conseil de la Région Casablanca-Settat',
      acronym: null,
    },
  ],
  conventions: {
    __typename: 'ConventionConnection',
    edges: [
      {
        __typename: 'ConventionEdge',
        node: {
          __typename: 'Convention',
          id: 'conv-1',
          code: 'CONV-2018-06-01',
          title: 'Convention Lakhyayta',
        },
      },
    ],
  },
  forums: {
    __typename: 'ForumConnection',
    edges: [
      {
        __typename: 'ForumEdge',
        node: {
          __typename: 'Forum',
          id: 'forum-1',
          title: 'Forum de la Convergence Régionale',
          heldOn: '2018-10-11',
        },
      },
    ],
  },
};

export const REGIONS = [
  {
    __typename: 'Territory',
    code: '06',
    kind: 'REGION',
    nameFr: 'Casablanca-Settat',
    nameAr: 'الدار البيضاء-سطات',
  },
  { __typename: 'Territory', code: '07', kind: 'REGION', nameFr: 'Marrakech-Safi', nameAr: 'مراكش-آسفي' },
];

/** The element (or value) a test expects to be there: fails with a clear message when it is not. */
export function must<T>(value: T | null | undefined, what = 'the expected element'): T {
  if (value === null || value === undefined) throw new Error(`Missing ${what}.`);
  return value;
}
