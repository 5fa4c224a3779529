import { buildAdminTestApp } from './admin-api.ts';
import type { ReceivedMail, SmtpSink } from './smtp-sink.ts';

export const TEST_SECRET = 'test-secret-key-for-newsletter-links-0123456789';

/**
 * The admin test app (small site "Daily Test" on daily.test) plus a second brand ("Money Test" on
 * money.test), sending mail to the sink.
 */
export async function buildNewsletterTestApp(
  sink: SmtpSink,
  options: Parameters<typeof buildAdminTestApp>[0] = {},
) {
  const built = await buildAdminTestApp({
    ...options,
    env: { SMTP_URL: sink.url, SECRET_KEY: TEST_SECRET, PUBLIC_PORT: '80', ...options.env },
  });
  const { content } = built.app.services;
  const money = await content.taxonomy.createSite(
    {
      slug: 'money',
      name: 'Money Test',
      tagline: 'Money for tests',
      timeZone: 'America/New_York',
      locale: 'en-US',
      company: 'Test Media Co.',
      logoUrl: '',
      trademarkText: 'Money Test is a registered trademark of Test Media Co.',
      navigation: [],
      hosts: ['money.test'],
      isDefault: false,
    },
    new Date(),
  );
  const moneySection = await content.taxonomy.createSection({
    siteId: money.id,
    parentId: null,
    slug: 'markets',
    name: 'Markets',
    description: '',
    position: 0,
  });
  await content.load();
  return { ...built, money, moneySection };
}

/** The first http(s) link in a mail's text part that contains `path`. */
export function linkIn(mail: ReceivedMail, path: string): URL {
  const text = String(mail.parsed.text ?? '');
  const found = text.match(/https?:\/\/\S+/g)?.find((u) => u.includes(path));
  if (!found) throw new Error(`no link to ${path} in: ${text}`);
  return new URL(found);
}

/** The path and query of a link, for app.inject. */
export const pathOf = (url: URL) => `${url.pathname}${url.search}`;

/** Publishes an article on a site now (by the test clock) and answers its id. */
export async function publishArticle(
  app: import('fastify').FastifyInstance,
  input: { siteId: number; sectionId: number; headline: string; summary?: string },
): Promise<number> {
  const { content } = app.services;
  const draft = await content.createArticle(
    {
      ...input,
      summary: input.summary ?? `Summary of ${input.headline}`,
      body: [{ type: 'paragraph', text: `Body of ${input.headline}` }],
    },
    { savedBy: null },
  );
  await content.publishArticle(draft.id, { savedBy: null });
  return draft.id;
}

/** Signs an address up on a host and follows the confirmation link in the mail it gets. */
export async function subscribeConfirmed(
  app: import('fastify').FastifyInstance,
  sink: SmtpSink,
  options: { email: string; zip?: string; lists?: string[]; host?: string },
): Promise<void> {
  const host = options.host ?? 'daily.test';
  const before = sink.to(options.email).length;
  const body = new URLSearchParams({ email: options.email, zip: options.zip ?? '' });
  for (const list of options.lists ?? ['daily']) body.append('list', list);
  const res = await app.inject({
    method: 'POST',
    url: '/newsletter/signup',
    headers: { host, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': options.email },
    payload: body.toString(),
  });
  if (res.statusCode !== 200) throw new Error(`signup of ${options.email}: ${res.statusCode}`);
  const deadline = Date.now() + 5000;
  while (sink.to(options.email).length <= before) {
    if (Date.now() > deadline) throw new Error(`no confirmation mail for ${options.email}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const mail = sink.to(options.email).at(-1)!;
  const confirmed = await app.inject({ url: pathOf(linkIn(mail, '/newsletter/confirm')), headers: { host } });
  if (confirmed.statusCode !== 200) throw new Error(`confirming ${options.email}: ${confirmed.statusCode}`);
}
