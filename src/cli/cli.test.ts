import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DATELINE_BIN, runDateline } from '../testing/cli.ts';

const workdir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));

const run = (args: string[], env: Record<string, string> = {}) =>
  runDateline(args, { cwd: workdir, env, timeoutMs: 60_000 });

describe('dateline CLI', () => {
  after(() => rmSync(workdir, { recursive: true, force: true }));

  test('--help lists every command', () => {
    const { code, out } = run(['--help']);
    assert.equal(code, 0);
    for (const command of ['serve', 'migrate', 'seed --demo', 'user create'])
      assert.ok(out.includes(`dateline ${command}`), command);
  });

  test('an unknown command or flag exits 2 with a pointer to --help', () => {
    assert.equal(run(['frobnicate']).code, 2);
    const { code, err } = run(['serve', '--bogus']);
    assert.equal(code, 2);
    assert.match(err, /--bogus/);
  });

  test('a bad setting stops the start with one line naming it and exit code 1', () => {
    for (const [env, setting] of [
      [{ PORT: 'eighty' }, 'PORT'],
      [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
      [{ SECRET_KEY: 'short' }, 'SECRET_KEY'],
      [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    ] as const) {
      const { code, err } = run(['serve'], env);
      assert.equal(code, 1, setting);
      assert.equal(err.trim().split('\n').length, 1, err);
      assert.match(err, new RegExp(`^dateline: ${setting}:`));
    }
  });

  test('an unopenable database stops the start with one clear line and exit code 1', () => {
    const pgDown = run(['serve', '--database', 'postgres://nobody@127.0.0.1:1/none']);
    assert.equal(pgDown.code, 1);
    assert.match(
      pgDown.err.trim(),
      /^dateline: --database: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none: ECONNREFUSED.*\(tried for 5 s\)$/,
    );
    assert.equal(pgDown.err.trim().split('\n').length, 1);
    writeFileSync(join(workdir, 'not-a-dir'), 'a file where a directory should be');
    const sqliteBad = run(['migrate', '--database', `sqlite:${join(workdir, 'not-a-dir', 'x.db')}`]);
    assert.equal(sqliteBad.code, 1);
    assert.match(sqliteBad.err, /^dateline: --database: cannot open SQLite database/);
  });

  test('migrate, then user create prints a generated password; bad input is refused', () => {
    const db = `sqlite:${join(workdir, 'cli.db')}`;
    assert.equal(run(['migrate', '--database', db]).code, 0);
    const created = run([
      'user',
      'create',
      '--email',
      'Editor@Example.com',
      '--role',
      'editor',
      '--database',
      db,
    ]);
    assert.equal(created.code, 0, created.err);
    assert.match(created.out, /Created editor editor@example\.com/);
    assert.match(created.out, /Password: \S{20,}/);
    const again = run([
      'user',
      'create',
      '--email',
      'editor@example.com',
      '--role',
      'editor',
      '--database',
      db,
    ]);
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists/);
    const badRole = run([
      'user',
      'create',
      '--email',
      'x@example.com',
      '--role',
      'overlord',
      '--database',
      db,
    ]);
    assert.equal(badRole.code, 1);
    assert.match(badRole.err, /role must be one of admin, editor, writer, moderator/);
  });

  test('without --database the data lives in ./data under the current directory', () => {
    assert.equal(run(['migrate']).code, 0);
    assert.equal(spawnSync('test', ['-f', join(workdir, 'data', 'dateline.db')]).status, 0);
  });
});

describe('dateline serve', () => {
  test('serves, then on SIGTERM lets a request in flight finish and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-serve-'));
    const { DATABASE_URL: _omit, ...base } = process.env;
    const child = spawn(process.execPath, [DATELINE_BIN, 'serve', '--port', '0', '--demo'], {
      cwd: dir,
      env: { ...base, LOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const match = /serving \d+ site\(s\) at (http:\/\/\S+)/.exec(out);
        if (match && out.includes('Press Ctrl-C')) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited early with ${code}: ${out}`)));
    });
    // The seeded demo admin's password is printed once, and signs in.
    const login = /Newsroom admin: http:\/\/\S+\/admin\/ — sign in as (\S+) \/ (\S+)/.exec(out);
    assert.ok(login, out);
    const session = await fetch(`${url}api/admin/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: login[1], password: login[2] }),
    });
    assert.equal(session.status, 200);
    assert.equal((await session.json()).user.role, 'admin');
    const home = await fetch(url);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Harbor Herald/);
    // A request whose headers reached the server before the signal, and whose body arrives after
    // it, is in flight during shutdown: it must get its real answer (not 503, not a reset).
    const body = JSON.stringify({ email: 'reader@example.com' });
    const request = http.request(`${url}newsletter/signup`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    });
    const inFlight = new Promise<number>((resolve, reject) => {
      request.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      request.on('error', reject);
    });
    request.flushHeaders();
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    request.end(body);
    assert.equal(await inFlight, 200, 'the in-flight signup got its answer');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
    assert.match(out, /Received SIGTERM/);
    rmSync(dir, { recursive: true, force: true });
  });
});
