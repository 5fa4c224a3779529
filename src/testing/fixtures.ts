/**
 * The shared third-party test data (feeds, sitemaps and wire samples with their schemas): the
 * folder named by DATELINE_FIXTURES, else `shared/fixtures` beside the repository. Without it the
 * tests that need it skip with a one-line notice; under CI=true they fail instead.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const FIXTURES_DIR = process.env.DATELINE_FIXTURES ?? join(repoRoot, '..', 'shared', 'fixtures');

/** A folder of the fixtures (e.g. "sitemaps/schema"); null, after a notice, when it is absent outside CI. */
export function fixturesFolder(name: string): string | null {
  const dir = join(FIXTURES_DIR, name);
  if (existsSync(dir)) return dir;
  if (process.env.CI === 'true') throw new Error(`The fixtures are required under CI but ${dir} is missing`);
  console.log(`# notice: ${dir} not found (set DATELINE_FIXTURES); skipping the tests that need it`);
  return null;
}
