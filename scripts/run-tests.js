#!/usr/bin/env node
// Finds every *.test.ts under src/ and e2e/ and runs them with node's test runner through tsx.
// (Node 20's --test does not expand globs itself.)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.length > 2 ? process.argv.slice(2) : ['src', 'e2e'];
const files = roots.flatMap((root) => (root.endsWith('.ts') ? [root] : find(root)));

function find(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : find(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files.sort()],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
