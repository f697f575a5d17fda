import { ORG } from '@convergence/server/demo';
import { DataSource } from 'typeorm';
import { createUser, type CreatedUser } from './testing/factories';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

/**
 * Administration (issue #5): accounts and organisations, for administrators only. Everyone else is
 * refused outright, the list of accounts included; nothing is written by a refused request.
 */

const USER_FIELDS = 'id email displayName role locale active version organization { id name }';
const USERS = `query ($filter: UserFilter, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${USER_FIELDS} } }
  }
}`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE_USER = `mutation ($id: ID!, $version: Int!, $input: UpdateUserInput!) {
  updateUser(id: $id, version: $version, input: $input) { ${USER_FIELDS} }
}`;
const DEACTIVATE = `mutation ($id: ID!, $version: Int!) { deactivateUser(id: $id, version: $version) { ${USER_FIELDS} } }`;
const REACTIVATE = `mutation ($id: ID!, $version: Int!) { reactivateUser(id: $id, version: $version) { ${USER_FIELDS} } }`;
const ORGANIZATION_FIELDS = 'id name acronym kind version territory { code }';
const CREATE_ORGANIZATION = `mutation ($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { ${ORGANIZATION_FIELDS} }
}`;
const UPDATE_ORGANIZATION = `mutation ($id: ID!, $version: Int!, $input: UpdateOrganizationInput!) {
  updateOrganization(id: $id, version: $version, input: $input) { ${ORGANIZATION_FIELDS} }
}`;
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken }
}`;
const REFRESH = `mutation ($token: String!) { refreshSession(refreshToken: $token) { accessToken } }`;
const ME = '{ me { email role organization { id } } }';

interface UserNode {
  id: string;
  email: string;
  displayName: string;
  role: string;
  locale: string;
  active: boolean;
  version: number;
  organization: { id: string; name: string };
}
interface OrganizationNode {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
  version: number;
  territory: { code: string } | null;
}
type UsersPage = {
  users: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: UserNode }[];
  };
};

const codeOf = (response: GraphqlResponse<unknown>) => response.errors?.[0]?.extensions?.code;
const fieldsOf = (response: GraphqlResponse<unknown>) =>
  response.errors?.[0]?.extensions?.fields as { field: string; message: string }[] | undefined;

let sequence = 0;
const uniqueEmail = (prefix: string) => `${prefix}.${process.pid}.${++sequence}@admin.convergence.test`;
const uniqueName = (prefix: string) => `${prefix} ${process.pid}-${++sequence}`;
const PASSWORD = 'Un-mot-de-passe-long!';

describe('administration: accounts and organisations', () => {
  let api: TestApi;
  let dataSource: DataSource;
  const tokens: Record<string, string> = {};
  const organizations: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    for (const persona of ['admin', 'ministere']) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
    const rows: { id: string; name: string }[] = await dataSource.query('SELECT id, name FROM organization');
    for (const row of rows) organizations[row.name] = row.id;
  });
  afterAll(() => api.close());

  const asAdmin = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) =>
    api.graphql<T>(query, variables, { token: tokens['admin'] });
  const count = async (sql: string, parameters: unknown[] = []) =>
    Number(((await dataSource.query(sql, parameters)) as { count: string }[])[0].count);
  const userRow = async (id: string) =>
    (
      (await dataSource.query('SELECT role, active, version, organization_id FROM app_user WHERE id = $1', [
        id,
      ])) as {
        role: string;
        active: boolean;
        version: number;
        organization_id: string;
      }[]
    )[0];
  const signIn = (email: string, password: string) =>
    api.graphql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, { email, password });

  const newUser = (): Promise<CreatedUser> =>
    createUser(dataSource, { organizationName: ORG.lydec, emailPrefix: 'admin-target' });

  describe('the list of accounts', () => {
    it('shows an administrator every account, filtered by search, organisation, role and state', async () => {
      const all = await asAdmin<UsersPage>(USERS, { first: 100 });
      expect(all.errors).toBeUndefined();
      const emails = all.data?.users.edges.map((e) => e.node.email) ?? [];
      expect(emails).toEqual(
        expect.arrayContaining(['admin@demo.convergence.ma', 'elu.marrakech@demo.convergence.ma']),
      );
      expect(all.data?.users.totalCount).toBe(await count('SELECT count(*) FROM app_user'));

      const searched = await asAdmin<UsersPage>(USERS, { filter: { search: 'MINISTERE@demo' } });
      expect(searched.data?.users.edges.map((e) => e.node.email)).toEqual(['ministere@demo.convergence.ma']);

      const regionCS = organizations[ORG.regionCS];
      const byOrganization = await asAdmin<UsersPage>(USERS, {
        filter: { organizationId: regionCS, role: 'ELECTED_OFFICIAL' },
      });
      expect(byOrganization.data?.users.edges.map((e) => e.node.email)).toEqual(['elu@demo.convergence.ma']);
      expect(byOrganization.data?.users.edges[0].node.organization).toEqual({
        id: regionCS,
        name: ORG.regionCS,
      });

      const gone = await newUser();
      await dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [gone.id]);
      const inactive = await asAdmin<UsersPage>(USERS, { filter: { active: false, search: gone.email } });
      expect(inactive.data?.users.edges.map((e) => [e.node.email, e.node.active])).toEqual([
        [gone.email, false],
      ]);
      const active = await asAdmin<UsersPage>(USERS, { filter: { active: true, search: gone.email } });
      expect(active.data?.users.totalCount).toBe(0);
    });

    it('pages by name without repeating or skipping anyone', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: GraphqlResponse<UsersPage> = await asAdmin<UsersPage>(USERS, { first: 3, after });
        seen.push(...(page.data?.users.edges.map((e) => e.node.id) ?? []));
        if (!page.data?.users.pageInfo.hasNextPage) break;
        after = page.data.users.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(await count('SELECT count(*) FROM app_user'));
    });

    it('gives a ministry official nothing: FORBIDDEN, no data', async () => {
      const response = await api.graphql(USERS, { first: 100 }, { token: tokens['ministere'] });
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.data?.['users'] ?? null).toBeNull();
    });
  });

  describe('a ministry official may change nothing', () => {
    it('is FORBIDDEN for each mutation, and nothing is written', async () => {
      const target = await newUser();
      const organization = organizations[ORG.lydec];
      const usersBefore = await count('SELECT count(*) FROM app_user');
      const organizationsBefore = await count('SELECT count(*) FROM organization');
      const attempts: [string, string, Record<string, unknown>][] = [
        [
          'createUser',
          CREATE_USER,
          {
            input: {
              email: uniqueEmail('refused'),
              displayName: 'Refusé',
              role: 'MINISTRY_OFFICIAL',
              organizationId: organization,
              locale: 'fr',
              password: PASSWORD,
            },
          },
        ],
        ['updateUser', UPDATE_USER, { id: target.id, version: 1, input: { role: 'MINISTRY_OFFICIAL' } }],
        ['deactivateUser', DEACTIVATE, { id: target.id, version: 1 }],
        ['reactivateUser', REACTIVATE, { id: target.id, version: 1 }],
        [
          'createOrganization',
          CREATE_ORGANIZATION,
          { input: { name: uniqueName('Refusée'), kind: 'OTHER_PARTNER' } },
        ],
        [
          'updateOrganization',
          UPDATE_ORGANIZATION,
          { id: organization, version: 1, input: { name: 'Renommée' } },
        ],
      ];
      for (const [name, mutation, variables] of attempts) {
        const response = await api.graphql(mutation, variables, { token: tokens['ministere'] });
        expect([name, codeOf(response), response.data?.[name] ?? null]).toEqual([name, 'FORBIDDEN', null]);
      }
      expect(await count('SELECT count(*) FROM app_user')).toBe(usersBefore);
      expect(await count('SELECT count(*) FROM organization')).toBe(organizationsBefore);
      expect(await userRow(target.id)).toMatchObject({
        role: 'PARTNER_CONTRIBUTOR',
        active: true,
        version: 1,
      });
      const lydec = await dataSource.query('SELECT name, version FROM organization WHERE id = $1', [
        organization,
      ]);
      expect(lydec).toEqual([{ name: ORG.lydec, version: 1 }]);
    });

    it('is refused without a session', async () => {
      const response = await api.graphql(USERS, {});
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
    });
  });

  describe('opening an account', () => {
    const input = (overrides: Record<string, unknown> = {}) => ({
      email: uniqueEmail('Nouveau'),
      displayName: '  Amina Tahiri ',
      role: 'AUTHORITY_AGENT',
      organizationId: organizations[ORG.prefectureCasablanca],
      locale: 'ar',
      password: PASSWORD,
      ...overrides,
    });

    it('opens an account that signs in at once with the initial password, in its organisation', async () => {
      const values = input();
      const response = await asAdmin<{ createUser: UserNode }>(CREATE_USER, { input: values });
      expect(response.errors).toBeUndefined();
      expect(response.data?.createUser).toMatchObject({
        email: values.email.toLowerCase(),
        displayName: 'Amina Tahiri',
        role: 'AUTHORITY_AGENT',
        locale: 'ar',
        active: true,
        version: 1,
        organization: { id: organizations[ORG.prefectureCasablanca], name: ORG.prefectureCasablanca },
      });

      const session = await signIn(values.email, PASSWORD);
      expect(session.errors).toBeUndefined();
      const me = await api.graphql<{ me: { email: string; role: string } }>(
        ME,
        {},
        {
          token: session.data?.login.accessToken,
        },
      );
      expect(me.data?.me).toMatchObject({ email: values.email.toLowerCase(), role: 'AUTHORITY_AGENT' });
      const [{ password_hash }]: { password_hash: string }[] = await dataSource.query(
        'SELECT password_hash FROM app_user WHERE email = $1',
        [values.email.toLowerCase()],
      );
      expect(password_hash).toMatch(/^\$argon2id\$/);
    });

    it('refuses an address already in use, whatever its case, on the email field, writing nothing', async () => {
      const before = await count('SELECT count(*) FROM app_user');
      const response = await api.graphql(
        CREATE_USER,
        { input: input({ email: ' MINISTERE@Demo.Convergence.ma ' }) },
        { token: tokens['admin'], locale: 'fr' },
      );
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual([
        { field: 'email', message: 'Un compte utilise déjà cette adresse e-mail.' },
      ]);
      expect(await count('SELECT count(*) FROM app_user')).toBe(before);
    });

    it('explains each invalid field in the reader’s language', async () => {
      const response = await api.graphql(
        CREATE_USER,
        {
          input: input({
            email: 'pas-une-adresse',
            displayName: ' ',
            password: 'court',
            organizationId: '00000000-0000-4000-8000-000000000000',
          }),
        },
        { token: tokens['admin'], locale: 'en' },
      );
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual(
        expect.arrayContaining([
          { field: 'email', message: 'Enter a valid e-mail address.' },
          { field: 'displayName', message: 'This field is required.' },
          { field: 'password', message: 'At least 12 characters.' },
        ]),
      );
      const unknownOrganization = await api.graphql(
        CREATE_USER,
        { input: input({ organizationId: '00000000-0000-4000-8000-000000000000' }) },
        { token: tokens['admin'], locale: 'en' },
      );
      expect(fieldsOf(unknownOrganization)).toEqual([
        { field: 'organizationId', message: 'Organisation not found.' },
      ]);
    });
  });

  describe('changing an account', () => {
    it('changes role, organisation, name and language; the person’s next request acts accordingly', async () => {
      const target = await newUser();
      const session = await signIn(target.email, target.password);
      const council = organizations[ORG.regionCS];
      const response = await asAdmin<{ updateUser: UserNode }>(UPDATE_USER, {
        id: target.id,
        version: 1,
        input: {
          role: 'ELECTED_OFFICIAL',
          organizationId: council,
          displayName: 'Élu de test',
          locale: 'en',
        },
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?.updateUser).toMatchObject({
        role: 'ELECTED_OFFICIAL',
        displayName: 'Élu de test',
        locale: 'en',
        version: 2,
        organization: { id: council },
      });
      const me = await api.graphql<{ me: { role: string; organization: { id: string } } }>(
        ME,
        {},
        {
          token: session.data?.login.accessToken,
        },
      );
      expect(me.data?.me).toMatchObject({ role: 'ELECTED_OFFICIAL', organization: { id: council } });
    });

    it('answers CONFLICT to a stale version, and leaves the row as the other writer left it', async () => {
      const target = await newUser();
      const first = await asAdmin(UPDATE_USER, {
        id: target.id,
        version: 1,
        input: { displayName: 'Premier' },
      });
      expect(first.errors).toBeUndefined();
      for (const [mutation, variables] of [
        [UPDATE_USER, { id: target.id, version: 1, input: { displayName: 'Second' } }],
        [DEACTIVATE, { id: target.id, version: 1 }],
      ] as const) {
        expect(codeOf(await asAdmin(mutation, variables))).toBe('CONFLICT');
      }
      expect(await userRow(target.id)).toMatchObject({ active: true, version: 2 });
      const [{ display_name }]: { display_name: string }[] = await dataSource.query(
        'SELECT display_name FROM app_user WHERE id = $1',
        [target.id],
      );
      expect(display_name).toBe('Premier');
    });

    it('answers NOT_FOUND for an account that does not exist', async () => {
      const response = await asAdmin(DEACTIVATE, { id: '00000000-0000-4000-8000-000000000000', version: 1 });
      expect(codeOf(response)).toBe('NOT_FOUND');
    });

    it('does not let administrators deactivate themselves or give up their own administrator role', async () => {
      const me = await asAdmin<{ me: { id: string; version: number } }>('{ me { id version } }');
      const admin = me.data?.me ?? { id: '', version: 0 };
      const deactivate = await api.graphql(
        DEACTIVATE,
        { id: admin.id, version: admin.version },
        {
          token: tokens['admin'],
          locale: 'fr',
        },
      );
      expect(codeOf(deactivate)).toBe('BAD_USER_INPUT');
      expect(deactivate.errors?.[0].message).toMatch(/^Vous ne pouvez ni désactiver votre propre compte/);
      const demote = await asAdmin(UPDATE_USER, {
        id: admin.id,
        version: admin.version,
        input: { role: 'MINISTRY_OFFICIAL' },
      });
      expect(codeOf(demote)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(demote)?.map((f) => f.field)).toEqual(['role']);
      expect(await userRow(admin.id)).toMatchObject({ role: 'ADMIN', active: true, version: admin.version });
      // Their own name, though, they may change.
      const rename = await asAdmin<{ updateUser: UserNode }>(UPDATE_USER, {
        id: admin.id,
        version: admin.version,
        input: { role: 'ADMIN', displayName: 'Salma Berrada' },
      });
      expect(rename.errors).toBeUndefined();
    });
  });

  describe('deactivating and reactivating', () => {
    it('refuses the sign-in, ends every session at once, and lets the person back in once reactivated', async () => {
      const target = await newUser();
      const session = await signIn(target.email, target.password);
      const tokens2 = session.data?.login;
      expect(tokens2).toBeDefined();

      const deactivated = await asAdmin<{ deactivateUser: UserNode }>(DEACTIVATE, {
        id: target.id,
        version: 1,
      });
      expect(deactivated.errors).toBeUndefined();
      expect(deactivated.data?.deactivateUser).toMatchObject({ active: false, version: 2 });
      expect(
        await count('SELECT count(*) FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL', [
          target.id,
        ]),
      ).toBe(0);
      expect(
        await count('SELECT count(*) FROM refresh_token WHERE user_id = $1', [target.id]),
      ).toBeGreaterThan(0);

      expect(codeOf(await signIn(target.email, target.password))).toBe('UNAUTHENTICATED');
      expect(codeOf(await api.graphql(REFRESH, { token: tokens2?.refreshToken }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await api.graphql(ME, {}, { token: tokens2?.accessToken }))).toBe('UNAUTHENTICATED');

      const reactivated = await asAdmin<{ reactivateUser: UserNode }>(REACTIVATE, {
        id: target.id,
        version: 2,
      });
      expect(reactivated.data?.reactivateUser).toMatchObject({ active: true, version: 3 });
      // The sessions ended stay ended; a new sign-in works.
      expect(codeOf(await api.graphql(REFRESH, { token: tokens2?.refreshToken }))).toBe('UNAUTHENTICATED');
      expect((await signIn(target.email, target.password)).errors).toBeUndefined();
    });
  });

  describe('organisations', () => {
    it('creates one with its territory, which sets the scope its users read', async () => {
      const name = uniqueName('Agence régionale de test');
      const created = await asAdmin<{ createOrganization: OrganizationNode }>(CREATE_ORGANIZATION, {
        input: { name: `  ${name} `, acronym: ' ', kind: 'OTHER_PARTNER', territoryCode: '06' },
      });
      expect(created.errors).toBeUndefined();
      expect(created.data?.createOrganization).toMatchObject({
        name,
        acronym: null,
        kind: 'OTHER_PARTNER',
        version: 1,
        territory: { code: '06' },
      });
      const id = created.data?.createOrganization.id;
      const scope = await dataSource.query(
        'SELECT region_code, province_code FROM organization WHERE id = $1',
        [id],
      );
      expect(scope).toEqual([{ region_code: '06', province_code: null }]);
    });

    it('refuses a name already used, whatever its case, and a territory that does not exist', async () => {
      const before = await count('SELECT count(*) FROM organization');
      const taken = await api.graphql(
        CREATE_ORGANIZATION,
        { input: { name: ORG.lydec.toUpperCase(), kind: 'UTILITY' } },
        { token: tokens['admin'], locale: 'fr' },
      );
      expect(codeOf(taken)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(taken)).toEqual([{ field: 'name', message: 'Une organisation porte déjà ce nom.' }]);
      const nowhere = await asAdmin(CREATE_ORGANIZATION, {
        input: { name: uniqueName('Nulle part'), kind: 'UTILITY', territoryCode: '99.999' },
      });
      expect(fieldsOf(nowhere)?.map((f) => f.field)).toEqual(['territoryCode']);
      expect(await count('SELECT count(*) FROM organization')).toBe(before);
    });

    it('updates one behind its version: a new territory moves its scope; a stale version is CONFLICT', async () => {
      const created = await asAdmin<{ createOrganization: OrganizationNode }>(CREATE_ORGANIZATION, {
        input: { name: uniqueName('Bureau d’études'), kind: 'OTHER_PARTNER', territoryCode: '06.141' },
      });
      const id = created.data?.createOrganization.id;
      const moved = await asAdmin<{ updateOrganization: OrganizationNode }>(UPDATE_ORGANIZATION, {
        id,
        version: 1,
        input: { acronym: 'BET', territoryCode: null, kind: 'UTILITY' },
      });
      expect(moved.errors).toBeUndefined();
      expect(moved.data?.updateOrganization).toMatchObject({
        acronym: 'BET',
        kind: 'UTILITY',
        territory: null,
        version: 2,
      });
      expect(
        await dataSource.query('SELECT region_code, province_code FROM organization WHERE id = $1', [id]),
      ).toEqual([{ region_code: null, province_code: null }]);

      const stale = await asAdmin(UPDATE_ORGANIZATION, { id, version: 1, input: { name: 'Trop tard' } });
      expect(codeOf(stale)).toBe('CONFLICT');
      const renamedToTaken = await asAdmin(UPDATE_ORGANIZATION, {
        id,
        version: 2,
        input: { name: ORG.lydec },
      });
      expect(fieldsOf(renamedToTaken)?.map((f) => f.field)).toEqual(['name']);
      const nullName = await asAdmin(UPDATE_ORGANIZATION, { id, version: 2, input: { name: null } });
      expect(fieldsOf(nullName)?.map((f) => f.field)).toEqual(['name']);
    });
  });
});
