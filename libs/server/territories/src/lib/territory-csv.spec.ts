import { join } from 'node:path';
import { readTerritories } from './territory-csv';

const dataDir = join(__dirname, '../../../../../data/morocco/attributes');

describe('readTerritories', () => {
  const territories = readTerritories(dataDir);
  const byCode = new Map(territories.map((t) => [t.code, t]));
  const countOf = (kind: string) => territories.filter((t) => t.kind === kind).length;

  it('reads every region, prefecture/province and commune of the dataset', () => {
    expect(countOf('REGION')).toBe(12);
    expect(countOf('PREFECTURE') + countOf('PROVINCE') + countOf('PREFECTURE_OF_ARRONDISSEMENTS')).toBe(83);
    expect(countOf('PREFECTURE_OF_ARRONDISSEMENTS')).toBe(8);
    expect(countOf('COMMUNE')).toBe(1503);
  });

  it('places a commune under its province and region, with a path for subtree queries', () => {
    expect(byCode.get('06.141.01.0')).toMatchObject({
      nameFr: 'Casablanca',
      nameAr: 'الدار البيضاء',
      kind: 'COMMUNE',
      parentCode: '06.141',
      regionCode: '06',
      provinceCode: '06.141',
      path: '06/06.141/06.141.01.0/',
      population: 3215935,
    });
  });

  it("puts Casablanca's préfectures d'arrondissements under the Casablanca préfecture", () => {
    expect(byCode.get('06.141.01.50')).toMatchObject({
      nameFr: 'Sidi Bernoussi',
      parentCode: '06.141',
      provinceCode: '06.141',
      path: '06/06.141/06.141.01.50/',
    });
  });

  it('gives regions no parent and no province', () => {
    expect(byCode.get('06')).toMatchObject({
      parentCode: null,
      regionCode: '06',
      provinceCode: null,
      path: '06/',
    });
  });
});
