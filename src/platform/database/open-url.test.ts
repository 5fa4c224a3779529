import assert from 'node:assert/strict';
import { test } from 'node:test';
import { POSTGRES_URL } from '../../testing/databases.ts';
import { openDatabase } from './database.ts';

test('a PostgreSQL URL takes a schema and a connect_timeout; bad values say what to fix', async () => {
  await assert.rejects(openDatabase(`${POSTGRES_URL}?schema=Bad-Name`), /schema "Bad-Name" must be/);
  await assert.rejects(
    openDatabase(`${POSTGRES_URL}?connect_timeout=soon`),
    /connect_timeout "soon" must be a whole number of seconds/,
  );
  // Nothing listens on port 1: the wait ends with a sentence naming the server, not a hang.
  await assert.rejects(
    openDatabase('postgres://nobody@127.0.0.1:1/none?connect_timeout=1'),
    /cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none/,
  );
});
