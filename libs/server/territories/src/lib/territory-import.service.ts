import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TerritoryEntity } from './territory.entity';
import { readTerritories } from './territory-csv';

export interface TerritoryImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

const COLUMNS = [
  'code',
  'kind',
  'name_fr',
  'name_ar',
  'parent_code',
  'region_code',
  'province_code',
  'path',
  'population',
  'households',
] as const;

const BATCH_SIZE = 400;

/**
 * Loads the HCP dataset into `territory`, idempotently: new codes are inserted, changed rows updated,
 * identical rows left alone (so a second run changes nothing). All or nothing, in one transaction;
 * territories are never deleted because organisations and projects refer to them.
 */
@Injectable()
export class TerritoryImportService {
  private readonly logger = new Logger(TerritoryImportService.name);

  constructor(private readonly dataSource: DataSource) {}

  async isEmpty(): Promise<boolean> {
    return !(await this.dataSource.getRepository(TerritoryEntity).exists());
  }

  async import(directory: string): Promise<TerritoryImportResult> {
    const territories = readTerritories(directory);
    const result: TerritoryImportResult = { inserted: 0, updated: 0, unchanged: 0 };
    await this.dataSource.transaction(async (manager) => {
      for (let start = 0; start < territories.length; start += BATCH_SIZE) {
        const batch = territories.slice(start, start + BATCH_SIZE);
        const rows: { inserted: boolean }[] = await manager.query(
          upsertSql(batch.length),
          batch.flatMap(values),
        );
        const inserted = rows.filter((row) => row.inserted).length;
        result.inserted += inserted;
        result.updated += rows.length - inserted;
      }
    });
    result.unchanged = territories.length - result.inserted - result.updated;
    this.logger.log(
      `Territories: ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
    return result;
  }
}

function values(t: TerritoryEntity): unknown[] {
  return [
    t.code,
    t.kind,
    t.nameFr,
    t.nameAr,
    t.parentCode,
    t.regionCode,
    t.provinceCode,
    t.path,
    t.population,
    t.households,
  ];
}

/** Parents come first in the dataset order, so the parent foreign key holds row by row. */
function upsertSql(rowCount: number): string {
  const placeholders = Array.from(
    { length: rowCount },
    (_, row) => `(${COLUMNS.map((_, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`,
  ).join(',\n');
  const updatable = COLUMNS.filter((column) => column !== 'code');
  return `
    INSERT INTO territory (${COLUMNS.join(', ')}) VALUES ${placeholders}
    ON CONFLICT (code) DO UPDATE SET ${updatable.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
    WHERE (${updatable.map((c) => `territory.${c}`).join(', ')})
      IS DISTINCT FROM (${updatable.map((c) => `EXCLUDED.${c}`).join(', ')})
    RETURNING (xmax = 0) AS inserted`;
}
