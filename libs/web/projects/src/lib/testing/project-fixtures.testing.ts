import { TestBed } from '@angular/core/testing';
import { defineAbilityFor, type Role, packAbility } from '@convergence/shared/domain';
import { SessionStore } from '@convergence/web/core';
import { fakeTokens, fakeUser } from '@convergence/web/core/testing';

/** Test data as the api sends it (with __typename), for the specs of this library only. */

export const SAO_ID = 'org-sao';

export function territory(code: string, nameFr: string, nameAr = nameFr) {
  return { __typename: 'Territory', code, nameFr, nameAr };
}

export function projectRow(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Project',
    id: 'p-had-soualem',
    code: 'PNU-01',
    title: 'Pôle urbain de Had Soualem',
    status: 'WORKS',
    health: 'AT_RISK',
    physicalProgress: 40,
    budget: '1200000000.00',
    territory: territory('06.117.01.09', 'Had Soualem', 'حد السوالم'),
    leadOrganization: { __typename: 'Organization', id: SAO_ID, name: 'SAO Casablanca-Settat' },
    ...overrides,
  };
}

export function projectsPage(
  rows: ReturnType<typeof projectRow>[],
  options: { totalCount?: number; hasNextPage?: boolean; endCursor?: string | null } = {},
) {
  return {
    data: {
      projects: {
        __typename: 'ProjectConnection',
        totalCount: options.totalCount ?? rows.length,
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage: options.hasNextPage ?? false,
          endCursor: options.endCursor ?? (rows.length ? `cursor-${rows.at(-1)?.id}` : null),
        },
        edges: rows.map((node) => ({ __typename: 'ProjectEdge', cursor: `cursor-${node.id}`, node })),
      },
    },
  };
}

export function journalEntry(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ProjectProgressReport',
    id: 'r-1',
    reportedAt: '2026-01-15T10:00:00.000Z',
    author: { __typename: 'Person', id: 'u-sao', displayName: 'Karim Alaoui' },
    previousStatus: 'STUDIES',
    status: 'WORKS',
    physicalProgress: 40,
    spentAmount: '300000000.00',
    housingUnitsDelivered: 0,
    householdsRelocated: 120,
    hectares: '40.00',
    plannedEndDate: null,
    note: 'Démarrage des travaux de viabilisation.',
    reasonCode: null,
    ...overrides,
  };
}

export function projectDetail(overrides: Record<string, unknown> = {}, journal = [journalEntry()]) {
  return {
    ...projectRow(),
    description: 'Nouveau pôle urbain au sud de Casablanca.',
    type: 'NEW_URBAN_POLE',
    spentAmount: '300000000.00',
    startDate: '2019-03-01',
    plannedEndDate: '2027-12-31',
    actualEndDate: null,
    lastReportedAt: '2026-01-15T10:00:00.000Z',
    updatedAt: '2026-01-15T10:00:00.000Z',
    version: 3,
    keyFigures: {
      __typename: 'KeyFigures',
      housingUnitsPlanned: 5200,
      housingUnitsDelivered: 0,
      householdsTargeted: 900,
      householdsRelocated: 120,
      hectares: '40.00',
    },
    territory: {
      ...territory('06.117.01.09', 'Had Soualem', 'حد السوالم'),
      parent: territory('06.117', 'Berrechid', 'برشيد'),
    },
    programme: { __typename: 'Programme', id: 'prog-pnu', code: 'PNU', name: 'Nouveaux pôles urbains' },
    milestones: [
      {
        __typename: 'Milestone',
        id: 'm-1',
        title: 'Études achevées',
        plannedDate: '2020-06-30',
        actualDate: '2020-07-15',
      },
      {
        __typename: 'Milestone',
        id: 'm-2',
        title: 'Viabilisation',
        plannedDate: '2021-01-31',
        actualDate: null,
      },
      { __typename: 'Milestone', id: 'm-3', title: 'Livraison', plannedDate: '2099-12-31', actualDate: null },
    ],
    partners: [{ __typename: 'Organization', id: 'org-lydec', name: 'Lydec', kind: 'UTILITY' }],
    commitments: [
      {
        __typename: 'Commitment',
        id: 'c-lydec',
        title: 'Raccordement aux réseaux',
        kind: 'WORKS',
        status: 'IN_PROGRESS',
        late: true,
        dueDate: '2025-06-30',
        amount: '45000000.00',
        quantity: null,
        quantityUnit: null,
        organization: { __typename: 'Organization', id: 'org-lydec', name: 'Lydec' },
      },
    ],
    conventions: [
      {
        __typename: 'Convention',
        id: 'conv-1',
        code: 'CONV-2018-06',
        title: 'Convention du Forum de Casablanca',
        signedOn: '2018-10-11',
        parties: [{ __typename: 'Organization', id: 'org-lydec', name: 'Lydec' }],
      },
    ],
    progressReports: {
      __typename: 'ProjectProgressReportConnection',
      totalCount: journal.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: journal.at(-1)?.id ?? null },
      edges: journal.map((node) => ({ __typename: 'ProjectProgressReportEdge', cursor: node.id, node })),
    },
    ...overrides,
  };
}

/** Signs a user in with the rules the api would pack for them (libs/shared/domain's ability). */
export function signInAs(role: Role, organizationId: string, regionCode: string | null = '06'): void {
  const ability = defineAbilityFor({
    userId: 'u-1',
    role,
    organizationId,
    scope: { regionCode, provinceCode: null },
  });
  TestBed.inject(SessionStore).begin(
    fakeTokens('A1', 'R1'),
    fakeUser({
      role,
      permissions: packAbility(ability),
      organization: {
        __typename: 'Organization',
        id: organizationId,
        name: organizationId,
        acronym: null,
        kind: role === 'SUBSIDIARY_MANAGER' ? 'AL_OMRANE_SUBSIDIARY' : 'REGIONAL_COUNCIL',
        territory: regionCode
          ? {
              __typename: 'Territory',
              code: regionCode,
              kind: 'REGION',
              nameFr: 'Casablanca-Settat',
              nameAr: 'الدار البيضاء-سطات',
            }
          : null,
      },
    } as Parameters<typeof fakeUser>[0]),
  );
}

export function territoriesAnswer() {
  return {
    data: {
      territories: [
        {
          __typename: 'Territory',
          code: '06.141',
          kind: 'PREFECTURE',
          nameFr: 'Casablanca',
          nameAr: 'الدار البيضاء',
        },
        { __typename: 'Territory', code: '06.117', kind: 'PROVINCE', nameFr: 'Berrechid', nameAr: 'برشيد' },
      ],
    },
  };
}
