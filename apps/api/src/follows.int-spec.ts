import { FollowEntity, FollowService } from '@convergence/server/notifications';
import { DataSource } from 'typeorm';
import {
  createDiscussionFixtures,
  createQuietProject,
  emailOf,
  PERSONAS,
  type DiscussionFixtures,
  type Persona,
} from './testing/discussion-fixtures';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

const FOLLOW = `mutation ($type: SubjectType!, $id: ID!) { follow(subjectType: $type, subjectId: $id) }`;
const UNFOLLOW = `mutation ($type: SubjectType!, $id: ID!) { unfollow(subjectType: $type, subjectId: $id) }`;
const STATE = `query ($type: SubjectType!, $id: ID!) { followState(subjectType: $type, subjectId: $id) { following explicit } }`;

interface FollowState {
  following: boolean;
  explicit: boolean;
}

describe('follows', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let followService: FollowService;
  let fx: DiscussionFixtures;
  const tokens = {} as Record<Persona, string>;

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    followService = api.app.get(FollowService);
    fx = await createDiscussionFixtures(dataSource);
    for (const persona of PERSONAS) tokens[persona] = await api.signIn(emailOf(persona));
  });
  afterAll(() => api.close());

  const call = <T>(query: string, persona: Persona, subjectId: string, subjectType = 'PROJECT') =>
    api.graphql<T>(query, { type: subjectType, id: subjectId }, { token: tokens[persona], locale: 'en' });
  const follow = (persona: Persona, subjectId: string, subjectType?: string) =>
    call<{ follow: boolean }>(FOLLOW, persona, subjectId, subjectType);
  const unfollow = (persona: Persona, subjectId: string) =>
    call<{ unfollow: boolean }>(UNFOLLOW, persona, subjectId);
  const stateOf = async (persona: Persona, subjectId: string): Promise<FollowState | undefined> =>
    (await call<{ followState: FollowState }>(STATE, persona, subjectId)).data?.followState;
  const codeOf = (response: GraphqlResponse<unknown>) => response.errors?.[0]?.extensions?.code;
  const sorted = (ids: string[]) => [...ids].sort();

  it('has the active users of the involved organisations follow a subject without asking', async () => {
    // Casablanca project: led by SAO Casablanca-Settat, Lydec as partner; the deactivated SAO user is left out.
    expect(await followService.followerIds('PROJECT', fx.casablancaProjectId)).toEqual(
      sorted([fx.userIds.sao, fx.saoColleague.id, fx.userIds.lydec]),
    );
    expect(await stateOf('sao', fx.casablancaProjectId)).toEqual({ following: true, explicit: false });
    expect(await stateOf('elu', fx.casablancaProjectId)).toEqual({ following: false, explicit: false });
    // A forum's participants follow it.
    expect(await followService.followerIds('FORUM', fx.forumId)).toEqual([fx.userIds.elu]);
  });

  it('adds an explicit follower, and an explicit unfollow wins over the organisation', async () => {
    const subjectId = await createQuietProject(dataSource);
    const implicit = sorted([fx.userIds.sao, fx.saoColleague.id]);
    expect(await followService.followerIds('PROJECT', subjectId)).toEqual(implicit);

    expect((await follow('elu', subjectId)).data?.follow).toBe(true);
    expect((await unfollow('sao', subjectId)).data?.unfollow).toBe(true);
    expect(await followService.followerIds('PROJECT', subjectId)).toEqual(
      sorted([fx.userIds.elu, fx.saoColleague.id]),
    );
    expect(await stateOf('elu', subjectId)).toEqual({ following: true, explicit: true });
    expect(await stateOf('sao', subjectId)).toEqual({ following: false, explicit: true });

    // Changing one's mind replaces the earlier choice; following twice is still one row.
    await follow('sao', subjectId);
    await follow('sao', subjectId);
    await unfollow('elu', subjectId);
    expect(await followService.followerIds('PROJECT', subjectId)).toEqual(implicit);
    expect(await dataSource.getRepository(FollowEntity).countBy({ subjectId })).toBe(2);
  });

  it('never lists a deactivated user, even one who followed explicitly', async () => {
    const subjectId = await createQuietProject(dataSource);
    await dataSource
      .getRepository(FollowEntity)
      .insert({ userId: fx.saoInactive.id, subjectType: 'PROJECT', subjectId, following: true });
    expect(await followService.followerIds('PROJECT', subjectId)).not.toContain(fx.saoInactive.id);
  });

  it('lets nobody follow, unfollow or query a subject they may not read (NOT_FOUND)', async () => {
    const missing = '00000000-0000-4000-8000-000000000009';
    for (const subjectId of [fx.marrakechProjectId, missing]) {
      for (const response of [
        await follow('elu', subjectId),
        await unfollow('elu', subjectId),
        await call(STATE, 'elu', subjectId),
      ]) {
        expect(codeOf(response)).toBe('NOT_FOUND');
      }
    }
    expect(
      await dataSource.getRepository(FollowEntity).countBy({ userId: fx.userIds.elu, subjectId: missing }),
    ).toBe(0);
    expect(await followService.followerIds('PROJECT', fx.marrakechProjectId)).not.toContain(fx.userIds.elu);
    // The Marrakech-Safi elected official reads it, and may follow it.
    expect((await follow('elu.marrakech', fx.marrakechProjectId)).data?.follow).toBe(true);
    expect(await followService.followerIds('PROJECT', fx.marrakechProjectId)).toContain(
      fx.userIds['elu.marrakech'],
    );
  });

  it('names a malformed subject id, and asks to sign in', async () => {
    const response = await follow('elu', 'not-an-id');
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'subjectId', message: 'Invalid identifier.' },
    ]);
    const signedOut = await api.graphql(FOLLOW, { type: 'PROJECT', id: fx.casablancaProjectId });
    expect(codeOf(signedOut)).toBe('UNAUTHENTICATED');
  });

  it('follows other kinds of subject the same way', async () => {
    expect((await follow('elu', fx.forumId, 'FORUM')).data?.follow).toBe(true);
    expect(await followService.followerIds('FORUM', fx.forumId)).toEqual([fx.userIds.elu]);
    expect((await follow('elu.marrakech', fx.forumId, 'FORUM')).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
  });
});
