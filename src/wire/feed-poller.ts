/**
 * Polling a feed URL: conditional GET (ETag, Last-Modified) so an unchanged feed costs a 304,
 * and exponential backoff on errors (the source's interval doubled per consecutive failure, at
 * most an hour), remembered in the source's row so a restart keeps it.
 */
import { maxFileBytes } from './formats/index.ts';
import type { PollState } from './sources.ts';

export const maxBackoffSeconds = 3600;

export type PollResult =
  | { readonly kind: 'unchanged'; readonly state: PollState }
  | { readonly kind: 'changed'; readonly body: Uint8Array; readonly state: PollState }
  | { readonly kind: 'failed'; readonly error: string; readonly state: PollState };

/** The delay before the next poll after `failures` consecutive errors. */
export function backoffSeconds(pollSeconds: number, failures: number): number {
  if (failures <= 0) return pollSeconds;
  return Math.min(maxBackoffSeconds, pollSeconds * 2 ** Math.min(failures, 20));
}

export async function pollFeed(options: {
  url: string;
  state: PollState;
  pollSeconds: number;
  now: Date;
  fetch: typeof fetch;
  read: (response: Response) => Promise<Uint8Array>;
}): Promise<PollResult> {
  const { state, now } = options;
  const headers: Record<string, string> = { accept: 'application/xml, application/json, */*;q=0.5' };
  if (state.etag) headers['if-none-match'] = state.etag;
  if (state.lastModified) headers['if-modified-since'] = state.lastModified;
  const next = (failures: number) =>
    new Date(now.getTime() + backoffSeconds(options.pollSeconds, failures) * 1000);
  try {
    const response = await options.fetch(options.url, { headers, signal: AbortSignal.timeout(30_000) });
    if (response.status === 304) {
      return { kind: 'unchanged', state: { ...state, nextPollAt: next(0), failures: 0, lastError: null } };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new Error(`${response.status} ${response.statusText}`.trim());
    }
    const body = await options.read(response);
    return {
      kind: 'changed',
      body,
      state: {
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
        nextPollAt: next(0),
        failures: 0,
        lastError: null,
      },
    };
  } catch (error) {
    const failures = state.failures + 1;
    const message = `${options.url}: ${(error as Error).message}`.slice(0, 500);
    return {
      kind: 'failed',
      error: message,
      state: { ...state, nextPollAt: next(failures), failures, lastError: message },
    };
  }
}

/** Reads a response body, stopping past the size limit (the refusal then says why). */
export async function readLimited(response: Response): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return new Uint8Array();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxFileBytes) {
      await response.body.cancel().catch(() => {});
      return new Uint8Array(maxFileBytes + 1);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
