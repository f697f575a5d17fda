import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, withComponentInputBinding } from '@angular/router';
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
import { AuditHistory, DiscussionThread, FollowButton } from '@convergence/web/discussion';
import { forumsRoutes } from '../forums.routes';

const FORUM_2018 = {
  __typename: 'Forum',
  id: 'forum-2018',
  title: 'Forum de la Convergence Régionale — Casablanca-Settat (3e étape)',
  theme: "Les centres émergents, outil d'équilibre socio-spatial et levier de développement territorial",
  heldOn: '2018-10-11',
  place: 'Casablanca, en ouverture d’« Al Omrane Expo »',
  version: 1,
  region: { __typename: 'Territory', code: '06', nameFr: 'Casablanca-Settat', nameAr: 'الدار البيضاء-سطات' },
  participants: [
    {
      __typename: 'Organization',
      id: 'org-region',
      name: 'Conseil de la Région Casablanca-Settat',
      acronym: null,
      kind: 'REGIONAL_COUNCIL',
    },
    {
      __typename: 'Organization',
      id: 'org-sao',
      name: 'SAO Casablanca-Settat',
      acronym: 'SAO',
      kind: 'AL_OMRANE_SUBSIDIARY',
    },
  ],
  resolutions: [
    'Renforcer la convergence entre les acteurs nationaux, régionaux et locaux.',
    'Faire des centres émergents un outil d’équilibre socio-spatial.',
  ],
  commitments: [
    {
      __typename: 'Commitment',
      id: 'c-region',
      title: 'Cofinancement de la ville nouvelle de Lakhyayta',
      kind: 'FUNDING',
      status: 'IN_PROGRESS',
      late: true,
      dueDate: '2020-12-31',
      amount: '300000000.00',
      quantity: null,
      quantityUnit: null,
      organization: {
        __typename: 'Organization',
        id: 'org-region',
        name: 'Conseil de la Région Casablanca-Settat',
        acronym: null,
      },
    },
    {
      __typename: 'Commitment',
      id: 'c-land',
      title: 'Mobilisation du foncier des pôles urbains',
      kind: 'LAND',
      status: 'FULFILLED',
      late: false,
      dueDate: '2019-06-30',
      amount: null,
      quantity: '756',
      quantityUnit: 'ha',
      organization: {
        __typename: 'Organization',
        id: 'org-sao',
        name: 'SAO Casablanca-Settat',
        acronym: 'SAO',
      },
    },
  ],
  actions: [
    {
      __typename: 'Action',
      id: 'a-relocation',
      title: 'Relogement des ménages des karyans de Sidi Moumen',
      status: 'IN_PROGRESS',
      overdue: true,
      dueDate: '2026-01-15',
      priority: 'CRITICAL',
      responsibleOrganization: {
        __typename: 'Organization',
        id: 'org-pref',
        name: 'Préfecture de Casablanca',
        acronym: null,
      },
    },
  ],
};

describe('ForumDetailPage', () => {
  let api: FakeApi;
  let answer: () => FakeResponse;

  beforeEach(() => {
    localStorage.clear();
    answer = () => ({ data: { forum: FORUM_2018 } });
    api = new FakeApi((request) =>
      request.operationName === 'ForumDetail' ? answer() : new Error(`unexpected ${request.operationName}`),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'forums', children: forumsRoutes }], withComponentInputBinding()),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser());
  });

  async function open(url = '/forums/forum-2018') {
    const harness = await RouterTestingHarness.create(url);
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      harness.fixture.detectChanges();
      await harness.fixture.whenStable();
    }
    const page = harness.routeNativeElement as HTMLElement;
    const section = (heading: string) =>
      Array.from(page.querySelectorAll('section')).find((candidate) =>
        candidate.querySelector('h2')?.textContent?.includes(heading),
      ) ?? null;
    const cells = (root: Element | null) =>
      Array.from(root?.querySelectorAll('tbody tr') ?? []).map((row) =>
        Array.from(row.querySelectorAll('th, td')).map((cell) =>
          cell.textContent?.replace(/\s+/g, ' ').trim(),
        ),
      );
    return { harness, page, section, cells };
  }

  it('shows the forum: theme, date, place, region and participants', async () => {
    const { page, section } = await open();

    expect(api.received('ForumDetail')[0].variables).toEqual({ id: 'forum-2018' });
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect(page.querySelector('h1')?.textContent).toContain('Casablanca-Settat (3e étape)');
    const text = page.textContent ?? '';
    expect(text).toContain('Les centres émergents, outil d');
    expect(page.querySelector('time')?.getAttribute('datetime')).toBe('2018-10-11');
    expect(text).toContain('Al Omrane Expo');
    expect(text).toContain('Casablanca-Settat');
    expect(text).not.toContain('forums.scheduled');
    const participants = section('forums.detail.participants');
    expect(
      Array.from(participants?.querySelectorAll('li') ?? []).map((li) => li.textContent?.trim()),
    ).toEqual([
      expect.stringContaining('Conseil de la Région Casablanca-Settat'),
      expect.stringContaining('SAO Casablanca-Settat'),
    ]);
  });

  it('lists the resolutions in order', async () => {
    const { section } = await open();

    const items = Array.from(section('forums.detail.resolutions')?.querySelectorAll('ol li') ?? []);
    expect(items.map((li) => li.textContent?.trim())).toEqual(FORUM_2018.resolutions);
  });

  it('links each commitment announced and each action decided there to its page', async () => {
    const { section, cells } = await open();

    const commitments = section('forums.detail.commitments');
    expect(commitments?.querySelector('table caption')?.textContent).toContain(
      'forums.detail.commitmentsCaption',
    );
    const [cofunding, land] = cells(commitments);
    expect(cofunding[0]).toBe('Cofinancement de la ville nouvelle de Lakhyayta');
    expect(cofunding[1]).toBe('Conseil de la Région Casablanca-Settat');
    expect(cofunding[3]).toMatch(/300/);
    expect(cofunding[5]).toContain('forums.detail.late');
    expect(land[3]).toBe('756 ha');
    expect(land[5]).not.toContain('forums.detail.late');
    expect(
      Array.from(commitments?.querySelectorAll('tbody a') ?? []).map((a) => a.getAttribute('href')),
    ).toEqual(['/commitments/c-region', '/commitments/c-land']);

    const actions = section('forums.detail.actions');
    const [relocation] = cells(actions);
    expect(relocation[0]).toBe('Relogement des ménages des karyans de Sidi Moumen');
    expect(relocation[1]).toBe('Préfecture de Casablanca');
    expect(relocation[3]).toContain('actionPriority.CRITICAL');
    expect(relocation[4]).toContain('forums.detail.overdue');
    expect(actions?.querySelector('tbody a')?.getAttribute('href')).toBe('/actions/a-relocation');
  });

  it('places following, discussion and history on the forum', async () => {
    const { harness } = await open();

    for (const type of [FollowButton, DiscussionThread, AuditHistory]) {
      const component = harness.fixture.debugElement.query(By.directive(type))
        .componentInstance as InstanceType<typeof type>;
      expect([component.subjectType(), component.subjectId()]).toEqual(['FORUM', 'forum-2018']);
    }
  });

  it('says what is missing when a forum has no resolution, commitment or action yet', async () => {
    answer = () => ({
      data: { forum: { ...FORUM_2018, heldOn: '2999-01-15', resolutions: [], commitments: [], actions: [] } },
    });
    const { page } = await open();

    const text = page.textContent ?? '';
    expect(text).toContain('forums.scheduled');
    expect(text).toContain('forums.detail.noResolutions');
    expect(text).toContain('forums.detail.noCommitments');
    expect(text).toContain('forums.detail.noActions');
    expect(page.querySelector('table')).toBeNull();
  });

  it('says clearly when the forum does not exist or may not be read', async () => {
    answer = () => ({ data: { forum: null } });
    const { page } = await open('/forums/unknown');

    expect(page.querySelector('h1')?.textContent).toContain('forums.detail.notFoundTitle');
    expect(page.textContent).toContain('forums.detail.notFoundHint');
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/forums');
    expect(page.querySelector('cv-discussion-thread')).toBeNull();
  });

  it('shows an error other than not found with a retry', async () => {
    answer = () => ({
      data: null,
      errors: [{ message: 'Trop de requêtes.', extensions: { code: 'RATE_LIMITED' } }],
    });
    const { page } = await open();

    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Trop de requêtes.');
    expect(page.querySelector('cv-error-panel button')).not.toBeNull();
  });
});
