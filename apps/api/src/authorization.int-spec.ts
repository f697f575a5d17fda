import { subject } from '@casl/ability';
import { abilityFromPackedRules, type PackedRules } from '@convergence/shared/domain';
import type { FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DataSource } from 'typeorm';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

const MINISTRY =
  "Ministère de l'Aménagement du Territoire National, de l'Urbanisme, de l'Habitat et de la Politique de la Ville";
const NATIONAL = [
  MINISTRY,
  "Secrétariat d'État chargé de l'Habitat et de la Politique de la Ville",
  'Groupe Al Omrane',
];
const MARRAKECH = ['Conseil de la Région Marrakech-Safi', 'Société Al Omrane Marrakech-Safi'];

interface Organization {
  id: string;
  name: string;
  kind: string;
  territory: { code: string; nameFr: string } | null;
}

const ORGANIZATIONS = `query ($kind: OrganizationKind, $territoryCode: String) {
  organizations(kind: $kind, territoryCode: $territoryCode) { id name kind territory { code nameFr } }
}`;

function sorted(names: string[]): string[] {
  return [...names].sort();
}

/** One operation over graphql-ws on /graphql, as the web client's live connection would send it. */
async function overWebSocket(
  httpUrl: string,
  query: string,
  authorization?: string,
): Promise<FormattedExecutionResult<Record<string, unknown>, unknown>> {
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    lazy: true,
    retryAttempts: 0,
  });
  try {
    return await new Promise((resolve, reject) => {
      let result: FormattedExecutionResult<Record<string, unknown>, unknown> | undefined;
      client.subscribe<Record<string, unknown>>(
        { query },
        {
          next: (value) => (result = value),
          error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
          complete: () => (result ? resolve(result) : reject(new Error('no result'))),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

describe('authorization (deny by default, territorial scope of organisations)', () => {
  let api: TestApi;
  let dataSource: DataSource;
  const tokens: Record<string, string> = {};

  const organizations = (token: string | undefined, variables: Record<string, unknown> = {}) =>
    api.graphql<{ organizations: Organization[] }>(ORGANIZATIONS, variables, { token });
  async function namesFor(persona: string, variables: Record<string, unknown> = {}): Promise<string[]> {
    const response = await organizations(tokens[persona], variables);
    expect(response.errors).toBeUndefined();
    return (response.data?.organizations ?? []).map((o) => o.name);
  }
  async function namesInDatabase(where: string, parameters: unknown[] = []): Promise<string[]> {
    const rows: { name: string }[] = await dataSource.query(
      `SELECT name FROM organization WHERE ${where}`,
      parameters,
    );
    return rows.map((row) => row.name);
  }

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    for (const persona of ['admin', 'ministere', 'elu', 'sao', 'prefecture', 'elu.marrakech']) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
  });
  afterAll(() => api.close());

  describe('deny by default', () => {
    it.each([
      ['me', '{ me { id email } }'],
      ['organizations', '{ organizations { id name } }'],
      ['territories', '{ territories { code } }'],
      ['territory', '{ territory(code: "06") { code } }'],
    ])('refuses %s without a token: UNAUTHENTICATED and no data', async (_name, query) => {
      const response = await api.graphql(query);
      // A nullable root field is null, a non-null one nulls `data`: either way nothing is returned.
      expect(Object.values(response.data ?? {}).filter((value) => value !== null)).toEqual([]);
      expect(response.errors).toHaveLength(1);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0].message).toBe('Vous devez vous connecter pour continuer.');
    });

    it('answers a signed-out visitor in the language of Accept-Language', async () => {
      const response = await api.graphql('{ organizations { id } }', {}, { locale: 'en' });
      expect(response.errors?.[0].message).toBe('You must sign in to continue.');
    });

    it('refuses a bearer value that is not a token, with no data', async () => {
      const response = await api.graphql('{ organizations { id } }', {}, { token: 'not-a-jwt' });
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('deny by default over graphql-ws (the same /graphql path)', () => {
    it('gives no data to a connection without connectionParams.authorization', async () => {
      const result = await overWebSocket(api.url, '{ organizations { name } }');
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
    });

    it('serves a signed-in connection only what its rules allow', async () => {
      const result = await overWebSocket(
        api.url,
        '{ organizations { name } }',
        `Bearer ${tokens['elu.marrakech']}`,
      );
      expect(result.errors).toBeUndefined();
      const names = (result.data?.['organizations'] as { name: string }[]).map((o) => o.name);
      expect(sorted(names)).toEqual(sorted([...NATIONAL, ...MARRAKECH]));
    });

    it('words a refusal as over HTTP: extensions.code UNAUTHENTICATED and a message in French', async () => {
      const result = await overWebSocket(api.url, '{ organizations { name } }');
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0].message).toBe('Vous devez vous connecter pour continuer.');
    });

    it('words a domain error as over HTTP: NOT_FOUND in the reader’s language', async () => {
      const result = await overWebSocket(
        api.url,
        '{ territories(parentCode: "99") { code } }',
        `Bearer ${tokens['ministere']}`,
      );
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(result.errors?.[0].message).toBe('Territoire inconnu : « 99 ».');
    });
  });

  describe('organizations, per persona', () => {
    it.each(['ministere', 'admin'])('%s sees every organisation', async (persona) => {
      const names = await namesFor(persona);
      expect(sorted(names)).toEqual(sorted(await namesInDatabase('TRUE')));
      expect(names.length).toBeGreaterThanOrEqual(17);
      expect(names).toEqual(expect.arrayContaining([...NATIONAL, ...MARRAKECH, 'Préfecture de Casablanca']));
    });

    it('gives each organisation its territory of competence, none for a national one', async () => {
      const response = await organizations(tokens['ministere']);
      const byName = new Map((response.data?.organizations ?? []).map((o) => [o.name, o]));
      expect(byName.get(MINISTRY)?.territory).toBeNull();
      expect(byName.get('Préfecture de Casablanca')).toMatchObject({
        kind: 'PREFECTURE',
        territory: { code: '06.141', nameFr: 'Casablanca' },
      });
      expect(byName.get('Société Al Omrane Marrakech-Safi')?.territory).toEqual({
        code: '07',
        nameFr: 'Marrakech-Safi',
      });
    });

    it('elu (Casablanca-Settat) sees the national ones and those of region 06, none of region 07', async () => {
      const names = await namesFor('elu');
      expect(sorted(names)).toEqual(
        sorted(await namesInDatabase(`region_code IS NULL OR region_code = '06'`)),
      );
      expect(names).toEqual(
        expect.arrayContaining([
          ...NATIONAL,
          'Conseil de la Région Casablanca-Settat',
          'Société Al Omrane Casablanca-Settat',
          'Préfecture de Casablanca',
          'Province de Settat',
        ]),
      );
      for (const name of MARRAKECH) expect(names).not.toContain(name);
    });

    it('elu.marrakech sees the national ones and those of Marrakech-Safi, and no Préfecture de Casablanca', async () => {
      const names = await namesFor('elu.marrakech');
      expect(sorted(names)).toEqual(sorted([...NATIONAL, ...MARRAKECH]));
      expect(names).not.toContain('Préfecture de Casablanca');
      expect(names).not.toContain('Conseil de la Région Casablanca-Settat');
    });

    it.each(['prefecture', 'sao'])(
      '%s (region 06) sees the national ones and those of its region, as its rules say',
      async (persona) => {
        const names = await namesFor(persona);
        expect(sorted(names)).toEqual(
          sorted(await namesInDatabase(`region_code IS NULL OR region_code = '06'`)),
        );
        for (const name of MARRAKECH) expect(names).not.toContain(name);
      },
    );
  });

  describe('organizations filters combined with the permission filter', () => {
    it('kind keeps only that kind, within what the reader may see', async () => {
      expect(sorted(await namesFor('ministere', { kind: 'REGIONAL_COUNCIL' }))).toEqual(
        sorted(['Conseil de la Région Casablanca-Settat', 'Conseil de la Région Marrakech-Safi']),
      );
      expect(await namesFor('elu', { kind: 'REGIONAL_COUNCIL' })).toEqual([
        'Conseil de la Région Casablanca-Settat',
      ]);
      expect(await namesFor('elu.marrakech', { kind: 'PREFECTURE' })).toEqual([]);
    });

    it('territoryCode keeps the organisations competent in that territory or under it', async () => {
      expect(await namesFor('ministere', { territoryCode: '06.141' })).toEqual([
        'Commune de Casablanca',
        'Préfecture de Casablanca',
      ]);
      expect(sorted(await namesFor('ministere', { territoryCode: '06' }))).toEqual(
        sorted(await namesInDatabase(`region_code = '06'`)),
      );
      expect(await namesFor('ministere', { kind: 'AL_OMRANE_SUBSIDIARY', territoryCode: '07' })).toEqual([
        'Société Al Omrane Marrakech-Safi',
      ]);
    });

    it('gives elu.marrakech an empty list, not an error, for territoryCode 06', async () => {
      const response = await organizations(tokens['elu.marrakech'], { territoryCode: '06' });
      expect(response.errors).toBeUndefined();
      expect(response.data?.organizations).toEqual([]);
    });

    it('answers an unknown territoryCode with NOT_FOUND naming the code, in the reader’s language', async () => {
      const french = await organizations(tokens['ministere'], { territoryCode: '99.999' });
      expect(french.data ?? null).toBeNull();
      expect(french.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(french.errors?.[0].message).toBe('Territoire inconnu : « 99.999 ».');

      // elu.marrakech's preferred language is Arabic.
      const arabic = await organizations(tokens['elu.marrakech'], { territoryCode: '99.999' });
      expect(arabic.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(arabic.errors?.[0].message).toBe('إقليم غير معروف: «99.999».');
    });
  });

  describe('me.permissions', () => {
    async function abilityOf(persona: string) {
      const response = await api.graphql<{ me: { permissions: PackedRules } }>(
        '{ me { permissions } }',
        {},
        { token: tokens[persona] },
      );
      expect(response.errors).toBeUndefined();
      return abilityFromPackedRules(response.data?.me.permissions as PackedRules);
    }

    it('are the packed rules: elu may read a region-06 organisation, elu.marrakech may not', async () => {
      const elu = await abilityOf('elu');
      const marrakech = await abilityOf('elu.marrakech');
      expect(elu.can('read', subject('Organization', { regionCode: '06' }))).toBe(true);
      expect(marrakech.can('read', subject('Organization', { regionCode: '06' }))).toBe(false);
      expect(marrakech.can('read', subject('Organization', { regionCode: '07' }))).toBe(true);
      expect(elu.can('read', subject('Organization', { regionCode: null }))).toBe(true);
      expect(elu.can('update', 'Organization')).toBe(false);
    });

    it('give the administrator everything and the ministry read access to every organisation', async () => {
      expect((await abilityOf('admin')).can('manage', 'all')).toBe(true);
      const ministry = await abilityOf('ministere');
      expect(ministry.can('read', subject('Organization', { regionCode: '07' }))).toBe(true);
      expect(ministry.can('update', 'Organization')).toBe(false);
    });

    it('in a sign-in payload are those of the user signing in, whoever the request carried before', async () => {
      // The request carries the ministry's token; once login succeeds it acts as elu.
      const response = await api.graphql<{ login: { user: { email: string; permissions: PackedRules } } }>(
        'mutation { login(email: "elu@demo.convergence.ma", password: "Convergence2026!") { user { email permissions } } }',
        {},
        { token: tokens['ministere'] },
      );
      expect(response.errors).toBeUndefined();
      const ability = abilityFromPackedRules(response.data?.login.user.permissions as PackedRules);
      expect(ability.can('read', subject('Organization', { regionCode: '07' }))).toBe(false);
      expect(ability.can('read', subject('Organization', { regionCode: '06' }))).toBe(true);
    });
  });

  describe('SQL statements of organizations { territory } (DataLoader batching)', () => {
    const QUERY = '{ organizations { name territory { code nameFr } } }';

    async function measure(persona: string): Promise<{ rows: number; statements: string[] }> {
      let response: GraphqlResponse<{ organizations: Organization[] }> | undefined;
      const statements = await statementsDuring(async () => {
        response = await api.graphql<{ organizations: Organization[] }>(
          QUERY,
          {},
          { token: tokens[persona] },
        );
      });
      expect(response?.errors).toBeUndefined();
      return { rows: response?.data?.organizations.length ?? 0, statements };
    }

    it('is the same small number whatever the number of organisations', async () => {
      // Warm-up: the first request of a connection may prepare things the others do not.
      await measure('ministere');

      const ministry = await measure('ministere');
      const elu = await measure('elu');
      const marrakech = await measure('elu.marrakech');
      expect(ministry.statements.length).toBeGreaterThan(0);
      expect(new Set([ministry.rows, elu.rows, marrakech.rows]).size).toBe(3);
      expect(elu.statements).toHaveLength(ministry.statements.length);
      expect(marrakech.statements).toHaveLength(ministry.statements.length);
      // The session check, the organisations, their territories in one batch.
      expect(ministry.statements).toHaveLength(3);

      // Fifty more organisations, each in a commune of its own, in region 06.
      await dataSource.query(
        `INSERT INTO organization (name, kind, territory_code, region_code, province_code, version)
         SELECT 'Conseil communal ' || t.name_fr || ' ' || t.code, 'COMMUNE_COUNCIL', t.code, t.region_code, t.province_code, 1
         FROM territory t WHERE t.kind = 'COMMUNE' AND t.region_code = '06' ORDER BY t.code LIMIT 50`,
      );
      const more = await measure('ministere');
      expect(more.rows).toBe(ministry.rows + 50);
      expect(more.statements).toHaveLength(ministry.statements.length);
      const territoryBatches = more.statements.filter((sql) => /FROM "territory"/.test(sql));
      expect(territoryBatches).toHaveLength(1);
    });
  });
});
