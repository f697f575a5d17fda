import { DataSource } from 'typeorm';
import {
  auditCount,
  FIXTURE_YEAR,
  insertScopeScenario,
  organizationId,
  ORGANIZATIONS,
  signInCreated,
} from './testing/action-fixtures';
import { createUser } from './testing/factories';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

interface ForumNode {
  id: string;
  title: string;
  heldOn: string;
  version: number;
  region: { code: string } | null;
  participants: { name: string }[];
  resolutions: string[];
  actions: { title: string }[];
}
interface ForumPage {
  forums: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: ForumNode }[];
  };
}

const FORUM_FIELDS =
  'id title heldOn version region { code } participants { name } resolutions actions { title }';
const FORUMS = `query ($filter: ForumFilter, $first: Int, $after: String) {
  forums(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${FORUM_FIELDS} } }
  }
}`;
const FORUM = `query ($id: ID!) { forum(id: $id) { ${FORUM_FIELDS} } }`;
const CREATE = `mutation ($input: CreateForumInput!) { createForum(input: $input) { ${FORUM_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateForumInput!) {
  updateForum(id: $id, version: $version, input: $input) { ${FORUM_FIELDS} }
}`;

/** Only the forums of this file: held in the fixtures' year, far from any demo forum. */
const OURS = { from: `${FIXTURE_YEAR}-01-01`, to: `${FIXTURE_YEAR}-12-31` };

describe('forums', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let scenario: Awaited<ReturnType<typeof insertScopeScenario>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    for (const persona of ['admin', 'ministere', 'elu', 'prefecture', 'elu.marrakech']) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
    const partner = await createUser(dataSource, {
      organizationName: ORGANIZATIONS.nouaceur,
      role: 'PARTNER_CONTRIBUTOR',
      emailPrefix: 'partner',
    });
    tokens['partner'] = await signInCreated(api, partner);
    scenario = await insertScopeScenario(dataSource);
  });
  afterAll(() => api.close());

  const list = (persona: string, variables: Record<string, unknown> = {}) =>
    api.graphql<ForumPage>(FORUMS, { first: 100, filter: OURS, ...variables }, { token: tokens[persona] });
  const titles = (response: GraphqlResponse<ForumPage>) =>
    response.data?.forums.edges.map((e) => e.node.title.replace(/^ZQX /, '')) ?? [];

  describe('each persona sees exactly its scope, newest first, in the list and in the count', () => {
    it.each([
      ['ministere', ['Forum de Casablanca-Settat', 'Forum de Marrakech-Safi', 'Forum national']],
      ['admin', ['Forum de Casablanca-Settat', 'Forum de Marrakech-Safi', 'Forum national']],
      ['elu', ['Forum de Casablanca-Settat']],
      ['prefecture', ['Forum de Casablanca-Settat']],
      ['elu.marrakech', ['Forum de Marrakech-Safi']],
      ['partner', ['Forum national']],
    ])('%s', async (persona, expected) => {
      const response = await list(persona);
      expect(response.errors).toBeUndefined();
      expect(titles(response)).toEqual(expected);
      expect(response.data?.forums.totalCount).toBe(expected.length);
    });

    it('forum(id) is null outside the scope, exactly as for an id that does not exist', async () => {
      const outside = await api.graphql(
        FORUM,
        { id: scenario.forums.casablanca },
        { token: tokens['elu.marrakech'] },
      );
      const missing = await api.graphql(
        FORUM,
        { id: '00000000-0000-4000-8000-000000000000' },
        { token: tokens['elu.marrakech'] },
      );
      expect(outside).toEqual(missing);
      expect(outside.data?.['forum']).toBeNull();
      const inside = await api.graphql<{ forum: ForumNode }>(
        FORUM,
        { id: scenario.forums.casablanca },
        { token: tokens['prefecture'] },
      );
      expect(inside.data?.forum.region).toEqual({ code: '06' });
      expect(inside.data?.forum.participants.map((p) => p.name)).toEqual([
        ORGANIZATIONS.wilaya,
        ORGANIZATIONS.saoCasablanca,
      ]);
    });

    it('lists under a forum only the actions the reader may read', async () => {
      const forumActions = async (persona: string) =>
        (
          await api.graphql<{ forum: ForumNode }>(
            FORUM,
            { id: scenario.forums.casablanca },
            { token: tokens[persona] },
          )
        ).data?.forum.actions.map((a) => a.title.replace(/^ZQX /, ''));
      // By due date; the Settat action lies outside the Préfecture de Casablanca.
      expect((await forumActions('ministere'))?.sort()).toEqual([
        'Apurement foncier à Settat',
        'Recasement des ménages de Casablanca',
      ]);
      expect(await forumActions('prefecture')).toEqual(['Recasement des ménages de Casablanca']);
    });
  });

  describe('filters and pages', () => {
    it('territoryCode keeps the forums of the region that territory lies in', async () => {
      expect(titles(await list('ministere', { filter: { ...OURS, territoryCode: '06.141' } }))).toEqual([
        'Forum de Casablanca-Settat',
      ]);
      expect(titles(await list('ministere', { filter: { ...OURS, territoryCode: '07' } }))).toEqual([
        'Forum de Marrakech-Safi',
      ]);
      const unknown = await list('ministere', { filter: { territoryCode: '99' } });
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('from and to bound the date, and to before from is refused on its field', async () => {
      const february = await list('ministere', {
        filter: { from: `${FIXTURE_YEAR}-01-15`, to: `${FIXTURE_YEAR}-02-15` },
      });
      expect(titles(february)).toEqual(['Forum de Marrakech-Safi']);
      const reversed = await list('ministere', {
        filter: { from: `${FIXTURE_YEAR}-02-15`, to: `${FIXTURE_YEAR}-01-15` },
      });
      expect(reversed.errors?.[0].extensions?.fields).toEqual([
        { field: 'filter.to', message: 'La fin ne peut pas précéder le début.' },
      ]);
    });

    it('walks the forums one page at a time, newest first', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 5; page++) {
        const response: GraphqlResponse<ForumPage> = await list('ministere', { first: 1, after });
        expect(response.data?.forums.totalCount).toBe(3);
        seen.push(...titles(response));
        if (!response.data?.forums.pageInfo.hasNextPage) break;
        after = response.data.forums.pageInfo.endCursor;
      }
      expect(seen).toEqual(['Forum de Casablanca-Settat', 'Forum de Marrakech-Safi', 'Forum national']);
    });

    it('costs the same number of SQL statements for 1 forum as for 3 (participants and actions are batched)', async () => {
      const count = async (first: number) => {
        let response: GraphqlResponse<ForumPage> | undefined;
        const statements = await statementsDuring(
          async () => (response = await list('ministere', { first })),
        );
        expect(response?.data?.forums.edges).toHaveLength(first);
        return statements.length;
      };
      expect(await count(3)).toBe(await count(1));
    });
  });

  describe('createForum', () => {
    const input = () => ({
      title: 'Forum de suivi 2027',
      theme: 'Les centres émergents',
      heldOn: '2027-10-11',
      place: 'Settat',
      regionCode: '06',
      resolutions: ['Livrer les équipements publics', 'Suivre les engagements'],
    });

    it('lets the ministry schedule a forum, with its participants, and audits it', async () => {
      const participantOrganizationIds = [
        await organizationId(dataSource, ORGANIZATIONS.wilaya),
        await organizationId(dataSource, ORGANIZATIONS.casablancaCouncil),
      ];
      const response = await api.graphql<{ createForum: ForumNode }>(
        CREATE,
        { input: { ...input(), participantOrganizationIds } },
        { token: tokens['ministere'] },
      );
      expect(response.errors).toBeUndefined();
      const forum = response.data?.createForum;
      expect(forum).toMatchObject({
        title: 'Forum de suivi 2027',
        heldOn: '2027-10-11',
        region: { code: '06' },
        resolutions: ['Livrer les équipements publics', 'Suivre les engagements'],
        actions: [],
        version: 1,
      });
      expect(forum?.participants.map((p) => p.name).sort()).toEqual(
        [ORGANIZATIONS.casablancaCouncil, ORGANIZATIONS.wilaya].sort(),
      );
      expect(await auditCount(dataSource, forum?.id ?? '', 'createForum')).toBe(1);
    });

    it('is FORBIDDEN to an elected official', async () => {
      const response = await api.graphql(CREATE, { input: input() }, { token: tokens['elu'] });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    });

    it('refuses bad input with one message per field, and writes nothing', async () => {
      const before = await dataSource.query('SELECT count(*) FROM forum');
      const shape = await api.graphql(
        CREATE,
        {
          input: {
            ...input(),
            title: '',
            heldOn: '2027-02-30',
            resolutions: Array.from({ length: 51 }, (_, i) => `Résolution ${i}`),
          },
        },
        { token: tokens['ministere'] },
      );
      expect(shape.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(shape.errors?.[0].extensions?.fields).toEqual([
        { field: 'title', message: 'Ce champ est obligatoire.' },
        { field: 'heldOn', message: 'Date attendue au format AAAA-MM-JJ.' },
        { field: 'resolutions', message: 'Au plus 50 éléments.' },
      ]);
      const tooLong = await api.graphql(
        CREATE,
        { input: { ...input(), resolutions: ['x'.repeat(1001)] } },
        { token: tokens['ministere'] },
      );
      expect(tooLong.errors?.[0].extensions?.fields).toEqual([
        { field: 'resolutions', message: '1000 caractères au maximum.' },
      ]);
      const references = await api.graphql(
        CREATE,
        {
          input: {
            ...input(),
            regionCode: '06.141',
            participantOrganizationIds: ['00000000-0000-4000-8000-000000000000'],
          },
        },
        { token: tokens['ministere'] },
      );
      expect(references.errors?.[0].extensions?.fields).toEqual([
        { field: 'regionCode', message: 'Choisissez une région, ou aucune pour une portée nationale.' },
        { field: 'participantOrganizationIds', message: 'Organisation introuvable.' },
      ]);
      expect(await dataSource.query('SELECT count(*) FROM forum')).toEqual(before);
    });
  });

  describe('updateForum', () => {
    let forumId: string;
    beforeEach(async () => {
      forumId = (
        await api.graphql<{ createForum: ForumNode }>(
          CREATE,
          {
            input: {
              title: 'Réunion de suivi',
              theme: 'Habitat',
              heldOn: '2028-01-15',
              place: 'Casablanca',
              regionCode: '06',
            },
          },
          { token: tokens['ministere'] },
        )
      ).data?.createForum.id as string;
    });

    it('changes only the given fields, bumps the version and audits the change', async () => {
      const response = await api.graphql<{ updateForum: ForumNode }>(
        UPDATE,
        { id: forumId, version: 1, input: { resolutions: ['Adopter le calendrier'], place: 'Settat' } },
        { token: tokens['ministere'] },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.updateForum).toMatchObject({
        title: 'Réunion de suivi',
        region: { code: '06' },
        resolutions: ['Adopter le calendrier'],
        version: 2,
      });
      const [event]: { changes: Record<string, unknown> }[] = await dataSource.query(
        "SELECT changes FROM audit_event WHERE subject_id = $1 AND operation = 'updateForum'",
        [forumId],
      );
      expect(event.changes).toEqual({
        place: ['Casablanca', 'Settat'],
        resolutions: [[], ['Adopter le calendrier']],
      });
    });

    it('never moves the region: the commitments announced there copied it as their scope', async () => {
      const response = await api.graphql(
        UPDATE,
        { id: forumId, version: 1, input: { regionCode: null } },
        { token: tokens['ministere'] },
      );
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain(
        '"regionCode" is not defined by type "UpdateForumInput"',
      );
      const [row]: { region_code: string; version: number }[] = await dataSource.query(
        'SELECT region_code, version FROM forum WHERE id = $1',
        [forumId],
      );
      expect(row).toEqual({ region_code: '06', version: 1 });
    });

    it('is CONFLICT with a stale version, and nothing changes', async () => {
      await api.graphql(
        UPDATE,
        { id: forumId, version: 1, input: { place: 'Settat' } },
        { token: tokens['ministere'] },
      );
      const stale = await api.graphql(
        UPDATE,
        { id: forumId, version: 1, input: { place: 'Berrechid' } },
        { token: tokens['ministere'] },
      );
      expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
      const [row]: { place: string; version: number }[] = await dataSource.query(
        'SELECT place, version FROM forum WHERE id = $1',
        [forumId],
      );
      expect(row).toEqual({ place: 'Settat', version: 2 });
    });

    it('is FORBIDDEN to an elected official, even on a forum of their region', async () => {
      const response = await api.graphql(
        UPDATE,
        { id: forumId, version: 1, input: { title: 'Autre' } },
        { token: tokens['elu'] },
      );
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('names the fields of bad input inside `input`', async () => {
      const response = await api.graphql(
        UPDATE,
        {
          id: forumId,
          version: 1,
          input: { title: null, participantOrganizationIds: ['00000000-0000-4000-8000-000000000000'] },
        },
        { token: tokens['ministere'] },
      );
      expect(response.errors?.[0].extensions?.fields).toEqual([
        { field: 'title', message: 'Ce champ est obligatoire.' },
      ]);
      const participants = await api.graphql(
        UPDATE,
        {
          id: forumId,
          version: 1,
          input: { participantOrganizationIds: ['00000000-0000-4000-8000-000000000000'] },
        },
        { token: tokens['ministere'] },
      );
      expect(participants.errors?.[0].extensions?.fields).toEqual([
        { field: 'participantOrganizationIds', message: 'Organisation introuvable.' },
      ]);
    });
  });
});
