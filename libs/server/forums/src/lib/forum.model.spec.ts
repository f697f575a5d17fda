import type { ForumEntity } from './forum.entity';
import { toForumModel } from './forum.model';

describe('toForumModel', () => {
  it('sends what a page shows and keeps the creator and province column on the server', () => {
    const entity: ForumEntity = {
      id: '7d4e1c52-3f0a-4b8e-9a51-0c2f6e8b1d93',
      title: 'Forum Régional de la Convergence',
      theme: 'Les centres émergents',
      heldOn: '2018-10-11',
      place: 'Casablanca',
      regionCode: '06',
      provinceCode: null,
      participantOrganizationIds: ['o1', 'o2'],
      resolutions: ['Accélérer la résorption des bidonvilles'],
      createdByUserId: 'u1',
      createdAt: new Date('2026-01-05T09:00:00Z'),
      updatedAt: new Date('2026-01-06T09:00:00Z'),
      version: 3,
    };

    const model = toForumModel(entity);
    expect(model).toMatchObject({ heldOn: '2018-10-11', regionCode: '06', version: 3 });
    expect(model.participantOrganizationIds).toEqual(['o1', 'o2']);
    expect(model).not.toHaveProperty('createdByUserId');
    expect(model).not.toHaveProperty('provinceCode');
  });
});
