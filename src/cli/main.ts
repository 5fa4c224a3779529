import { parseArgs } from 'node:util';
import { ConfigError, DatabaseOpenError, RedisUnavailableError } from '../platform/index.ts';
import { apikeyCommand } from './apikey-command.ts';
import { cdnCommand } from './cdn-command.ts';
import { ingestCommand } from './ingest-command.ts';
import { migrateCommand } from './migrate-command.ts';
import { newsletterCommand } from './newsletter-command.ts';
import { scheduleCommand } from './schedule-command.ts';
import { seedCommand } from './seed-command.ts';
import { serveCommand } from './serve-command.ts';
import { userCommand } from './user-command.ts';
import { workerCommand } from './worker-command.ts';

export const usage = `dateline — the newsroom CMS and the public news site in one program

Usage:
  dateline serve [--port N] [--host H] [--database URL] [--demo] [--no-jobs]
      Serve the site. --demo seeds the demo publisher when the database is empty. --no-jobs
      (or JOBS=off) leaves the background jobs to \`dateline worker\`.
  dateline worker [--database URL]
      Run only the background jobs (scheduled publishing, newsletter editions and sends, wire
      polling), with no web server: for web nodes started with --no-jobs.
  dateline migrate [--database URL]
      Bring the database schema up to date.
  dateline seed --demo [--database URL]
      Store the demo publisher (three brands, 300 articles) in an empty database.
  dateline user create --email E --role R [--name N] [--password P] [--database URL]
      Create a staff account (roles: admin, editor, writer, moderator). Prints a generated
      password when none is given.
  dateline apikey create --name N [--site SLUG] [--database URL]
      Create a Content API key (for one site, or every site without --site). Prints the key
      once: only its hash is stored.
  dateline apikey list [--database URL]
      List the API keys: id, first characters, site, status.
  dateline apikey revoke --id N [--database URL]
      Revoke a key for good.
  dateline schedule import FILE.xml --site SLUG [--channel ID] [--database URL]
      Import an XMLTV programme guide into a site's live TV schedule (one transaction: a bad
      file stores nothing). It replaces the one-off programmes in the span the file covers;
      --channel picks one channel of a file that has several.
  dateline ingest FILE|DIR|URL [--site SLUG] [--database URL]
      Ingest wire copy (NewsML-G2, ninjs, NITF, RSS/Atom) once into a site (default: the
      default site). Prints each item's article URL or why it was refused; exit code 1 when
      anything was refused.
  dateline newsletter send --edition N [--database URL]
      Send a newsletter edition now, with a progress bar. Resumes an interrupted send from
      the send log (nobody gets it twice) and waits out temporary SMTP failures.
  dateline newsletter bounces --file PATH|- | --maildir DIR [--database URL]
      Record bounce messages (delivery status notifications and common non-standard
      bounces): hard bounces suppress the address, soft ones are counted. --file - reads
      one message from standard input (for a mail server's pipe); --maildir sweeps DIR/new.
  dateline cdn purge-agent --cache-dir DIR [--port N] [--host H]
      Purge by surrogate key for open-source nginx: deletes the cache files that carry a
      purged key (the nodes' CDN_PURGE=generic hook calls it; see docs/cdn.md).
  dateline --help
      Show this help.

Configuration (flags win over the environment):
  DATABASE_URL  sqlite:PATH (default: ./data/dateline.db) or postgres://user@host/db
  PORT, HOST    where to listen (default 3000 on 127.0.0.1)
  REDIS_URL, SMTP_URL, MEDIA_DIR (default ./data/media), SECRET_KEY (32+ characters)
  REDIS_PREFIX (dateline:), JOBS (on), MEDIA_S3_BUCKET, MEDIA_S3_ENDPOINT, MEDIA_S3_REGION
  LOG_LEVEL (info), PAGE_CACHE (true), LOG_REQUESTS (false), TRUST_PROXY (false)
  CDN_PURGE (none|generic|fastly|cloudflare|akamai), CDN_PURGE_URL, CDN_PURGE_TOKEN,
  CACHE_CONTROL_<KIND> (see README)
`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

/** Runs one CLI invocation and answers its exit code. */
export async function main(argv: string[], io: CliIo = consoleIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`dateline: ${(error as Error).message}`);
    io.err('Run `dateline --help` for usage.');
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, subcommand] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.out(usage);
    return 0;
  }
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(values, io);
      case 'worker':
        return await workerCommand(values, io);
      case 'migrate':
        return await migrateCommand(values, io);
      case 'seed':
        return await seedCommand(values, io);
      case 'apikey': {
        const code = await apikeyCommand(subcommand, values, io);
        if (code === null) break;
        return code;
      }
      case 'schedule': {
        const code = await scheduleCommand(subcommand, positionals[2], values, io);
        if (code === null) break;
        return code;
      }
      case 'ingest':
        return await ingestCommand(subcommand, values, io);
      case 'newsletter': {
        const code = await newsletterCommand(subcommand, values, io);
        if (code === null) break;
        return code;
      }
      case 'cdn': {
        const code = await cdnCommand(subcommand, values, io);
        if (code === null) break;
        return code;
      }
      case 'user':
        if (subcommand !== 'create') break;
        return await userCommand(values, io);
    }
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DatabaseOpenError ||
      error instanceof RedisUnavailableError
    ) {
      io.err(`dateline: ${error.message}`);
      return 1;
    }
    throw error;
  }
  io.err(`dateline: unknown command "${positionals.join(' ')}". Run \`dateline --help\` for usage.`);
  return 2;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      database: { type: 'string' },
      demo: { type: 'boolean' },
      'no-jobs': { type: 'boolean' },
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      site: { type: 'string' },
      id: { type: 'string' },
      channel: { type: 'string' },
      edition: { type: 'string' },
      file: { type: 'string' },
      maildir: { type: 'string' },
      'cache-dir': { type: 'string' },
    },
  });
}

export type CliValues = ReturnType<typeof parse>['values'];
