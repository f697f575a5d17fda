import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CsvExport } from '@convergence/web/core';
import {
  FakeApi,
  type FakeRequest,
  type FakeResponse,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import { projectsRoutes } from '../projects.routes';
import { projectRow, projectsPage, signInAs, territoriesAnswer } from '../testing/project-fixtures.testing';
import { SEARCH_DEBOUNCE_MS } from './project-list.page';

describe('ProjectListPage', () => {
  let api: FakeApi;
  let answerProjects: (request: FakeRequest) => FakeResponse;

  beforeEach(() => {
    answerProjects = () => projectsPage([projectRow()]);
    api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'Projects':
          return answerProjects(request);
        case 'ProjectProgrammes':
          return {
            data: {
              projects: {
                __typename: 'ProjectConnection',
                edges: [
                  {
                    __typename: 'ProjectEdge',
                    node: {
                      __typename: 'Project',
                      id: 'a',
                      programme: programme('p-vsb', 'Villes sans bidonvilles'),
                    },
                  },
                  {
                    __typename: 'ProjectEdge',
                    node: {
                      __typename: 'Project',
                      id: 'b',
                      programme: programme('p-pnu', 'Nouveaux pôles urbains'),
                    },
                  },
                  {
                    __typename: 'ProjectEdge',
                    node: {
                      __typename: 'Project',
                      id: 'c',
                      programme: programme('p-vsb', 'Villes sans bidonvilles'),
                    },
                  },
                  { __typename: 'ProjectEdge', node: { __typename: 'Project', id: 'd', programme: null } },
                ],
              },
            },
          };
        case 'Territories':
          return territoriesAnswer();
        default:
          return new Error(`unexpected ${request.operationName}`);
      }
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'projects', children: projectsRoutes }]),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
    signInAs('ELECTED_OFFICIAL', 'org-region');
  });

  function programme(id: string, name: string) {
    return { __typename: 'Programme', id, code: id, name };
  }

  async function open(url = '/projects') {
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

  const url = () => TestBed.inject(Router).url;
  const lastProjects = () => api.received('Projects').at(-1)!;
  const buttonNamed = (page: HTMLElement, name: string) =>
    Array.from(page.querySelectorAll('button')).find((button) => button.textContent?.trim() === name)!;

  it('sends the filters, sort and page size the URL says (a commune code from the dashboard map works)', async () => {
    await open(
      '/projects?territory=06.141.01.0&status=WORKS,STUDIES&type=NEW_TOWN&programme=p-vsb&health=AT_RISK&health=OFF_TRACK&search=pole&sort=BUDGET&direction=DESC',
    );

    expect(api.received('Projects')).toHaveLength(1);
    expect(lastProjects().variables).toEqual({
      filter: {
        territoryCode: '06.141.01.0',
        status: ['STUDIES', 'WORKS'],
        type: ['NEW_TOWN'],
        programmeId: 'p-vsb',
        health: ['AT_RISK', 'OFF_TRACK'],
        search: 'pole',
      },
      orderBy: { field: 'BUDGET', direction: 'DESC' },
      first: 20,
      after: null,
    });
  });

  it('asks for everything by code with no parameters, and ignores unknown values', async () => {
    await open('/projects?status=NOPE&sort=SIDEWAYS');

    expect(lastProjects().variables).toEqual({
      filter: null,
      orderBy: { field: 'CODE', direction: 'ASC' },
      first: 20,
      after: null,
    });
  });

  it('shows each project in a table row with links, badges, progress and budget', async () => {
    answerProjects = () =>
      projectsPage(
        [projectRow(), projectRow({ id: 'p-done', code: 'VSB-02', status: 'DELIVERED', health: null })],
        {
          totalCount: 2,
        },
      );
    const { page, text } = await open();

    const table = page.querySelector('table')!;
    expect(table.querySelector('caption')?.textContent).toContain('projects.table.caption');
    const region = table.parentElement!;
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('aria-label')).toBe('projects.table.caption');
    expect(
      Array.from(table.querySelectorAll('thead th')).every((th) => th.getAttribute('scope') === 'col'),
    ).toBe(true);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    const link = rows[0].querySelector('a')!;
    expect(link.textContent).toContain('Pôle urbain de Had Soualem');
    expect(link.getAttribute('href')).toBe('/projects/p-had-soualem');
    expect(rows[0].textContent).toContain('Had Soualem');
    expect(rows[0].textContent).toContain('SAO Casablanca-Settat');
    expect(rows[0].textContent).toContain('projectStatus.WORKS');
    expect(rows[0].querySelector('cv-badge [data-tone="warning"]')?.textContent).toContain('health.AT_RISK');
    expect(rows[0].textContent).toMatch(/40\s?%/);
    expect(rows[0].textContent).toMatch(/1\s200\s000\s000,00/);
    // Delivered: no health badge.
    expect(rows[1].textContent).toContain('projectStatus.DELIVERED');
    expect(rows[1].textContent).not.toContain('health.');
    expect(page.querySelector('[role="status"]')?.textContent).toContain('common.resultCount');
    expect(text()).not.toContain('common.loadMore');
  });

  it('puts a sort choice in the URL and asks again', async () => {
    const { page, harness } = await open('/projects?status=WORKS');

    const sort = page.querySelector<HTMLSelectElement>('select[name="sort"]')!;
    sort.value = 'PHYSICAL_PROGRESS';
    sort.dispatchEvent(new Event('change'));
    await settle(harness);

    expect(url()).toBe('/projects?status=WORKS&sort=PHYSICAL_PROGRESS');
    expect(lastProjects().variables['orderBy']).toEqual({ field: 'PHYSICAL_PROGRESS', direction: 'ASC' });
    expect(lastProjects().variables['filter']).toEqual({ status: ['WORKS'] });
  });

  it('puts the statuses chosen in the URL', async () => {
    const { page, harness } = await open();

    const trigger = Array.from(page.querySelectorAll<HTMLElement>('mat-form-field'))
      .find((field) => field.textContent?.includes('projects.filters.status'))!
      .querySelector<HTMLElement>('.mat-mdc-select-trigger')!;
    trigger.click();
    await settle(harness);
    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    options.find((option) => option.textContent?.includes('projectStatus.WORKS'))!.click();
    await settle(harness);
    document
      .querySelector<HTMLElement>('mat-option')!
      .parentElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle(harness);

    expect(url()).toBe('/projects?status=WORKS');
    expect(lastProjects().variables['filter']).toEqual({ status: ['WORKS'] });
  });

  it('searches once typing pauses, and only once', async () => {
    const { page, harness } = await open();
    const input = page.querySelector<HTMLInputElement>('input[type="search"]')!;

    for (const text of ['p', 'po', 'pole']) {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    }
    await settle(harness);
    expect(api.received('Projects')).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
    await settle(harness);

    expect(url()).toBe('/projects?search=pole');
    expect(api.received('Projects')).toHaveLength(2);
    expect(lastProjects().variables['filter']).toEqual({ search: 'pole' });
  });

  it('offers the programmes of the readable projects, once each, and filters on one', async () => {
    const { page, harness } = await open();
    const select = page.querySelector<HTMLSelectElement>('select[name="programme"]')!;

    expect(Array.from(select.options).map((option) => option.textContent?.trim())).toEqual([
      'projects.filters.allProgrammes',
      'Nouveaux pôles urbains',
      'Villes sans bidonvilles',
    ]);

    select.value = 'p-pnu';
    select.dispatchEvent(new Event('change'));
    await settle(harness);

    expect(url()).toBe('/projects?programme=p-pnu');
    expect(lastProjects().variables['filter']).toEqual({ programmeId: 'p-pnu' });
  });

  it('changes the territory from the picker, down to a commune', async () => {
    const { page, harness } = await open();
    const region = page.querySelector<HTMLSelectElement>('cv-territory-picker select')!;

    region.value = '06.141';
    region.dispatchEvent(new Event('change'));
    await settle(harness);

    expect(url()).toBe('/projects?territory=06.141');
    expect(lastProjects().variables['filter']).toEqual({ territoryCode: '06.141' });
  });

  it('shows 20 more with "show more", after the last cursor', async () => {
    const first = Array.from({ length: 20 }, (_, i) => projectRow({ id: `p-${i}`, code: `P-${i}` }));
    answerProjects = (request) =>
      request.variables['after']
        ? projectsPage([projectRow({ id: 'p-20', code: 'P-20' })], { totalCount: 21 })
        : projectsPage(first, { totalCount: 21, hasNextPage: true, endCursor: 'cursor-20' });
    const { page, harness } = await open('/projects?health=AT_RISK');

    expect(page.querySelectorAll('tbody tr')).toHaveLength(20);
    buttonNamed(page, 'common.loadMore').click();
    await settle(harness);

    expect(lastProjects().variables).toEqual({
      filter: { health: ['AT_RISK'] },
      orderBy: { field: 'CODE', direction: 'ASC' },
      first: 20,
      after: 'cursor-20',
    });
    expect(page.querySelectorAll('tbody tr')).toHaveLength(21);
    expect(buttonNamed(page, 'common.loadMore')).toBeUndefined();
  });

  it('says when no project matches the filters, and clears them', async () => {
    answerProjects = (request) =>
      request.variables['filter'] ? projectsPage([]) : projectsPage([projectRow()]);
    const { page, harness, text } = await open('/projects?health=OFF_TRACK&sort=TITLE');

    expect(text()).toContain('projects.list.emptyFiltered');
    expect(text()).toContain('common.emptyFiltered');
    expect(page.querySelector('table')).toBeNull();

    buttonNamed(page, 'common.clearFilters').click();
    await settle(harness);

    expect(url()).toBe('/projects?sort=TITLE');
    expect(page.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('shows the error with a retry', async () => {
    answerProjects = () => ({
      data: null,
      errors: [{ message: 'Serveur indisponible.', extensions: { code: 'RATE_LIMITED' } }],
    });
    const { page, harness } = await open();

    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Serveur indisponible.');
    answerProjects = () => projectsPage([projectRow()]);
    buttonNamed(page, 'common.retry').click();
    await settle(harness);

    expect(page.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('exports the CSV with exactly the filter and order of the list', async () => {
    const download = jest.spyOn(TestBed.inject(CsvExport), 'download').mockResolvedValue(null);
    const { page, harness } = await open(
      '/projects?territory=06.141&status=WORKS&sort=HEALTH&direction=DESC',
    );

    buttonNamed(page, 'common.exportCsv').click();
    await settle(harness);

    expect(download).toHaveBeenCalledWith({
      list: 'projects',
      filter: lastProjects().variables['filter'],
      orderBy: lastProjects().variables['orderBy'],
      fileName: 'projets-06.141.csv',
    });
  });
});
