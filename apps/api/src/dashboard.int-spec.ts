import { todayInMorocco } from '@convergence/server/core';
import { projectHealthSql } from '@convergence/server/projects';
import { HEALTHS, PROJECT_STATUSES } from '@convergence/shared/domain';
import { DataSource } from 'typeorm';
import { createDashboardFixtures, ORG, type DashboardFixtures } from './testing/dashboard-fixtures';
import { createProjectFixture } from './testing/project-fixtures';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type TestApi } from './testing/test-api';

interface Score {
  organization: { id: string; name: string };
  commitmentCount: number;
  fulfilledCount: number;
  onTimeRate: number | null;
  lateCount: number;
  averageDelayDays: number | null;
  committedAmount: string;
  fulfilledAmount: string;
  lastUpdateAt: string;
}
interface Dashboard {
  territory: { code: string; nameFr: string } | null;
  projectCount: number;
  investmentCommitted: string;
  investmentRealised: string;
  housingUnitsPlanned: number;
  housingUnitsDelivered: number;
  householdsTargeted: number;
  householdsRelocated: number;
  hectares: string;
  projectsByStatus: { status: string; count: number }[];
  projectsByHealth: { health: string; count: number }[];
  lateCommitmentCount: number;
  overdueActionCount: number;
  scorecard: Score[];
  byCommune: {
    territory: { code: string; nameFr: string; nameAr: string };
    projectCount: number;
    investment: string;
  }[];
}

const SCORE_FIELDS = `organization { id name } commitmentCount fulfilledCount onTimeRate lateCount
  averageDelayDays committedAmount fulfilledAmount lastUpdateAt`;
const DASHBOARD = `query ($territoryCode: String) {
  dashboard(territoryCode: $territoryCode) {
    territory { code nameFr }
    projectCount investmentCommitted investmentRealised housingUnitsPlanned housingUnitsDelivered
    householdsTargeted householdsRelocated hectares
    projectsByStatus { status count } projectsByHealth { health count }
    lateCommitmentCount overdueActionCount
    scorecard { ${SCORE_FIELDS} }
    byCommune { territory { code nameFr nameAr } projectCount investment }
  }
}`;
const SCORECARD = `query ($territoryCode: String) { partnerScorecard(territoryCode: $territoryCode) { ${SCORE_FIELDS} } }`;
const COMMITMENT_COUNT = `query ($filter: CommitmentFilter) { commitments(filter: $filter, first: 1) { totalCount } }`;

type Persona = 'ministere' | 'elu' | 'elu.marrakech' | 'prefecture';

/**
 * What each persona may read, written by hand from PRODUCT.md's table ($1: the persona's
 * organisation), independently of the CASL rules and of `accessibleBy` that the api uses.
 */
const READABLE: Record<Persona, { project: string; commitment: string; action: string }> = {
  // `$1 IS NOT NULL`: everything, with the same parameters as the others.
  ministere: {
    project: '$1::uuid IS NOT NULL',
    commitment: '$1::uuid IS NOT NULL',
    action: '$1::uuid IS NOT NULL',
  },
  elu: byTerritory("region_code = '06'"),
  'elu.marrakech': byTerritory("region_code = '07'"),
  prefecture: byTerritory("province_code = '06.141'"),
};
function byTerritory(scope: string) {
  return {
    project: `(p.${scope} OR p.lead_organization_id = $1 OR $1 = ANY(p.partner_organization_ids))`,
    commitment: `(c.${scope} OR c.organization_id = $1)`,
    action: `(a.${scope} OR a.responsible_organization_id = $1 OR $1 = ANY(a.contributor_organization_ids))`,
  };
}
const ORGANIZATION_OF: Record<Persona, keyof typeof ORG> = {
  ministere: 'ministry',
  elu: 'casablancaCouncil',
  'elu.marrakech': 'marrakechCouncil',
  prefecture: 'prefecture',
};

/** Money as integer cents, so that the test adds up exactly, as the api must. */
const cents = (amount: string | null) => (amount === null ? 0n : BigInt(amount.replace('.', '')));
const money = (total: bigint) => {
  const digits = total.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
};
const sumOf = <T>(rows: T[], value: (row: T) => number) => rows.reduce((sum, row) => sum + value(row), 0);
const moneyOf = <T>(rows: T[], value: (row: T) => string | null) =>
  money(rows.reduce((sum, row) => sum + cents(value(row)), 0n));
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

interface ProjectRow {
  commune_code: string;
  status: string;
  health: string | null;
  budget: string;
  spent_amount: string;
  housing_units_planned: number;
  housing_units_delivered: number;
  households_targeted: number;
  households_relocated: number;
  hectares: string;
}
interface CommitmentRow {
  organization_id: string;
  name: string;
  status: string;
  amount: string | null;
  fulfilled_amount: string;
  due_date: string;
  fulfilled_on: string | null;
  updated_at: Date;
}

describe('dashboard and partner scorecard (read side: scope, sums, agreement with the lists)', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let fixtures: DashboardFixtures;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    fixtures = await createDashboardFixtures(dataSource);
    for (const persona of ['ministere', 'elu', 'sao', 'prefecture', 'elu.marrakech']) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
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
  const scorecard = async (persona: string, territoryCode?: string) => {
    const response = await api.graphql<{ partnerScorecard: Score[] }>(
      SCORECARD,
      { territoryCode },
      { token: tokens[persona] },
    );
    expect(response.errors).toBeUndefined();
    return response.data?.partnerScorecard ?? [];
  };

  /** The rows a persona may read in a territory (null: everywhere), selected with plain SQL. */
  async function readableRows(persona: Persona, territoryCode: string | null) {
    const scope = READABLE[persona];
    const params = [fixtures.organizationIds[ORGANIZATION_OF[persona]], territoryCode];
    const projects: ProjectRow[] = await dataSource.query(
      `SELECT p.*, ${projectHealthSql('p')} AS health FROM project p
       WHERE ${scope.project} AND ($2::text IS NULL OR $2 IN (p.region_code, p.province_code, p.commune_code))`,
      params,
    );
    const commitments: CommitmentRow[] = await dataSource.query(
      `SELECT c.organization_id, o.name, c.status, c.amount, c.fulfilled_amount, c.due_date::text,
              c.fulfilled_on::text, c.updated_at
       FROM commitment c JOIN organization o ON o.id = c.organization_id
       WHERE ${scope.commitment} AND ($2::text IS NULL OR $2 IN (c.region_code, c.province_code)
         OR c.project_id IN (SELECT id FROM project WHERE commune_code = $2))`,
      params,
    );
    const actions: { status: string; due_date: string }[] = await dataSource.query(
      `SELECT a.status, a.due_date::text FROM action a
       WHERE ${scope.action} AND ($2::text IS NULL OR $2 IN (a.territory_code, a.region_code, a.province_code))`,
      params,
    );
    return { projects, commitments, actions };
  }

  /** PRODUCT.md and libs/server/dashboard/README.md, computed row by row in TypeScript. */
  function expectedScorecard(rows: CommitmentRow[]) {
    const today = todayInMorocco();
    const byOrganization = new Map<string, CommitmentRow[]>();
    for (const row of rows)
      byOrganization.set(row.organization_id, [...(byOrganization.get(row.organization_id) ?? []), row]);
    return [...byOrganization.entries()].map(([id, own]) => {
      const fulfilled = own.filter((c) => ['FULFILLED', 'PARTIALLY_FULFILLED'].includes(c.status));
      const late = own.filter((c) => ['PLANNED', 'IN_PROGRESS'].includes(c.status) && c.due_date < today);
      const onTime = fulfilled.filter((c) => c.fulfilled_on !== null && c.fulfilled_on <= c.due_date);
      const delays = [
        ...fulfilled
          .filter((c) => c.fulfilled_on !== null && c.fulfilled_on > c.due_date)
          .map((c) => daysBetween(c.due_date, c.fulfilled_on as string)),
        ...late.map((c) => daysBetween(c.due_date, today)),
      ];
      const denominator = fulfilled.length + late.length;
      return {
        organization: { id, name: own[0].name },
        commitmentCount: own.length,
        fulfilledCount: fulfilled.length,
        onTimeRate: denominator ? expect.closeTo(onTime.length / denominator, 10) : null,
        lateCount: late.length,
        averageDelayDays: delays.length ? expect.closeTo(sumOf(delays, (d) => d) / delays.length, 10) : null,
        committedAmount: moneyOf(
          own.filter((c) => c.status !== 'CANCELLED'),
          (c) => c.amount,
        ),
        fulfilledAmount: moneyOf(own, (c) => c.fulfilled_amount),
        lastUpdateAt: new Date(Math.max(...own.map((c) => c.updated_at.getTime()))).toISOString(),
      };
    });
  }

  const byOrganizationId = <T extends { organization: { id: string } }>(scores: T[]) =>
    [...scores].sort((a, b) => a.organization.id.localeCompare(b.organization.id));

  async function expectedDashboard(persona: Persona, territoryCode: string | null) {
    const { projects, commitments, actions } = await readableRows(persona, territoryCode);
    const today = todayInMorocco();
    const communes = [...new Set(projects.map((p) => p.commune_code))].sort();
    return {
      projectCount: projects.length,
      investmentCommitted: moneyOf(projects, (p) => p.budget),
      investmentRealised: moneyOf(projects, (p) => p.spent_amount),
      housingUnitsPlanned: sumOf(projects, (p) => p.housing_units_planned),
      housingUnitsDelivered: sumOf(projects, (p) => p.housing_units_delivered),
      householdsTargeted: sumOf(projects, (p) => p.households_targeted),
      householdsRelocated: sumOf(projects, (p) => p.households_relocated),
      hectares: moneyOf(projects, (p) => p.hectares),
      projectsByStatus: PROJECT_STATUSES.map((status) => ({
        status,
        count: projects.filter((p) => p.status === status).length,
      })),
      projectsByHealth: HEALTHS.map((health) => ({
        health,
        count: projects.filter((p) => p.health === health).length,
      })),
      lateCommitmentCount: commitments.filter(
        (c) => ['PLANNED', 'IN_PROGRESS'].includes(c.status) && c.due_date < today,
      ).length,
      overdueActionCount: actions.filter(
        (a) => ['OPEN', 'IN_PROGRESS', 'BLOCKED'].includes(a.status) && a.due_date < today,
      ).length,
      scorecard: byOrganizationId(expectedScorecard(commitments)),
      byCommune: communes.map((code) => {
        const here = projects.filter((p) => p.commune_code === code);
        return { code, projectCount: here.length, investment: moneyOf(here, (p) => p.budget) };
      }),
    };
  }

  function comparable(actual: Dashboard) {
    const { territory: _territory, scorecard: scores, byCommune, ...figures } = actual;
    return {
      ...figures,
      scorecard: byOrganizationId(scores),
      byCommune: byCommune.map(({ territory, projectCount, investment }) => ({
        code: territory.code,
        projectCount,
        investment,
      })),
    };
  }

  describe('each persona sees the figures of exactly what it may read', () => {
    it.each<[Persona, string | undefined, string | null]>([
      ['ministere', undefined, null],
      ['elu', undefined, '06'],
      ['prefecture', undefined, '06.141'],
      ['prefecture', '06', '06'],
      ['elu.marrakech', undefined, '07'],
      ['ministere', '06.141', '06.141'],
    ])('%s asking for %s: the territory %s', async (persona, asked, shown) => {
      const actual = await dashboard(persona, asked);
      expect(actual.territory?.code ?? null).toBe(shown);
      expect(comparable(actual)).toEqual(await expectedDashboard(persona, shown));
    });

    it('a commune: its projects, the commitments of its projects and its actions', async () => {
      const commune = fixtures.communes.casablancaA;
      const actual = await dashboard('ministere', commune);
      expect(actual.territory?.code).toBe(commune);
      expect(comparable(actual)).toEqual(await expectedDashboard('ministere', commune));
      expect(actual.byCommune.map((c) => c.territory.code)).toEqual([commune]);
    });

    it('a Marrakech-Safi elected official asking for Casablanca-Settat sees zeros, never its figures', async () => {
      const actual = await dashboard('elu.marrakech', '06');
      expect(actual.territory?.code).toBe('06');
      expect(actual).toMatchObject({
        projectCount: 0,
        investmentCommitted: '0.00',
        investmentRealised: '0.00',
        hectares: '0.00',
        lateCommitmentCount: 0,
        overdueActionCount: 0,
        scorecard: [],
        byCommune: [],
      });
      expect(actual.projectsByStatus.every((s) => s.count === 0)).toBe(true);
      expect((await dashboard('ministere', '06')).projectCount).toBeGreaterThan(0);
    });

    it('a prefecture agent sees a Settat project it is a partner of on the region, not on its prefecture', async () => {
      const onPrefecture = await dashboard('prefecture');
      const onRegion = await dashboard('prefecture', '06');
      const settat = fixtures.communes.settat;
      expect(onPrefecture.byCommune.map((c) => c.territory.code)).not.toContain(settat);
      expect(onRegion.byCommune.map((c) => c.territory.code)).toContain(settat);
    });
  });

  it('per-commune figures add up to the totals, and the late count to the scorecard', async () => {
    for (const persona of ['ministere', 'elu', 'prefecture'] as const) {
      const actual = await dashboard(persona);
      expect(sumOf(actual.byCommune, (c) => c.projectCount)).toBe(actual.projectCount);
      expect(moneyOf(actual.byCommune, (c) => c.investment)).toBe(actual.investmentCommitted);
      expect(sumOf(actual.projectsByStatus, (s) => s.count)).toBe(actual.projectCount);
      expect(sumOf(actual.scorecard, (s) => s.lateCount)).toBe(actual.lateCommitmentCount);
      expect(actual.byCommune.every((c) => c.territory.nameFr && c.territory.nameAr)).toBe(true);
    }
  });

  describe('partnerScorecard', () => {
    it('scores a partner by the README definitions', async () => {
      const partner = (await scorecard('ministere', '06')).find(
        (s) => s.organization.name === ORG.fixturePartner,
      );
      // Fixtures: 30 M fulfilled on time, 20 M fulfilled 30 days late, 15 M partly fulfilled (5 M)
      // 10 days late, 10 M 10 days late and still open, 20 ha not due, 7 M cancelled.
      expect(partner).toMatchObject({
        commitmentCount: 6,
        fulfilledCount: 3,
        lateCount: 1,
        onTimeRate: 0.25,
        committedAmount: '75000000.00',
        fulfilledAmount: '55000000.00',
      });
      expect(partner?.averageDelayDays).toBeCloseTo(50 / 3, 10);
      const inCasablanca = (await scorecard('ministere', '06.141')).find(
        (s) => s.organization.name === ORG.fixturePartner,
      );
      // The regional and the Settat commitments lie outside the prefecture.
      expect(inCasablanca).toMatchObject({ commitmentCount: 4, lateCount: 0, onTimeRate: 0.5 });
    });

    it.each<[Persona, string | undefined]>([
      ['ministere', undefined],
      ['ministere', '06'],
      ['elu', undefined],
      ['elu', '06.141'],
      ['prefecture', undefined],
      ['elu.marrakech', undefined],
    ])('%s on %s equals a computation over the readable rows', async (persona, territoryCode) => {
      const scores = await scorecard(persona, territoryCode);
      const { commitments } = await readableRows(persona, territoryCode ?? null);
      expect(byOrganizationId(scores)).toEqual(byOrganizationId(expectedScorecard(commitments)));
      const lateCounts = scores.map((s) => s.lateCount);
      expect(lateCounts).toEqual([...lateCounts].sort((a, b) => b - a));
    });

    it.each<[Persona, string | undefined]>([
      ['ministere', '06'],
      ['ministere', undefined],
      ['elu', '06'],
      ['prefecture', '06.141'],
    ])('%s on %s: every row equals what the commitments list counts', async (persona, territoryCode) => {
      const scores = await scorecard(persona, territoryCode);
      expect(scores.length).toBeGreaterThan(0);
      const total = async (filter: Record<string, unknown>) => {
        const response = await api.graphql<{ commitments: { totalCount: number } }>(
          COMMITMENT_COUNT,
          { filter: { ...filter, territoryCode } },
          { token: tokens[persona] },
        );
        expect(response.errors).toBeUndefined();
        return response.data?.commitments.totalCount;
      };
      for (const score of scores) {
        const organizationId = score.organization.id;
        expect(await total({ organizationId, late: true })).toBe(score.lateCount);
        expect(await total({ organizationId })).toBe(score.commitmentCount);
        expect(await total({ organizationId, status: ['FULFILLED', 'PARTIALLY_FULFILLED'] })).toBe(
          score.fulfilledCount,
        );
      }
    });

    it('is the dashboard’s scorecard for the same territory', async () => {
      expect((await dashboard('elu')).scorecard).toEqual(await scorecard('elu', '06'));
    });
  });

  describe('cost and validation', () => {
    it('takes a small, constant number of SQL statements, whatever the persona and the territory', async () => {
      const count = async (persona: string, territoryCode?: string) =>
        (await statementsDuring(() => api.graphql(DASHBOARD, { territoryCode }, { token: tokens[persona] })))
          .length;
      const regional = await count('elu');
      expect(regional).toBeLessThanOrEqual(12);
      expect(await count('prefecture', '06')).toBe(regional);
      expect(await count('ministere', fixtures.communes.casablancaA)).toBe(regional);
      // All of Morocco: no territory to look up.
      expect(await count('ministere')).toBe(regional - 1);
      const scores = await statementsDuring(() =>
        api.graphql(SCORECARD, { territoryCode: '06' }, { token: tokens['ministere'] }),
      );
      // The session check, the territory, one aggregate.
      expect(scores.length).toBeLessThanOrEqual(3);
    });

    it('refuses a malformed territory code with a field message, and an unknown one as NOT_FOUND', async () => {
      for (const query of [DASHBOARD, SCORECARD]) {
        const malformed = await api.graphql(
          query,
          { territoryCode: 'Casablanca' },
          { token: tokens['elu'], locale: 'en' },
        );
        expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(malformed.errors?.[0].extensions?.fields).toEqual([
          { field: 'territoryCode', message: 'Invalid HCP territory code (for example 06 or 06.141).' },
        ]);
        const unknown = await api.graphql(query, { territoryCode: '99' }, { token: tokens['elu'] });
        expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
    });

    it('is for signed-in users only', async () => {
      for (const query of [DASHBOARD, SCORECARD]) {
        const anonymous = await api.graphql(query, {});
        expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  it('sums counts past a 32-bit Int exactly, as whole-number Floats', async () => {
    // The inputs stop at a million per project, but rows written otherwise (imports, SQL) may hold more.
    // A commune of the region without projects, so that its sums are those of the two below.
    const [{ code: commune }] = (await dataSource.query(
      `SELECT code FROM territory WHERE kind = 'COMMUNE' AND region_code = '06'
         AND code NOT IN (SELECT commune_code FROM project) ORDER BY code LIMIT 1`,
    )) as { code: string }[];
    const biggest = { housingUnitsPlanned: 2_000_000_000, householdsRelocated: 2_147_483_647 };
    const projects = [
      await createProjectFixture(dataSource, { communeCode: commune, values: biggest }),
      await createProjectFixture(dataSource, { communeCode: commune, values: biggest }),
    ];
    try {
      const actual = await dashboard('ministere', commune);
      expect(actual).toMatchObject({
        projectCount: 2,
        housingUnitsPlanned: 4_000_000_000,
        householdsRelocated: 4_294_967_294,
        housingUnitsDelivered: 0,
        householdsTargeted: 0,
      });
      expect((await dashboard('ministere')).housingUnitsPlanned).toBeGreaterThan(4_000_000_000);
    } finally {
      await dataSource.query('DELETE FROM project WHERE id = ANY($1)', [projects.map((p) => p.id)]);
    }
  });
});
