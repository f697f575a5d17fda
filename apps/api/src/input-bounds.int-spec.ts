import { DataSource } from 'typeorm';
import {
  CASABLANCA_COMMUNE,
  createProjectFixture,
  organizationIdNamed,
  SAO_CASABLANCA,
  uniqueProjectCode,
} from './testing/project-fixtures';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

/**
 * Inputs that class-validator used to let through and PostgreSQL then refused, answering 500: each
 * must be BAD_USER_INPUT naming the field, and write nothing.
 */

const CREATE = `mutation ($input: CreateProjectInput!) {
  createProject(input: $input) { id keyFigures { housingUnitsPlanned householdsTargeted hectares } }
}`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateProjectInput!) {
  updateProject(id: $id, version: $version, input: $input) { id version }
}`;
const REPORT = `mutation ($input: ReportProjectProgressInput!) { reportProjectProgress(input: $input) { id } }`;
const PROJECTS = `query ($after: String, $orderBy: ProjectOrder) {
  projects(first: 2, after: $after, orderBy: $orderBy) { totalCount edges { node { code } } }
}`;
const COMMITMENTS = `query ($filter: CommitmentFilter, $after: String, $orderBy: CommitmentOrder) {
  commitments(filter: $filter, first: 2, after: $after, orderBy: $orderBy) { totalCount edges { cursor } }
}`;

const SOME_UUID = '00000000-0000-4000-8000-000000000000';
/** A cursor as `paginate` writes one, with whatever (sort value, id) a forger likes. */
const cursorOf = (value: unknown, id: unknown) =>
  Buffer.from(JSON.stringify([value, id])).toString('base64url');

const HECTARES_TOO_BIG = {
  fr: 'Montant invalide : nombre positif d’au plus 99999999.99, avec au plus 2 décimales.',
  en: 'Invalid amount: a positive number up to 99999999.99, with at most 2 decimals.',
};
const OVER_A_MILLION = 'Au maximum 1000000.';
const BAD_CURSOR = 'Curseur de page invalide : reprenez depuis la première page.';

function codeOf(response: GraphqlResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
function fieldsOf(response: GraphqlResponse<unknown>): { field: string; message: string }[] | undefined {
  return response.errors?.[0]?.extensions?.fields;
}

describe('input bounds: what the columns cannot hold is BAD_USER_INPUT, never a 500', () => {
  let api: TestApi;
  let dataSource: DataSource;
  const tokens: Record<string, string> = {};
  let saoCasablancaId: string;

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    for (const persona of ['sao', 'ministere']) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
    saoCasablancaId = await organizationIdNamed(dataSource, SAO_CASABLANCA);
  });
  afterAll(() => api.close());

  const as = <T>(persona: string, query: string, variables: Record<string, unknown>, locale?: string) =>
    api.graphql<T>(query, variables, { token: tokens[persona], locale });

  /** The rows and versions a refused write must leave as they were. */
  async function footprint(projectId?: string) {
    const [counts] = await dataSource.query(
      `SELECT (SELECT count(*) FROM project)::int AS projects,
              (SELECT count(*) FROM project_progress_report)::int AS reports,
              (SELECT count(*) FROM audit_event)::int AS events,
              (SELECT version FROM project WHERE id = $1) AS version`,
      [projectId ?? null],
    );
    return counts as Record<string, number | null>;
  }

  function creation(keyFigures: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
    return {
      code: uniqueProjectCode('BND'),
      title: 'Lotissement des bornes',
      type: 'SOCIAL_HOUSING',
      communeCode: CASABLANCA_COMMUNE,
      leadOrganizationId: saoCasablancaId,
      budget: '1000000.00',
      keyFigures,
      startDate: '2026-01-01',
      plannedEndDate: '2030-12-31',
      ...overrides,
    };
  }

  describe('key figures fit their columns: hectares numeric(10,2), counts at most a million', () => {
    it('createProject refuses hectares of 9 integer digits and counts over a million, in the reader’s language', async () => {
      const before = await footprint();
      const input = creation({
        hectares: '123456789.00',
        housingUnitsPlanned: 1_000_001,
        householdsTargeted: 2_147_483_647,
      });
      const response = await as('sao', CREATE, { input });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual(
        expect.arrayContaining([
          { field: 'keyFigures.hectares', message: HECTARES_TOO_BIG.fr },
          { field: 'keyFigures.housingUnitsPlanned', message: OVER_A_MILLION },
          { field: 'keyFigures.householdsTargeted', message: OVER_A_MILLION },
        ]),
      );
      expect(fieldsOf(response)).toHaveLength(3);
      const english = await as('sao', CREATE, { input: creation({ hectares: '123456789.00' }) }, 'en');
      expect(fieldsOf(english)).toEqual([{ field: 'keyFigures.hectares', message: HECTARES_TOO_BIG.en }]);
      expect(await footprint()).toEqual(before);
    });

    it('createProject stores the largest values exactly', async () => {
      const response = await as<{ createProject: { keyFigures: Record<string, unknown> } }>('sao', CREATE, {
        input: creation({ hectares: '99999999.99', housingUnitsPlanned: 1_000_000, householdsTargeted: 0 }),
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?.createProject.keyFigures).toEqual({
        hectares: '99999999.99',
        housingUnitsPlanned: 1_000_000,
        householdsTargeted: 0,
      });
    });

    it('updateProject refuses the same and writes nothing', async () => {
      const project = await createProjectFixture(dataSource);
      const before = await footprint(project.id);
      const response = await as('sao', UPDATE, {
        id: project.id,
        version: 1,
        input: { keyFigures: { hectares: '123456789.00', householdsTargeted: 1_000_001 } },
      });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual([
        { field: 'keyFigures.householdsTargeted', message: OVER_A_MILLION },
        { field: 'keyFigures.hectares', message: HECTARES_TOO_BIG.fr },
      ]);
      expect(await footprint(project.id)).toEqual(before);
    });

    it('reportProjectProgress refuses the same and writes nothing', async () => {
      const project = await createProjectFixture(dataSource);
      const before = await footprint(project.id);
      const response = await as('sao', REPORT, {
        input: {
          projectId: project.id,
          version: 1,
          keyFigures: {
            hectares: '123456789.00',
            housingUnitsDelivered: 1_000_001,
            householdsRelocated: 5e6,
          },
          note: 'Chiffres saisis en mètres carrés par erreur.',
        },
      });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual([
        { field: 'keyFigures.housingUnitsDelivered', message: OVER_A_MILLION },
        { field: 'keyFigures.householdsRelocated', message: OVER_A_MILLION },
        { field: 'keyFigures.hectares', message: HECTARES_TOO_BIG.fr },
      ]);
      expect(await footprint(project.id)).toEqual(before);
    });
  });

  describe('calendar dates are between 1900 and 2200', () => {
    it('a filter on the year 0, which PostgreSQL refuses, names the field and the years', async () => {
      for (const dueBefore of ['0000-01-01', '1899-12-31', '2201-01-01']) {
        const response = await as('ministere', COMMITMENTS, { filter: { dueBefore } }, 'en');
        expect(codeOf(response)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(response)).toEqual([
          {
            field: 'filter.dueBefore',
            message: 'Date out of range: the year must be between 1900 and 2200.',
          },
        ]);
      }
      const edge = await as('ministere', COMMITMENTS, { filter: { dueBefore: '1900-01-01' } });
      expect(edge.errors).toBeUndefined();
      expect(edge.data).toEqual({ commitments: { totalCount: 0, edges: [] } });
    });

    it('a write keeps telling a malformed date from one out of range, and writes nothing', async () => {
      const before = await footprint();
      const response = await as('sao', CREATE, {
        input: creation({}, { startDate: '0000-01-01', plannedEndDate: '2030-02-30' }),
      });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual([
        { field: 'startDate', message: 'Date hors limites : l’année doit être comprise entre 1900 et 2200.' },
        { field: 'plannedEndDate', message: 'Date attendue au format AAAA-MM-JJ.' },
      ]);
      expect(await footprint()).toEqual(before);
    });
  });

  describe('forged cursors are refused on the after field', () => {
    const expectBadCursor = (response: GraphqlResponse<unknown>) => {
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual([{ field: 'after', message: BAD_CURSOR }]);
    };

    it('projects: a value the sort column cannot compare with, whatever the order', async () => {
      for (const field of ['BUDGET', 'PHYSICAL_PROGRESS', 'UPDATED_AT', 'HEALTH']) {
        expectBadCursor(
          await as('ministere', PROJECTS, {
            after: cursorOf('abc', SOME_UUID),
            orderBy: { field, direction: 'ASC' },
          }),
        );
      }
    });

    it('commitments: an id that is not a UUID, a date that is not one or out of PostgreSQL’s range', async () => {
      expectBadCursor(await as('ministere', COMMITMENTS, { after: cursorOf('2020-01-01', 'zz') }));
      expectBadCursor(await as('ministere', COMMITMENTS, { after: cursorOf('abc', SOME_UUID) }));
      expectBadCursor(await as('ministere', COMMITMENTS, { after: cursorOf('0000-01-01', SOME_UUID) }));
      expectBadCursor(
        await as('ministere', COMMITMENTS, {
          after: cursorOf('lots', SOME_UUID),
          orderBy: { field: 'AMOUNT', direction: 'DESC' },
        }),
      );
    });

    it('a well-formed cursor of a row that no longer exists still pages from its position', async () => {
      await createProjectFixture(dataSource, { values: { budget: '0.00' } });
      await createProjectFixture(dataSource, { values: { budget: '0.00' } });
      const response = await as<{ projects: { edges: unknown[] } }>('ministere', PROJECTS, {
        after: cursorOf('0.00', SOME_UUID),
        orderBy: { field: 'BUDGET', direction: 'ASC' },
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?.projects.edges).toHaveLength(2);
    });
  });
});
