/**
 * The Nu HTML checker (vnu-jar, run by java) over pages a test rendered. Without java it cannot
 * run: tests skip it with a notice, except under CI, where the run fails instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const vnuJar: string = createRequire(import.meta.url)('vnu-jar');

/** Whether the checker should run here: java is installed, or this is CI (where it must be). */
export const nuCheckerRuns = spawnSync('java', ['-version']).status === 0 || process.env.CI === 'true';

/** The checker's errors over the pages (name → HTML), each as `name.html: message [extract]`. */
export function nuCheckerErrors(pages: Iterable<readonly [string, string]>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-vnu-'));
  try {
    const files = [...pages].map(([name, body]) => {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, body);
      return file;
    });
    const result = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], {
      encoding: 'utf8',
    });
    return (
      JSON.parse(result.stderr || '{"messages":[]}').messages as {
        url: string;
        message: string;
        extract?: string;
      }[]
    ).map((m) => `${m.url.split('/').pop()}: ${m.message} [${m.extract ?? ''}]`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
