import { createHash, createHmac, randomUUID } from 'node:crypto';

export interface EdgeGridCredentials {
  readonly clientToken: string;
  readonly clientSecret: string;
  readonly accessToken: string;
}

/**
 * Akamai's EdgeGrid request signature (EG1-HMAC-SHA256), as its API clients compute it: the
 * signing key is HMAC(client_secret, timestamp); the signed data is method, scheme, host, path,
 * (no signed headers), the body's SHA-256 and the unsigned header, joined by tabs.
 */
export function edgeGridAuthorization(
  credentials: EdgeGridCredentials,
  request: { method: string; url: string; body: string },
  at: Date = new Date(),
  nonce: string = randomUUID(),
): string {
  const url = new URL(request.url);
  const timestamp = `${at.toISOString().slice(0, 19).replace(/-/g, '')}+0000`;
  const unsigned = `EG1-HMAC-SHA256 client_token=${credentials.clientToken};access_token=${credentials.accessToken};timestamp=${timestamp};nonce=${nonce};`;
  const contentHash =
    request.method === 'POST' && request.body.length > 0
      ? createHash('sha256').update(request.body.slice(0, 131_072)).digest('base64')
      : '';
  const data = [
    request.method.toUpperCase(),
    url.protocol.slice(0, -1),
    url.host,
    `${url.pathname}${url.search}`,
    '',
    contentHash,
    unsigned,
  ].join('\t');
  const signingKey = createHmac('sha256', credentials.clientSecret).update(timestamp).digest('base64');
  const signature = createHmac('sha256', signingKey).update(data).digest('base64');
  return `${unsigned}signature=${signature}`;
}
