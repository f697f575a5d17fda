import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { startEmbeddedPostgres } from '@convergence/server/core';

/**
 * `startEmbeddedPostgres` in a Node process of its own. PGlite loads its WebAssembly build with a
 * dynamic `import()`, which Jest's module sandbox refuses without --experimental-vm-modules; in a
 * plain child process it runs exactly as under `npm start`, and the api under test (in the Jest
 * process) reaches it over TCP with the same URL.
 */
export interface EmbeddedPostgresProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

type Message = { url: string } | { error: string } | 'stopped';

export function spawnEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgresProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', __filename, dataDir, String(port)],
    {
      cwd: resolve(__dirname, '../../../..'),
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  return new Promise((resolveStart, rejectStart) => {
    child.once('exit', (code) => rejectStart(new Error(`embedded PostgreSQL process exited with ${code}`)));
    child.once('message', (message: Message) => {
      if (typeof message === 'object' && 'url' in message) {
        resolveStart({
          url: message.url,
          pid: child.pid as number,
          async stop() {
            if (child.exitCode === null) child.send('stop');
            const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
            await exited;
            clearTimeout(timeout);
          },
        });
      } else {
        child.kill('SIGKILL');
        rejectStart(new Error(`embedded PostgreSQL did not start: ${JSON.stringify(message)}`));
      }
    });
  });
}

async function serve(dataDir: string, port: number): Promise<void> {
  const send = (message: Message) => process.send?.(message);
  try {
    const database = await startEmbeddedPostgres(dataDir, port);
    const stop = async () => {
      await database.stop();
      send('stopped');
      process.exit(0);
    };
    process.on('message', (message) => {
      if (message === 'stop') void stop();
    });
    // The test process went away without stopping us: do not outlive it.
    process.on('disconnect', () => void stop());
    send({ url: database.url });
  } catch (error) {
    send({ error: (error as Error).stack ?? String(error) });
    process.exit(1);
  }
}

if (process.send && process.argv[1] === __filename) {
  void serve(process.argv[2], Number(process.argv[3]));
}
