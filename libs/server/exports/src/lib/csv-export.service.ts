import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import {
  keysetBatches,
  todayInMorocco,
  uniqueValues,
  writeCsv,
  type ListQuery,
  type CsvValue,
} from '@convergence/server/core';
import { OrganizationService } from '@convergence/server/organizations';
import { TerritoryService } from '@convergence/server/territories';
import type { Locale } from '@convergence/shared/domain';
import type { ObjectLiteral } from 'typeorm';
import type { CellContext, ExportDefinition } from './csv-columns';
import { labelOf, yesNo } from './csv-labels';

/** Rows per statement: bounded memory, and a few statements for the largest territory. */
const BATCH_SIZE = 500;

@Injectable()
export class CsvExportService {
  private readonly logger = new Logger(CsvExportService.name);

  constructor(
    private readonly organizations: OrganizationService,
    private readonly territories: TerritoryService,
  ) {}

  /**
   * Streams every row of a list's query as a CSV download: UTF-8 with a byte order mark (so that
   * Excel shows Arabic), headers in `locale`. Rows are read in keyset batches; names of the
   * organisations and territories they mention are fetched once per batch.
   */
  async send<Row extends ObjectLiteral & { id: string }>(
    response: Response,
    definition: ExportDefinition<Row>,
    { query, sort }: ListQuery<Row>,
    locale: Locale,
  ): Promise<void> {
    const today = todayInMorocco();
    const fileName = `${definition.fileName[locale]}-${today}.csv`;
    response.status(200);
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader(
      'content-disposition',
      `attachment; filename="${definition.fileName.en}-${today}.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    response.setHeader('cache-control', 'no-store');
    const rowsWithNames = this.withNames(definition, keysetBatches(query, sort, BATCH_SIZE), locale);
    try {
      await writeCsv(
        response,
        definition.columns.map((column) => column.header[locale]),
        rowsWithNames,
        ([row, cell]) => definition.columns.map((column): CsvValue => column.value(row, cell)),
      );
      response.end();
    } catch (error) {
      // Headers are gone: the only honest signal left is a broken download, not a truncated file.
      this.logger.error(`CSV export failed: ${(error as Error).message}`, (error as Error).stack);
      response.destroy(error as Error);
    }
  }

  private async *withNames<Row>(
    definition: ExportDefinition<Row>,
    batches: AsyncIterable<Row[]>,
    locale: Locale,
  ): AsyncGenerator<[Row, CellContext][]> {
    for await (const rows of batches) {
      const references = rows.map(definition.references);
      const organizationIds = uniqueValues(references.flatMap((r) => r.organizationIds));
      const territoryCodes = uniqueValues(references.flatMap((r) => r.territoryCodes));
      const [organizations, territories] = await Promise.all([
        organizationIds.length ? this.organizations.findByIds(organizationIds) : [],
        territoryCodes.length ? this.territories.findByCodes(territoryCodes) : [],
      ]);
      const organizationNames = new Map(organizations.map((o) => [o.id, o.name]));
      // Territories have official French and Arabic names; English readers get the French one.
      const territoryNames = new Map(territories.map((t) => [t.code, locale === 'ar' ? t.nameAr : t.nameFr]));
      const cell: CellContext = {
        locale,
        organization: (id) => (id ? (organizationNames.get(id) ?? null) : null),
        territory: (code) => (code ? (territoryNames.get(code) ?? null) : null),
        label: (labels, code) => labelOf(labels, code, locale),
        yesNo: (value) => yesNo(value, locale),
      };
      yield rows.map((row) => [row, cell]);
    }
  }
}
