import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LocaleFormat, SessionStore } from '@convergence/web/core';
import {
  FakeApi,
  type FakeResponse,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import { DashboardPage } from './dashboard.page';
import { provideDashboardCharts } from './dashboard.providers';
import { dashboardRoutes } from './dashboard.routes';
import { CommuneGeometry } from './map/commune-geometry';
import { COMMUNE_MAP_NAME } from './map/map-options';
import {
  dashboardOf,
  fakeEcharts,
  type FakeChart,
  GEOMETRY,
  stubResizeObserver,
  territory,
  TERRITORIES,
} from './testing/dashboard-fixtures';
import { at, each } from './testing/option-path';

@Component({ template: '<p>list</p>' })
class ListPage {}

describe('DashboardPage', () => {
  let api: FakeApi;
  let answer: (territoryCode: string | null) => FakeResponse;
  let charts: FakeChart[];
  let echarts: ReturnType<typeof fakeEcharts>['module'];
  let geometryLoad: jest.Mock;

  beforeAll(stubResizeObserver);

  beforeEach(() => {
    localStorage.clear();
    const fake = fakeEcharts();
    charts = fake.charts;
    echarts = fake.module;
    geometryLoad = jest.fn().mockResolvedValue(GEOMETRY);
    answer = () => ({ data: { dashboard: dashboardOf() } });
    api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'Dashboard':
          return answer((request.variables['territoryCode'] as string | null) ?? null);
        case 'Territories':
          return {
            data: {
              territories: TERRITORIES[(request.variables['parentCode'] as string | null) ?? ''] ?? [],
            },
          };
        default:
          return new Error(`unexpected ${request.operationName}`);
      }
    });
    const loader = fake.loader;
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'dashboard', component: DashboardPage, providers: provideDashboardCharts(loader) },
            { path: 'projects', component: ListPage },
            { path: 'commitments', component: ListPage },
            { path: 'actions', component: ListPage },
          ],
          withComponentInputBinding(),
        ),
        provideTranslocoTesting({ fr: { dashboard: { kpi: { ratio: '{{done}} / {{total}}' } } } }),
        provideFakeApi(api),
        { provide: CommuneGeometry, useValue: { load: geometryLoad } },
      ],
    });
  });

  async function open(url = '/dashboard') {
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser());
    const harness = await RouterTestingHarness.create(url);
    const settle = async () => {
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve));
        harness.fixture.detectChanges();
        await harness.fixture.whenStable();
      }
    };
    await settle();
    const page = () => harness.routeNativeElement as HTMLElement;
    const tile = (label: string) =>
      Array.from(page().querySelectorAll('cv-kpi-tile')).find((candidate) =>
        candidate.querySelector('.cv-kpi-label')?.textContent?.includes(label),
      ) as HTMLElement;
    const chart = (heading: string) =>
      charts.filter((candidate) => candidate.heading() === heading).at(-1) as FakeChart;
    const requests = () => api.received('Dashboard').map((request) => request.variables['territoryCode']);
    return { harness, page, settle, tile, chart, requests };
  }

  it('is the /dashboard route, titled and with its own texts and charts', () => {
    expect(dashboardRoutes).toEqual([
      expect.objectContaining({ path: '', component: DashboardPage, title: 'nav.dashboard' }),
    ]);
    expect(dashboardRoutes[0].providers?.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the key figures of the territory the api chose, money compact with the exact amount beside', async () => {
    const { page, tile, requests } = await open();
    const format = TestBed.inject(LocaleFormat);

    // No territory in the URL: the api picks the reader's own.
    expect(requests()).toEqual([null]);
    expect(page().querySelector('h1')?.textContent).toContain('dashboard.title');
    expect(page().querySelector('.cv-dashboard-scope')?.textContent).toContain('Casablanca-Settat');

    const committed = tile('dashboard.kpi.committed');
    expect(committed.querySelector('.cv-kpi-value')?.textContent).toBe(
      format.money('1250000000.50', { compact: true }),
    );
    expect(committed.querySelector('.cv-kpi-detail')?.textContent).toContain('dashboard.kpi.exact');
    expect(tile('dashboard.kpi.realised').querySelector('.cv-kpi-value')?.textContent).toBe(
      format.money('400000000.00', { compact: true }),
    );
    expect(tile('dashboard.kpi.housing').querySelector('.cv-kpi-value')?.textContent).toBe(
      `${format.number(1200)} / ${format.number(5000)}`,
    );
    expect(tile('dashboard.kpi.households').querySelector('.cv-kpi-value')?.textContent).toBe(
      `${format.number(900)} / ${format.number(3000)}`,
    );
    expect(tile('dashboard.kpi.hectares')).toBeTruthy();
    expect(tile('dashboard.kpi.projects').querySelector('.cv-kpi-value')?.textContent).toBe('7');
    expect(tile('dashboard.kpi.projects').querySelector('.cv-kpi-detail')?.textContent).toBe(
      'health.ON_TRACK 3 · health.AT_RISK 1 · health.OFF_TRACK 1',
    );

    // Alerts say so in words and colour, and open the list they count, on the same territory.
    const late = tile('dashboard.kpi.late');
    expect(late.querySelector('.cv-kpi-alert')).toBeTruthy();
    expect(late.closest('a')?.getAttribute('href')).toBe('/commitments?late=true&territory=06');
    expect(late.textContent).toContain('dashboard.kpi.lateLink');
    const overdue = tile('dashboard.kpi.overdue');
    expect(overdue.querySelector('.cv-kpi-alert')).toBeNull();
    expect(overdue.closest('a')?.getAttribute('href')).toBe('/actions?overdue=true&territory=06');
    expect(page().querySelector('[role="status"]')?.textContent).toContain('dashboard.loaded');
  });

  it('draws the four charts from the data, through the lazily given ECharts, each with words and a table', async () => {
    const { page, chart } = await open();

    const status = chart('dashboard.charts.status.title');
    expect(at(status.last(), 'yAxis', 'data')).toEqual([
      'projectStatus.PROGRAMMED',
      'projectStatus.STUDIES',
      'projectStatus.WORKS',
      'projectStatus.SUSPENDED',
      'projectStatus.DELIVERED',
      'projectStatus.CANCELLED',
    ]);
    expect(each(status.last(), ['series', 0, 'data'], 'value')).toEqual([1, 1, 3, 0, 2, 0]);

    const health = chart('dashboard.charts.health.title');
    expect(each(health.last(), ['series', 0, 'data'], 'value')).toEqual([3, 1, 1]);

    const investment = chart('dashboard.charts.investment.title');
    expect(at(investment.last(), 'xAxis', 'data')).toEqual(['2024', '2025']);
    expect(each(investment.last(), ['series'], 'data')).toEqual([
      [1000000000.5, 1250000000.5],
      [100000000, 400000000],
    ]);

    const scorecard = chart('dashboard.charts.scorecard.title');
    expect(at(scorecard.last(), 'yAxis', 'data')).toEqual(['LYDEC']);
    expect(each(scorecard.last(), ['series'], 'data')).toEqual([[2], [1], [3]]);

    // Each drawing is an image named by its figures, and its data is a table one can open.
    const canvas = status.dom;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe(
      'dashboard.charts.status.title: projectStatus.PROGRAMMED 1, projectStatus.STUDIES 1, projectStatus.WORKS 3, ' +
        'projectStatus.SUSPENDED 0, projectStatus.DELIVERED 2, projectStatus.CANCELLED 0',
    );
    const table = canvas.closest('section')?.querySelector('details table');
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(6);
    expect(table?.querySelector('th[scope="col"]')).toBeTruthy();
    expect(page().querySelectorAll('h2').length).toBeGreaterThanOrEqual(5);
  });

  it('shades the communes by investment or by projects, zeros included, and a click opens their projects', async () => {
    const { page, chart, settle, harness } = await open();

    expect(geometryLoad).toHaveBeenCalled();
    expect(echarts.registerMap).toHaveBeenCalledWith(COMMUNE_MAP_NAME, GEOMETRY.geoJson);
    const map = chart('dashboard.map.title');
    expect(at(map.last(), 'series', 0, 'nameProperty')).toBe('code');
    expect(each(map.last(), ['series', 0, 'data'], 'name')).toEqual([
      '06.141.01.0',
      '06.461.01.15',
      '06.141.01.81',
    ]);
    expect(each(map.last(), ['series', 0, 'data'], 'value')).toEqual([1000000000.5, 250000000, 0]);

    const toggle = Array.from(page().querySelectorAll<HTMLButtonElement>('mat-button-toggle button')).find(
      (button) => button.textContent?.includes('dashboard.map.byProjects'),
    );
    toggle?.click();
    await settle();
    expect(each(map.last(), ['series', 0, 'data'], 'value')).toEqual([5, 2, 0]);

    // The table: every commune of the selection, biggest first, each name a link to its projects.
    const links = Array.from(page().querySelectorAll<HTMLAnchorElement>('.cv-map-table tbody a'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/projects?territory=06.141.01.0',
      '/projects?territory=06.461.01.15',
      '/projects?territory=06.141.01.81',
    ]);
    expect(links[0].textContent).toContain('Casablanca');

    map.handlers.get('click')?.({ componentType: 'series', name: '06.461.01.15' });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/projects?territory=06.461.01.15');
  });

  it('reads the territory from the URL and writes the picker’s choice back to it', async () => {
    answer = (code) => ({
      data: {
        dashboard: dashboardOf({
          territory:
            code === '06.141'
              ? territory('06.141', 'Casablanca', 'PREFECTURE')
              : territory(code ?? '06', 'X'),
        }),
      },
    });
    const { page, settle, requests, chart } = await open('/dashboard?territory=06.141');

    expect(requests()).toEqual(['06.141']);
    // The picker follows the URL: under the prefecture chosen, its communes are offered.
    const selects = Array.from(page().querySelectorAll<HTMLSelectElement>('cv-territory-picker select'));
    expect(selects).toHaveLength(2);
    expect(Array.from(selects[1].options).map((option) => option.value)).toEqual([
      '',
      '06.141.01.0',
      '06.141.01.81',
    ]);
    // A prefecture fills the map: only its communes are shaded, the view is zoomed on them.
    expect(each(chart('dashboard.map.title').last(), ['series', 0, 'data'], 'name')).toEqual([
      '06.141.01.0',
      '06.141.01.81',
    ]);
    expect(at(chart('dashboard.map.title').last(), 'series', 0, 'boundingCoords')).toBeDefined();

    selects[1].value = '06.141.01.0';
    selects[1].dispatchEvent(new Event('change'));
    await settle();

    expect(TestBed.inject(Router).url).toBe('/dashboard?territory=06.141.01.0');
    expect(requests()).toEqual(['06.141', '06.141.01.0']);

    // "All" at the first level: back to the reader's default.
    const first = page().querySelector<HTMLSelectElement>('cv-territory-picker select');
    if (!first) throw new Error('no territory select');
    first.value = '';
    first.dispatchEvent(new Event('change'));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/dashboard');
    expect(requests().at(-1)).toBeNull();
  });

  it('draws no wrong map outside Casablanca-Settat', async () => {
    answer = () => ({
      data: {
        dashboard: dashboardOf({ territory: territory('07', 'Marrakech-Safi', 'REGION'), byCommune: [] }),
      },
    });
    const outside = await open('/dashboard?territory=07');
    expect(outside.page().textContent).toContain('dashboard.map.outsideRegion');
    expect(outside.page().querySelector('.cv-map-table')).toBeNull();
    expect(charts.some((candidate) => candidate.heading() === 'dashboard.map.title')).toBe(false);
    expect(geometryLoad).not.toHaveBeenCalled();
  });

  it('says the map is the region’s when the dashboard covers all of Morocco', async () => {
    answer = () => ({ data: { dashboard: dashboardOf({ territory: null }) } });
    const national = await open('/dashboard');
    expect(national.page().textContent).toContain('dashboard.map.nationalNote');
    expect(national.page().querySelector('.cv-dashboard-scope')?.textContent).toContain(
      'dashboard.scope.all',
    );
    expect(each(national.chart('dashboard.map.title').last(), ['series', 0, 'data'], 'name')).toHaveLength(3);
    // All of Morocco: the lists open without a territory.
    expect(national.tile('dashboard.kpi.late').closest('a')?.getAttribute('href')).toBe(
      '/commitments?late=true',
    );
  });

  it('keeps the table when the boundaries cannot be loaded', async () => {
    geometryLoad.mockRejectedValue(new Error('HTTP 404'));
    const { page } = await open();
    expect(page().textContent).toContain('dashboard.map.unavailable');
    // Without boundaries, the communes the api counts are still listed.
    expect(page().querySelectorAll('.cv-map-table tbody tr')).toHaveLength(2);
  });

  it('says what to do when there is nothing to show', async () => {
    answer = () => ({
      data: {
        dashboard: dashboardOf({
          projectCount: 0,
          projectsByStatus: [],
          projectsByHealth: [],
          scorecard: [],
          byCommune: [],
          investmentByYear: [],
        }),
      },
    });
    const empty = await open();
    expect(empty.page().querySelector('cv-empty-state')?.textContent).toContain('dashboard.empty.title');
    expect(charts.filter((candidate) => candidate.heading().startsWith('dashboard.charts'))).toHaveLength(0);
    // The alert tiles still count what the reader may read there.
    expect(empty.tile('dashboard.kpi.late')).toBeTruthy();
  });

  it('shows the api’s message and offers a retry after an error', async () => {
    let fail = true;
    answer = () =>
      fail
        ? { data: null, errors: [{ message: 'Territoire inconnu.', extensions: { code: 'NOT_FOUND' } }] }
        : { data: { dashboard: dashboardOf() } };
    const broken = await open('/dashboard?territory=99');
    expect(broken.page().querySelector('cv-error-panel')?.textContent).toContain('Territoire inconnu.');
    fail = false;
    broken.page().querySelector<HTMLButtonElement>('cv-error-panel button')?.click();
    await broken.settle();
    expect(broken.page().querySelector('cv-error-panel')).toBeNull();
    expect(broken.tile('dashboard.kpi.projects')).toBeTruthy();
  });
});
