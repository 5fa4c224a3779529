/**
 * Content API keys (domain: no HTTP). A key is `dl_` and 43 base64url characters (256 random
 * bits). Only its SHA-256 is stored, so the secret is shown once, when it is created; the first
 * characters are kept as `prefix` so people can tell keys apart.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { readTime, writeTime } from '../platform/database/dialect.ts';
import type { ApiKeysTable, Database } from '../platform/database/schema.ts';

export interface ApiKey {
  readonly id: number;
  readonly name: string;
  /** "dl_Ab3kZ9qX": enough to recognise a key in a list, useless to call the API with. */
  readonly prefix: string;
  /** The one site the key may read, or null for every site. */
  readonly siteId: number | null;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

export type KeyCheck =
  | { readonly ok: true; readonly key: ApiKey }
  | { readonly ok: false; readonly code: 'malformed' | 'unknown' }
  | { readonly ok: false; readonly code: 'revoked'; readonly key: ApiKey };

export type CreateApiKeyResult =
  | { readonly ok: true; readonly key: ApiKey; readonly secret: string }
  | { readonly ok: false; readonly message: string };

export type RevokeApiKeyResult =
  | { readonly ok: true; readonly key: ApiKey }
  | { readonly ok: false; readonly code: 'not_found' | 'already_revoked'; readonly message: string };

const keyPattern = /^dl_[A-Za-z0-9_-]{43}$/;
const prefixLength = 'dl_'.length + 8;

/** The stored form of a key. SHA-256 is enough: the secret is 256 random bits, not a password. */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Creates a key and answers its secret, which is never stored and cannot be shown again.
 *
 * @example
 * const created = await createApiKey(db, { name: 'Partner app', siteId: null, at: new Date() });
 * if (created.ok) console.log(created.secret); // dl_…
 */
export async function createApiKey(
  db: Kysely<Database>,
  input: { readonly name: string; readonly siteId: number | null; readonly at: Date },
): Promise<CreateApiKeyResult> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100 || /\p{Cc}/u.test(name)) {
    return { ok: false, message: 'the name must be 1 to 100 characters, without control characters.' };
  }
  const secret = `dl_${randomBytes(32).toString('base64url')}`;
  const prefix = secret.slice(0, prefixLength);
  const { id } = await db
    .insertInto('api_keys')
    .values({
      name,
      key_hash: hashApiKey(secret),
      prefix,
      site_id: input.siteId,
      created_at: writeTime(input.at),
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    ok: true,
    secret,
    key: { id, name, prefix, siteId: input.siteId, createdAt: input.at, revokedAt: null },
  };
}

/**
 * Checks a secret presented by a client. The lookup is by hash, so timing reveals nothing about
 * stored keys.
 */
export async function verifyApiKey(db: Kysely<Database>, secret: string): Promise<KeyCheck> {
  if (!keyPattern.test(secret)) return { ok: false, code: 'malformed' };
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', hashApiKey(secret))
    .executeTakeFirst();
  if (!row) return { ok: false, code: 'unknown' };
  const key = fromRow(row);
  return key.revokedAt ? { ok: false, code: 'revoked', key } : { ok: true, key };
}

/** Every key, newest first, revoked ones included. */
export async function listApiKeys(db: Kysely<Database>): Promise<ApiKey[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('id', 'desc').execute();
  return rows.map(fromRow);
}

/** Revokes a key for good: requests with it are refused from now on. */
export async function revokeApiKey(db: Kysely<Database>, id: number, at: Date): Promise<RevokeApiKeyResult> {
  const row =
    Number.isSafeInteger(id) && id > 0 && id <= 2147483647
      ? await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined;
  if (!row) return { ok: false, code: 'not_found', message: `there is no API key ${id}.` };
  if (row.revoked_at !== null) {
    return {
      ok: false,
      code: 'already_revoked',
      message: `API key ${id} (${row.prefix}…) is already revoked.`,
    };
  }
  await db
    .updateTable('api_keys')
    .set({ revoked_at: writeTime(at) })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  return { ok: true, key: { ...fromRow(row), revokedAt: at } };
}

function fromRow(row: Selectable<ApiKeysTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    siteId: row.site_id,
    createdAt: readTime(row.created_at)!,
    revokedAt: readTime(row.revoked_at),
  };
}
