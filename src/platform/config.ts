import { existsSync } from 'node:fs';
import path from 'node:path';
import { type CdnConfig, parseCdnConfig } from './cdn/cdn-config.ts';
import { parseSharedStateConfig, type SharedStateConfig } from './shared-state-config.ts';

/** Everything Dateline reads from flags and the environment, parsed once and frozen. */
export interface Config extends SharedStateConfig {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly mediaDir: string;
  /** The largest upload the media library takes, in bytes (MEDIA_MAX_BYTES, default 20 MB). */
  readonly mediaMaxBytes: number;
  readonly redisUrl: string | undefined;
  readonly smtpUrl: string | undefined;
  /** The From of every email: MAIL_FROM, e.g. "Harbor Herald <news@example.org>". */
  readonly mailFrom: string;
  /** At most this many messages a second to the SMTP server (MAIL_RATE; undefined: no limit). */
  readonly mailRate: number | undefined;
  /** DKIM signing of outgoing mail, when DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE are all set. */
  readonly dkim:
    | { readonly domainName: string; readonly keySelector: string; readonly privateKeyFile: string }
    | undefined;
  /** How links in emails and jobs reach a site: PUBLIC_SCHEME (http) and PUBLIC_PORT (the listening port). */
  readonly publicScheme: 'http' | 'https';
  readonly publicPort: number;
  readonly secretKey: string | undefined;
  readonly logLevel: LogLevel;
  readonly pageCache: boolean;
  readonly logRequests: boolean;
  /** Believe X-Forwarded-* headers (set when a load balancer or CDN is in front). */
  readonly trustProxy: boolean;
  /** Cache lifetimes per kind of page (CACHE_CONTROL_*) and the CDN purge target (CDN_PURGE…). */
  readonly cdn: CdnConfig;
  /** How long a node that died mid-job blocks it before another takes it over (JOB_LEASE_MS, default 60 s). */
  readonly jobLeaseMs: number;
  /** The same for a newsletter edition being sent (NEWSLETTER_SEND_LEASE_MS, default 30 s). */
  readonly newsletterSendLeaseMs: number;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A setting that cannot be used; `message` is one line that names it. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigInput {
  /** Values from command-line flags; they win over the environment. */
  flags?: Partial<Record<'database' | 'port' | 'host', string>>;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Parses flags and environment into a frozen Config, or throws ConfigError naming the bad setting.
 *
 * @example
 * const config = loadConfig({ flags: { port: '8080' }, env: process.env });
 */
export function loadConfig({ flags = {}, env = process.env, cwd = process.cwd() }: ConfigInput = {}): Config {
  const dataDir = path.resolve(cwd, env.DATELINE_DATA_DIR || 'data');
  const databaseUrl = parseDatabaseUrl(
    flags.database ?? env.DATABASE_URL,
    dataDir,
    flags.database ? '--database' : 'DATABASE_URL',
  );
  const port = parsePort(flags.port ?? env.PORT, flags.port ? '--port' : 'PORT');
  const host = flags.host ?? env.HOST ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host))
    throw new ConfigError(flags.host ? '--host' : 'HOST', `"${host}" is not a host name or address`);
  const redisUrl = optionalUrl(env.REDIS_URL, 'REDIS_URL', ['redis:', 'rediss:']);
  const smtpUrl = optionalUrl(env.SMTP_URL, 'SMTP_URL', ['smtp:', 'smtps:']);
  const mailFrom = env.MAIL_FROM || 'Dateline <no-reply@localhost>';
  if (!/@/.test(mailFrom)) throw new ConfigError('MAIL_FROM', `"${mailFrom}" holds no email address`);
  const mailRate = env.MAIL_RATE ? Number(env.MAIL_RATE) : undefined;
  if (mailRate !== undefined && !(Number.isFinite(mailRate) && mailRate > 0)) {
    throw new ConfigError(
      'MAIL_RATE',
      `must be a positive number of messages a second (got "${env.MAIL_RATE}")`,
    );
  }
  const mediaMaxBytes = env.MEDIA_MAX_BYTES ? Number(env.MEDIA_MAX_BYTES) : 20 * 1024 * 1024;
  if (!Number.isSafeInteger(mediaMaxBytes) || mediaMaxBytes < 1024) {
    throw new ConfigError(
      'MEDIA_MAX_BYTES',
      `must be a whole number of bytes, at least 1024 (got "${env.MEDIA_MAX_BYTES}")`,
    );
  }
  const dkim = parseDkim(env);
  const publicScheme = (env.PUBLIC_SCHEME || 'http') as 'http' | 'https';
  if (publicScheme !== 'http' && publicScheme !== 'https') {
    throw new ConfigError('PUBLIC_SCHEME', `must be http or https (got "${env.PUBLIC_SCHEME}")`);
  }
  const publicPort = env.PUBLIC_PORT ? parsePort(env.PUBLIC_PORT, 'PUBLIC_PORT') : port;
  const secretKey = env.SECRET_KEY || undefined;
  if (secretKey !== undefined && secretKey.length < 32) {
    throw new ConfigError('SECRET_KEY', 'must be at least 32 characters long');
  }
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!logLevels.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${logLevels.join(', ')} (got "${env.LOG_LEVEL}")`);
  }
  return Object.freeze({
    databaseUrl,
    port,
    host,
    dataDir,
    mediaDir: path.resolve(cwd, env.MEDIA_DIR || path.join(dataDir, 'media')),
    mediaMaxBytes,
    redisUrl,
    smtpUrl,
    mailFrom,
    mailRate,
    dkim,
    publicScheme,
    publicPort,
    secretKey,
    logLevel,
    pageCache: parseBoolean(env.PAGE_CACHE, 'PAGE_CACHE', true),
    logRequests: parseBoolean(env.LOG_REQUESTS, 'LOG_REQUESTS', false),
    trustProxy: parseBoolean(env.TRUST_PROXY, 'TRUST_PROXY', false),
    jobLeaseMs: parseMilliseconds(env.JOB_LEASE_MS, 'JOB_LEASE_MS', 60_000),
    newsletterSendLeaseMs: parseMilliseconds(
      env.NEWSLETTER_SEND_LEASE_MS,
      'NEWSLETTER_SEND_LEASE_MS',
      30_000,
    ),
    ...parseSharedStateConfig(env),
    cdn: parseCdnConfig(env),
  });
}

function parseDkim(env: NodeJS.ProcessEnv): Config['dkim'] {
  const { DKIM_DOMAIN: domainName, DKIM_SELECTOR: keySelector, DKIM_PRIVATE_KEY_FILE: privateKeyFile } = env;
  if (!domainName && !keySelector && !privateKeyFile) return undefined;
  if (!domainName)
    throw new ConfigError('DKIM_DOMAIN', 'must be set with DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE');
  if (!keySelector)
    throw new ConfigError('DKIM_SELECTOR', 'must be set with DKIM_DOMAIN and DKIM_PRIVATE_KEY_FILE');
  if (!privateKeyFile)
    throw new ConfigError('DKIM_PRIVATE_KEY_FILE', 'must be set with DKIM_DOMAIN and DKIM_SELECTOR');
  if (!existsSync(privateKeyFile))
    throw new ConfigError('DKIM_PRIVATE_KEY_FILE', `${privateKeyFile} does not exist`);
  return { domainName, keySelector, privateKeyFile };
}

/**
 * The origin of a site's links outside a request (emails, jobs): its host with PUBLIC_SCHEME,
 * and PUBLIC_PORT unless it is the scheme's default.
 *
 * @example
 * publicOrigin(config, 'herald.localhost'); // "http://herald.localhost:3000"
 */
export function publicOrigin(config: Pick<Config, 'publicScheme' | 'publicPort'>, host: string): string {
  const defaultPort = config.publicScheme === 'https' ? 443 : 80;
  const port = config.publicPort === defaultPort || config.publicPort === 0 ? '' : `:${config.publicPort}`;
  return `${config.publicScheme}://${host}${port}`;
}

function parseDatabaseUrl(value: string | undefined, dataDir: string, setting: string): string {
  if (!value) return `sqlite:${path.join(dataDir, 'dateline.db')}`;
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new ConfigError(setting, `"${value}" is not a valid PostgreSQL URL`);
    }
    return value;
  }
  if (value.startsWith('sqlite:')) return value;
  if (/^[a-z][\w+.-]*:\/\//i.test(value)) {
    throw new ConfigError(
      setting,
      `unsupported database "${value.split(':')[0]}"; use postgres://… or sqlite:PATH`,
    );
  }
  return `sqlite:${value}`;
}

function parsePort(value: string | undefined, setting: string): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(setting, `must be a whole number from 0 to 65535 (got "${value}")`);
  }
  return port;
}

function optionalUrl(value: string | undefined, setting: string, protocols: string[]): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(setting, `"${value}" is not a URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(setting, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return value;
}

function parseMilliseconds(value: string | undefined, setting: string, fallback: number): number {
  if (!value) return fallback;
  const ms = Number(value);
  // Below a second a lease would run out between two renewals of a busy node.
  if (!Number.isSafeInteger(ms) || ms < 1000)
    throw new ConfigError(setting, `must be a whole number of milliseconds, at least 1000 (got "${value}")`);
  return ms;
}

function parseBoolean(value: string | undefined, setting: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(setting, `must be true or false (got "${value}")`);
}
