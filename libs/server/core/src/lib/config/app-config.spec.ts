import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const scratch = () => mkdtempSync(join(tmpdir(), 'cv-config-'));

describe('loadConfig', () => {
  it('starts with no setting at all: port 3000, embedded database, local Redis, demo data', () => {
    const cwd = scratch();
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      redisUrl: 'redis://127.0.0.1:6379',
      demoData: true,
      production: false,
      dataDir: join(cwd, '.data'),
      smtpUrl: null,
      mailFrom: 'Convergence <no-reply@convergence.local>',
      publicUrl: 'http://localhost:3000',
      queuePrefix: 'convergence',
      jobLockSeconds: 30,
      mailClaimSeconds: 300,
    });
  });

  it('reads the mail and queue settings, links starting at PUBLIC_URL without its trailing slash', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        SMTP_URL: 'smtp://mail.example.ma:587',
        MAIL_FROM: 'no-reply@example.ma',
        PUBLIC_URL: 'https://convergence.example.ma/',
        QUEUE_PREFIX: 'tests-1',
        JOB_LOCK_SECONDS: '5',
        MAIL_CLAIM_SECONDS: '2',
      },
      scratch(),
    );
    expect(config).toMatchObject({
      smtpUrl: 'smtp://mail.example.ma:587',
      mailFrom: 'no-reply@example.ma',
      publicUrl: 'https://convergence.example.ma',
      queuePrefix: 'tests-1',
      jobLockSeconds: 5,
      mailClaimSeconds: 2,
    });
    expect(loadConfig({ PORT: '8080' }, scratch()).publicUrl).toBe('http://localhost:8080');
  });

  it('generates a JWT secret once outside production and reuses it on the next start', () => {
    const cwd = scratch();
    const first = loadConfig({}, cwd).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(cwd, '.data', 'jwt-secret'), 'utf8')).toBe(first);
    expect(loadConfig({}, cwd).jwtSecret).toBe(first);
  });

  it.each([
    [{ PORT: 'eighty' }, 'Invalid setting PORT: must be a whole number from 1 to 65535 (got "eighty")'],
    [
      { EMBEDDED_DATABASE_PORT: '0' },
      'Invalid setting EMBEDDED_DATABASE_PORT: must be a whole number from 1 to 65535 (got "0")',
    ],
    [
      { DATABASE_URL: 'mysql://x' },
      'Invalid setting DATABASE_URL: must start with postgres: or postgresql: (got "mysql:")',
    ],
    [
      { REDIS_URL: 'not a url' },
      'Invalid setting REDIS_URL: must be a URL such as redis://host:port (got "not a url")',
    ],
    [
      { SMTP_URL: 'http://mail.example.ma' },
      'Invalid setting SMTP_URL: must start with smtp: or smtps: (got "http:")',
    ],
    [
      { MAIL_FROM: 'Convergence' },
      'Invalid setting MAIL_FROM: must be an address such as Convergence <no-reply@example.ma> (got "Convergence")',
    ],
    [
      { PUBLIC_URL: 'convergence.example.ma' },
      'Invalid setting PUBLIC_URL: must be a URL such as http://host:port (got "convergence.example.ma")',
    ],
    [
      { QUEUE_PREFIX: 'a:b' },
      `Invalid setting QUEUE_PREFIX: must be 1 to 64 letters, digits, '.', '_' or '-' (got "a:b")`,
    ],
    [
      { JOB_LOCK_SECONDS: '1' },
      'Invalid setting JOB_LOCK_SECONDS: must be a whole number from 2 to 3600 (got "1")',
    ],
    [{ DEMO_DATA: 'maybe' }, 'Invalid setting DEMO_DATA: must be true or false (got "maybe")'],
    [{ JWT_SECRET: 'short' }, 'Invalid setting JWT_SECRET: must be at least 32 characters long'],
    [{ NODE_ENV: 'production' }, 'Invalid setting JWT_SECRET: is required when NODE_ENV=production'],
  ])('names the setting and the problem in one line for %j', (env, message) => {
    expect(() => loadConfig(env, scratch())).toThrow(ConfigError);
    expect(() => loadConfig(env, scratch())).toThrow(message);
  });

  it('loads demo data by default only into the embedded database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/convergence' }, scratch()).demoData).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://db/convergence', DEMO_DATA: 'true' }, scratch()).demoData,
    ).toBe(true);
  });

  it('turns demo data off in production unless asked for', () => {
    const secret = 'x'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }, scratch()).demoData).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, DEMO_DATA: 'true' }, scratch()).demoData,
    ).toBe(true);
  });
});
