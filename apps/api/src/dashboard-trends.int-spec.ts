import { todayInMorocco } from '@convergence/server/core';
import { ProjectProgressReportEntity, type ProjectEntity } from '@convergence/server/projects';
import { DataSource } from 'typeorm';
import { createProjectFixture, SAO_MARRAKECH } from './testing/project-fixtures';
import { startTestApi, type TestApi } from './testing/test-api';

interface YearInvestment {
  year: number;
  committed: string;
  realised: string;
}
interface Dashboard {
  projectCount: number;
  investmentCommitted: string;
  investmentRealised: string;
  investmentByYear: YearInvestment[];
}

const DASHBOARD = `query ($territoryCode: String) {
  dashboard(territoryCode: $territoryCode) {
    projectCount investmentCommitted investmentRealised
    investmentByYear { year committed realised }
  }
}`;

/** Every year from `first` to `last`, with the figures of the last step at or before it. */
function series(first: number, last: number, steps: [year: number, committed: string, realised: string][]) {
  const years: YearInvestment[] = [];
  for (let year = first; year <= last; year++) {
    const [, committed, realised] = [...steps].reverse().find(([from]) => from <= year) ?? [
      0,
      '0.00',
      '0.00',
    ];
    years.push({ year, committed, realised });
  }
  return years;
}

describe('dashboard.investmentByYear (investment over time, over the readable projects)', () => {
  let api: TestApi;
  let dataSource: DataSource;
  const tokens: Record<string, string> = {};
  /** Communes without demo projects, so that their figures are the fixtures' alone. */
  let casablancaSettatCommune: string;
  let marrakechSafiCommune: string;
  const thisYear = Number(todayInMorocco().slice(0, 4));

  const report = (project: ProjectEntity, reportedAt: string, spentAmount: string) => ({
    projectId: project.id,
    authorUserId: null,
    reportedAt: new Date(reportedAt),
    previousStatus: project.status,
    status: project.status,
    physicalProgress: project.physicalProgress,
    spentAmount,
    housingUnitsDelivered: 0,
    householdsRelocated: 0,
    hectares: '0',
    plannedEndDate: null,
    note: 'fixture',
    reasonCode: null,
  });

  const emptyCommuneOf = async (regionCode: string) => {
    const [{ code }] = (await dataSource.query(
      `SELECT code FROM territory WHERE kind = 'COMMUNE' AND region_code = $1
         AND code NOT IN (SELECT commune_code FROM project) ORDER BY code LIMIT 1`,
      [regionCode],
    )) as { code: string }[];
    return code;
  };

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    for (const persona of ['ministere', 'elu', 'elu.marrakech']) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
    casablancaSettatCommune = await emptyCommuneOf('06');
    marrakechSafiCommune = await emptyCommuneOf('07');

    // Casablanca-Settat. A: started mid-2019; reports of 10 M and 25 M in 2020 (the first one at
    // 00:30 on 1 January in Morocco, still 2019 in UTC), none in 2021, 60 M in 2022.
    const a = await createProjectFixture(dataSource, {
      communeCode: casablancaSettatCommune,
      values: { budget: '100000000.00', spentAmount: '60000000.00', startDate: '2019-06-01' },
    });
    // B: no start date, recorded on 1 February 2021; 5 M reported at 00:30 on 1 January 2022 in Morocco.
    const b = await createProjectFixture(dataSource, {
      communeCode: casablancaSettatCommune,
      values: { budget: '50000000.50', spentAmount: '5000000.00', startDate: null },
    });
    await dataSource.query(`UPDATE project SET created_at = '2021-02-01T12:00:00Z' WHERE id = $1`, [b.id]);
    // C: starts in 2030, nothing spent.
    await createProjectFixture(dataSource, {
      communeCode: casablancaSettatCommune,
      values: { budget: '30000000.00', spentAmount: '0.00', startDate: '2030-01-01' },
    });
    // Marrakech-Safi: a big, older project that must never show in Casablanca-Settat's figures.
    const m = await createProjectFixture(dataSource, {
      lead: SAO_MARRAKECH,
      communeCode: marrakechSafiCommune,
      values: { budget: '999000000.00', spentAmount: '1000000.00', startDate: '2015-03-01' },
    });
    await dataSource
      .getRepository(ProjectProgressReportEntity)
      .insert([
        report(a, '2019-12-31T23:30:00Z', '10000000.00'),
        report(a, '2020-09-01T10:00:00Z', '25000000.00'),
        report(a, '2022-05-01T10:00:00Z', '60000000.00'),
        report(b, '2021-12-31T23:30:00Z', '5000000.00'),
        report(m, '2016-06-01T10:00:00Z', '1000000.00'),
      ]);
  });
  afterAll(() => api.close());

  const dashboard = async (persona: string, territoryCode?: string) => {
    const response = await api.graphql<{ dashboard: Dashboard }>(
      DASHBOARD,
      { territoryCode },
      { token: tokens[persona] },
    );
    expect(response.errors).toBeUndefined();
    return response.data?.dashboard as Dashboard;
  };

  it('is cumulative per year: budgets by start year, spending by the last report of each year (Morocco time)', async () => {
    const { investmentByYear } = await dashboard('ministere', casablancaSettatCommune);
    // From A's start (2019) to C's (2030), later than this year until 2030.
    expect(investmentByYear).toEqual(
      series(2019, Math.max(2030, thisYear), [
        [2019, '100000000.00', '0.00'],
        [2020, '100000000.00', '25000000.00'],
        [2021, '150000000.50', '25000000.00'],
        [2022, '150000000.50', '65000000.00'],
        [2030, '180000000.50', '65000000.00'],
      ]),
    );
  });

  it('ends on the totals of the same dashboard', async () => {
    for (const [persona, territoryCode] of [
      ['ministere', casablancaSettatCommune],
      ['ministere', undefined],
      ['elu', undefined],
      ['elu.marrakech', undefined],
    ] as const) {
      const actual = await dashboard(persona, territoryCode);
      const last = actual.investmentByYear.at(-1);
      expect(last?.committed).toBe(actual.investmentCommitted);
      expect(last?.realised).toBe(actual.investmentRealised);
      expect(last?.year).toBeGreaterThanOrEqual(thisYear);
      const years = actual.investmentByYear.map((entry) => entry.year);
      expect(years).toEqual(years.map((_, index) => years[0] + index));
    }
  });

  it("never counts another territory's projects, nor projects the reader may not read", async () => {
    const marrakech = series(2015, thisYear, [
      [2015, '999000000.00', '0.00'],
      [2016, '999000000.00', '1000000.00'],
    ]);
    expect((await dashboard('ministere', marrakechSafiCommune)).investmentByYear).toEqual(marrakech);
    expect((await dashboard('elu.marrakech', marrakechSafiCommune)).investmentByYear).toEqual(marrakech);

    // The Casablanca-Settat elected official reads nothing in Marrakech-Safi, and the other way round.
    expect((await dashboard('elu', marrakechSafiCommune)).investmentByYear).toEqual([]);
    expect((await dashboard('elu.marrakech', casablancaSettatCommune)).investmentByYear).toEqual([]);

    // The region, as its elected official reads it: what the ministry reads there, Marrakech-Safi aside.
    const region = (await dashboard('elu')).investmentByYear;
    expect(region).toEqual((await dashboard('ministere', '06')).investmentByYear);
    expect(region).not.toEqual((await dashboard('ministere')).investmentByYear);
  });
});
