import { withServer } from '@convergence/server/core/testing';
import { startTestApi, type TestApi } from './testing/test-api';
import { freePort } from './testing/free-port';

interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** POST /graphql with any body, as a misbehaving client would send it. */
async function post(api: TestApi, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // Left undefined: the assertions say that JSON was expected.
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

async function getHealth(api: TestApi): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${api.url}/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function expectNoInternals(response: RawResponse): void {
  expect(response.text).not.toMatch(/stack|exception/i);
  expect(response.text).not.toMatch(/node_modules|\.ts:\d+/);
}

describe('GraphQL over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ demo: true });
  });
  afterAll(() => api.close());

  describe('request errors', () => {
    it('a syntax error is HTTP 400 GRAPHQL_PARSE_FAILED, worded in French by default, without internals', async () => {
      const response = await post(api, JSON.stringify({ query: '{ me { id ' }));
      expect(response.status).toBe(400);
      expect(response.contentType).toMatch(/json/);
      expect(response.json.errors).toHaveLength(1);
      expect(response.json.errors[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
      expect(response.json.errors[0].message).toMatch(/^Requête invalide : Syntax Error/);
      expect(response.json.data).toBeUndefined();
      expectNoInternals(response);
    });

    it('a syntax error is worded in English or Arabic when Accept-Language asks for it', async () => {
      const english = await post(api, JSON.stringify({ query: '{ me { id ' }), { 'accept-language': 'en' });
      expect(english.json.errors[0].message).toMatch(/^Invalid request: Syntax Error/);
      const arabic = await post(api, JSON.stringify({ query: '{ me { id ' }), { 'accept-language': 'ar-MA' });
      expect(arabic.json.errors[0].message).toMatch(/^طلب غير صالح: Syntax Error/);
    });

    it('an unknown field is HTTP 400 GRAPHQL_VALIDATION_FAILED naming the field', async () => {
      const response = await post(api, JSON.stringify({ query: '{ territories { code nickname } }' }));
      expect(response.status).toBe(400);
      expect(response.json.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
      expect(response.json.errors[0].message).toMatch(/^Requête invalide : .*"nickname"/);
      expectNoInternals(response);
    });

    it('a variable of the wrong type is BAD_USER_INPUT, before any resolver runs', async () => {
      const response = await post(
        api,
        JSON.stringify({
          query: 'query ($code: String!) { territory(code: $code) { code } }',
          variables: { code: 6 },
        }),
      );
      expect(response.status).toBe(400);
      expect(response.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(response.json.errors[0].message).toMatch(/^Requête invalide : .*\$code/);
      expect(response.json.data).toBeUndefined();
      expectNoInternals(response);
    });

    it('a body over 1 MB is HTTP 413 PAYLOAD_TOO_LARGE, worded for the reader, and the api goes on serving', async () => {
      const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } });
      const french = await post(api, body);
      expect(french.status).toBe(413);
      expect(french.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      expect(french.json.errors[0].message).toBe('La requête dépasse la taille maximale autorisée (1 MB).');
      expectNoInternals(french);

      const english = await post(api, body, { 'accept-language': 'en' });
      expect(english.status).toBe(413);
      expect(english.json.errors[0].message).toBe('The request is larger than the allowed maximum (1 MB).');

      const next = await post(api, JSON.stringify({ query: '{ __typename }' }));
      expect(next.status).toBe(200);
      expect(next.json).toEqual({ data: { __typename: 'Query' } });
    });

    it('a body just under 1 MB is still accepted', async () => {
      const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_000_000) } });
      const response = await post(api, body);
      expect(response.status).toBe(200);
      expect(response.json.data).toEqual({ __typename: 'Query' });
    });

    it('a malformed JSON body is HTTP 400 with a JSON error in the GraphQL shape', async () => {
      const response = await post(api, '{"query": "{ __typename }"');
      expect(response.status).toBe(400);
      expect(response.contentType).toMatch(/application\/json/);
      expect(response.json.errors).toHaveLength(1);
      expect(response.json.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(response.json.errors[0].message).toBe(
        'Le corps de la requête n’est pas du JSON valide en UTF-8.',
      );
      expectNoInternals(response);
    });

    it('a POST that a browser could send cross-site (text/plain) is blocked and not executed', async () => {
      const response = await post(api, JSON.stringify({ query: 'mutation { logout }' }), {
        'content-type': 'text/plain',
      });
      expect(response.status).toBe(400);
      expect(response.json.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(response.json.data).toBeUndefined();
      expectNoInternals(response);
    });

    it('a GET without a preflight header is blocked; with one, a query is served', async () => {
      const query = encodeURIComponent('{ __typename }');
      const blocked = await fetch(`${api.url}/graphql?query=${query}`);
      expect(blocked.status).toBe(400);
      const allowed = await fetch(`${api.url}/graphql?query=${query}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(allowed.status).toBe(200);
      expect(await allowed.json()).toEqual({ data: { __typename: 'Query' } });
    });

    it('an error inside an operation is answered with 200 and the data that could be read', async () => {
      const response = await post(
        api,
        JSON.stringify({ query: '{ __typename territory(code: "06") { code } }' }),
      );
      expect(response.status).toBe(200);
      expect(response.json.data).toEqual({ __typename: 'Query', territory: null });
      expect(response.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('GET /health', () => {
    it('is 200 with the database and Redis up', async () => {
      const { status, body } = await getHealth(api);
      expect(status).toBe(200);
      expect(body).toEqual({
        status: 'ok',
        database: { status: 'up', latencyMs: expect.any(Number) },
        redis: { status: 'up', latencyMs: expect.any(Number) },
      });
    });

    it('needs no token but serves nothing else: /graphql still requires one', async () => {
      const response = await post(api, JSON.stringify({ query: '{ me { id } }' }));
      expect(response.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });
});

describe('the api without Redis', () => {
  let api: TestApi;
  let redisUrl: string;
  beforeAll(async () => {
    redisUrl = `redis://127.0.0.1:${await freePort()}`;
    api = await startTestApi({ demo: true, env: { REDIS_URL: redisUrl } });
  });
  afterAll(() => api.close());

  it('starts, and /health is 200 "degraded" with redis down and the database up', async () => {
    const { status, body } = await getHealth(api);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'degraded', database: { status: 'up' }, redis: { status: 'down' } });
    // The reason is logged, not shown to whoever asks.
    expect(body['redis']).toEqual({ status: 'down' });
  });

  it('still signs people in and answers their queries', async () => {
    const token = await api.signIn('sao@demo.convergence.ma');
    const response = await api.graphql<{ me: { email: string } }>('{ me { email } }', {}, { token });
    expect(response.errors).toBeUndefined();
    expect(response.data?.me.email).toBe('sao@demo.convergence.ma');
  });

  it('still refuses a wrong password', async () => {
    const response = await api.graphql(
      'mutation { login(email: "sao@demo.convergence.ma", password: "wrong-password") { accessToken } }',
    );
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the api when its database stops answering', () => {
  let api: TestApi;
  let database: string;
  const allowConnections = (allowed: boolean) =>
    withServer(async (client) => {
      await client.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS ${allowed}`);
      if (!allowed) {
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
          database,
        ]);
      }
    });

  beforeAll(async () => {
    api = await startTestApi();
    database = new URL(api.databaseUrl).pathname.slice(1);
  });
  afterAll(async () => {
    await allowConnections(true);
    await api.close();
  });

  it('reports /health 503 "down", then 200 "ok" again once the database is back', async () => {
    expect((await getHealth(api)).status).toBe(200);

    // TypeORM warns on the console for each pooled connection the server ends; expected here.
    const quiet = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    let down: Awaited<ReturnType<typeof getHealth>>;
    try {
      await allowConnections(false);
      down = await getHealth(api);
    } finally {
      quiet.mockRestore();
    }
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'down',
      database: { status: 'down' },
      redis: { status: 'up' },
    });
    expect(down.body['database']).toEqual({ status: 'down' });

    await allowConnections(true);
    const back = await getHealth(api);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });
});
