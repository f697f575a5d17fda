import type { ChartContext } from '../charts/chart-options';
import { at, call, each } from '../testing/option-path';
import type { CommuneShape } from './commune-geometry';
import {
  COMMUNE_MAP_NAME,
  communeMapOption,
  communeRows,
  inTerritory,
  MAP_COLORS,
  mapCoverage,
  selectionBounds,
  sortRows,
} from './map-options';

const shape = (code: string, nameFr: string, bbox: CommuneShape['bbox']): CommuneShape => ({
  code,
  nameFr,
  nameAr: `ع-${nameFr}`,
  bbox,
});
const CASABLANCA = shape('06.141.01.0', 'Casablanca', [-7.7, 33.5, -7.4, 33.65]);
const MECHOUAR = shape('06.141.01.81', 'Méchouar de Casablanca', [-7.62, 33.58, -7.6, 33.6]);
const SETTAT = shape('06.461.01.15', 'Settat', [-7.7, 32.9, -7.55, 33.05]);
const SHAPES = [CASABLANCA, MECHOUAR, SETTAT];

const figures = (code: string, projectCount: number, investment: string, nameFr = code) => ({
  territory: { code, nameFr, nameAr: nameFr },
  projectCount,
  investment,
});

const format: ChartContext['format'] = {
  money: (value, options = {}) => `${options.compact ? '~' : ''}${value} MAD`,
  number: (value) => `#${value}`,
};

describe('mapCoverage and inTerritory', () => {
  it('draws Casablanca-Settat for the region or any part of it, and for all of Morocco with a note', () => {
    expect(mapCoverage('06')).toBe('region');
    expect(mapCoverage('06.141')).toBe('region');
    expect(mapCoverage('06.141.01.0')).toBe('region');
    expect(mapCoverage(null)).toBe('national');
    expect(mapCoverage('07')).toBe('outside');
    expect(mapCoverage('07.351.01.0')).toBe('outside');
    // A code that merely starts with the same digits is another region.
    expect(mapCoverage('061')).toBe('outside');
  });

  it('nests HCP codes by their dotted prefix', () => {
    expect(inTerritory('06.141.01.0', '06.141')).toBe(true);
    expect(inTerritory('06.141.01.81', '06.141.01.8')).toBe(false);
    expect(inTerritory('06.141.01.0', '06.141.01.0')).toBe(true);
    expect(inTerritory('06.461.01.15', '06.141')).toBe(false);
    expect(inTerritory('07.351.01.0', null)).toBe(true);
  });
});

describe('communeRows', () => {
  it('joins the api figures on the HCP code and shows communes without projects as zeros', () => {
    const rows = communeRows(SHAPES, [figures('06.141.01.0', 4, '125000000.50')], '06');
    expect(rows).toEqual([
      {
        code: '06.141.01.0',
        nameFr: 'Casablanca',
        nameAr: 'ع-Casablanca',
        projectCount: 4,
        investment: '125000000.50',
      },
      {
        code: '06.141.01.81',
        nameFr: 'Méchouar de Casablanca',
        nameAr: 'ع-Méchouar de Casablanca',
        projectCount: 0,
        investment: '0.00',
      },
      { code: '06.461.01.15', nameFr: 'Settat', nameAr: 'ع-Settat', projectCount: 0, investment: '0.00' },
    ]);
  });

  it('keeps only the communes of the selected territory, and ignores figures of other regions', () => {
    const national = [figures('06.461.01.15', 1, '10.00'), figures('07.351.01.0', 9, '900.00')];
    expect(communeRows(SHAPES, national, '06.141').map((row) => row.code)).toEqual([
      '06.141.01.0',
      '06.141.01.81',
    ]);
    expect(communeRows(SHAPES, national, null).map((row) => [row.code, row.projectCount])).toEqual([
      ['06.141.01.0', 0],
      ['06.141.01.81', 0],
      ['06.461.01.15', 1],
    ]);
  });

  it('still lists a commune of the region the map has no boundary for', () => {
    const rows = communeRows([CASABLANCA], [figures('06.999.01.1', 2, '5.00', 'Nouvelle commune')], '06');
    expect(rows.map((row) => [row.code, row.nameFr, row.projectCount])).toEqual([
      ['06.141.01.0', 'Casablanca', 0],
      ['06.999.01.1', 'Nouvelle commune', 2],
    ]);
  });
});

describe('sortRows', () => {
  const rows = communeRows(
    SHAPES,
    [
      figures('06.141.01.0', 1, '99999999999999.99'),
      figures('06.141.01.81', 3, '100000000000000.00'),
      figures('06.461.01.15', 3, '5.10'),
    ],
    '06',
  );

  it('orders equal figures by name in the reader’s language', () => {
    const zeros = communeRows(SHAPES, [], '06');
    expect(sortRows(zeros, 'projects').map((row) => row.nameFr)).toEqual([
      'Casablanca',
      'Méchouar de Casablanca',
      'Settat',
    ]);
    expect(
      sortRows(zeros, 'projects', (row) => (row.code === '06.461.01.15' ? 'A' : row.nameFr))[0].code,
    ).toBe('06.461.01.15');
  });

  it('puts the biggest first, comparing amounts exactly (no float rounding)', () => {
    expect(sortRows(rows, 'investment').map((row) => row.code)).toEqual([
      '06.141.01.81',
      '06.141.01.0',
      '06.461.01.15',
    ]);
    expect(sortRows(rows, 'projects').map((row) => row.code)).toEqual([
      '06.141.01.81',
      '06.461.01.15',
      '06.141.01.0',
    ]);
  });
});

describe('selectionBounds', () => {
  it('zooms on a province or a commune, with a margin, and shows the whole region otherwise', () => {
    expect(selectionBounds(SHAPES, '06')).toBeUndefined();
    expect(selectionBounds(SHAPES, null)).toBeUndefined();
    const [[west, north], [east, south]] = selectionBounds(SHAPES, '06.141') ?? [[], []];
    expect(west).toBeLessThan(-7.7);
    expect(east).toBeGreaterThan(-7.4);
    expect(north).toBeGreaterThan(33.65);
    expect(south).toBeLessThan(33.5);
    expect(south).toBeGreaterThan(33.05);
  });
});

describe('communeMapOption', () => {
  const rows = communeRows(SHAPES, [figures('06.141.01.0', 4, '125000000.50')], '06.141');
  const option = (metric: 'investment' | 'projects', direction: ChartContext['direction'] = 'ltr') =>
    communeMapOption({
      rows,
      shapes: SHAPES,
      metric,
      text: {
        figure: (value) => `figure ${value}`,
        outside: 'hors sélection',
        high: 'Plus',
        low: 'Moins',
      },
      nameOf: (commune) => commune.nameFr,
      context: { direction, format },
    });

  it('shades the communes of the selection by investment, keyed by HCP code, zeros included', () => {
    const map = option('investment');
    expect(at(map, 'series', 0)).toMatchObject({ type: 'map', map: COMMUNE_MAP_NAME, nameProperty: 'code' });
    expect(each(map, ['series', 0, 'data'], 'name')).toEqual(['06.141.01.0', '06.141.01.81']);
    expect(each(map, ['series', 0, 'data'], 'value')).toEqual([125000000.5, 0]);
    expect(at(map, 'visualMap')).toMatchObject({ min: 0, max: 125000000.5, text: ['Plus', 'Moins'] });
    expect(call(at(map, 'visualMap', 'formatter'), 125000000.5)).toBe('~125000000.5 MAD');
    // Zero stays out of the scale: white, apart from the smallest figure and from the communes
    // outside the selection (grey).
    expect(at(map, 'series', 0, 'data', 0, 'visualMap')).toBeUndefined();
    expect(at(map, 'series', 0, 'data', 1)).toMatchObject({
      visualMap: false,
      itemStyle: { areaColor: MAP_COLORS.none },
    });
    expect(at(map, 'visualMap', 'inRange', 'color')).not.toContain(MAP_COLORS.none);
    expect(at(map, 'series', 0, 'itemStyle', 'areaColor')).toBe(MAP_COLORS.outside);
  });

  it('shades by number of projects when asked', () => {
    const map = option('projects');
    expect(each(map, ['series', 0, 'data'], 'value')).toEqual([4, 0]);
    expect(at(map, 'visualMap')).toMatchObject({ min: 0, max: 4 });
    expect(call(at(map, 'visualMap', 'formatter'), 4)).toBe('#4');
  });

  it('names the commune and its figure in the tooltip, and marks those outside the selection', () => {
    const formatter = at(option('investment'), 'tooltip', 'formatter');
    expect(call(formatter, { name: '06.141.01.0' })).toBe('Casablanca<br>figure ~125000000.5 MAD');
    expect(call(formatter, { name: '06.461.01.15' })).toBe('Settat<br>hors sélection');
  });

  it('escapes names in the HTML tooltip', () => {
    const formatter = at(
      communeMapOption({
        rows: [{ code: 'x', nameFr: '<b>Ben M’sick</b>', nameAr: '', projectCount: 1, investment: '1.00' }],
        shapes: [],
        metric: 'projects',
        text: { figure: String, outside: '', high: '', low: '' },
        nameOf: (commune) => commune.nameFr,
        context: { direction: 'ltr', format },
      }),
      'tooltip',
      'formatter',
    );
    expect(call(formatter, { name: 'x' })).toBe('&#60;b&#62;Ben M’sick&#60;/b&#62;<br>#1');
  });

  it('puts the colour scale on the reading side', () => {
    expect(at(option('investment', 'ltr'), 'visualMap')).toMatchObject({ left: 0, inverse: false });
    expect(at(option('investment', 'rtl'), 'visualMap')).toMatchObject({ right: 0, inverse: true });
  });
});
