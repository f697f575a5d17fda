import { commitmentLateSql, type CommitmentEntity } from '@convergence/server/commitments';
import type { ProjectEntity } from '@convergence/server/projects';
import { DataSource } from 'typeorm';
import { CommitmentFixtures, moroccoDay, uniqueName } from './testing/commitment-fixtures';
import { createUser } from './testing/factories';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

interface CommitmentNode {
  id: string;
  title: string;
  status: string;
  late: boolean;
  dueDate: string;
  amount: string | null;
  organization: { name: string };
  project: { id: string } | null;
  convention: { id: string } | null;
  forum: { id: string } | null;
  territory: { code: string } | null;
}
interface CommitmentPage {
  commitments: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: CommitmentNode }[];
  };
}

const COMMITMENTS = `query ($filter: CommitmentFilter, $first: Int, $after: String, $orderBy: CommitmentOrder) {
  commitments(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id title status late dueDate amount
      organization { name } project { id } convention { id } forum { id } territory { code }
    } }
  }
}`;

const COMMITMENT = `query ($id: ID!) { commitment(id: $id) {
  id title organization { name } project { id } convention { id } forum { id }
} }`;

const PERSONAS = ['admin', 'ministere', 'elu', 'sao', 'prefecture', 'elu.marrakech'] as const;
type Persona = (typeof PERSONAS)[number] | 'partner';

describe('commitments (read side: scope, filters, late, pages)', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let fixtures: CommitmentFixtures;
  const tokens = {} as Record<Persona, string>;
  /** Every fixture title starts with it, so that searching it leaves the demo commitments out. */
  const tag = uniqueName('ZZT');
  let casablanca: ProjectEntity;
  let settat: ProjectEntity;
  let marrakech: ProjectEntity;
  let casaSao: CommitmentEntity;
  let marrakechHolding: CommitmentEntity;
  let casablancaConventionId: string;
  let casablancaForumId: string;

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    fixtures = new CommitmentFixtures(dataSource);
    for (const persona of PERSONAS) tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    const partner = await createUser(dataSource, {
      organizationName: 'Groupe Al Omrane',
      role: 'PARTNER_CONTRIBUTOR',
      emailPrefix: 'partner',
    });
    tokens.partner = await signInWith(partner.email, partner.password);

    casablanca = await fixtures.project('06.141', 'saoCS');
    settat = await fixtures.project('06.461', 'saoCS');
    marrakech = await fixtures.project('07.351', 'saoMS');
    const forum = await fixtures.forum('06');
    casablancaForumId = forum.id;
    const convention = await fixtures.convention({
      regionCode: '06',
      parties: ['saoCS', 'regionCS'],
      projects: [casablanca, settat],
      forum,
    });
    casablancaConventionId = convention.id;
    const marrakechConvention = await fixtures.convention({
      regionCode: '07',
      parties: ['saoMS', 'holding'],
      projects: [marrakech],
    });
    casaSao = await fixtures.commitment({
      title: `${tag} casa sao`,
      organization: 'saoCS',
      project: casablanca,
      convention,
      forum,
      dueDate: moroccoDay(30),
      amount: '3000000.00',
    });
    await fixtures.commitment({
      title: `${tag} settat region`,
      organization: 'regionCS',
      project: settat,
      convention,
      dueDate: moroccoDay(60),
      amount: '500000.00',
      kind: 'LAND',
      quantity: '12.50',
    });
    await fixtures.commitment({
      title: `${tag} regional convention`,
      organization: 'regionCS',
      convention,
      dueDate: moroccoDay(90),
      amount: null,
      quantity: '40.00',
      kind: 'LAND',
      status: 'IN_PROGRESS',
    });
    await fixtures.commitment({
      title: `${tag} marrakech sao`,
      organization: 'saoMS',
      project: marrakech,
      convention: marrakechConvention,
      dueDate: moroccoDay(20),
      amount: '2000000.00',
    });
    marrakechHolding = await fixtures.commitment({
      title: `${tag} marrakech holding`,
      organization: 'holding',
      project: marrakech,
      convention: marrakechConvention,
      dueDate: moroccoDay(10),
      amount: '1000000.00',
      status: 'FULFILLED',
    });
  });
  afterAll(() => api.close());

  async function signInWith(email: string, password: string): Promise<string> {
    const response = await api.graphql<{ login: { accessToken: string } }>(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: email, p: password },
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.login.accessToken;
  }

  const list = (persona: Persona, variables: Record<string, unknown> = {}) =>
    api.graphql<CommitmentPage>(COMMITMENTS, { first: 100, ...variables }, { token: tokens[persona] });
  /** The fixture commitments a persona finds with `filter`, by title. */
  const titles = async (persona: Persona, filter: Record<string, unknown> = {}) => {
    const response = await list(persona, { filter: { search: tag, ...filter } });
    expect(response.errors).toBeUndefined();
    const found = response.data?.commitments.edges.map((e) => e.node.title.replace(`${tag} `, '')) ?? [];
    expect(response.data?.commitments.totalCount).toBe(found.length);
    return found.sort();
  };

  describe('each persona sees exactly its scope, in the list and in the count', () => {
    it.each<[Persona, string[]]>([
      ['admin', ['casa sao', 'marrakech holding', 'marrakech sao', 'regional convention', 'settat region']],
      [
        'ministere',
        ['casa sao', 'marrakech holding', 'marrakech sao', 'regional convention', 'settat region'],
      ],
      ['elu', ['casa sao', 'regional convention', 'settat region']],
      ['sao', ['casa sao', 'regional convention', 'settat region']],
      ['prefecture', ['casa sao']],
      ['elu.marrakech', ['marrakech holding', 'marrakech sao']],
      ['partner', ['marrakech holding']],
    ])('%s', async (persona, expected) => {
      expect(await titles(persona)).toEqual(expected);
    });

    it.each<[Persona, string]>([
      [
        'elu',
        "region_code = '06' OR organization_id = (SELECT id FROM organization WHERE name = 'Conseil de la Région Casablanca-Settat')",
      ],
      [
        'prefecture',
        "province_code = '06.141' OR organization_id = (SELECT id FROM organization WHERE name = 'Préfecture de Casablanca')",
      ],
      ['partner', "organization_id = (SELECT id FROM organization WHERE name = 'Groupe Al Omrane')"],
    ])(
      '%s: the unfiltered count is exactly the rows its rules allow, demo rows included',
      async (persona, rule) => {
        const [{ count }]: { count: number }[] = await dataSource.query(
          `SELECT count(*)::int AS count FROM commitment WHERE ${rule}`,
        );
        expect((await list(persona)).data?.commitments.totalCount).toBe(count);
      },
    );

    it('Marrakech-Safi’s elected official never sees a Casablanca commitment: by id, list, count or filter', async () => {
      const byId = await api.graphql(COMMITMENT, { id: casaSao.id }, { token: tokens['elu.marrakech'] });
      const missing = await api.graphql(
        COMMITMENT,
        { id: '00000000-0000-4000-8000-000000000000' },
        { token: tokens['elu.marrakech'] },
      );
      expect(byId).toEqual(missing);
      expect(byId.data?.['commitment']).toBeNull();
      expect(byId.errors).toBeUndefined();
      const saoCS = await fixtures.organizationId('saoCS');
      for (const filter of [
        { territoryCode: '06' },
        { territoryCode: '06.141' },
        { organizationId: saoCS },
        { projectId: casablanca.id },
        { conventionId: casablancaConventionId },
        { forumId: casablancaForumId },
        { late: false },
      ]) {
        expect(await titles('elu.marrakech', filter)).not.toContain('casa sao');
      }
      expect(await titles('elu.marrakech', { territoryCode: '06' })).toEqual([]);
    });

    it('hides the relations the reader may not read, and keeps those it may', async () => {
      const response = await api.graphql<{ commitment: CommitmentNode }>(
        COMMITMENT,
        { id: marrakechHolding.id },
        { token: tokens.partner },
      );
      expect(response.data?.commitment.organization.name).toBe('Groupe Al Omrane');
      // A party of the convention, but not a partner of the project.
      expect(response.data?.commitment.convention).not.toBeNull();
      expect(response.data?.commitment.project).toBeNull();
    });
  });

  describe('filters', () => {
    it('territoryCode: a region or a province by the commitment’s scope, a commune by its project', async () => {
      expect(await titles('ministere', { territoryCode: '06' })).toEqual([
        'casa sao',
        'regional convention',
        'settat region',
      ]);
      expect(await titles('ministere', { territoryCode: '06.461' })).toEqual(['settat region']);
      expect(await titles('ministere', { territoryCode: casablanca.communeCode })).toEqual(['casa sao']);
      expect(await titles('ministere', { territoryCode: '07' })).toEqual([
        'marrakech holding',
        'marrakech sao',
      ]);
    });

    it('organisation, status, kind, project, convention, forum, due date and search combine with the scope', async () => {
      expect(
        await titles('ministere', { organizationId: await fixtures.organizationId('regionCS') }),
      ).toEqual(['regional convention', 'settat region']);
      expect(await titles('ministere', { status: ['IN_PROGRESS', 'FULFILLED'] })).toEqual([
        'marrakech holding',
        'regional convention',
      ]);
      expect(await titles('elu', { kind: ['LAND'] })).toEqual(['regional convention', 'settat region']);
      expect(await titles('ministere', { projectId: marrakech.id })).toEqual([
        'marrakech holding',
        'marrakech sao',
      ]);
      expect(await titles('sao', { conventionId: casablancaConventionId })).toEqual([
        'casa sao',
        'regional convention',
        'settat region',
      ]);
      expect(await titles('ministere', { forumId: casablancaForumId })).toEqual(['casa sao']);
      expect(await titles('ministere', { dueBefore: moroccoDay(30) })).toEqual([
        'marrakech holding',
        'marrakech sao',
      ]);
      expect(await titles('ministere', { search: `${tag} SETTAT` })).toEqual(['settat region']);
      expect((await list('ministere', { filter: { search: '%' } })).data?.commitments.totalCount).toBe(0);
    });

    it('rejects bad filters with per-field messages, and an unknown territory as not found', async () => {
      const response = await list('elu', {
        first: 101,
        filter: { territoryCode: 'Casablanca', dueBefore: '2026-02-30', organizationId: 'x' },
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields).toEqual(
        expect.arrayContaining([
          { field: 'first', message: 'Au maximum 100.' },
          { field: 'filter.territoryCode', message: expect.stringContaining('HCP') },
          { field: 'filter.dueBefore', message: 'Date attendue au format AAAA-MM-JJ.' },
          { field: 'filter.organizationId', message: 'Identifiant invalide.' },
        ]),
      );
      const unknown = await list('elu', { filter: { territoryCode: '99' } });
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('late: due date passed in Morocco and still owed', () => {
    const lateTag = uniqueName('ZZL');

    beforeAll(async () => {
      const cases: [string, number, 'PLANNED' | 'IN_PROGRESS' | 'DECLARED' | 'FULFILLED' | 'CANCELLED'][] = [
        ['yesterday planned', -1, 'PLANNED'],
        ['yesterday in progress', -1, 'IN_PROGRESS'],
        ['yesterday declared', -1, 'DECLARED'],
        ['yesterday fulfilled', -1, 'FULFILLED'],
        ['yesterday cancelled', -1, 'CANCELLED'],
        ['today planned', 0, 'PLANNED'],
        ['tomorrow planned', 1, 'PLANNED'],
      ];
      for (const [title, days, status] of cases) {
        await fixtures.commitment({
          title: `${lateTag} ${title}`,
          organization: 'saoCS',
          project: casablanca,
          dueDate: moroccoDay(days),
          status,
        });
      }
    });

    const lateTitles = async (late?: boolean) => {
      const response = await list('sao', { filter: { search: lateTag, late } });
      return (response.data?.commitments.edges.map((e) => e.node) ?? [])
        .map((node) => `${node.title.replace(`${lateTag} `, '')}${node.late ? ' (late)' : ''}`)
        .sort();
    };

    it('is true only for open commitments due before today, in the field and in the filter', async () => {
      expect(await lateTitles()).toEqual([
        'today planned',
        'tomorrow planned',
        'yesterday cancelled',
        'yesterday declared',
        'yesterday fulfilled',
        'yesterday in progress (late)',
        'yesterday planned (late)',
      ]);
      expect(await lateTitles(true)).toEqual(['yesterday in progress (late)', 'yesterday planned (late)']);
      expect(await lateTitles(false)).toHaveLength(5);
    });

    it('selects the same rows as the SQL rule', async () => {
      const sql: { id: string }[] = await dataSource.query(
        `SELECT id FROM commitment WHERE ${commitmentLateSql('commitment')} AND title LIKE $1 ORDER BY id`,
        [`${lateTag}%`],
      );
      const listed = await list('ministere', { filter: { search: lateTag, late: true } });
      expect(listed.data?.commitments.edges.map((e) => e.node.id).sort()).toEqual(sql.map((row) => row.id));
    });
  });

  describe('order and pages', () => {
    it('walks the commitments once with a cursor, in each order, and counts all of them on every page', async () => {
      for (const orderBy of [
        { field: 'AMOUNT', direction: 'DESC' },
        { field: 'STATUS', direction: 'ASC' },
        { field: 'DUE_DATE', direction: 'DESC' },
        { field: 'UPDATED_AT', direction: 'ASC' },
      ]) {
        const seen: string[] = [];
        let after: string | null = null;
        for (let page = 0; page < 10; page++) {
          const response: GraphqlResponse<CommitmentPage> = await list('ministere', {
            first: 2,
            after,
            orderBy,
            filter: { search: tag },
          });
          expect(response.errors).toBeUndefined();
          expect(response.data?.commitments.totalCount).toBe(5);
          seen.push(...(response.data?.commitments.edges.map((e) => e.node.title) ?? []));
          if (!response.data?.commitments.pageInfo.hasNextPage) break;
          after = response.data.commitments.pageInfo.endCursor;
        }
        const everything = await list('ministere', { orderBy, filter: { search: tag } });
        expect(seen).toEqual(everything.data?.commitments.edges.map((e) => e.node.title));
        expect(new Set(seen).size).toBe(5);
      }
    });

    it('sorts by due date by default, by amount counting a quantity as 0, and by status in workflow order', async () => {
      const order = async (orderBy?: Record<string, string>) =>
        (await list('ministere', { orderBy, filter: { search: tag } })).data?.commitments.edges.map((e) =>
          e.node.title.replace(`${tag} `, ''),
        );
      expect(await order()).toEqual([
        'marrakech holding',
        'marrakech sao',
        'casa sao',
        'settat region',
        'regional convention',
      ]);
      expect((await order({ field: 'AMOUNT', direction: 'ASC' }))?.[0]).toBe('regional convention');
      expect((await order({ field: 'STATUS', direction: 'DESC' }))?.slice(0, 2)).toEqual([
        'marrakech holding',
        'regional convention',
      ]);
    });

    it('refuses a forged cursor', async () => {
      const response = await list('ministere', { after: 'bm90LWEtY3Vyc29y' });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields?.[0].field).toBe('after');
    });
  });

  describe('relations are batched', () => {
    const PAGE_WITH_EVERYTHING = `query ($first: Int, $filter: CommitmentFilter) {
      commitments(first: $first, filter: $filter) { edges { node {
      id organization { name } project { code } convention { code } forum { title } territory { code }
      fulfilments { amount declaredBy { displayName } verifiedBy { displayName } }
      dueDateChanges { newDueDate changedBy { displayName } }
    } } } }`;

    it('costs the same number of SQL statements for 2 commitments as for 12, every relation present', async () => {
      const batchTag = uniqueName('ZZB');
      const [forum, [{ id: userId }]] = await Promise.all([
        fixtures.forum('06'),
        dataSource.query("SELECT id FROM app_user WHERE email = 'sao@demo.convergence.ma'") as Promise<
          { id: string }[]
        >,
      ]);
      const projects = [await fixtures.project('06.141', 'saoCS'), await fixtures.project('06.461', 'saoCS')];
      const convention = await fixtures.convention({ regionCode: '06', parties: ['saoCS'], projects });
      for (let i = 0; i < 12; i++) {
        const commitment = await fixtures.commitment({
          title: `${batchTag} ${i}`,
          organization: i % 3 ? 'saoCS' : 'regionCS',
          project: projects[i % 2],
          convention,
          forum,
          dueDate: moroccoDay(i),
        });
        await fixtures.history(commitment, userId);
      }
      const count = async (first: number) =>
        (
          await statementsDuring(async () => {
            const response = await api.graphql<{ commitments: { edges: unknown[] } }>(
              PAGE_WITH_EVERYTHING,
              { first, filter: { search: batchTag } },
              { token: tokens.ministere },
            );
            expect(response.errors).toBeUndefined();
            expect(response.data?.commitments.edges).toHaveLength(first);
          })
        ).length;
      expect(await count(12)).toBe(await count(2));
    });

    it('costs the same for Project.commitments and Project.conventions on 2 projects as on 10', async () => {
      const query = `query ($first: Int) { projects(first: $first) { edges { node {
        commitments { id organization { name } } conventions { code }
      } } } }`;
      const count = async (first: number) =>
        (
          await statementsDuring(async () => {
            const response = await api.graphql(query, { first }, { token: tokens.ministere });
            expect(response.errors).toBeUndefined();
          })
        ).length;
      expect(await count(10)).toBe(await count(2));
    });

    it('Project.commitments, Project.conventions and Forum.commitments list only what the reader may read', async () => {
      const projectQuery = `query ($id: ID!) { project(id: $id) { commitments { title } conventions { id } } }`;
      const asSao = await api.graphql<{
        project: { commitments: { title: string }[]; conventions: { id: string }[] };
      }>(projectQuery, { id: marrakech.id }, { token: tokens.ministere });
      expect(asSao.data?.project.commitments.map((c) => c.title).sort()).toEqual([
        `${tag} marrakech holding`,
        `${tag} marrakech sao`,
      ]);
      expect(asSao.data?.project.conventions).toHaveLength(1);
      const settatProject = await api.graphql<{
        project: { commitments: { title: string }[]; conventions: { id: string }[] };
      }>(projectQuery, { id: settat.id }, { token: tokens.elu });
      expect(settatProject.data?.project.commitments.map((c) => c.title)).toEqual([`${tag} settat region`]);
      expect(settatProject.data?.project.conventions.map((c) => c.id)).toEqual([casablancaConventionId]);

      const forumQuery = `query ($id: ID!) { forum(id: $id) { commitments { title } } }`;
      const forum = await api.graphql<{ forum: { commitments: { title: string }[] } | null }>(
        forumQuery,
        { id: casablancaForumId },
        { token: tokens.elu },
      );
      expect(forum.data?.forum?.commitments.map((c) => c.title)).toEqual([`${tag} casa sao`]);
    });
  });
});
