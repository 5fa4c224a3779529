/**
 * xmllint (Debian's libxml2-utils) as an independent XML checker: well-formedness, and validity
 * against XML Schemas. Without it those checks skip with a one-line notice; under CI=true they fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let available: boolean | undefined;

export function xmllintAvailable(): boolean {
  if (available === undefined) {
    available = spawnSync('xmllint', ['--version']).status === 0;
    if (!available) {
      if (process.env.CI === 'true')
        throw new Error('xmllint is required under CI (apt-get install libxml2-utils)');
      console.log('# notice: xmllint not found (apt-get install libxml2-utils); skipping XML schema checks');
    }
  }
  return available;
}

/**
 * Runs `xmllint --nonet --noout` on `document`, against `schema` when given (with `catalog` as
 * XML_CATALOG_FILES, so imports resolve offline). `ok` is false with xmllint's messages otherwise.
 */
export function xmllint(
  document: string,
  options: { schema?: string; catalog?: string } = {},
): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-xml-'));
  try {
    const file = join(dir, 'document.xml');
    writeFileSync(file, document);
    const args = ['--nonet', '--noout', ...(options.schema ? ['--schema', options.schema] : []), file];
    const env = options.catalog ? { ...process.env, XML_CATALOG_FILES: options.catalog } : process.env;
    const result = spawnSync('xmllint', args, { env, encoding: 'utf8' });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
