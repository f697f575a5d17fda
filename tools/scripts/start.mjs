// `npm start`: builds the api, the worker and the web app (Nx caches unchanged builds), then runs the
// api and the worker side by side until Ctrl-C / SIGTERM. If either process dies, the other is
// stopped and `npm start` exits with its code, so a supervisor sees the failure.
import { execFileSync, spawn } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

try {
  execFileSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--output-style=static'],
    {
      stdio: 'inherit',
      env,
    },
  );
} catch {
  console.error('npm start: the build failed (see above)');
  process.exit(1);
}

const children = new Map();
let stopping = false;

function run(name, script) {
  const child = spawn(process.execPath, ['--enable-source-maps', script], {
    stdio: 'inherit',
    env: process.env,
  });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`npm start: the ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest`);
      stop(code || 1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
}

function stop(code) {
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill('SIGTERM');
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('api', 'dist/apps/api/main.js');
run('worker', 'dist/apps/worker/main.js');
const port = process.env.PORT || 3000;
// Demo accounts exist when demo data is on: by default only with the embedded database (README).
const demo = process.env.DEMO_DATA ? process.env.DEMO_DATA === 'true' : !process.env.DATABASE_URL;
console.log(
  `\nConvergence: open http://localhost:${port}${demo ? ' — demo accounts are listed in README.md (password Convergence2026!)' : ''}\n`,
);
