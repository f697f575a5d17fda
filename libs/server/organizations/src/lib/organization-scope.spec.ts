import { scopeOfTerritory } from './organization-scope';

describe('scopeOfTerritory', () => {
  it('gives a national organisation the whole country', () => {
    expect(scopeOfTerritory(null)).toEqual({ regionCode: null, provinceCode: null });
  });

  it('gives a regional organisation its region only', () => {
    expect(scopeOfTerritory({ kind: 'REGION', regionCode: '06', provinceCode: null })).toEqual({
      regionCode: '06',
      provinceCode: null,
    });
  });

  it('gives a prefecture, or a commune council, its prefecture/province', () => {
    expect(scopeOfTerritory({ kind: 'PREFECTURE', regionCode: '06', provinceCode: '06.141' })).toEqual({
      regionCode: '06',
      provinceCode: '06.141',
    });
    expect(scopeOfTerritory({ kind: 'COMMUNE', regionCode: '06', provinceCode: '06.141' })).toEqual({
      regionCode: '06',
      provinceCode: '06.141',
    });
  });
});
