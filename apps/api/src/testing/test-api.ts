import type { NestExpressApplication } from '@nestjs/platform-express';
import { DemoDataService } from '@convergence/server/demo';
import { loadConfig, type AppConfig } from '@convergence/server/core';
import { createTestDatabase } from '@convergence/server/core/testing';
import { createApi } from '../bootstrap';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; fields?: { field: string; message: string }[] };
  }[];
}

export interface TestApi {
  app: NestExpressApplication;
  url: string;
  databaseUrl: string;
  /** POST /graphql as a client would, with an optional bearer token and language. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; locale?: string },
  ): Promise<GraphqlResponse<T>>;
  /** Signs in a demo account and returns its access token. */
  signIn(email: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real api on a database of its own (cloned from the migrated template) and the real Redis,
 * listening on a free port. `demo: true` loads the demo organisations and accounts.
 */
export async function startTestApi(
  options: {
    demo?: boolean;
    env?: Record<string, string>;
    /**
     * Connections of the api's pool. 1 is what the embedded database allows (ADR 0002): a code path
     * that opens a second connection inside a transaction then fails instead of passing unnoticed.
     */
    poolSize?: number;
  } = {},
): Promise<TestApi> {
  const database = await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({
      JWT_SECRET: 'integration-tests-secret-of-at-least-32-chars',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DEMO_DATA: 'false',
      ...options.env,
    }),
  };
  const app = await createApi(config, { url: database.url, poolSize: options.poolSize ?? 4 });
  if (options.demo) await app.get(DemoDataService).seed();
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();

  const graphql: TestApi['graphql'] = async (query, variables, { token, locale } = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(locale ? { 'accept-language': locale } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };

  return {
    app,
    url,
    databaseUrl: database.url,
    graphql,
    async signIn(email) {
      const result = await graphql<{ login: { accessToken: string } }>(
        'mutation ($email: String!) { login(email: $email, password: "Convergence2026!") { accessToken } }',
        { email },
      );
      if (!result.data?.login)
        throw new Error(`sign-in of ${email} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.accessToken;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
