/**
 * The settings of several nodes sharing one install (REDIS_PREFIX, JOBS, MEDIA_S3_*), parsed
 * with the rest of the config (config.ts) and kept here so that file stays about one node.
 */
import { ConfigError } from './config.ts';

export interface SharedStateConfig {
  /** Prefix of every Redis key and channel (REDIS_PREFIX, default "dateline:"). */
  readonly redisPrefix: string;
  /** Whether `serve` also runs the background jobs (JOBS=on, the default; off leaves them to `dateline worker`). */
  readonly jobs: boolean;
  /** Media on S3-compatible storage instead of MEDIA_DIR, when MEDIA_S3_BUCKET is set. */
  readonly mediaS3: MediaS3Config | undefined;
}

export interface MediaS3Config {
  readonly bucket: string;
  /** MEDIA_S3_ENDPOINT, for storage other than AWS (MinIO, R2, …); path-style addressing then. */
  readonly endpoint: string | undefined;
  readonly region: string;
  /** MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY; otherwise the AWS SDK's own chain. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
}

export function parseSharedStateConfig(env: NodeJS.ProcessEnv): SharedStateConfig {
  const redisPrefix = env.REDIS_PREFIX ?? 'dateline:';
  if (!/^[\w:.-]{0,64}$/.test(redisPrefix)) {
    throw new ConfigError('REDIS_PREFIX', 'may hold only letters, digits and _ : . - (at most 64)');
  }
  const jobs = env.JOBS ?? 'on';
  if (!/^(on|off|true|false|1|0)$/i.test(jobs)) {
    throw new ConfigError('JOBS', `must be on or off (got "${env.JOBS}")`);
  }
  return { redisPrefix, jobs: /^(on|true|1)$/i.test(jobs), mediaS3: parseMediaS3(env) };
}

function parseMediaS3(env: NodeJS.ProcessEnv): MediaS3Config | undefined {
  const bucket = env.MEDIA_S3_BUCKET;
  const endpoint = env.MEDIA_S3_ENDPOINT || undefined;
  const accessKeyId = env.MEDIA_S3_ACCESS_KEY_ID;
  const secretAccessKey = env.MEDIA_S3_SECRET_ACCESS_KEY;
  if (!bucket) {
    if (endpoint || accessKeyId || secretAccessKey) {
      throw new ConfigError('MEDIA_S3_BUCKET', 'must be set with the other MEDIA_S3_ settings');
    }
    return undefined;
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError('MEDIA_S3_BUCKET', `"${bucket}" is not an S3 bucket name`);
  }
  if (endpoint) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {}
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new ConfigError('MEDIA_S3_ENDPOINT', `"${endpoint}" is not an http(s) URL`);
    }
  }
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError(
      accessKeyId ? 'MEDIA_S3_SECRET_ACCESS_KEY' : 'MEDIA_S3_ACCESS_KEY_ID',
      'must be set with MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY both',
    );
  }
  return {
    bucket,
    endpoint,
    region: env.MEDIA_S3_REGION || 'us-east-1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}
