/**
 * A throwaway PostgreSQL cluster for fault tests that stop and start the server: its own data
 * directory and port, never the machine's shared cluster. As root, initdb refuses to run, so the
 * cluster runs as the `postgres` user (through runuser) in a directory handed to it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.ts';

export interface PgCluster {
  readonly url: string;
  readonly port: number;
  /** Creates a database in the cluster and answers its URL. */
  createDatabase(name: string): Promise<string>;
  start(): void;
  stop(): void;
  destroy(): void;
}

function binDir(): string | null {
  for (const dir of ['/usr/local/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin']) {
    if (existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

/** Creates and starts a cluster; null (after a one-line notice) where that cannot be done. */
export async function startPgCluster(): Promise<PgCluster | null> {
  const bin = binDir();
  const root = process.getuid?.() === 0;
  const refuse = (why: string) => {
    if (process.env.CI === 'true')
      throw new Error(`a dedicated PostgreSQL cluster is required under CI: ${why}`);
    console.log(`# notice: cannot start a dedicated PostgreSQL cluster (${why}); skipping`);
    return null;
  };
  if (!bin) return refuse('initdb/pg_ctl not found');
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const as = (command: string, args: string[]) => {
    const full = path.join(bin, command);
    return root
      ? execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe', cwd: dir })
      : execFileSync(full, args, { stdio: 'pipe', cwd: dir });
  };
  try {
    if (root) {
      const { uid, gid } = {
        uid: Number(execFileSync('id', ['-u', 'postgres'])),
        gid: Number(execFileSync('id', ['-g', 'postgres'])),
      };
      chownSync(dir, uid, gid);
      chmodSync(dir, 0o755);
    }
    as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return refuse(
      String((error as { stderr?: Buffer }).stderr ?? error)
        .trim()
        .split('\n')[0]!,
    );
  }
  const cluster: PgCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    createDatabase: async (name) => {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      try {
        await admin.query(`create database ${pg.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      return cluster.url.replace(/\/postgres$/, `/${name}`);
    },
    start: () => {
      as('pg_ctl', [
        '-D',
        data,
        '-l',
        path.join(dir, 'log'),
        '-w',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        'start',
      ]);
    },
    stop: () => {
      as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    destroy: () => {
      try {
        as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}

/** One query on a connection of its own: a query after the cluster was stopped and started needs no reconnect. */
export function pgQuery(connectionString: string) {
  return async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
}
