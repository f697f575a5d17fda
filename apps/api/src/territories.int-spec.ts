import { TerritoryImportService } from '@convergence/server/territories';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from './testing/test-api';

const DATA_DIR = resolve('data/morocco/attributes');
const CSV_FILES = ['regions.csv', 'provinces.csv', 'communes.csv'];

interface Territory {
  code: string;
  kind: string;
  nameFr: string;
  nameAr: string;
  population: number | null;
}

const TERRITORIES = `query ($parentCode: String, $kind: TerritoryKind) {
  territories(parentCode: $parentCode, kind: $kind) { code kind nameFr nameAr population }
}`;

/** A copy of the dataset to corrupt, removed after the test. */
function copyOfDataset(): string {
  const directory = mkdtempSync(join(tmpdir(), 'convergence-territories-'));
  for (const file of CSV_FILES) copyFileSync(join(DATA_DIR, file), join(directory, file));
  return directory;
}

function editLine(file: string, lineNumber: number, edit: (line: string) => string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[lineNumber - 1] = edit(lines[lineNumber - 1]);
  writeFileSync(file, lines.join('\n'));
}

describe('territories (reference data)', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let token: string;
  let arabicReaderToken: string;
  const temporaryDirectories: string[] = [];

  /** Content and row versions (xmin) of the whole table: equal means not a single row was written. */
  async function tableState(): Promise<{ rows: number; content: string; versions: string }> {
    const [state]: { rows: string; content: string; versions: string }[] = await dataSource.query(
      `SELECT count(*) AS rows,
              md5(string_agg(t::text, '|' ORDER BY code)) AS content,
              md5(string_agg(code || ':' || xmin::text, '|' ORDER BY code)) AS versions
       FROM territory t`,
    );
    return { rows: Number(state.rows), content: state.content, versions: state.versions };
  }

  const territories = (variables: Record<string, unknown>, as = token) =>
    api.graphql<{ territories: Territory[] }>(TERRITORIES, variables, { token: as });

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    token = await api.signIn('elu@demo.convergence.ma');
    arabicReaderToken = await api.signIn('elu.marrakech@demo.convergence.ma');
  });
  afterAll(async () => {
    for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
    await api.close();
  });

  describe('the imported dataset', () => {
    it('holds 12 regions, 83 prefectures/provinces and 1,503 communes', async () => {
      const rows: { kind: string; count: string }[] = await dataSource.query(
        'SELECT kind, count(*) AS count FROM territory GROUP BY kind',
      );
      const counts = Object.fromEntries(rows.map((row) => [row.kind, Number(row.count)]));
      expect(counts['REGION']).toBe(12);
      expect(counts['PREFECTURE'] + counts['PROVINCE'] + counts['PREFECTURE_OF_ARRONDISSEMENTS']).toBe(83);
      expect(counts['PREFECTURE_OF_ARRONDISSEMENTS']).toBe(8);
      expect(counts['COMMUNE']).toBe(1503);
      expect(Object.keys(counts).sort()).toEqual(
        ['COMMUNE', 'PREFECTURE', 'PREFECTURE_OF_ARRONDISSEMENTS', 'PROVINCE', 'REGION'].sort(),
      );
    });

    it('places every territory under its parent: path = parent path + own code', async () => {
      const [{ broken }]: { broken: string }[] = await dataSource.query(
        `SELECT count(*) AS broken FROM territory t LEFT JOIN territory p ON p.code = t.parent_code
         WHERE t.path <> coalesce(p.path, '') || t.code || '/'
            OR (t.kind = 'REGION') <> (t.parent_code IS NULL)`,
      );
      expect(Number(broken)).toBe(0);
    });
  });

  describe('TerritoryImportService.import', () => {
    it('run again on the same dataset inserts nothing, updates nothing and writes no row', async () => {
      const before = await tableState();
      const result = await api.app.get(TerritoryImportService).import(DATA_DIR);
      expect(result).toEqual({ inserted: 0, updated: 0, unchanged: 1598 });
      expect(await tableState()).toEqual(before);
      expect(before.rows).toBe(1598);
    });

    it('rejects a corrupted file naming the file and the line, and leaves the table as it was', async () => {
      const directory = copyOfDataset();
      temporaryDirectories.push(directory);
      // A change early in the data, so that a partial import would show in the table.
      editLine(join(directory, 'regions.csv'), 7, (line) =>
        line.replace('Casablanca-Settat', 'Casablanca-Settat modifiée'),
      );
      editLine(join(directory, 'communes.csv'), 500, (line) => line.slice(0, line.lastIndexOf(',')));
      const before = await tableState();

      await expect(api.app.get(TerritoryImportService).import(directory)).rejects.toThrow(
        `${join(directory, 'communes.csv')}:500: 14 fields, expected 15`,
      );
      expect(await tableState()).toEqual(before);
    });

    it('is all or nothing: a row the database refuses in the last batch undoes the earlier batches', async () => {
      const directory = copyOfDataset();
      temporaryDirectories.push(directory);
      editLine(join(directory, 'regions.csv'), 7, (line) =>
        line.replace('Casablanca-Settat', 'Casablanca-Settat modifiée'),
      );
      const communes = readFileSync(join(directory, 'communes.csv'), 'utf8').trimEnd().split('\n');
      // The last commune gets a French name longer than the column allows (160).
      editLine(join(directory, 'communes.csv'), communes.length, (line) => {
        const cells = line.split(',');
        cells[3] = 'x'.repeat(200);
        return cells.join(',');
      });
      const before = await tableState();

      // TypeORM prints the failing statement with its 16,000 parameters; keep the test output readable.
      const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        await expect(api.app.get(TerritoryImportService).import(directory)).rejects.toThrow(/too long/);
      } finally {
        quiet.mockRestore();
      }
      expect(await tableState()).toEqual(before);
      const [region]: { name_fr: string }[] = await dataSource.query(
        `SELECT name_fr FROM territory WHERE code = '06'`,
      );
      expect(region.name_fr).toBe('Casablanca-Settat');
    });

    it('updates a row whose data changed, and only that one', async () => {
      const directory = copyOfDataset();
      temporaryDirectories.push(directory);
      editLine(join(directory, 'regions.csv'), 7, (line) =>
        line.replace('Casablanca-Settat', 'Casablanca-Settat (test)'),
      );
      const importer = api.app.get(TerritoryImportService);

      expect(await importer.import(directory)).toEqual({ inserted: 0, updated: 1, unchanged: 1597 });
      const [region]: { name_fr: string }[] = await dataSource.query(
        `SELECT name_fr FROM territory WHERE code = '06'`,
      );
      expect(region.name_fr).toBe('Casablanca-Settat (test)');

      // Back to the real dataset, for the other tests of this file.
      expect(await importer.import(DATA_DIR)).toEqual({ inserted: 0, updated: 1, unchanged: 1597 });
    });
  });

  describe('GraphQL territories and territory', () => {
    it('without an argument lists the 12 regions with their French and Arabic names', async () => {
      const response = await territories({});
      expect(response.errors).toBeUndefined();
      const regions = response.data?.territories ?? [];
      expect(regions.map((t) => t.code)).toEqual([
        '01',
        '02',
        '03',
        '04',
        '05',
        '06',
        '07',
        '08',
        '09',
        '10',
        '11',
        '12',
      ]);
      for (const region of regions) {
        expect(region.kind).toBe('REGION');
        expect(region.nameFr).not.toBe('');
        expect(region.nameAr).toMatch(/[\u0600-\u06FF]/);
      }
      expect(regions.find((t) => t.code === '06')).toEqual({
        code: '06',
        kind: 'REGION',
        nameFr: 'Casablanca-Settat',
        nameAr: 'الدار البيضاء-سطات',
        population: 7688967,
      });
    });

    it('parentCode 06 gives its 9 prefectures and provinces', async () => {
      const response = await territories({ parentCode: '06' });
      expect(response.errors).toBeUndefined();
      const children = response.data?.territories ?? [];
      expect(children.map((t) => t.code).sort()).toEqual(
        ['06.111', '06.117', '06.141', '06.181', '06.355', '06.371', '06.385', '06.461', '06.467'].sort(),
      );
      expect(new Set(children.map((t) => t.kind))).toEqual(new Set(['PREFECTURE', 'PROVINCE']));
      expect(children.find((t) => t.code === '06.141')?.nameFr).toBe('Casablanca');
    });

    it('parentCode 06 with kind COMMUNE gives the 153 communes of the whole region', async () => {
      const response = await territories({ parentCode: '06', kind: 'COMMUNE' });
      expect(response.errors).toBeUndefined();
      const communes = response.data?.territories ?? [];
      expect(communes).toHaveLength(153);
      expect(communes.every((t) => t.kind === 'COMMUNE' && t.code.startsWith('06.'))).toBe(true);
      expect(communes.map((t) => t.code)).toContain('06.141.01.0');
    });

    it('parentCode with kind lists what lies under the parent, not the parent itself', async () => {
      // Casablanca (06.141) is itself a PREFECTURE; under it there are only préfectures d'arrondissements and communes.
      const prefectures = await territories({ parentCode: '06.141', kind: 'PREFECTURE' });
      expect(prefectures.errors).toBeUndefined();
      expect(prefectures.data?.territories.map((t) => t.code)).toEqual([]);

      const regions = await territories({ parentCode: '06', kind: 'REGION' });
      expect(regions.data?.territories.map((t) => t.code)).toEqual([]);
    });

    it('kind alone gives every territory of that kind', async () => {
      const response = await territories({ kind: 'PREFECTURE_OF_ARRONDISSEMENTS' });
      expect(response.errors).toBeUndefined();
      const codes = (response.data?.territories ?? []).map((t) => t.code);
      expect(codes).toHaveLength(8);
      expect(codes.every((code) => code.startsWith('06.141.01.'))).toBe(true);
    });

    it('territory(code) climbs its parents: commune → prefecture → region → null', async () => {
      const response = await api.graphql<{
        territory: {
          code: string;
          kind: string;
          parent: { code: string; parent: { code: string; parent: null } };
        };
      }>(
        '{ territory(code: "06.141.01.0") { code kind nameFr parent { code parent { code parent { code } } } } }',
        {},
        { token },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.territory).toEqual({
        code: '06.141.01.0',
        kind: 'COMMUNE',
        nameFr: 'Casablanca',
        parent: { code: '06.141', parent: { code: '06', parent: null } },
      });
    });

    it('territory(code) of an unknown code is null, without an error', async () => {
      const response = await api.graphql('{ territory(code: "99") { code } }', {}, { token });
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ territory: null });
    });

    it('territories(parentCode) of an unknown code is NOT_FOUND, in the reader’s language', async () => {
      const french = await territories({ parentCode: '99' });
      expect(french.data ?? null).toBeNull();
      expect(french.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(french.errors?.[0].message).toBe('Territoire inconnu : « 99 ».');

      const arabic = await territories({ parentCode: '99' }, arabicReaderToken);
      expect(arabic.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(arabic.errors?.[0].message).toBe('إقليم غير معروف: «99».');
    });

    it('is refused to a signed-out visitor', async () => {
      const response = await api.graphql<{ territories: Territory[] }>(TERRITORIES, { parentCode: '06' });
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('subtree query', () => {
    it('"a territory and everything under it" is an index range scan on territory_path_idx', async () => {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        // With some 1,600 rows the planner may find a sequential scan just as cheap; switching it off
        // for this session asks whether the index *can* serve the LIKE prefix (it can only thanks to
        // the "C" collation of path), which is what this test is about.
        await runner.query('SET enable_seqscan = off');
        const plan: { 'QUERY PLAN': string }[] = await runner.query(
          'EXPLAIN SELECT code FROM territory WHERE path LIKE $1',
          ['06/06.141/%'],
        );
        const text = plan.map((row) => row['QUERY PLAN']).join('\n');
        expect(text).toContain('territory_path_idx');
        expect(text).toMatch(/Index Cond: .*path.* >= '06\/06\.141\/'/);
      } finally {
        await runner.query('RESET enable_seqscan');
        await runner.release();
      }
    });
  });
});
