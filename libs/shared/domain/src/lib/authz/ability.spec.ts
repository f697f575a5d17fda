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

describe('convergence core rules', () => {
  const actor = (role: AbilityActor['role'], organizationId = 'org', regionCode: string | null = '06') =>
    defineAbilityFor({ userId: 'u', role, organizationId, scope: { regionCode, provinceCode: null } });
  const commitment = (fields: Record<string, unknown>) =>
    subject('Commitment', { regionCode: '06', provinceCode: '06.141', organizationId: 'region', ...fields });

  it('lets an organisation report on its own commitments only, and only the ministry change terms and verify', () => {
    const elected = actor('ELECTED_OFFICIAL', 'region');
    expect(elected.can('report', commitment({}))).toBe(true);
    expect(elected.can('report', commitment({ organizationId: 'sao' }))).toBe(false);
    expect(elected.can('update', commitment({}))).toBe(false);
    expect(elected.can('verify', commitment({}))).toBe(false);
    const ministry = actor('MINISTRY_OFFICIAL', 'ministry', null);
    expect(ministry.can('verify', commitment({ regionCode: '07' }))).toBe(true);
    expect(ministry.can('update', commitment({ organizationId: 'sao' }))).toBe(true);
    expect(ministry.can('report', commitment({ organizationId: 'sao' }))).toBe(false);
    expect(ministry.can('report', commitment({ organizationId: 'ministry' }))).toBe(true);
  });

  it('reserves creating conventions, commitments, forums and actions to the ministry and administrators', () => {
    for (const name of ['Convention', 'Commitment', 'Forum', 'Action'] as const) {
      expect(actor('MINISTRY_OFFICIAL', 'ministry', null).can('create', name)).toBe(true);
      expect(actor('ADMIN', 'operator', null).can('create', name)).toBe(true);
      expect(actor('ELECTED_OFFICIAL').can('create', name)).toBe(false);
      expect(actor('SUBSIDIARY_MANAGER').can('create', name)).toBe(false);
    }
  });

  it('lets a subsidiary manager create and update the projects its subsidiary leads, nobody else but admins', () => {
    const sao = actor('SUBSIDIARY_MANAGER', 'sao');
    const project = (leadOrganizationId: string, regionCode = '06') =>
      subject('Project', { regionCode, provinceCode: '06.141', leadOrganizationId });
    expect(sao.can('update', project('sao'))).toBe(true);
    expect(sao.can('create', project('sao'))).toBe(true);
    expect(sao.can('create', project('sao', '07'))).toBe(false);
    expect(sao.can('update', project('other'))).toBe(false);
    expect(actor('MINISTRY_OFFICIAL', 'ministry', null).can('update', project('sao'))).toBe(false);
  });

  it('lets the responsible organisation report on its actions, and contributors read them anywhere', () => {
    const action = (fields: Record<string, unknown>) =>
      subject('Action', {
        regionCode: '07',
        provinceCode: '07.351',
        responsibleOrganizationId: 'x',
        ...fields,
      });
    const partner = defineAbilityFor({
      userId: 'u',
      role: 'PARTNER_CONTRIBUTOR',
      organizationId: 'lydec',
      scope: { regionCode: '06', provinceCode: null },
    });
    expect(partner.can('read', action({ contributorOrganizationIds: ['lydec'] }))).toBe(true);
    expect(partner.can('report', action({ contributorOrganizationIds: ['lydec'] }))).toBe(false);
    expect(partner.can('report', action({ responsibleOrganizationId: 'lydec' }))).toBe(true);
    expect(partner.can('update', action({ responsibleOrganizationId: 'lydec' }))).toBe(false);
    expect(partner.can('read', action({}))).toBe(false);
  });
});
