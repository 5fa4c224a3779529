// Where the scale benchmark puts its archives: a temporary SQLite file, or a PostgreSQL database it
// creates on the server (and drops afterwards unless asked to keep it).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type DialectName = 'sqlite' | 'postgres';

export interface Target {
  readonly dialect: DialectName;
  readonly url: string;
  /** Drops the database (or removes the file) unless `keep`. */
  cleanup(keep: boolean): Promise<void>;
}

export function sqliteTarget(label: string): Target {
  const dir = mkdtempSync(join(tmpdir(), `dateline-scale-${label}-`));
  return {
    dialect: 'sqlite',
    url: `sqlite:${join(dir, 'scale.db')}`,
    async cleanup(keep) {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A client on `adminUrl`; null (with a notice) when PostgreSQL is not there. */
async function connectAdmin(adminUrl: string): Promise<pg.Client | null> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    return admin;
  } catch (error) {
    console.log(`PostgreSQL at ${adminUrl} is not reachable (${(error as Error).message}); skipping it.`);
    return null;
  }
}

/** A fresh database next to the one `adminUrl` names; null (with a notice) when PostgreSQL is not there. */
export async function postgresTarget(adminUrl: string, label: string): Promise<Target | null> {
  const admin = await connectAdmin(adminUrl);
  if (!admin) return null;
  const name = `dateline_scale_${label.toLowerCase()}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect: 'postgres',
    url: url.toString(),
    async cleanup(keep) {
      if (keep) return;
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      try {
        await again.query(`drop database if exists ${name} with (force)`);
      } finally {
        await again.end();
      }
    },
  };
}

/**
 * The archive a `--reuse` run keeps under a fixed name (one per dialect and size), so a later run
 * measures it without seeding again: seed once, even on a busy machine, and time pages when it is
 * quiet. Never dropped by the bench.
 */
export async function keptTarget(
  dialect: DialectName,
  adminUrl: string,
  label: string,
): Promise<Target | null> {
  const name = `dateline_scale_kept_${label.toLowerCase()}`;
  if (dialect === 'sqlite') {
    const dir = join(tmpdir(), 'dateline-scale-kept');
    mkdirSync(dir, { recursive: true });
    return { dialect, url: `sqlite:${join(dir, `${name}.db`)}`, cleanup: async () => {} };
  }
  const admin = await connectAdmin(adminUrl);
  if (!admin) return null;
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { dialect, url: url.toString(), cleanup: async () => {} };
}
