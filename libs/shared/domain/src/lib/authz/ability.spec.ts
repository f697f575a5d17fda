import { subject } from '@casl/ability';
import { defineAbilityFor, type AbilityActor } from './ability';
import { abilityFromPackedRules, packAbility } from './packed-rules';

const casablancaElected: AbilityActor = {
  userId: 'u-elu',
  role: 'ELECTED_OFFICIAL',
  organizationId: 'org-region-06',
  scope: { regionCode: '06', provinceCode: null },
};

const organization = (regionCode: string | null) => subject('Organization', { id: 'o', regionCode });

describe('defineAbilityFor', () => {
  it('lets a regional user read national organisations and those of their region only', () => {
    const ability = defineAbilityFor(casablancaElected);
    expect(ability.can('read', organization(null))).toBe(true);
    expect(ability.can('read', organization('06'))).toBe(true);
    expect(ability.can('read', organization('07'))).toBe(false);
  });

  it('denies what is not granted: a regional user may not create organisations', () => {
    const ability = defineAbilityFor(casablancaElected);
    expect(ability.can('create', 'Organization')).toBe(false);
    expect(ability.can('update', organization('06'))).toBe(false);
  });

  it('lets a ministry official read every organisation, and an administrator do anything', () => {
    const ministry = defineAbilityFor({
      ...casablancaElected,
      role: 'MINISTRY_OFFICIAL',
      scope: { regionCode: null, provinceCode: null },
    });
    expect(ministry.can('read', organization('07'))).toBe(true);
    expect(ministry.can('create', 'Organization')).toBe(false);
    const admin = defineAbilityFor({ ...casablancaElected, role: 'ADMIN' });
    expect(admin.can('delete', organization('07'))).toBe(true);
  });

  it('lets a user read their own account and no other', () => {
    const ability = defineAbilityFor(casablancaElected);
    expect(ability.can('read', subject('User', { id: 'u-elu' }))).toBe(true);
    expect(ability.can('read', subject('User', { id: 'someone-else' }))).toBe(false);
  });

  it('survives packing for the web app with the same answers', () => {
    const unpacked = abilityFromPackedRules(packAbility(defineAbilityFor(casablancaElected)));
    expect(unpacked.can('read', organization('06'))).toBe(true);
    expect(unpacked.can('read', organization('07'))).toBe(false);
    expect(unpacked.can('create', 'Organization')).toBe(false);
  });
});

describe('project rules', () => {
  const project = (fields: Record<string, unknown>) =>
    subject('Project', {
      regionCode: '06',
      provinceCode: '06.141',
      leadOrganizationId: 'sao',
      partnerOrganizationIds: [],
      ...fields,
    });
  const actor = (role: AbilityActor['role'], scope: AbilityActor['scope'], organizationId = 'org') =>
    defineAbilityFor({ userId: 'u', role, organizationId, scope });

  it('gives regional roles their region and authority agents their prefecture/province', () => {
    const elected = actor('ELECTED_OFFICIAL', { regionCode: '06', provinceCode: null });
    expect(elected.can('read', project({}))).toBe(true);
    expect(elected.can('read', project({ regionCode: '07', provinceCode: '07.351' }))).toBe(false);
    const agent = actor('AUTHORITY_AGENT', { regionCode: '06', provinceCode: '06.141' });
    expect(agent.can('read', project({}))).toBe(true);
    expect(agent.can('read', project({ provinceCode: '06.461' }))).toBe(false);
  });

  it('gives partner contributors the projects their organisation leads or is a partner of, anywhere', () => {
    const partner = actor('PARTNER_CONTRIBUTOR', { regionCode: '06', provinceCode: '06.385' }, 'nouaceur');
    expect(partner.can('read', project({ partnerOrganizationIds: ['x', 'nouaceur'] }))).toBe(true);
    expect(partner.can('read', project({ regionCode: '07', partnerOrganizationIds: ['nouaceur'] }))).toBe(
      true,
    );
    expect(partner.can('read', project({}))).toBe(false);
  });
});
