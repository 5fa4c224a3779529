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
