import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the embedded database listens, for the api that starts it and the worker that joins it. */
export function embeddedDatabaseUrl(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

export interface EmbeddedPostgres {
  /** A postgres:// URL that TypeORM's driver (pg) connects to. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL compiled to WebAssembly (PGlite) and exposes it on a local TCP port through the
 * PostgreSQL wire protocol, so that the api runs the very same driver, migrations and SQL as on a
 * real server. Used only when DATABASE_URL is not set (the `npm start` default).
 *
 * The socket server runs one query at a time: a process must use a pool of one connection, or a
 * second connection awaited inside a transaction would wait forever (ADR 0002). It listens on the
 * loopback interface only and is meant for a developer's machine, not for shared hosts.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  // Both packages ship ES modules; import() loads them from the CommonJS build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { pgcrypto } = await import('@electric-sql/pglite/contrib/pgcrypto');
  // Trigram indexes serve the lists' text search (migration AddConvergenceCore).
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');

  const directory = join(dataDir, 'pglite');
  mkdirSync(directory, { recursive: true });
  const db = await PGlite.create(directory, { extensions: { pgcrypto, pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 8 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      // Most likely another process (a running `npm start`) already owns this data directory.
      throw new Error(
        `Port ${port} of the embedded database is taken: stop the other Convergence process using ${dataDir}, or set EMBEDDED_DATABASE_PORT`,
      );
    }
    throw error;
  }

  return {
    url: embeddedDatabaseUrl(port),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
