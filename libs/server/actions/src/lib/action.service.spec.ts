import type { ActionEntity } from './action.entity';
import { toActionModel } from './action.model';

// Pure rules of ActionService are tested here; queries and permissions are tested against
// PostgreSQL in apps/api/src/actions.int-spec.ts.
describe('toActionModel', () => {
  it('sends id, name and version, and keeps the scope columns and timestamps on the server', () => {
    const entity: ActionEntity = {
      id: '7d4e1c52-3f0a-4b8e-9a51-0c2f6e8b1d93',
      name: 'First action',
      regionCode: '06',
      provinceCode: '141',
      createdAt: new Date('2026-01-05T09:00:00Z'),
      updatedAt: new Date('2026-01-06T09:00:00Z'),
      version: 3,
    };

    expect(toActionModel(entity)).toStrictEqual({
      id: '7d4e1c52-3f0a-4b8e-9a51-0c2f6e8b1d93',
      name: 'First action',
      version: 3,
    });
  });
});
