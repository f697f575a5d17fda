import { AbilityBuilder, createMongoAbility, subject } from '@casl/ability';
import { accessibleBy } from '@convergence/server/core';
import { OrganizationEntity } from '@convergence/server/organizations';
import type { AppAbility } from '@convergence/shared/domain';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from './testing/test-api';

type Rules = (builder: AbilityBuilder<AppAbility>) => void;

/** Rule sets exercising each operator, nulls, and `cannot` (inverted) rules. */
const RULE_SETS: [string, Rules][] = [
  ['no rule at all', () => undefined],
  ['an unconditional rule', ({ can }) => can('read', 'Organization')],
  [
    'equality with null (national organisations)',
    ({ can }) => can('read', 'Organization', { regionCode: null }),
  ],
  [
    'two conditional rules (OR)',
    ({ can }) => {
      can('read', 'Organization', { regionCode: '06' });
      can('read', 'Organization', { regionCode: null });
    },
  ],
  ['$ne on a nullable column', ({ can }) => can('read', 'Organization', { regionCode: { $ne: '07' } })],
  ['$in with null', ({ can }) => can('read', 'Organization', { regionCode: { $in: ['07', null] } })],
  ['$nin on a nullable column', ({ can }) => can('read', 'Organization', { regionCode: { $nin: ['06'] } })],
  [
    'cannot after can',
    ({ can, cannot }) => {
      can('read', 'Organization');
      cannot('read', 'Organization', { regionCode: '07' });
    },
  ],
  [
    'cannot with null',
    ({ can, cannot }) => {
      can('read', 'Organization', { regionCode: { $in: ['06', '07', null] } });
      cannot('read', 'Organization', { regionCode: null });
    },
  ],
  [
    'two fields in one rule (AND)',
    ({ can }) => can('read', 'Organization', { regionCode: '06', provinceCode: '06.141' }),
  ],
];

describe('accessibleBy: the SQL filter selects exactly the rows CASL allows one by one', () => {
  let api: TestApi;
  let organizations: OrganizationEntity[];
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    organizations = await dataSource.getRepository(OrganizationEntity).find();
  });
  afterAll(() => api.close());

  it.each(RULE_SETS)('%s', async (_name, rules) => {
    const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
    rules(builder);
    const ability = builder.build();

    const query = dataSource.getRepository(OrganizationEntity).createQueryBuilder('o');
    const inSql = (await accessibleBy(query, ability, 'read', 'Organization').getMany())
      .map((o) => o.name)
      .sort();
    const inMemory = organizations
      .filter((o) => ability.can('read', subject('Organization', { ...o })))
      .map((o) => o.name)
      .sort();

    expect(inSql).toEqual(inMemory);
  });

  it('keeps two filters on one query apart (parameter names never collide)', async () => {
    const only06 = new AbilityBuilder<AppAbility>(createMongoAbility);
    only06.can('read', 'Organization', { regionCode: '06' });
    const only07 = new AbilityBuilder<AppAbility>(createMongoAbility);
    only07.can('read', 'Organization', { regionCode: '07' });

    const query = dataSource.getRepository(OrganizationEntity).createQueryBuilder('o');
    accessibleBy(query, only06.build(), 'read', 'Organization');
    accessibleBy(query, only07.build(), 'read', 'Organization');
    expect(await query.getMany()).toEqual([]);
  });

  it('refuses a condition on something that is not a column, instead of ignoring it', () => {
    const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
    builder.can('read', 'Organization', { organizationId: 'x' });
    const query = dataSource.getRepository(OrganizationEntity).createQueryBuilder('o');
    expect(() => accessibleBy(query, builder.build(), 'read', 'Organization')).toThrow(/not a column/);
  });
});
