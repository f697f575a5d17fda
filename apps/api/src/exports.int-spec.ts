import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from './testing/test-api';

type Lang = 'fr' | 'ar' | 'en';

/** The web client's words for the codes (`commitmentKind.LAND`…): the CSV must say what the screen says. */
const webWords = (lang: Lang) =>
  JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'web', 'public', 'i18n', `${lang}.json`), 'utf8'),
  ) as Record<string, Record<string, string>>;

/** The fields of one RFC 4180 record without line breaks: commas inside quotes are not separators. */
function fieldsOf(record: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < record.length; index++) {
    const char = record[index];
    if (quoted && char === '"' && record[index + 1] === '"') {
      field += '"';
      index++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  return [...fields, field];
}

/** A downloaded CSV's rows as objects keyed by its headers. */
function rowsOf(records: string[]): Record<string, string>[] {
  const [header, ...rows] = records.map(fieldsOf);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
}

/** A downloaded CSV: status, headers, and the records split on CRLF (no quoted line breaks in demo data). */
async function download(api: TestApi, path: string, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const body = Buffer.from(await response.arrayBuffer());
  const text = body.toString('utf8');
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    startsWithBom: body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])),
    text,
    records: text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean),
  };
}

const query = (filter: object) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

describe('CSV exports', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    for (const persona of ['ministere', 'elu', 'elu.marrakech']) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
  }, 60_000);

  afterAll(() => api.close());

  it('exports the late commitments of Casablanca-Settat exactly as the list shows them, for Excel', async () => {
    const filter = { territoryCode: '06', late: true };
    const list = await api.graphql<{
      commitments: {
        totalCount: number;
        edges: { node: { title: string; kind: string; status: string; late: boolean } }[];
      };
    }>(
      'query ($filter: CommitmentFilter) { commitments(filter: $filter, first: 100) { totalCount edges { node { title kind status late } } } }',
      { filter },
      { token: tokens['ministere'] },
    );
    const csv = await download(api, `/exports/commitments.csv?${query(filter)}`, tokens['ministere']);

    expect(csv.status).toBe(200);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toMatch(/^attachment; filename="commitments-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csv.startsWithBom).toBe(true);
    expect(csv.records[0].split(',').slice(0, 4)).toEqual([
      'Engagement',
      'Organisme engagé',
      'Nature',
      'Statut',
    ]);
    const rows = csv.records.slice(1);
    expect(list.data?.commitments.totalCount).toBeGreaterThan(0);
    expect(rows).toHaveLength(list.data?.commitments.totalCount ?? -1);
    const titles = list.data?.commitments.edges.map((edge) => edge.node.title) ?? [];
    rows.forEach((row, index) =>
      expect(row.startsWith(titles[index]) || row.startsWith(`"${titles[index]}`)).toBe(true),
    );
    // Codes and yes/no as the reader reads them on screen, not `LAND`, `IN_PROGRESS` or `1`.
    const words = webWords('fr');
    expect(rowsOf(csv.records).map((row) => [row['Nature'], row['Statut'], row['En retard']])).toEqual(
      list.data?.commitments.edges.map(({ node }) => [
        words['commitmentKind'][node.kind],
        words['commitmentStatus'][node.status],
        'Oui',
      ]),
    );
  });

  describe.each([
    { lang: 'fr' as const, yes: 'Oui', no: 'Non' },
    { lang: 'ar' as const, yes: 'نعم', no: 'لا' },
    { lang: 'en' as const, yes: 'Yes', no: 'No' },
  ])('in $lang', ({ lang, yes, no }) => {
    const words = webWords(lang);
    const yesNo = (value: boolean) => (value ? yes : no);

    it('writes the commitments’ kind, status and lateness as words', async () => {
      const filter = { territoryCode: '06' };
      const list = await api.graphql<{
        commitments: {
          totalCount: number;
          edges: { node: { kind: string; status: string; late: boolean } }[];
        };
      }>(
        'query ($filter: CommitmentFilter) { commitments(filter: $filter, first: 100) { totalCount edges { node { kind status late } } } }',
        { filter },
        { token: tokens['ministere'] },
      );
      const csv = await download(
        api,
        `/exports/commitments.csv?lang=${lang}&${query(filter)}`,
        tokens['ministere'],
      );
      const [kind, status, late] = fieldsOf(csv.records[0]).slice(2, 5);
      const nodes = list.data?.commitments.edges.map((edge) => edge.node) ?? [];
      expect(nodes.length).toBe(list.data?.commitments.totalCount);
      expect(nodes.some((node) => node.late) && nodes.some((node) => !node.late)).toBe(true);
      expect(rowsOf(csv.records).map((row) => [row[kind], row[status], row[late]])).toEqual(
        nodes.map((node) => [
          words['commitmentKind'][node.kind],
          words['commitmentStatus'][node.status],
          yesNo(node.late),
        ]),
      );
    });

    it('writes the projects’ type, status and health as words', async () => {
      const list = await api.graphql<{
        projects: {
          totalCount: number;
          edges: { node: { code: string; type: string; status: string; health: string | null } }[];
        };
      }>(
        '{ projects(first: 100) { totalCount edges { node { code type status health } } } }',
        {},
        {
          token: tokens['ministere'],
        },
      );
      const csv = await download(api, `/exports/projects.csv?lang=${lang}`, tokens['ministere']);
      const [code, , type, status, health] = fieldsOf(csv.records[0]);
      const nodes = list.data?.projects.edges.map((edge) => edge.node) ?? [];
      expect(nodes.length).toBe(list.data?.projects.totalCount);
      expect(rowsOf(csv.records).map((row) => [row[code], row[type], row[status], row[health]])).toEqual(
        nodes.map((node) => [
          node.code,
          words['projectType'][node.type],
          words['projectStatus'][node.status],
          node.health ? words['health'][node.health] : '',
        ]),
      );
    });

    it('writes the actions’ priority, status, lateness and reason as words', async () => {
      const list = await api.graphql<{
        actions: {
          totalCount: number;
          edges: {
            node: { priority: string; status: string; overdue: boolean; statusReasonCode: string | null };
          }[];
        };
      }>(
        '{ actions(first: 100) { totalCount edges { node { priority status overdue statusReasonCode } } } }',
        {},
        { token: tokens['ministere'] },
      );
      const csv = await download(api, `/exports/actions.csv?lang=${lang}`, tokens['ministere']);
      const header = fieldsOf(csv.records[0]);
      const [priority, status, overdue] = header.slice(4, 7);
      const reason = header[9];
      const nodes = list.data?.actions.edges.map((edge) => edge.node) ?? [];
      expect(nodes.length).toBe(list.data?.actions.totalCount);
      expect(nodes.some((node) => node.statusReasonCode)).toBe(true);
      expect(
        rowsOf(csv.records).map((row) => [row[priority], row[status], row[overdue], row[reason]]),
      ).toEqual(
        nodes.map((node) => [
          words['actionPriority'][node.priority],
          words['actionStatus'][node.status],
          yesNo(node.overdue),
          node.statusReasonCode ? words['reasonCode'][node.statusReasonCode] : '',
        ]),
      );
    });
  });

  it('writes headers and territory names in Arabic when asked', async () => {
    const csv = await download(
      api,
      `/exports/projects.csv?lang=ar&${query({ territoryCode: '06' })}`,
      tokens['elu'],
    );
    expect(csv.status).toBe(200);
    expect(csv.records[0].split(',')[0]).toBe('الرمز');
    expect(csv.text).toContain('الدار البيضاء');
  });

  it('follows the reader’s scope: Marrakech-Safi’s elected official gets only Marrakech-Safi projects', async () => {
    const list = await api.graphql<{ projects: { totalCount: number } }>(
      '{ projects(first: 1) { totalCount } }',
      {},
      { token: tokens['elu.marrakech'] },
    );
    const csv = await download(api, '/exports/projects.csv', tokens['elu.marrakech']);
    expect(csv.records.length - 1).toBe(list.data?.projects.totalCount);
    expect(csv.text).not.toContain('SAO-CS');
    const ofCasablanca = await download(
      api,
      `/exports/actions.csv?${query({ territoryCode: '06' })}`,
      tokens['elu.marrakech'],
    );
    expect(ofCasablanca.records).toHaveLength(1);
  });

  it('refuses an anonymous download', async () => {
    const csv = await download(api, '/exports/projects.csv');
    expect(csv.status).toBe(401);
    expect(JSON.parse(csv.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers bad filters with the list’s own field messages, in the reader’s language', async () => {
    const notJson = await download(api, '/exports/projects.csv?filter=%7Bnope', tokens['ministere']);
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.text).errors[0].extensions.fields).toEqual([
      { field: 'filter', message: 'Valeur invalide.' },
    ]);
    const badStatus = await download(
      api,
      `/exports/commitments.csv?${query({ dueBefore: '2026-02-30' })}`,
      tokens['ministere'],
      { 'accept-language': 'en' },
    );
    expect(badStatus.status).toBe(400);
    expect(JSON.parse(badStatus.text).errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'filter.dueBefore', message: 'A date as YYYY-MM-DD is expected.' }],
    });
  });
});
