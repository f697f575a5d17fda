import type { AbilityActor } from '@convergence/shared/domain';
import { defaultDashboardTerritory } from './default-territory';

const casablanca = { regionCode: '06', provinceCode: '06.141' };
const actor = (role: AbilityActor['role'], scope: AbilityActor['scope']): AbilityActor => ({
  userId: 'u',
  organizationId: 'o',
  role,
  scope,
});

describe('defaultDashboardTerritory', () => {
  it('is the territory the reader reads by: province for an authority agent, region otherwise', () => {
    expect(defaultDashboardTerritory(actor('AUTHORITY_AGENT', casablanca))).toBe('06.141');
    expect(
      defaultDashboardTerritory(actor('AUTHORITY_AGENT', { regionCode: '06', provinceCode: null })),
    ).toBe('06');
    expect(defaultDashboardTerritory(actor('ELECTED_OFFICIAL', casablanca))).toBe('06');
    expect(
      defaultDashboardTerritory(actor('SUBSIDIARY_MANAGER', { regionCode: '07', provinceCode: null })),
    ).toBe('07');
  });

  it('is all of Morocco for a national organisation and for a partner, who reads wherever it takes part', () => {
    expect(
      defaultDashboardTerritory(actor('MINISTRY_OFFICIAL', { regionCode: null, provinceCode: null })),
    ).toBe(null);
    expect(defaultDashboardTerritory(actor('PARTNER_CONTRIBUTOR', casablanca))).toBe(null);
  });
});
