import { startTestApi, type TestApi } from './testing/test-api';

/**
 * GraphQL lets a client send an optional argument as `null` instead of leaving it out (the web app's
 * generated operations do). Every list must read a null filter, territory or parent as "not given".
 */
describe('optional arguments sent as null', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    token = await api.signIn('admin@demo.convergence.ma');
  });
  afterAll(() => api.close());

  it.each([
    [
      'projects',
      'query ($f: ProjectFilter) { projects(filter: $f, orderBy: null) { totalCount } }',
      { f: null },
    ],
    [
      'projects with a null territory',
      'query ($f: ProjectFilter) { projects(filter: $f) { totalCount } }',
      { f: { territoryCode: null } },
    ],
    [
      'commitments',
      'query ($f: CommitmentFilter) { commitments(filter: $f, orderBy: null) { totalCount } }',
      { f: null },
    ],
    [
      'commitments with a null territory',
      'query ($f: CommitmentFilter) { commitments(filter: $f) { totalCount } }',
      { f: { territoryCode: null, late: null } },
    ],
    [
      'actions',
      'query ($f: ActionFilter) { actions(filter: $f, orderBy: null) { totalCount } }',
      { f: null },
    ],
    [
      'actions with a null territory',
      'query ($f: ActionFilter) { actions(filter: $f) { totalCount } }',
      { f: { territoryCode: null, overdue: null } },
    ],
    ['forums', 'query ($f: ForumFilter) { forums(filter: $f) { totalCount } }', { f: null }],
    [
      'forums with a null territory',
      'query ($f: ForumFilter) { forums(filter: $f) { totalCount } }',
      { f: { territoryCode: null } },
    ],
    ['conventions', 'query ($f: ConventionFilter) { conventions(filter: $f) { totalCount } }', { f: null }],
    ['users', 'query ($f: UserFilter) { users(filter: $f) { totalCount } }', { f: null }],
    [
      'organizations',
      'query ($t: String) { organizations(territoryCode: $t, kind: null) { id } }',
      { t: null },
    ],
    ['dashboard', 'query ($t: String) { dashboard(territoryCode: $t) { projectCount } }', { t: null }],
    [
      'partnerScorecard',
      'query ($t: String) { partnerScorecard(territoryCode: $t) { commitmentCount } }',
      { t: null },
    ],
    ['territories', 'query ($p: String) { territories(parentCode: $p, kind: null) { code } }', { p: null }],
  ])('%s', async (_, query, variables) => {
    const response = await api.graphql(query, variables, { token });

    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data ?? {})).toHaveLength(1);
  });

  it('lists the 12 regions for a null parent, as for none', async () => {
    const withNull = await api.graphql<{ territories: unknown[] }>(
      '{ territories(parentCode: null) { code } }',
      {},
      { token },
    );
    const without = await api.graphql<{ territories: unknown[] }>('{ territories { code } }', {}, { token });

    expect(withNull.data?.territories).toHaveLength(12);
    expect(withNull.data).toEqual(without.data);
  });
});
