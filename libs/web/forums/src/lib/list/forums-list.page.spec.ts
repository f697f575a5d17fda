import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionStore } from '@convergence/web/core';
import {
  FakeApi,
  type FakeResponse,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import { forumsRoutes } from '../forums.routes';

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => ({ __typename: 'Organization', id: `${prefix}-${index}` }));

function forumNode(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Forum',
    id: 'forum-2018',
    title: 'Forum de la Convergence Régionale — Casablanca-Settat (3e étape)',
    theme: "Les centres émergents, outil d'équilibre socio-spatial et levier de développement territorial",
    heldOn: '2018-10-11',
    place: 'Casablanca',
    region: {
      __typename: 'Territory',
      code: '06',
      nameFr: 'Casablanca-Settat',
      nameAr: 'الدار البيضاء-سطات',
    },
    participants: ids('org', 12),
    commitments: ids('c', 9).map((item) => ({ ...item, __typename: 'Commitment' })),
    actions: ids('a', 7).map((item) => ({ ...item, __typename: 'Action' })),
    ...overrides,
  };
}

function connectionOf(nodes: unknown[]) {
  return {
    data: {
      forums: {
        __typename: 'ForumConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((node, index) => ({ __typename: 'ForumEdge', cursor: `c${index}`, node })),
      },
    },
  };
}

describe('ForumsListPage', () => {
  let api: FakeApi;
  let forums: () => FakeResponse;

  beforeEach(() => {
    localStorage.clear();
    forums = () =>
      connectionOf([
        forumNode({
          id: 'forum-next',
          title: 'Réunion de suivi',
          heldOn: '2999-01-15',
          participants: ids('o', 3),
          commitments: [],
          actions: [],
        }),
        forumNode(),
      ]);
    api = new FakeApi((request) => {
      if (request.operationName === 'ForumsList') return forums();
      if (request.operationName === 'Territories') return { data: { territories: [] } };
      return new Error(`unexpected ${request.operationName}`);
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

  async function open(url = '/forums') {
    const harness = await RouterTestingHarness.create(url);
    const settle = async () => {
      for (let i = 0; i < 4; i++) {
        await new Promise((resolve) => setTimeout(resolve));
        harness.fixture.detectChanges();
        await harness.fixture.whenStable();
      }
    };
    await settle();
    const page = () => harness.routeNativeElement as HTMLElement;
    const rows = () =>
      Array.from(page().querySelectorAll('tbody tr')).map((row) =>
        Array.from(row.querySelectorAll('th, td')).map((cell) =>
          cell.textContent?.replace(/\s+/g, ' ').trim(),
        ),
      );
    return { harness, page, settle, rows };
  }

  it('lists the forums in the order the api gives (newest first), with their counts and links', async () => {
    const { page, rows } = await open();

    expect(page().querySelector('h1')?.textContent).toContain('forums.list.heading');
    expect(page().querySelector('table caption')?.textContent).toContain('forums.list.caption');
    expect(
      Array.from(page().querySelectorAll('thead th')).every((th) => th.getAttribute('scope') === 'col'),
    ).toBe(true);
    const [upcoming, forum2018] = rows();
    expect(upcoming[1]).toContain('Réunion de suivi');
    // A forum dated after today is announced as upcoming, in words.
    expect(upcoming[0]).toContain('forums.scheduled');
    expect(forum2018[0]).not.toContain('forums.scheduled');
    expect(forum2018[1]).toContain('Les centres émergents');
    expect(forum2018[2]).toBe('Casablanca-Settat');
    expect(forum2018.slice(3)).toEqual(['12', '9', '7']);
    const link = page().querySelector<HTMLAnchorElement>('tbody tr:nth-child(2) a');
    expect(link?.getAttribute('href')).toBe('/forums/forum-2018');
  });

  it('filters by territory through the URL', async () => {
    const { settle } = await open('/forums?territory=06');

    expect(api.received('ForumsList')[0].variables).toEqual({
      filter: { territoryCode: '06' },
      first: 20,
      after: null,
    });
    await TestBed.inject(Router).navigateByUrl('/forums');
    await settle();
    expect(api.received('ForumsList').at(-1)?.variables['filter']).toBeNull();
  });

  it('says what will appear when there is no forum yet', async () => {
    forums = () => connectionOf([]);
    const { page } = await open();

    expect(page().querySelector('cv-empty-state')?.textContent).toContain('forums.list.emptyTitle');
    expect(page().querySelector('table')).toBeNull();
  });

  it('shows the error with a retry', async () => {
    forums = () => new TypeError('Failed to fetch');
    const { page, settle, rows } = await open();

    expect(page().querySelector('[role="alert"]')?.textContent).toContain('errors.NETWORK');
    forums = () => connectionOf([forumNode()]);
    page().querySelector<HTMLButtonElement>('cv-error-panel button')?.click();
    await settle();
    expect(rows()).toHaveLength(1);
  });
});
