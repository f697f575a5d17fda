import { startTestApi, type TestApi } from './testing/test-api';

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
      commitments: { totalCount: number; edges: { node: { title: string } }[] };
    }>(
      'query ($filter: CommitmentFilter) { commitments(filter: $filter, first: 100) { totalCount edges { node { title } } } }',
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
