import type { ForumEntity } from './forum.entity';
import { toForumModel } from './forum.model';

// Pure rules of ForumService are tested here; queries and permissions are tested against
// PostgreSQL in apps/api/src/forums.int-spec.ts.
describe('toForumModel', () => {
  it('sends id, name and version, and keeps the scope columns and timestamps on the server', () => {
    const entity: ForumEntity = {
      id: '7d4e1c52-3f0a-4b8e-9a51-0c2f6e8b1d93',
      name: 'First forum',
      regionCode: '06',
      provinceCode: '141',
      createdAt: new Date('2026-01-05T09:00:00Z'),
      updatedAt: new Date('2026-01-06T09:00:00Z'),
      version: 3,
    };

    expect(toForumModel(entity)).toStrictEqual({
      id: '7d4e1c52-3f0a-4b8e-9a51-0c2f6e8b1d93',
      name: 'First forum',
      version: 3,
    });
  });
});
