import { PassThrough } from 'node:stream';
import { csvRecord, UTF8_BOM, writeCsv } from './csv';

describe('csvRecord', () => {
  it('quotes separators, quotes and line breaks, and leaves plain values alone', () => {
    expect(csvRecord(['Lakhyayta', 'Pôle "Sud", tranche 1', 'a\nb', 12.5, null])).toBe(
      'Lakhyayta,"Pôle ""Sud"", tranche 1","a\nb",12.5,\r\n',
    );
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(csvRecord(['=HYPERLINK("x")', '-1+2', '@SUM(A1)'])).toBe(
      `"'=HYPERLINK(""x"")",'-1+2,'@SUM(A1)\r\n`,
    );
  });

  it('keeps Arabic text as it is', () => {
    expect(csvRecord(['الدار البيضاء-سطات'])).toBe('الدار البيضاء-سطات\r\n');
  });
});

describe('writeCsv', () => {
  it('writes the byte order mark, the header and every batch in order', async () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    async function* batches() {
      yield [{ code: 'P1' }, { code: 'P2' }];
      yield [{ code: 'P3' }];
    }
    const count = await writeCsv(out, ['Code'], batches(), (row) => [row.code]);
    out.end();
    expect(count).toBe(3);
    expect(chunks.join('')).toBe(`${UTF8_BOM}Code\r\nP1\r\nP2\r\nP3\r\n`);
  });
});
