// Where the scale benchmark puts its archives: a temporary SQLite file, or a PostgreSQL database it
// creates on the server (and drops afterwards unless asked to keep it).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** A fresh database next to the one `adminUrl` names; null (with a notice) when PostgreSQL is not there. */
export async function postgresTarget(adminUrl: string, label: string): Promise<Target | null> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL at ${adminUrl} is not reachable (${(error as Error).message}); skipping it.`);
    return null;
  }
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
