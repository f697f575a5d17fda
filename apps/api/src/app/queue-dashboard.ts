import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import {
  APP_CONFIG,
  isQueueReady,
  localeFromAcceptLanguage,
  producerQueue,
  translate,
  type Actor,
  type AppConfig,
  type MessageKey,
} from '@convergence/server/core';
import { QUEUES } from '@convergence/server/outbox';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

type BoardOptions = Parameters<typeof createBullBoard>[0];

/**
 * A browser cannot send a bearer header when it opens a page, so an administrator's app first calls
 * `POST /admin/queues/session` with the header: the access token comes back as this cookie, readable
 * by no script, sent only to the dashboard and never from another site, and gone when the token expires.
 */
const SESSION_COOKIE = 'convergence_queues';

/** How long a dashboard request waits for a Redis that has never answered before saying so. */
const REDIS_WAIT_MS = 1_000;

/**
 * bull-board on the platform's three queues, for administrators only. The api only looks: it runs no
 * worker. Its queues are producers (`producerQueue`): their commands fail at once while Redis is away,
 * so the dashboard answers with errors and the rest of the api is unaffected.
 */
@Injectable()
export class QueueDashboard implements OnApplicationShutdown {
  private readonly queues: Queue[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.queues = Object.values(QUEUES).map((name) => producerQueue(config, name));
  }

  /** Mounts the dashboard and its session route, before Nest's routes and the static web app. */
  mount(app: NestExpressApplication): void {
    const board = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: this.queues.map((queue) => new BullMQAdapter(queue)),
      // @bull-board/express 9.10.1 types against its own copy of @bull-board/api (the root has 9.10.2):
      // the same interface, declared twice. Pinning @bull-board/api to 9.10.1 makes this cast unneeded.
      serverAdapter: board as unknown as BoardOptions['serverAdapter'],
    });
    app.use(`${QUEUE_DASHBOARD_PATH}/session`, administratorOnly, openSession);
    app.use(QUEUE_DASHBOARD_PATH, administratorOnly, this.whileRedisAnswers, board.getRouter());
  }

  /**
   * A queue that has never reached Redis waits for it: answer 503 at once instead of leaving the
   * page hanging. (Once connected, a command during an outage fails by itself.)
   */
  private readonly whileRedisAnswers = (request: Request, response: Response, next: NextFunction): void => {
    void Promise.all(this.queues.map((queue) => isQueueReady(queue, REDIS_WAIT_MS))).then((ready) => {
      if (ready.every(Boolean)) return next();
      const message = translate(
        localeFromAcceptLanguage(request.headers['accept-language']),
        'error.queuesUnavailable',
      );
      response.status(503).json({ errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    });
  };

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.queues.map((queue) => queue.close()));
  }
}

function bearerToken(request: Request): string | undefined {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

function cookieToken(request: Request): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === SESSION_COOKIE && value.length) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function refuse(request: Request, response: Response, status: 401 | 403, key: MessageKey): void {
  const message = translate(localeFromAcceptLanguage(request.headers['accept-language']), key);
  const code = status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * The bearer header, else the session cookie, checked by the api's own `jwt` strategy (signature,
 * expiry, active user, sign-in not revoked); then the role. No token: 401; not an administrator: 403.
 */
function administratorOnly(request: Request, response: Response, next: NextFunction): void {
  const token = bearerToken(request) ?? cookieToken(request);
  if (!token) return refuse(request, response, 401, 'error.unauthenticated');
  // The strategy reads the header: a cookie's token is presented to it the same way.
  request.headers.authorization = `Bearer ${token}`;
  const verdict = (error: unknown, actor: Actor | false) => {
    if (error) return next(error);
    if (!actor) return refuse(request, response, 401, 'error.sessionExpired');
    if (actor.role !== 'ADMIN') return refuse(request, response, 403, 'error.forbidden');
    next();
  };
  (passport.authenticate('jwt', { session: false }, verdict) as (...args: unknown[]) => void)(
    request,
    response,
    next,
  );
}

/** `POST /admin/queues/session` with the bearer header: the cookie, for as long as the token lives. */
function openSession(request: Request, response: Response): void {
  const token = bearerToken(request);
  if (request.method !== 'POST' || !token) {
    response.status(405).set('allow', 'POST').end();
    return;
  }
  response
    .cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: QUEUE_DASHBOARD_PATH,
      maxAge: secondsLeft(token) * 1000,
    })
    .status(204)
    .end();
}

/** The remaining life of an access token the strategy has just verified. */
function secondsLeft(token: string): number {
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    exp?: number;
  };
  return Math.max(0, (claims.exp ?? 0) - Math.floor(Date.now() / 1000));
}
