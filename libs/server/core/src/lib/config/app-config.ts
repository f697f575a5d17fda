import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The validated settings of a process (api or worker), read once from the environment. */
export interface AppConfig {
  readonly production: boolean;
  readonly port: number;
  /** Absent: the api runs an embedded PostgreSQL (PGlite) under `dataDir`. */
  readonly databaseUrl: string | null;
  /** Local TCP port of the embedded PostgreSQL (only used without DATABASE_URL). */
  readonly embeddedDatabasePort: number;
  readonly redisUrl: string;
  readonly jwtSecret: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlDays: number;
  /**
   * Loads demo organisations and accounts into an empty database. On by default only for the
   * embedded database outside production: a real database gets demo accounts only when asked.
   */
  readonly demoData: boolean;
  readonly dataDir: string;
  /** The built Angular app served at `/`; absent when it has not been built. */
  readonly webRoot: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The SMTP server of outgoing e-mail; absent: messages are written as `.eml` files under `<dataDir>/mail/`. */
  readonly smtpUrl: string | null;
  /** The sender of e-mails, `Name <address>` or a bare address. */
  readonly mailFrom: string;
  /** Where people open the product (no trailing slash): links in e-mails start with it. */
  readonly publicUrl: string;
  /** Namespace of BullMQ's keys in Redis: the api and the workers of one installation share it. */
  readonly queuePrefix: string;
  /**
   * A job held by a worker that stopped answering (crashed, killed) is taken over by another worker
   * after this many seconds; a live worker renews its hold every half of it.
   */
  readonly jobLockSeconds: number;
  /**
   * An e-mail claimed by a worker that stopped before marking it sent is sent by another worker after
   * this many seconds: long enough that a slow SMTP exchange still in progress is never doubled.
   */
  readonly mailClaimSeconds: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** A setting that is missing or wrong; start-up prints its one-line message and stops. */
export class ConfigError extends Error {
  constructor(setting: string, problem: string) {
    super(`Invalid setting ${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL such as ${protocols[0]}//host:port (got "${raw}")`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  }
  return raw;
}

/** `Name <address>` or `address`: what an e-mail's From header accepts. */
function mailbox(env: Env, name: string, fallback: string): string {
  const value = text(env, name) ?? fallback;
  if (!/^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(value)) {
    throw new ConfigError(
      name,
      `must be an address such as Convergence <no-reply@example.ma> (got "${value}")`,
    );
  }
  return value;
}

/** BullMQ joins its keys with ':', so a prefix is one plain word. */
function keyPrefix(env: Env, name: string, fallback: string): string {
  const value = text(env, name) ?? fallback;
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) {
    throw new ConfigError(name, `must be 1 to 64 letters, digits, '.', '_' or '-' (got "${value}")`);
  }
  return value;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Outside production a missing JWT_SECRET is generated once and kept in the data directory, so that
 * `npm start` needs no setting and sessions survive a restart. Production must set it.
 */
function jwtSecret(env: Env, production: boolean, dataDir: string): string {
  const configured = text(env, 'JWT_SECRET');
  if (configured !== undefined) {
    if (configured.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
    return configured;
  }
  if (production) throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  const file = join(dataDir, 'jwt-secret');
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': of two processes starting together (api and worker), one writes and both read its secret.
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32)
    throw new ConfigError('JWT_SECRET', `the generated secret in ${file} is damaged: delete the file`);
  return secret;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const production = text(env, 'NODE_ENV') === 'production';
  const dataDir = resolve(cwd, text(env, 'DATA_DIR') ?? '.data');
  const logLevel = text(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']) ?? null;
  const port = integer(env, 'PORT', 3000, 1, 65535);
  return {
    production,
    port,
    databaseUrl,
    embeddedDatabasePort: integer(env, 'EMBEDDED_DATABASE_PORT', 54329, 1, 65535),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']) ?? 'redis://127.0.0.1:6379',
    jwtSecret: jwtSecret(env, production, dataDir),
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlDays: integer(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    demoData: boolean(env, 'DEMO_DATA', !production && databaseUrl === null),
    dataDir,
    webRoot: resolve(cwd, text(env, 'WEB_ROOT') ?? 'dist/apps/web/browser'),
    logLevel: logLevel as AppConfig['logLevel'],
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']) ?? null,
    mailFrom: mailbox(env, 'MAIL_FROM', 'Convergence <no-reply@convergence.local>'),
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(
      /\/+$/,
      '',
    ),
    queuePrefix: keyPrefix(env, 'QUEUE_PREFIX', 'convergence'),
    jobLockSeconds: integer(env, 'JOB_LOCK_SECONDS', 30, 2, 3_600),
    mailClaimSeconds: integer(env, 'MAIL_CLAIM_SECONDS', 300, 1, 86_400),
  };
}

/** For a process's entry point: the settings, or one line naming the bad setting and exit code 1. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
