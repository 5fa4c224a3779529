import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../platform/index.ts';

/** What a signed link may do. Each purpose has its own HMAC domain, so one cannot pose as another. */
export type TokenPurpose = 'confirm' | 'unsubscribe' | 'preferences';

export interface ConfirmClaims {
  readonly subscriberId: number;
  readonly siteIds: readonly number[];
  readonly zip: string | null;
}

export type TokenClaims =
  | ({ readonly purpose: 'confirm' } & ConfirmClaims)
  | {
      readonly purpose: 'unsubscribe';
      readonly subscriberId: number;
      readonly siteId: number;
      /** The edition the link came in (links from before editions carried it have none). */
      readonly editionId?: number;
    }
  | { readonly purpose: 'preferences'; readonly subscriberId: number };

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Signed links: base64url(JSON claims) "." base64url(HMAC-SHA256). Nothing is stored per link,
 * so an edition to 100,000 readers writes no token rows, and a link cannot be forged or edited
 * without the key. Unsubscribe links never expire (RFC 8058 expects them to keep working).
 */
export class LinkSigner {
  readonly #key: Buffer;
  constructor(secret: string | Buffer) {
    this.#key = createHmac('sha256', secret).update('dateline newsletter links v1').digest();
  }

  sign(claims: TokenClaims, expiresAt: Date | null): string {
    const body = Buffer.from(
      JSON.stringify({ ...claims, exp: expiresAt ? Math.floor(expiresAt.getTime() / 1000) : 0 }),
    ).toString('base64url');
    return `${body}.${this.#mac(body)}`;
  }

  verify(token: unknown, purpose: TokenPurpose, now: Date): TokenCheck {
    if (typeof token !== 'string' || token.length > 2000) return { ok: false, reason: 'invalid' };
    const dot = token.indexOf('.');
    if (dot < 1) return { ok: false, reason: 'invalid' };
    const body = token.slice(0, dot);
    const mac = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.#mac(body), 'base64url');
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected))
      return { ok: false, reason: 'invalid' };
    let claims: TokenClaims & { exp: number };
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (claims.purpose !== purpose || !Number.isInteger(claims.subscriberId)) {
      return { ok: false, reason: 'invalid' };
    }
    if (claims.exp !== 0 && claims.exp * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  #mac(body: string): string {
    return createHmac('sha256', this.#key).update(body).digest('base64url');
  }
}

/**
 * SECRET_KEY when it is set; otherwise a random key generated once and kept in the data
 * directory (mode 600), so links in emails already sent keep working across restarts.
 */
export function linkSecret(options: { secretKey: string | undefined; dataDir: string }): string | Buffer {
  if (options.secretKey) return options.secretKey;
  const file = path.join(options.dataDir, 'newsletter-secret.key');
  if (existsSync(file)) return readFileSync(file);
  const key = randomBytes(32);
  try {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, key, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (existsSync(file)) return readFileSync(file); // another process wrote it first
    throw new ConfigError(
      'SECRET_KEY',
      `is not set, and no key could be kept in ${file}: ${(error as Error).message}`,
    );
  }
  chmodSync(file, 0o600);
  return key;
}
