// `npm run e2e`: the browser journeys of apps/web-e2e against the built product (run `npm run build`
// first; `npm test` does). Starts the api and the worker on a free port with a fresh PostgreSQL
// database holding the demo data, runs Playwright in Debian's Chromium, then stops everything and
// drops the database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

for (const built of [
  'dist/apps/api/main.js',
  'dist/apps/worker/main.js',
  'dist/apps/web/browser/index.html',
]) {
  if (!existsSync(built)) {
    console.error(`e2e: ${built} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
}

const serverUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const database = `convergence_e2e_${process.pid}`;
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${database}`;

async function admin(sql) {
  const client = new pg.Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(url, api) {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (api.exitCode !== null) throw new Error(`the api exited with code ${api.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the api did not become healthy within 60 s');
}

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  PORT: String(port),
  DATABASE_URL: databaseUrl.toString(),
  DEMO_DATA: 'true',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'convergence-e2e-')),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};

await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await admin(`CREATE DATABASE ${database}`);
const processes = [
  spawn(process.execPath, ['dist/apps/api/main.js'], { env, stdio: 'inherit' }),
  spawn(process.execPath, ['dist/apps/worker/main.js'], { env, stdio: 'inherit' }),
];
let status = 1;
try {
  await waitForHealth(baseUrl, processes[0]);
  const run = spawnSync(
    'npx',
    ['playwright', 'test', '-c', 'apps/web-e2e/playwright.config.ts', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: baseUrl },
    },
  );
  status = run.status ?? 1;
} catch (error) {
  console.error(`e2e: ${error.message}`);
} finally {
  for (const child of processes) child.kill('SIGTERM');
  await Promise.all(
    processes.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)),
  );
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
process.exit(status);
