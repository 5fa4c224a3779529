/** The `dateline` command as the CLI tests run it: bin/dateline.js in a child process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const DATELINE_BIN = fileURLToPath(new URL('../../bin/dateline.js', import.meta.url));

/**
 * Runs `dateline <args>` to its end in `cwd`, with the tests' environment minus DATABASE_URL (so
 * a developer's own never leaks in) and LOG_LEVEL=silent, then `env` on top.
 */
export function runDateline(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs: number },
): { code: number | null; out: string; err: string } {
  const { DATABASE_URL: _omit, ...base } = process.env;
  const result = spawnSync(process.execPath, [DATELINE_BIN, ...args], {
    cwd: options.cwd,
    env: { ...base, LOG_LEVEL: 'silent', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
