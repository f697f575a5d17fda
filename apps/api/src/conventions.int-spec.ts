import type { ConventionEntity } from '@convergence/server/commitments';
import type { ForumEntity } from '@convergence/server/forums';
import type { ProjectEntity } from '@convergence/server/projects';
import { DataSource } from 'typeorm';
import { CommitmentFixtures, moroccoDay, uniqueName } from './testing/commitment-fixtures';
import { createUser } from './testing/factories';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

interface ConventionNode {
  id: string;
  code: string;
  title: string;
  version: number;
  region: { code: string } | null;
  parties: { name: string }[];
  projects: { id: string }[];
  commitments: { title: string }[];
  forum: { id: string } | null;
}
interface ConventionPage {
  conventions: { totalCount: number; edges: { node: ConventionNode }[] };
}

const NODE =
  'id code title version region { code } parties { name } projects { id } commitments { title } forum { id }';
const CONVENTIONS = `query ($filter: ConventionFilter, $first: Int) {
  conventions(filter: $filter, first: $first) { totalCount edges { node { ${NODE} } } }
}`;
const CONVENTION = `query ($id: ID!) { convention(id: $id) { ${NODE} } }`;
const CREATE = `mutation ($input: CreateConventionInput!) { createConvention(input: $input) { ${NODE} } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateConventionInput!) {
  updateConvention(id: $id, version: $version, input: $input) { ${NODE} }
}`;

const PERSONAS = ['admin', 'ministere', 'elu', 'sao', 'prefecture', 'elu.marrakech'] as const;
type Persona = (typeof PERSONAS)[number] | 'partner';

describe('conventions', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let fixtures: CommitmentFixtures;
  const tokens = {} as Record<Persona, string>;
  /** Every fixture code starts with it, so that searching it leaves the demo conventions out. */
  const tag = uniqueName('ZZC');
  let casablanca: ProjectEntity;
  let settat: ProjectEntity;
  let marrakech: ProjectEntity;
  let forum: ForumEntity;
  let casablancaSettat: ConventionEntity;

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
    const login = await api.graphql<{ login: { accessToken: string } }>(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: partner.email, p: partner.password },
    );
    tokens.partner = login.data?.login.accessToken ?? '';

    casablanca = await fixtures.project('06.141', 'saoCS');
    settat = await fixtures.project('06.461', 'saoCS');
    marrakech = await fixtures.project('07.351', 'saoMS');
    forum = await fixtures.forum('06');
    casablancaSettat = await fixtures.convention({
      code: `${tag}-CS`,
      regionCode: '06',
      parties: ['saoCS', 'regionCS'],
      projects: [casablanca, settat],
      forum,
    });
    const marrakechSafi = await fixtures.convention({
      code: `${tag}-MS`,
      regionCode: '07',
      parties: ['saoMS', 'holding'],
      projects: [marrakech],
    });
    await fixtures.convention({
      code: `${tag}-NAT`,
      regionCode: null,
      parties: ['holding'],
      projects: [casablanca],
    });
    for (const [title, organization, convention, project] of [
      ['casa', 'saoCS', casablancaSettat, casablanca],
      ['settat', 'regionCS', casablancaSettat, settat],
      ['marrakech', 'saoMS', marrakechSafi, marrakech],
    ] as const) {
      await fixtures.commitment({
        title: `${tag} ${title}`,
        organization,
        convention,
        project,
        dueDate: moroccoDay(30),
      });
    }
  });
  afterAll(() => api.close());

  const list = (persona: Persona, filter: Record<string, unknown> = {}, first = 100) =>
    api.graphql<ConventionPage>(
      CONVENTIONS,
      { first, filter: { search: tag, ...filter } },
      { token: tokens[persona] },
    );
  const codes = async (persona: Persona, filter: Record<string, unknown> = {}) => {
    const response = await list(persona, filter);
    expect(response.errors).toBeUndefined();
    const found = response.data?.conventions.edges.map((e) => e.node.code.replace(`${tag}-`, '')) ?? [];
    expect(response.data?.conventions.totalCount).toBe(found.length);
    return found;
  };
  const codeOf = (response: GraphqlResponse) => response.errors?.[0].extensions?.code;
  const fieldsOf = (response: GraphqlResponse) => response.errors?.[0].extensions?.fields;

  describe('reading', () => {
    it.each<[Persona, string[]]>([
      ['admin', ['CS', 'MS', 'NAT']],
      ['ministere', ['CS', 'MS', 'NAT']],
      ['elu', ['CS']],
      ['sao', ['CS']],
      ['prefecture', ['CS']],
      ['elu.marrakech', ['MS']],
      ['partner', ['MS', 'NAT']],
    ])('%s sees exactly its scope, in the list and in the count', async (persona, expected) => {
      expect(await codes(persona)).toEqual(expected);
    });

    it('filters by territory (its region, or where a project it funds lies), party, project, forum', async () => {
      expect(await codes('ministere', { territoryCode: '06' })).toEqual(['CS', 'NAT']);
      expect(await codes('ministere', { territoryCode: '06.461' })).toEqual(['CS']);
      expect(await codes('ministere', { territoryCode: casablanca.communeCode })).toEqual(['CS', 'NAT']);
      expect(await codes('ministere', { territoryCode: '07' })).toEqual(['MS']);
      expect(await codes('ministere', { organizationId: await fixtures.organizationId('holding') })).toEqual([
        'MS',
        'NAT',
      ]);
      expect(await codes('ministere', { projectId: casablanca.id })).toEqual(['CS', 'NAT']);
      expect(await codes('ministere', { forumId: forum.id })).toEqual(['CS']);
      expect(await codes('elu.marrakech', { territoryCode: '06' })).toEqual([]);
    });

    it('gives its parties, the projects and commitments the reader may read, and its forum', async () => {
      const response = await api.graphql<{ convention: ConventionNode }>(
        CONVENTION,
        { id: casablancaSettat.id },
        { token: tokens.prefecture },
      );
      expect(response.data?.convention).toMatchObject({
        region: { code: '06' },
        parties: [
          { name: 'Société Al Omrane Casablanca-Settat' },
          { name: 'Conseil de la Région Casablanca-Settat' },
        ],
        // The prefecture reads its own province only: the Settat project and commitment stay hidden.
        projects: [{ id: casablanca.id }],
        commitments: [{ title: `${tag} casa` }],
        forum: { id: forum.id },
      });
    });

    it('is null outside the scope, exactly as for an id that does not exist', async () => {
      const outside = await api.graphql(
        CONVENTION,
        { id: casablancaSettat.id },
        { token: tokens['elu.marrakech'] },
      );
      const missing = await api.graphql(
        CONVENTION,
        { id: '00000000-0000-4000-8000-000000000000' },
        { token: tokens['elu.marrakech'] },
      );
      expect(outside).toEqual(missing);
      expect(outside.data?.['convention']).toBeNull();
    });

    it('costs the same number of SQL statements for 2 conventions as for 8', async () => {
      const fillerTag = uniqueName('ZZF');
      for (let i = 0; i < 8; i++) {
        const convention = await fixtures.convention({
          code: `${fillerTag}-${i}`,
          regionCode: '06',
          parties: ['saoCS', 'regionCS'],
          projects: [casablanca],
          forum,
        });
        await fixtures.commitment({
          title: `${fillerTag} ${i}`,
          organization: 'saoCS',
          convention,
          project: casablanca,
          dueDate: moroccoDay(10),
        });
      }
      const count = async (first: number) =>
        (
          await statementsDuring(async () => {
            const response = await api.graphql<ConventionPage>(
              CONVENTIONS,
              { first, filter: { search: fillerTag } },
              { token: tokens.elu },
            );
            expect(response.data?.conventions.edges).toHaveLength(first);
          })
        ).length;
      expect(await count(8)).toBe(await count(2));
    });
  });

  describe('createConvention', () => {
    const valid = async () => ({
      code: uniqueName('CONV-CS'),
      title: 'Convention de résorption de l’habitat insalubre',
      signedOn: '2018-10-11',
      regionCode: '06',
      partyOrganizationIds: [
        await fixtures.organizationId('saoCS'),
        await fixtures.organizationId('regionCS'),
      ],
      projectIds: [casablanca.id],
      forumId: forum.id,
    });

    it('creates it for the ministry, with its audit event', async () => {
      const input = await valid();
      const response = await api.graphql<{ createConvention: ConventionNode }>(
        CREATE,
        { input },
        { token: tokens.ministere },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.createConvention).toMatchObject({
        code: input.code,
        version: 1,
        region: { code: '06' },
        projects: [{ id: casablanca.id }],
        commitments: [],
        forum: { id: forum.id },
      });
      const events: { operation: string }[] = await dataSource.query(
        "SELECT operation FROM audit_event WHERE subject_type = 'CONVENTION' AND subject_id = $1",
        [response.data?.createConvention.id],
      );
      expect(events).toEqual([{ operation: 'createConvention' }]);
      const TRAIL = 'query ($id: ID!) { auditTrail(subjectType: CONVENTION, subjectId: $id) { totalCount } }';
      const id = response.data?.createConvention.id;
      const readable = await api.graphql(TRAIL, { id }, { token: tokens.elu });
      expect(readable.data?.['auditTrail']).toEqual({ totalCount: 1 });
      expect(codeOf(await api.graphql(TRAIL, { id }, { token: tokens['elu.marrakech'] }))).toBe('NOT_FOUND');
    });

    it('is FORBIDDEN to everyone else, and writes nothing', async () => {
      const input = await valid();
      for (const persona of ['elu', 'sao', 'prefecture', 'partner'] as const) {
        expect(codeOf(await api.graphql(CREATE, { input }, { token: tokens[persona] }))).toBe('FORBIDDEN');
      }
      expect(await dataSource.query('SELECT id FROM convention WHERE code = $1', [input.code])).toEqual([]);
    });

    it('refuses bad input with one message per field, and writes nothing', async () => {
      const shape = await api.graphql(
        CREATE,
        { input: { ...(await valid()), title: 't'.repeat(201), signedOn: '2018-13-01' } },
        { token: tokens.ministere },
      );
      expect(fieldsOf(shape)).toEqual([
        { field: 'title', message: '200 caractères au maximum.' },
        { field: 'signedOn', message: 'Date attendue au format AAAA-MM-JJ.' },
      ]);
      const input = {
        ...(await valid()),
        regionCode: '06.141',
        projectIds: ['00000000-0000-4000-8000-000000000000'],
        partyOrganizationIds: ['00000000-0000-4000-8000-000000000001'],
        forumId: '00000000-0000-4000-8000-000000000002',
      };
      const references = await api.graphql(CREATE, { input }, { token: tokens.ministere });
      expect(codeOf(references)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(references)).toEqual([
        { field: 'regionCode', message: expect.stringContaining('région') },
        { field: 'partyOrganizationIds', message: 'Organisation introuvable.' },
        { field: 'projectIds', message: 'Projet introuvable.' },
        { field: 'forumId', message: 'Forum introuvable.' },
      ]);
      const taken = await api.graphql(
        CREATE,
        { input: { ...(await valid()), code: casablancaSettat.code } },
        { token: tokens.ministere },
      );
      expect(fieldsOf(taken)).toEqual([{ field: 'code', message: 'Ce code est déjà utilisé.' }]);
      expect(await dataSource.query('SELECT id FROM convention WHERE code = $1', [input.code])).toEqual([]);
    });
  });

  describe('updateConvention', () => {
    it('changes what is given, with its audit event; the region, copied by commitments, never changes', async () => {
      const convention = await fixtures.convention({ regionCode: '06', parties: ['saoCS'] });
      const commitment = await fixtures.commitment({
        title: uniqueName('Sans projet'),
        organization: 'saoCS',
        convention,
        dueDate: moroccoDay(30),
      });
      const update = (input: Record<string, unknown>) =>
        api.graphql<{ updateConvention: ConventionNode }>(
          UPDATE,
          { id: convention.id, version: 1, input },
          { token: tokens.ministere },
        );

      const moving = await update({ title: 'Convention régionale', regionCode: '07' });
      expect(codeOf(moving)).toBe('BAD_USER_INPUT');
      expect(moving.errors?.[0].message).toContain(
        '"regionCode" is not defined by type "UpdateConventionInput"',
      );

      const response = await update({ title: 'Convention régionale' });
      expect(response.errors).toBeUndefined();
      expect(response.data?.updateConvention).toMatchObject({
        title: 'Convention régionale',
        code: convention.code,
        version: 2,
        region: { code: '06' },
        commitments: [{ title: commitment.title }],
      });
      const [audit]: { changes: Record<string, unknown> }[] = await dataSource.query(
        "SELECT changes FROM audit_event WHERE subject_id = $1 AND operation = 'updateConvention'",
        [convention.id],
      );
      expect(audit.changes).toEqual({ title: ['Convention de test', 'Convention régionale'] });
      const [scope]: { region_code: string; version: number }[] = await dataSource.query(
        'SELECT region_code, version FROM commitment WHERE id = $1',
        [commitment.id],
      );
      expect(scope).toEqual({ region_code: '06', version: 1 });
    });

    it('is CONFLICT with a stale version, FORBIDDEN to others, and names problems as input.<field>', async () => {
      const convention = await fixtures.convention({ regionCode: '06', parties: ['saoCS'] });
      const update = (persona: Persona, version: number, input: Record<string, unknown>) =>
        api.graphql(UPDATE, { id: convention.id, version, input }, { token: tokens[persona] });
      expect(codeOf(await update('elu', 1, { title: 'Pris en main' }))).toBe('FORBIDDEN');
      expect((await update('admin', 1, { title: 'Premier' })).errors).toBeUndefined();
      expect(codeOf(await update('ministere', 1, { title: 'Second' }))).toBe('CONFLICT');
      const bad = await update('ministere', 2, {
        code: casablancaSettat.code,
        partyOrganizationIds: ['00000000-0000-4000-8000-000000000000'],
        title: null,
      });
      expect(fieldsOf(bad)).toEqual([{ field: 'title', message: 'Ce champ est obligatoire.' }]);
      const unknown = await update('ministere', 2, {
        code: casablancaSettat.code,
        partyOrganizationIds: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(fieldsOf(unknown)).toEqual([
        { field: 'partyOrganizationIds', message: 'Organisation introuvable.' },
      ]);
      const codeTaken = await update('ministere', 2, { code: casablancaSettat.code });
      expect(fieldsOf(codeTaken)).toEqual([{ field: 'code', message: 'Ce code est déjà utilisé.' }]);
      const [row]: { title: string; version: number }[] = await dataSource.query(
        'SELECT title, version FROM convention WHERE id = $1',
        [convention.id],
      );
      expect(row).toEqual({ title: 'Premier', version: 2 });
    });
  });
});
