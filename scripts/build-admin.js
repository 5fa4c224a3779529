#!/usr/bin/env node
// Builds the admin web app (src/newsroom/admin-app) into dist/admin with Vite when the build is
// missing or older than any of its sources, so `npm start` and `npm test` never serve a stale app.
// `--force` always builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = 'src/newsroom/admin-app';
const stamp = 'dist/admin/index.html';
const inputs = ['package-lock.json', root, 'src/content/model.ts'];

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return path.endsWith('.test.ts') ? 0 : info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const force = process.argv.includes('--force');
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...inputs.map(newest));
if (!force && built > changed) process.exit(0);

console.log(built ? 'admin app: sources changed, rebuilding' : 'admin app: building');
const result = spawnSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '--config', `${root}/vite.config.ts`, '--logLevel', 'warn'],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
