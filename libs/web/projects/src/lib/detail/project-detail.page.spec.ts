import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  FakeApi,
  type FakeRequest,
  type FakeResponse,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import { withComponentInputBinding } from '@angular/router';
import { projectsRoutes } from '../projects.routes';
import { journalEntry, projectDetail, SAO_ID, signInAs } from '../testing/project-fixtures.testing';

describe('ProjectDetailPage', () => {
  let api: FakeApi;
  let answerProject: (request: FakeRequest) => FakeResponse;
  let answerJournal: (request: FakeRequest) => FakeResponse;

  beforeEach(() => {
    answerProject = () => ({ data: { project: projectDetail() } });
    answerJournal = () => ({ data: { project: null } });
    api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'Project':
          return answerProject(request);
        case 'ProjectJournal':
          return answerJournal(request);
        default:
          return new Error(`unexpected ${request.operationName}`);
      }
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'projects', children: projectsRoutes }], withComponentInputBinding()),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
  });

  async function open(url = '/projects/p-had-soualem') {
    const harness = await RouterTestingHarness.create(url);
    await settle(harness);
    const page = harness.routeNativeElement as HTMLElement;
    return { harness, page, text: () => page.textContent ?? '' };
  }

  async function settle(harness: RouterTestingHarness) {
    for (let i = 0; i < 3; i++) {
      await harness.fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
    harness.fixture.detectChanges();
  }

  const buttonNamed = (page: HTMLElement, name: string) =>
    Array.from(page.querySelectorAll('button')).find((button) => button.textContent?.trim() === name);

  describe('a project one may not read', () => {
    it.each([
      ['answered null', () => ({ data: { project: null } })],
      [
        'refused as NOT_FOUND',
        () => ({ data: null, errors: [{ message: 'Introuvable.', extensions: { code: 'NOT_FOUND' } }] }),
      ],
    ])('looks like one that does not exist when %s, with a way back to the list', async (_, answer) => {
      signInAs('ELECTED_OFFICIAL', 'org-region');
      answerProject = answer as () => FakeResponse;
      const { page, text } = await open('/projects/p-marrakech');

      expect(page.querySelectorAll('h1')).toHaveLength(1);
      expect(page.querySelector('h1')?.textContent).toContain('projects.detail.notFound');
      expect(text()).toContain('projects.detail.notFoundHint');
      const links = Array.from(page.querySelectorAll('a')).filter(
        (a) => a.getAttribute('href') === '/projects',
      );
      expect(links.length).toBeGreaterThan(0);
      expect(text()).not.toContain('projects.report.open');
      expect(page.querySelector('cv-discussion-thread')).toBeNull();
      expect(api.received('Project')[0].variables).toEqual({ id: 'p-marrakech', journalSize: 10 });
    });
  });

  it('shows the figures, progress, milestones, journal, partners, conventions and discussion', async () => {
    signInAs('ELECTED_OFFICIAL', 'org-region');
    const { page, text } = await open();

    expect(page.querySelector('h1')?.textContent).toContain('Pôle urbain de Had Soualem');
    expect(text()).toContain('projectStatus.WORKS');
    expect(page.querySelector('cv-project-health-badge [data-tone="warning"]')?.textContent).toContain(
      'health.AT_RISK',
    );
    const progress = page.querySelector('mat-progress-bar')!;
    expect(progress.getAttribute('aria-label')).toContain('projects.detail.progressLabel');
    expect(progress.getAttribute('aria-valuenow')).toBe('40');
    // Money tiles: a compact figure that fits, the exact one under it.
    const [budget, spent] = Array.from(page.querySelectorAll('cv-kpi-tile')).map(
      (tile) => tile.textContent ?? '',
    );
    expect(budget).toMatch(/1,2\s?Md/);
    expect(budget).toMatch(/1\s200\s000\s000,00/);
    expect(spent).toMatch(/300(,0)?\s?M\s/);
    expect(spent).toMatch(/300\s000\s000,00/);
    // Milestones: reached, late (planned in the past, not reached), upcoming.
    const milestones = Array.from(page.querySelectorAll('.cv-timeline li')).map((li) => li.textContent ?? '');
    expect(milestones[0]).toContain('projects.milestones.reached');
    expect(milestones[1]).toContain('projects.milestones.late');
    expect(milestones[2]).toContain('projects.milestones.upcoming');
    // The journal: who, what changed, the note.
    const entry = page.querySelector('.cv-journal li')!;
    expect(entry.textContent).toContain('Karim Alaoui');
    expect(entry.textContent).toContain('projects.journal.statusChange');
    expect(entry.textContent).toContain('Démarrage des travaux de viabilisation.');
    // Partners' commitments lead to their page.
    const commitment = Array.from(page.querySelectorAll('a')).find((a) =>
      a.textContent?.includes('Raccordement aux réseaux'),
    )!;
    expect(commitment.getAttribute('href')).toBe('/commitments/c-lydec');
    expect(commitment.closest('tr')?.textContent).toContain('projects.partners.late');
    // A wide table scrolls inside a labelled region that the keyboard can reach.
    const region = commitment.closest('table')!.parentElement!;
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('aria-label')).toBe('projects.partners.caption');
    expect(text()).toContain('CONV-2018-06');
    const thread = page.querySelector('cv-discussion-thread');
    expect(thread).not.toBeNull();
    expect(page.querySelector('cv-audit-history')).not.toBeNull();
    expect(page.querySelector('cv-follow-button')).not.toBeNull();
    // Headings in order: one h1, then h2s.
    expect(page.querySelectorAll('h1')).toHaveLength(1);
  });

  it('pages through the journal', async () => {
    signInAs('ELECTED_OFFICIAL', 'org-region');
    const first = Array.from({ length: 10 }, (_, i) => journalEntry({ id: `r-${i}`, note: `Point ${i}` }));
    answerProject = () => {
      const project = projectDetail({}, first);
      return {
        data: {
          project: {
            ...project,
            progressReports: {
              ...project.progressReports,
              totalCount: 11,
              pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'r-9' },
            },
          },
        },
      };
    };
    answerJournal = () => ({
      data: {
        project: {
          __typename: 'Project',
          id: 'p-had-soualem',
          progressReports: {
            __typename: 'ProjectProgressReportConnection',
            totalCount: 11,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'r-10' },
            edges: [
              {
                __typename: 'ProjectProgressReportEdge',
                cursor: 'r-10',
                node: journalEntry({ id: 'r-10', note: 'Point 10', author: null }),
              },
            ],
          },
        },
      },
    });
    const { page, harness } = await open();

    expect(page.querySelectorAll('.cv-journal li')).toHaveLength(10);
    buttonNamed(page, 'projects.journal.more')!.click();
    await settle(harness);

    expect(api.received('ProjectJournal')[0].variables).toEqual({
      id: 'p-had-soualem',
      first: 10,
      after: 'r-9',
    });
    expect(page.querySelectorAll('.cv-journal li')).toHaveLength(11);
    expect(page.querySelectorAll('.cv-journal li')[10].textContent).toContain('projects.journal.imported');
    expect(buttonNamed(page, 'projects.journal.more')).toBeUndefined();
  });

  describe('who sees "report progress"', () => {
    it('the manager of the subsidiary that leads it', async () => {
      signInAs('SUBSIDIARY_MANAGER', SAO_ID);
      const { page } = await open();
      expect(buttonNamed(page, 'projects.report.open')).toBeDefined();
    });

    it('an administrator', async () => {
      signInAs('ADMIN', 'org-admin', null);
      const { page } = await open();
      expect(buttonNamed(page, 'projects.report.open')).toBeDefined();
    });

    it('not an elected official, who follows it', async () => {
      signInAs('ELECTED_OFFICIAL', 'org-region');
      const { page } = await open();
      expect(buttonNamed(page, 'projects.report.open')).toBeUndefined();
    });

    it('not the manager of another subsidiary', async () => {
      signInAs('SUBSIDIARY_MANAGER', 'org-other-subsidiary');
      const { page } = await open();
      expect(buttonNamed(page, 'projects.report.open')).toBeUndefined();
    });

    it('nobody once the project is delivered', async () => {
      signInAs('SUBSIDIARY_MANAGER', SAO_ID);
      answerProject = () => ({
        data: { project: projectDetail({ status: 'DELIVERED', health: null, physicalProgress: 100 }) },
      });
      const { page } = await open();
      expect(buttonNamed(page, 'projects.report.open')).toBeUndefined();
    });
  });
});
