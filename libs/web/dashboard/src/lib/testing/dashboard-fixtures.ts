/** Fixtures of the dashboard's component tests: api answers, boundaries, a fake ECharts. */
import type { EchartsModule } from '../charts/load-echarts';
import type { DashboardQuery } from '../data-access/generated';
import { parseCommuneGeometry } from '../map/commune-geometry';

/** Stands in for an ECharts instance: records the options it is given and the handlers bound. */
export class FakeChart {
  readonly options: unknown[] = [];
  readonly handlers = new Map<string, (event: unknown) => void>();
  constructor(readonly dom: HTMLElement) {}
  setOption(option: unknown): void {
    this.options.push(option);
  }
  on(name: string, handler: (event: unknown) => void): void {
    this.handlers.set(name, handler);
  }
  off(name: string): void {
    this.handlers.delete(name);
  }
  isDisposed(): boolean {
    return false;
  }
  dispose(): void {
    // nothing drawn
  }
  resize(): void {
    // nothing drawn
  }
  /** The heading of the section the chart is drawn in. */
  heading(): string {
    return this.dom.closest('section')?.querySelector('h2')?.textContent?.trim() ?? '';
  }
  last(): unknown {
    return this.options.at(-1);
  }
}

export const territory = (code: string, nameFr: string, kind = 'COMMUNE') => ({
  __typename: 'Territory' as const,
  code,
  kind,
  nameFr,
  nameAr: `ع ${nameFr}`,
});

export function dashboardOf(overrides: Partial<Record<keyof DashboardQuery['dashboard'], unknown>> = {}) {
  return {
    __typename: 'Dashboard',
    territory: territory('06', 'Casablanca-Settat', 'REGION'),
    projectCount: 7,
    investmentCommitted: '1250000000.50',
    investmentRealised: '400000000.00',
    housingUnitsPlanned: 5000,
    housingUnitsDelivered: 1200,
    householdsTargeted: 3000,
    householdsRelocated: 900,
    hectares: '310.50',
    projectsByStatus: [
      ['PROGRAMMED', 1],
      ['STUDIES', 1],
      ['WORKS', 3],
      ['SUSPENDED', 0],
      ['DELIVERED', 2],
      ['CANCELLED', 0],
    ].map(([status, count]) => ({ __typename: 'ProjectStatusCount', status, count })),
    projectsByHealth: [
      ['ON_TRACK', 3],
      ['AT_RISK', 1],
      ['OFF_TRACK', 1],
    ].map(([health, count]) => ({ __typename: 'ProjectHealthCount', health, count })),
    lateCommitmentCount: 3,
    overdueActionCount: 0,
    scorecard: [
      {
        __typename: 'PartnerScore',
        organization: { __typename: 'Organization', id: 'org-lydec', name: 'Lydec', acronym: 'LYDEC' },
        commitmentCount: 6,
        fulfilledCount: 2,
        lateCount: 3,
      },
    ],
    byCommune: [
      {
        __typename: 'CommuneFigures',
        territory: territory('06.141.01.0', 'Casablanca'),
        projectCount: 5,
        investment: '1000000000.50',
      },
      {
        __typename: 'CommuneFigures',
        territory: territory('06.461.01.15', 'Settat'),
        projectCount: 2,
        investment: '250000000.00',
      },
    ],
    investmentByYear: [
      { __typename: 'YearInvestment', year: 2024, committed: '1000000000.50', realised: '100000000.00' },
      { __typename: 'YearInvestment', year: 2025, committed: '1250000000.50', realised: '400000000.00' },
    ],
    ...overrides,
  };
}

const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 0.1, y],
    [x + 0.1, y + 0.1],
    [x, y],
  ],
];
export const GEOMETRY = parseCommuneGeometry({
  type: 'FeatureCollection',
  features: [
    ['06.141.01.0', 'Casablanca', -7.6, 33.5],
    ['06.141.01.81', 'Méchouar de Casablanca', -7.61, 33.58],
    ['06.461.01.15', 'Settat', -7.6, 33],
  ].map(([code, nameFr, x, y]) => ({
    type: 'Feature',
    properties: { code, nameFr, nameAr: `ع ${nameFr}` },
    geometry: { type: 'Polygon', coordinates: square(x as number, y as number) },
  })),
});

export const TERRITORIES: Record<string, ReturnType<typeof territory>[]> = {
  '06': [territory('06.141', 'Casablanca', 'PREFECTURE'), territory('06.461', 'Settat', 'PROVINCE')],
  '06.141': [territory('06.141.01.0', 'Casablanca'), territory('06.141.01.81', 'Méchouar de Casablanca')],
};

/** jsdom has no ResizeObserver; ngx-echarts observes its host with one. */
export function stubResizeObserver(): void {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {
      // no layout in jsdom
    }
    unobserve(): void {
      // no layout in jsdom
    }
    disconnect(): void {
      // no layout in jsdom
    }
  };
}

/** An ECharts stand-in for `provideDashboardCharts`, and the charts it was asked to draw. */
export function fakeEcharts() {
  const charts: FakeChart[] = [];
  const module = {
    init: jest.fn((dom: HTMLElement) => {
      const chart = new FakeChart(dom);
      charts.push(chart);
      return chart;
    }),
    registerMap: jest.fn(),
  };
  return { charts, module, loader: () => Promise.resolve(module as unknown as EchartsModule) };
}
