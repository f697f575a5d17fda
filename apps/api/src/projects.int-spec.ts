import { DataSource } from 'typeorm';
import { createUser } from './testing/factories';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

interface ProjectNode {
  code: string;
  title: string;
  status: string;
  budget: string;
  territory: { code: string; nameFr: string };
  leadOrganization: { name: string };
  partners: { name: string }[];
  programme: { code: string } | null;
}
interface ProjectPage {
  projects: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: ProjectNode }[];
  };
}

const PROJECTS = `query ($filter: ProjectFilter, $first: Int, $after: String, $orderBy: ProjectOrder) {
  projects(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      code title status budget
      territory { code nameFr } leadOrganization { name } partners { name } programme { code }
    } }
  }
}`;

/** Demo projects per region (libs/server/demo/src/lib/demo-projects.ts). */
const CASABLANCA_SETTAT = 19;
const MARRAKECH_SAFI = 4;

describe('projects (read side: scope, filters, pages)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    for (const persona of ['admin', 'ministere', 'elu', 'sao', 'prefecture', 'elu.marrakech']) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
  });
  afterAll(() => api.close());

  const list = (persona: string, variables: Record<string, unknown> = {}) =>
    api.graphql<ProjectPage>(PROJECTS, { first: 100, ...variables }, { token: tokens[persona] });
  const codes = (response: GraphqlResponse<ProjectPage>) =>
    response.data?.projects.edges.map((e) => e.node.code) ?? [];

  describe('each persona sees exactly its scope, in the list and in the count', () => {
    it.each([
      ['admin', CASABLANCA_SETTAT + MARRAKECH_SAFI],
      ['ministere', CASABLANCA_SETTAT + MARRAKECH_SAFI],
      ['elu', CASABLANCA_SETTAT],
      ['sao', CASABLANCA_SETTAT],
      ['elu.marrakech', MARRAKECH_SAFI],
    ])('%s: %i projects', async (persona, expected) => {
      const response = await list(persona);
      expect(response.errors).toBeUndefined();
      expect(response.data?.projects.totalCount).toBe(expected);
      expect(codes(response)).toHaveLength(expected);
    });

    it('the Préfecture de Casablanca sees the projects of its prefecture only', async () => {
      const response = await list('prefecture');
      const communes = response.data?.projects.edges.map((e) => e.node.territory.code) ?? [];
      expect(communes).toEqual(['06.141.01.0', '06.141.01.0']);
      expect(response.data?.projects.totalCount).toBe(2);
    });

    it('an elected official of Casablanca-Settat sees no Marrakech-Safi project, even filtering on it', async () => {
      expect(codes(await list('elu')).some((code) => code.startsWith('SAO-MS-'))).toBe(false);
      const filtered = await list('elu', { filter: { territoryCode: '07' } });
      expect(filtered.errors).toBeUndefined();
      expect(filtered.data?.projects.totalCount).toBe(0);
    });

    it('a partner contributor sees the projects its organisation is a partner of, wherever they are', async () => {
      const partner = await createUser(api.app.get(DataSource), {
        organizationName: 'Province de Nouaceur',
        role: 'PARTNER_CONTRIBUTOR',
        emailPrefix: 'partner',
      });
      const token = (
        await api.graphql<{ login: { accessToken: string } }>(
          'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
          { e: partner.email, p: partner.password },
        )
      ).data?.login.accessToken;
      const response = await api.graphql<ProjectPage>(PROJECTS, { first: 100 }, { token });
      expect(codes(response).sort()).toEqual(['SAO-CS-PNU-3', 'SAO-CS-PNU-4']);
      expect(response.data?.projects.totalCount).toBe(2);
    });
  });

  describe('project(id)', () => {
    async function idOf(code: string): Promise<string> {
      const rows: { id: string }[] = await api.app
        .get(DataSource)
        .query('SELECT id FROM project WHERE code = $1', [code]);
      return rows[0].id;
    }
    const PROJECT = 'query ($id: ID!) { project(id: $id) { code title leadOrganization { name } } }';

    it('answers a project in scope', async () => {
      const response = await api.graphql<{ project: { code: string } | null }>(
        PROJECT,
        { id: await idOf('SAO-MS-VSB-MARRAKECH') },
        { token: tokens['elu.marrakech'] },
      );
      expect(response.data?.project?.code).toBe('SAO-MS-VSB-MARRAKECH');
    });

    it('is null outside the scope, exactly as for an id that does not exist', async () => {
      const outside = await api.graphql<{ project: unknown }>(
        PROJECT,
        { id: await idOf('SAO-MS-VSB-MARRAKECH') },
        { token: tokens['elu'] },
      );
      const missing = await api.graphql<{ project: unknown }>(
        PROJECT,
        { id: '00000000-0000-4000-8000-000000000000' },
        { token: tokens['elu'] },
      );
      expect(outside).toEqual(missing);
      expect(outside.data?.project).toBeNull();
      expect(outside.errors).toBeUndefined();
    });

    it('refuses an id that is not a UUID with a field message, and anyone signed out', async () => {
      const bad = await api.graphql(PROJECT, { id: 'not-a-uuid' }, { token: tokens['elu'] });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions?.fields).toEqual([{ field: 'id', message: 'Identifiant invalide.' }]);
      const anonymous = await api.graphql(PROJECT, { id: await idOf('SAO-CS-VSB-CASA') });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(anonymous.data?.['project'] ?? null).toBeNull();
    });
  });

  describe('filters', () => {
    it('territoryCode keeps that territory and everything under it', async () => {
      const response = await list('ministere', { filter: { territoryCode: '06.355' } });
      expect(codes(response).sort()).toEqual([
        'SAO-CS-MANU-MEDIOUNA',
        'SAO-CS-PNU-2',
        'SAO-CS-PNU-5',
        'SAO-CS-PNU-8',
      ]);
    });

    it('status, type, programme, lead organisation and search combine with the scope', async () => {
      const delivered = await list('elu', { filter: { status: ['DELIVERED'] } });
      expect(codes(delivered).sort()).toEqual(['SAO-CS-EQP-ELJADIDA', 'SAO-CS-PNU-2', 'SAO-CS-PNU-5']);
      const poles = await list('ministere', { filter: { type: ['NEW_URBAN_POLE'] } });
      expect(poles.data?.projects.totalCount).toBe(8);
      const search = await list('ministere', { filter: { search: 'lakhyayta' } });
      expect(codes(search)).toEqual(['SAO-CS-VN-LAKHYAYTA']);
      const wildcard = await list('ministere', { filter: { search: '%' } });
      expect(wildcard.data?.projects.totalCount).toBe(0);
    });

    it('rejects bad filters with per-field messages, in the reader’s language', async () => {
      const response = await api.graphql(
        PROJECTS,
        { first: 500, filter: { territoryCode: 'Casablanca' } },
        { token: tokens['elu'], locale: 'en' },
      );
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields).toEqual(
        expect.arrayContaining([
          { field: 'first', message: 'At most 100.' },
          {
            field: 'filter.territoryCode',
            message: 'Invalid HCP territory code (for example 06 or 06.141).',
          },
        ]),
      );
    });
  });

  describe('pages', () => {
    it('walks every project once with a cursor, in order, and counts all of them on every page', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const response: GraphqlResponse<ProjectPage> = await list('ministere', {
          first: 4,
          after,
          orderBy: { field: 'BUDGET', direction: 'DESC' },
        });
        expect(response.errors).toBeUndefined();
        expect(response.data?.projects.totalCount).toBe(CASABLANCA_SETTAT + MARRAKECH_SAFI);
        seen.push(...codes(response));
        if (!response.data?.projects.pageInfo.hasNextPage) break;
        after = response.data.projects.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(CASABLANCA_SETTAT + MARRAKECH_SAFI);
      expect(new Set(seen).size).toBe(seen.length);
      const everything = await list('ministere', { orderBy: { field: 'BUDGET', direction: 'DESC' } });
      expect(seen).toEqual(codes(everything));
    });

    it('refuses a forged cursor', async () => {
      const response = await list('ministere', { after: 'bm90LWEtY3Vyc29y' });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields?.[0].field).toBe('after');
    });

    it('costs the same number of SQL statements for 2 projects as for 18 (relations are batched)', async () => {
      const count = async (first: number) =>
        (await statementsDuring(() => list('ministere', { first }))).length;
      expect(await count(18)).toBe(await count(2));
    });
  });
});
