import { startNginxPurgeAgent } from '../platform/cdn/index.ts';
import { ConfigError } from '../platform/index.ts';
import type { CliIo, CliValues } from './main.ts';

/**
 * `dateline cdn purge-agent --cache-dir DIR [--port N] [--host H]`: purge by surrogate key for
 * open-source nginx (see docs/cdn.md). Runs until SIGINT/SIGTERM. CDN_PURGE_TOKEN, when set,
 * is the bearer token callers must send.
 */
export async function cdnCommand(subcommand: string | undefined, values: CliValues, io: CliIo) {
  if (subcommand !== 'purge-agent') return null;
  const cacheDir = values['cache-dir'];
  if (!cacheDir) throw new ConfigError('--cache-dir', 'name nginx’s proxy_cache_path directory');
  const port = Number(values.port ?? 8079);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError('--port', `must be a whole number from 0 to 65535 (got "${values.port}")`);
  const token = process.env.CDN_PURGE_TOKEN || undefined;
  const agent = await startNginxPurgeAgent({
    cacheDir,
    port,
    host: values.host ?? '127.0.0.1',
    ...(token ? { token } : {}),
  });
  io.out(
    `Purge agent for ${cacheDir} listening on ${values.host ?? '127.0.0.1'}:${agent.port}${token ? '' : ' (no token: anyone who reaches it may purge)'}`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await agent.close();
  return 0;
}
