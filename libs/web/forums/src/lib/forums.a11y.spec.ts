import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionStore } from '@convergence/web/core';
import {
  FakeApi,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import axe from 'axe-core';
import { forumsRoutes } from './forums.routes';

const REGION = {
  __typename: 'Territory',
  code: '06',
  nameFr: 'Casablanca-Settat',
  nameAr: 'الدار البيضاء-سطات',
};
const SAO = { __typename: 'Organization', id: 'org-sao', name: 'SAO Casablanca-Settat', acronym: 'SAO' };

const FORUM = {
  __typename: 'Forum',
  id: 'forum-2018',
  title: 'Forum de la Convergence Régionale — Casablanca-Settat (3e étape)',
  theme: "Les centres émergents, outil d'équilibre socio-spatial et levier de développement territorial",
  heldOn: '2018-10-11',
  place: 'Casablanca',
  version: 1,
  region: REGION,
  participants: [{ ...SAO, kind: 'AL_OMRANE_SUBSIDIARY' }],
  resolutions: ['Renforcer la convergence entre les acteurs.'],
  commitments: [
    {
      __typename: 'Commitment',
      id: 'c-1',
      title: 'Cofinancement de Lakhyayta',
      kind: 'FUNDING',
      status: 'IN_PROGRESS',
      late: true,
      dueDate: '2020-12-31',
      amount: '300000000.00',
      quantity: null,
      quantityUnit: null,
      organization: SAO,
    },
  ],
  actions: [
    {
      __typename: 'Action',
      id: 'a-1',
      title: 'Relogement Sidi Moumen',
      status: 'IN_PROGRESS',
      overdue: true,
      dueDate: '2026-01-15',
      priority: 'CRITICAL',
      responsibleOrganization: SAO,
    },
  ],
};

describe('forums pages, accessibility', () => {
  jest.setTimeout(30_000);

  beforeEach(() => {
    localStorage.clear();
    const api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'ForumsList':
          return {
            data: {
              forums: {
                __typename: 'ForumConnection',
                totalCount: 1,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                edges: [{ __typename: 'ForumEdge', cursor: 'c0', node: FORUM }],
              },
            },
          };
        case 'Territories':
          return { data: { territories: [] } };
        case 'ForumDetail':
          return { data: { forum: request.variables['id'] === 'missing' ? null : FORUM } };
        default:
          return { data: null, errors: [{ message: 'Introuvable.', extensions: { code: 'NOT_FOUND' } }] };
      }
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'forums', children: forumsRoutes }], withComponentInputBinding()),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser());
  });

  async function render(url: string) {
    const harness = await RouterTestingHarness.create(url);
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      harness.fixture.detectChanges();
      await harness.fixture.whenStable();
    }
    return harness.routeNativeElement as HTMLElement;
  }

  async function seriousViolations(page: HTMLElement) {
    const results = await axe.run(page, { rules: { 'color-contrast': { enabled: false } } });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
  }

  it('the list', async () => {
    expect(await seriousViolations(await render('/forums'))).toEqual([]);
  });

  it('the forum of 11 October 2018', async () => {
    expect(await seriousViolations(await render('/forums/forum-2018'))).toEqual([]);
  });

  it('the not-found state', async () => {
    expect(await seriousViolations(await render('/forums/missing'))).toEqual([]);
  });
});
