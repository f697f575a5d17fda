import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TerritoryKind } from '@convergence/shared/domain';
import type { TerritoryEntity } from './territory.entity';

/** Where the HCP dataset (data/morocco, see its README and licences) lives in the repository. */
export const DEFAULT_TERRITORY_DATA_DIR = join('data', 'morocco', 'attributes');

export class TerritoryDataError extends Error {}

type Row = Record<string, string>;

/** The dataset's CSVs: UTF-8, comma-separated, no quoted fields, a header row (see data/morocco/README.md). */
function readCsv(directory: string, file: string, required: string[]): Row[] {
  const path = join(directory, file);
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
  const header = lines[0]?.split(',') ?? [];
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length) throw new TerritoryDataError(`${path}: missing column(s) ${missing.join(', ')}`);
  return lines.slice(1).map((line, index) => {
    const cells = line.split(',');
    if (cells.length !== header.length) {
      throw new TerritoryDataError(`${path}:${index + 2}: ${cells.length} fields, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((column, i) => [column, cells[i].trim()]));
  });
}

function count(value: string): number | null {
  return value === '' ? null : Number.parseInt(value, 10);
}

const PROVINCE_KINDS: Record<string, TerritoryKind> = {
  province: 'PROVINCE',
  prefecture: 'PREFECTURE',
  prefecture_of_arrondissements: 'PREFECTURE_OF_ARRONDISSEMENTS',
};

/**
 * Reads the 12 regions, 83 prefectures/provinces and 1,503 communes into rows with their place in
 * the tree. The 8 préfectures d'arrondissements of Casablanca have no parent column in the dataset;
 * their codes extend the Casablanca préfecture's (06.141.01.xx under 06.141), which is where they go.
 */
export function readTerritories(directory: string): TerritoryEntity[] {
  const names = ['code', 'name_fr', 'name_ar', 'population_2024', 'households_2024'];
  const regions = readCsv(directory, 'regions.csv', names);
  const provinces = readCsv(directory, 'provinces.csv', [...names, 'type', 'region_code']);
  const communes = readCsv(directory, 'communes.csv', [...names, 'region_code', 'province_code']);

  const byCode = new Map<string, TerritoryEntity>();
  const add = (row: Row, kind: TerritoryKind, parent: TerritoryEntity | null): TerritoryEntity => {
    if (byCode.has(row['code'])) throw new TerritoryDataError(`duplicate territory code ${row['code']}`);
    const territory: TerritoryEntity = {
      code: row['code'],
      kind,
      nameFr: row['name_fr'],
      nameAr: row['name_ar'],
      parentCode: parent?.code ?? null,
      regionCode: parent?.regionCode ?? row['code'],
      provinceCode: kind === 'REGION' ? null : (parent?.provinceCode ?? row['code']),
      path: `${parent?.path ?? ''}${row['code']}/`,
      population: count(row['population_2024']),
      households: count(row['households_2024']),
    };
    byCode.set(territory.code, territory);
    return territory;
  };
  const parentOf = (code: string, child: string): TerritoryEntity => {
    const parent = byCode.get(code);
    if (!parent) throw new TerritoryDataError(`${child}: unknown parent territory ${code}`);
    return parent;
  };

  for (const row of regions) add(row, 'REGION', null);
  const [ordinary, arrondissements] = [
    provinces.filter((row) => row['type'] !== 'prefecture_of_arrondissements'),
    provinces.filter((row) => row['type'] === 'prefecture_of_arrondissements'),
  ];
  for (const row of ordinary) {
    const kind = PROVINCE_KINDS[row['type']];
    if (!kind) throw new TerritoryDataError(`${row['code']}: unknown type "${row['type']}"`);
    add(row, kind, parentOf(row['region_code'], row['code']));
  }
  for (const row of arrondissements) {
    const prefecture = ordinary.find((candidate) => row['code'].startsWith(`${candidate['code']}.`));
    if (!prefecture) throw new TerritoryDataError(`${row['code']}: no préfecture contains it`);
    add(row, 'PREFECTURE_OF_ARRONDISSEMENTS', parentOf(prefecture['code'], row['code']));
  }
  for (const row of communes) add(row, 'COMMUNE', parentOf(row['province_code'], row['code']));
  return [...byCode.values()];
}
