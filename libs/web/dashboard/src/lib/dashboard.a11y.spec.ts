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
import { DashboardPage } from './dashboard.page';
import { provideDashboardCharts } from './dashboard.providers';
import { CommuneGeometry } from './map/commune-geometry';
import {
  dashboardOf,
  fakeEcharts,
  GEOMETRY,
  stubResizeObserver,
  territory,
  TERRITORIES,
} from './testing/dashboard-fixtures';

/**
 * axe-core on the rendered dashboard (jsdom: no layout, so contrast is left to the Chromium
 * journeys), with the chart and map data tables opened. Serious and critical violations fail.
 */
describe('dashboard, accessibility', () => {
  jest.setTimeout(30_000);
  beforeAll(stubResizeObserver);

  function setUp(dashboard: ReturnType<typeof dashboardOf>) {
    localStorage.clear();
    const api = new FakeApi((request) =>
      request.operationName === 'Dashboard'
        ? { data: { dashboard } }
        : {
            data: {
              territories: TERRITORIES[(request.variables['parentCode'] as string | null) ?? ''] ?? [],
            },
          },
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            {
              path: 'dashboard',
              component: DashboardPage,
              providers: provideDashboardCharts(fakeEcharts().loader),
            },
          ],
          withComponentInputBinding(),
        ),
        provideTranslocoTesting(),
        provideFakeApi(api),
        { provide: CommuneGeometry, useValue: { load: () => Promise.resolve(GEOMETRY) } },
      ],
    });
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser());
  }

  async function violations(url: string, tables: number) {
    const harness = await RouterTestingHarness.create(url);
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      harness.fixture.detectChanges();
      await harness.fixture.whenStable();
    }
    const page = harness.routeNativeElement as HTMLElement;
    for (const details of Array.from(page.querySelectorAll('details'))) details.open = true;
    expect(page.querySelectorAll('details table')).toHaveLength(tables);
    const results = await axe.run(page, { rules: { 'color-contrast': { enabled: false } } });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
  }

  it('has no serious violation with its figures, charts, map and tables', async () => {
    setUp(dashboardOf());
    // Status, health, investment over time, scorecard, communes.
    expect(await violations('/dashboard?territory=06', 5)).toEqual([]);
  });

  it('has none either outside Casablanca-Settat, with nothing to draw', async () => {
    setUp(
      dashboardOf({
        territory: territory('07', 'Marrakech-Safi', 'REGION'),
        projectCount: 0,
        scorecard: [],
        byCommune: [],
        investmentByYear: [],
      }),
    );
    expect(await violations('/dashboard?territory=07', 0)).toEqual([]);
  });
});
