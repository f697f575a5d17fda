import { TestBed } from '@angular/core/testing';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommuneGeometry, COMMUNE_GEOJSON_URL, parseCommuneGeometry } from './commune-geometry';

const ROOT = join(__dirname, '../../../../../..');
const SCRIPT = join(ROOT, 'tools/scripts/build-commune-map.mjs');

const feature = (code: unknown, coordinates: number[][][]) => ({
  type: 'Feature',
  properties: { code, nameFr: `fr ${code}`, nameAr: `ar ${code}` },
  geometry: { type: 'Polygon', coordinates },
});
const SQUARE = [
  [
    [-7, 33],
    [-6, 33],
    [-6, 34],
    [-7, 33],
  ],
];

describe('parseCommuneGeometry', () => {
  it('reads each commune’s code, names and bounding box', () => {
    const multi = {
      type: 'Feature',
      properties: { code: '06.1', nameFr: 'A', nameAr: 'ب' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          SQUARE,
          [
            [
              [-9, 32],
              [-8.5, 32],
              [-8.5, 32.5],
              [-9, 32],
            ],
          ],
        ],
      },
    };
    const parsed = parseCommuneGeometry({
      type: 'FeatureCollection',
      features: [multi, feature('06.2', SQUARE)],
    });
    expect(parsed.communes).toEqual([
      { code: '06.1', nameFr: 'A', nameAr: 'ب', bbox: [-9, 32, -6, 34] },
      { code: '06.2', nameFr: 'fr 06.2', nameAr: 'ar 06.2', bbox: [-7, 33, -6, 34] },
    ]);
  });

  it('refuses what it cannot draw right', () => {
    expect(() => parseCommuneGeometry({ type: 'Topology' })).toThrow('FeatureCollection');
    expect(() => parseCommuneGeometry({ type: 'FeatureCollection', features: [feature(6, SQUARE)] })).toThrow(
      'code and names',
    );
    expect(() =>
      parseCommuneGeometry({ type: 'FeatureCollection', features: [feature('06.1', [])] }),
    ).toThrow('no shape');
  });
});

describe('CommuneGeometry', () => {
  afterEach(() => {
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  it('fetches the boundaries once, and again after a failure', async () => {
    const body = { type: 'FeatureCollection', features: [feature('06.1', SQUARE)] };
    const fetch = jest
      .fn()
      .mockResolvedValueOnce({ ok: false, status: 404 })
      .mockResolvedValue({ ok: true, status: 200, json: async () => body });
    (globalThis as { fetch?: unknown }).fetch = fetch;
    const geometry = TestBed.inject(CommuneGeometry);

    await expect(geometry.load()).rejects.toThrow('HTTP 404');
    const loaded = await geometry.load();
    await geometry.load();

    expect(loaded.communes.map((commune) => commune.code)).toEqual(['06.1']);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenCalledWith(COMMUNE_GEOJSON_URL);
  });
});

describe('tools/scripts/build-commune-map.mjs (the build step)', () => {
  it('writes the 153 communes of Casablanca-Settat keyed by the dotted HCP code of the api, with both names', () => {
    const output = join(mkdtempSync(join(tmpdir(), 'commune-map-')), '06-communes.geojson');
    execFileSync(process.execPath, [SCRIPT, output], { cwd: ROOT, stdio: 'pipe' });

    const { communes } = parseCommuneGeometry(JSON.parse(readFileSync(output, 'utf8')));
    const csv = readFileSync(join(ROOT, 'data/morocco/attributes/communes.csv'), 'utf8').trim().split('\n');
    const region = csv
      .slice(1)
      .map((line) => line.split(','))
      .filter((cells) => cells[6] === '06')
      .map((cells) => [cells[0], cells[3], cells[4]]);

    expect(communes).toHaveLength(153);
    expect(communes.map((commune) => [commune.code, commune.nameFr, commune.nameAr]).sort()).toEqual(
      region.sort(),
    );
    expect(communes.find((commune) => commune.code === '06.141.01.0')).toMatchObject({
      nameFr: 'Casablanca',
      nameAr: 'الدار البيضاء',
    });
    // The TopoJSON's 061410181: a nine-digit code that only the CSV turns back into 06.141.01.81.
    expect(communes.find((commune) => commune.code === '06.141.01.81')?.nameFr).toBe(
      'Méchouar de Casablanca',
    );
    for (const commune of communes) {
      const [west, south, east, north] = commune.bbox;
      expect(west).toBeGreaterThanOrEqual(-9.06);
      expect(east).toBeLessThanOrEqual(-6.76);
      expect(south).toBeGreaterThanOrEqual(32.29);
      expect(north).toBeLessThanOrEqual(33.84);
    }
  });

  it('fails the build on a feature that matches no commune, rather than draw a wrong map', () => {
    const check = `
      import { toCommuneGeoJson } from ${JSON.stringify(SCRIPT)};
      const topology = {
        type: 'Topology',
        arcs: [[[0, 0], [1, 0], [0, 1], [-1, -1]]],
        objects: { communes: { type: 'GeometryCollection', geometries: [
          { type: 'Polygon', arcs: [[0]], properties: { code: '069999999', name: 'Nowhere' } },
        ] } },
      };
      toCommuneGeoJson(topology, new Map());
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', check], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('feature 069999999 (Nowhere) matches no commune of communes.csv');
  });
});
