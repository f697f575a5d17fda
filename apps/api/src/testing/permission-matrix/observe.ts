import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import WebSocket from 'ws';
import type { GraphqlResponse, TestApi } from '../test-api';
import type { Outcome, Persona, Place, Scope, World } from './world';

/** Everything a case needs to build its request. */
export interface CaseContext {
  api: TestApi;
  dataSource: DataSource;
  world: World;
  persona: Persona;
  /** The persona's bearer token; none for the anonymous visitor. */
  token: string | undefined;
  scope: Scope | null;
  /** Where the case's objects lie: the persona's home, or the other region when `outside`. */
  place: Place;
  /** The row planned for this case, for a write on an existing object. */
  target: string;
}

/** The result of a request without errors, as `judge` reads it. */
export type Data = Record<string, unknown>;

export interface PreparedRequest {
  query: string;
  variables: Record<string, unknown>;
  /** Another bearer token than the persona's (null: none). */
  token?: string | null;
  /** Another way than POST /graphql to send it (a subscription: `overWebSocket`). */
  send?: (token: string | undefined) => Promise<GraphqlResponse>;
  /**
   * For a write on an existing object: the same variables naming an id that exists nowhere. A
   * refusal that comes the same way for it does not depend on the object, so it reveals nothing.
   */
  missing?: Record<string, unknown>;
  /**
   * A response without errors: true when it shows the object or made the change (ALLOWED), false
   * when it shows nothing of it (HIDDEN), or what is wrong with it.
   */
  judge: (data: Data) => boolean | string | Promise<boolean | string>;
}

/** A refusal that comes the same for an id that does not exist: the persona may never do this. */
export const FORBIDDEN_WHATEVER_THE_ID = 'FORBIDDEN (the same for an id that does not exist)';

/** A random id: no row has it. */
export function missingId(): string {
  return randomUUID();
}

/**
 * Runs one request and says what it came to: an Outcome, FORBIDDEN_WHATEVER_THE_ID, or a
 * description of anything else (another error code, data along with an error, a half-answer).
 */
export async function observe(ctx: CaseContext, request: PreparedRequest): Promise<string> {
  const token = request.token === undefined ? ctx.token : (request.token ?? undefined);
  const response = request.send
    ? await request.send(token)
    : await ctx.api.graphql(request.query, request.variables, { token });
  const error = response.errors?.[0];
  if (!error) {
    const judged = await request.judge(response.data ?? {});
    return judged === true ? 'ALLOWED' : judged === false ? 'HIDDEN' : judged;
  }
  const code = error.extensions?.code ?? 'no code';
  if (Object.values(response.data ?? {}).some((value) => value !== null)) {
    return `${code} with data: ${JSON.stringify(response.data)}`;
  }
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'NOT_FOUND':
      return 'HIDDEN';
    case 'FORBIDDEN': {
      if (!request.missing) return 'FORBIDDEN';
      const again = await ctx.api.graphql(request.query, request.missing, { token });
      return again.errors?.[0]?.extensions?.code === 'FORBIDDEN' ? FORBIDDEN_WHATEVER_THE_ID : 'FORBIDDEN';
    }
    default:
      return `${code}: ${error.message} ${JSON.stringify(error.extensions?.fields ?? '')}`;
  }
}

/**
 * What `observed` counts as, given what was `expected`. A refusal that does not depend on the object
 * (the persona may never make that write, whatever the id) is both FORBIDDEN and HIDDEN: a denied
 * write is FORBIDDEN, and it reveals nothing of an object the persona may not read (API.md: "exactly
 * as if it did not exist").
 */
export function verdict(expected: Outcome, observed: string): string {
  if (observed === FORBIDDEN_WHATEVER_THE_ID && (expected === 'FORBIDDEN' || expected === 'HIDDEN')) {
    return expected;
  }
  return observed;
}

/** The one object a single read answers: itself (true), null (false), or something else. */
export function sameObject(value: unknown, id: string): boolean | string {
  if (value === null) return false;
  return (value as { id?: string }).id === id || `another object: ${JSON.stringify(value)}`;
}

/** A list filtered down to the fixture: exactly it, counted (true), or nothing, counted 0 (false). */
export function onlyObject(
  connection: { totalCount: number; edges: { node: { id: string } }[] },
  id: string,
): boolean | string {
  const ids = connection.edges.map((edge) => edge.node.id);
  if (ids.length === 1 && ids[0] === id && connection.totalCount === 1) return true;
  if (ids.length === 0 && connection.totalCount === 0) return false;
  return `the list holds ${JSON.stringify(ids)}, totalCount ${connection.totalCount}`;
}

/** How long a subscription must stay quiet, once the connection is acknowledged, to count as accepted. */
const QUIET_MS = 300;
/** Beyond this, nothing at all came: the case fails rather than hangs. */
const GIVE_UP_MS = 5_000;

/**
 * A subscription over graphql-ws (Apollo refuses one over HTTP POST), the token sent as
 * `connectionParams.authorization` as the web app does: its first message (a refusal comes as one,
 * with the error's code), or, when none comes within QUIET_MS of the server acknowledging the
 * connection, neither data nor errors: the subscription was accepted and waits for events.
 */
export function overWebSocket(
  api: TestApi,
  query: string,
  token: string | undefined,
): Promise<GraphqlResponse> {
  // `status: 0` below: no HTTP status, the answer comes over the socket.
  return new Promise((resolve) => {
    let settled = false;
    let quiet: NodeJS.Timeout | undefined;
    const client = createClient({
      url: api.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      on: { connected: () => (quiet = setTimeout(() => finish({ status: 0, data: {} }), QUIET_MS)) },
    });
    const giveUp = setTimeout(
      () => finish({ status: 0, errors: [{ message: `no answer in ${GIVE_UP_MS} ms` }] }),
      GIVE_UP_MS,
    );
    const finish = (response: GraphqlResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(quiet);
      clearTimeout(giveUp);
      void client.dispose();
      resolve(response);
    };
    client.subscribe(
      { query },
      {
        next: (result) => finish({ status: 0, ...(result as Omit<GraphqlResponse, 'status'>) }),
        error: (error) =>
          finish({
            status: 0,
            errors: Array.isArray(error)
              ? (error as GraphqlResponse['errors'])
              : [
                  {
                    message: `the connection failed: ${String((error as { reason?: string }).reason ?? error)}`,
                  },
                ],
          }),
        complete: () => finish({ status: 0, errors: [{ message: 'completed without a message' }] }),
      },
    );
  });
}
