/**
 * Test support for the community: the real app with a loopback SMTP sink, a published article,
 * and readers who joined through the emailed link like a person would.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Article } from '../content/index.ts';
import { buildAdminTestApp } from './admin-api.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';

export const HOST = 'daily.test';
export const ORIGIN = `http://${HOST}`;

export interface ReaderClient {
  readonly email: string;
  readonly cookie: string;
  /** The session's CSRF token, as the forms carry it. */
  readonly csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  /** Posts a urlencoded form with the session cookie, the CSRF field (unless given) and our Origin. */
  form(
    url: string,
    fields: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export async function buildCommunityTestApp(options: { env?: Record<string, string> } = {}) {
  const sink = await startSmtpSink();
  const built = await buildAdminTestApp({ env: { SMTP_URL: sink.url, ...options.env } });
  built.app.addHook('onClose', () => sink.close());
  const { content } = built.app.services;
  const publish = async (
    input: Partial<Parameters<typeof content.createArticle>[0]> = {},
  ): Promise<Article> => {
    const draft = await content.createArticle(
      {
        siteId: built.fixture.site.id,
        sectionId: built.fixture.world.id,
        headline: 'Council approves the harbour bridge',
        summary: 'A vote after two years of debate.',
        body: [{ type: 'paragraph', text: 'The council voted on Tuesday.' }],
        ...input,
      },
      { savedBy: null },
    );
    return content.publishArticle(draft.id, { savedBy: null });
  };
  return { ...built, sink, publish };
}

export function inject(app: FastifyInstance, options: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject({ ...options, headers: { host: HOST, ...options.headers } } as InjectOptions);
}

/** The sign-in link of the newest email to `email`. */
export function linkFrom(sink: SmtpSink, email: string): string {
  const mails = sink.to(email);
  const text = mails.at(-1)?.parsed.text ?? '';
  const match = /(https?:\/\/\S+\/community\/sign-in\?token=[\w-]+)/.exec(text);
  if (!match) throw new Error(`no sign-in link in the mail to ${email}: ${text}`);
  return match[1]!;
}

export function csrfOf(body: string): string {
  const match = /name="csrf" value="([\w-]+)"/.exec(body);
  if (!match) throw new Error('no CSRF field on the page');
  return match[1]!;
}

export function readerClient(
  app: FastifyInstance,
  email: string,
  cookie: string,
  csrf: string,
): ReaderClient {
  return {
    email,
    cookie,
    csrf,
    get: (url) => inject(app, { method: 'GET', url, headers: { cookie } }),
    form: (url, fields, headers = {}) =>
      inject(app, {
        method: 'POST',
        url,
        headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: formBody({ csrf, ...fields }),
      }),
  };
}

/** Joins by the emailed link, then sets a display name and accepts the guidelines. */
export async function joinAsReader(
  app: FastifyInstance,
  sink: SmtpSink,
  email: string,
  displayName: string,
  options: { notifyReplies?: boolean } = {},
): Promise<ReaderClient> {
  const before = sink.to(email).length;
  const total = sink.messages.length;
  const joined = await inject(app, {
    method: 'POST',
    url: '/community/join',
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody({ email, return: '/' }),
  });
  if (joined.statusCode !== 200) throw new Error(`join failed: ${joined.statusCode} ${joined.body}`);
  await sink.waitFor(total + 1);
  if (sink.to(email).length <= before) throw new Error('no sign-in email arrived');
  const token = new URL(linkFrom(sink, email)).searchParams.get('token')!;
  const signIn = await inject(app, {
    method: 'POST',
    url: '/community/sign-in',
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody({ token }),
  });
  if (signIn.statusCode !== 303) throw new Error(`sign-in failed: ${signIn.statusCode} ${signIn.body}`);
  const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
  const account = await inject(app, { method: 'GET', url: '/community/account', headers: { cookie } });
  const client = readerClient(app, email, cookie, csrfOf(account.body));
  const saved = await client.form('/community/account', {
    displayName,
    acceptGuidelines: 'yes',
    ...(options.notifyReplies ? { notifyReplies: 'yes' } : {}),
  });
  if (saved.statusCode !== 303) throw new Error(`profile failed: ${saved.statusCode} ${saved.body}`);
  return client;
}
