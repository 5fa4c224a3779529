import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { type Clock, type Config, type DatabaseHandle, loadConfig } from '../platform/index.ts';

/** Builds the real app over an open test database, quiet, with the page cache on unless told otherwise. */
export async function buildTestApp(options: {
  database: DatabaseHandle & { url: string };
  clock: Clock;
  env?: Record<string, string>;
}): Promise<FastifyInstance> {
  const config: Config = loadConfig({
    env: { LOG_LEVEL: 'silent', DATABASE_URL: options.database.url, ...options.env },
  });
  return buildApp({ config, clock: options.clock, database: options.database });
}
