import { NOTIFICATION_TYPES } from '@convergence/shared/domain';
import { AUDIENCES_OF, userIdsIn } from './audiences';

describe('audiences', () => {
  it('gives every notification type at least one audience', () => {
    for (const type of NOTIFICATION_TYPES) expect(AUDIENCES_OF[type].length).toBeGreaterThan(0);
  });

  it('reads user ids from a payload, one or many, ignoring anything that is not a user id', () => {
    const a = '0b9f2c1e-6a8d-4c53-9d3e-3f1a2b4c5d6e';
    const b = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
    expect(userIdsIn({ mentionUserIds: [a, 'robert); drop table', 42, b] }, 'mentionUserIds')).toEqual([
      a,
      b,
    ]);
    expect(userIdsIn({ parentAuthorUserId: a }, 'parentAuthorUserId')).toEqual([a]);
    expect(userIdsIn({}, 'authorUserId')).toEqual([]);
  });
});
