import { DataSource } from 'typeorm';
import { createDashboardFixtures, type DashboardFixtures } from './testing/dashboard-fixtures';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

interface AuditEventNode {
  id: string;
  at: string;
  action: string;
  operation: string;
  subjectType: string;
  subjectId: string;
  actor: { id: string; displayName: string } | null;
  changes: Record<string, [unknown, unknown]>;
}
interface TrailPage {
  auditTrail: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: AuditEventNode }[];
  };
}

const TRAIL = `query ($type: SubjectType!, $id: ID!, $first: Int, $after: String) {
  auditTrail(subjectType: $type, subjectId: $id, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id at action operation subjectType subjectId actor { id displayName } changes } }
  }
}`;

describe('auditTrail', () => {
  let api: TestApi;
  let fixtures: DashboardFixtures;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    fixtures = await createDashboardFixtures(api.app.get(DataSource));
    for (const persona of ['ministere', 'elu', 'sao', 'prefecture', 'elu.marrakech']) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
  });
  afterAll(() => api.close());

  const trail = (persona: string | null, variables: Record<string, unknown>) =>
    api.graphql<TrailPage>(
      TRAIL,
      { type: 'PROJECT', first: 100, ...variables },
      { token: persona ? tokens[persona] : undefined },
    );
  const casa1 = () => fixtures.projectIds['FIX-CASA-1'];
  const ids = (response: GraphqlResponse<TrailPage>) => response.data?.auditTrail.edges.map((e) => e.node.id);

  it('lists the subject’s events newest first, with who, what and the changed fields', async () => {
    const response = await trail('elu', { id: casa1() });
    expect(response.errors).toBeUndefined();
    expect(response.data?.auditTrail.totalCount).toBe(6);
    expect(ids(response)).toEqual(fixtures.casa1TrailNewestFirst);
    const nodes = response.data?.auditTrail.edges.map((e) => e.node) ?? [];
    expect(nodes.every((node) => node.subjectType === 'PROJECT' && node.subjectId === casa1())).toBe(true);
    expect(nodes[0]).toMatchObject({
      action: 'UPDATE',
      operation: 'reportProjectProgress',
      actor: { displayName: 'Youssef Bennani' },
      changes: { physicalProgress: ['35.00', '40.00'] },
    });
    expect(nodes.at(-1)).toMatchObject({ action: 'CREATE', changes: { status: [null, 'PROGRAMMED'] } });
    const ats = nodes.map((node) => Date.parse(node.at));
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
  });

  it('names the actor by display name only, and no one for a change by the platform', async () => {
    const nodes = (await trail('ministere', { id: casa1() })).data?.auditTrail.edges.map((e) => e.node) ?? [];
    expect(new Set(nodes.map((node) => node.actor?.displayName ?? null))).toEqual(
      new Set(['Youssef Bennani', 'Karim El Idrissi', null]),
    );
    expect(nodes.find((node) => node.operation === 'importProjects')?.actor).toBeNull();
  });

  it.each(['ministere', 'elu', 'sao', 'prefecture'])(
    '%s, who reads the project, reads its trail',
    async (persona) => {
      const response = await trail(persona, { id: casa1() });
      expect(response.errors).toBeUndefined();
      expect(response.data?.auditTrail.totalCount).toBe(6);
    },
  );

  it('is NOT_FOUND for a Marrakech-Safi reader on a Casablanca project, exactly as for a subject that does not exist', async () => {
    const outside = await trail('elu.marrakech', { id: casa1() });
    const missing = await trail('elu.marrakech', { id: '00000000-0000-4000-8000-000000000000' });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(outside.data).toBeNull();
    expect(outside).toEqual(missing);
    const own = await trail('elu.marrakech', { id: fixtures.projectIds['FIX-MS-1'] });
    expect(own.data?.auditTrail.totalCount).toBe(1);
  });

  it('shows a change made through the api, by its actor, in the transaction of the change', async () => {
    const id = fixtures.projectIds['FIX-CASA-3'];
    const update = await api.graphql(
      'mutation ($id: ID!) { updateProject(id: $id, version: 1, input: { title: "Résorption FIX" }) { version } }',
      { id },
      { token: tokens['sao'] },
    );
    expect(update.errors).toBeUndefined();
    const nodes = (await trail('elu', { id })).data?.auditTrail.edges.map((e) => e.node) ?? [];
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({
      action: 'UPDATE',
      operation: 'updateProject',
      actor: { displayName: 'Youssef Bennani' },
      changes: { title: ['Fixture FIX-CASA-3', 'Résorption FIX'] },
    });
  });

  it('walks every event once with a cursor, events of one instant included', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const response: GraphqlResponse<TrailPage> = await trail('sao', { id: casa1(), first: 2, after });
      expect(response.errors).toBeUndefined();
      expect(response.data?.auditTrail.totalCount).toBe(6);
      seen.push(...(ids(response) ?? []));
      if (!response.data?.auditTrail.pageInfo.hasNextPage) break;
      after = response.data.auditTrail.pageInfo.endCursor;
    }
    expect(seen).toEqual(fixtures.casa1TrailNewestFirst);
  });

  it('costs the same number of SQL statements for 1 event as for 6 (actors are batched)', async () => {
    const count = async (first: number) =>
      (await statementsDuring(() => trail('ministere', { id: casa1(), first }))).length;
    expect(await count(6)).toBe(await count(1));
  });

  it('refuses bad arguments with per-field messages, and anyone signed out', async () => {
    const bad = await api.graphql(
      TRAIL,
      { type: 'PROJECT', id: 'not-a-uuid', first: 500 },
      { token: tokens['elu'], locale: 'en' },
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields).toEqual(
      expect.arrayContaining([
        { field: 'first', message: 'At most 100.' },
        { field: 'subjectId', message: 'Invalid identifier.' },
      ]),
    );
    const forged = await trail('elu', { id: casa1(), after: 'bm90LWEtY3Vyc29y' });
    expect(forged.errors?.[0].extensions?.fields?.[0].field).toBe('after');
    const unknownType = await api.graphql(TRAIL, { type: 'INVOICE', id: casa1() }, { token: tokens['elu'] });
    expect(unknownType.errors).toBeDefined();
    expect(unknownType.data ?? null).toBeNull();
    const anonymous = await trail(null, { id: casa1() });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
