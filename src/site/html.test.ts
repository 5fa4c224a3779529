import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, jsonForScript, SafeHtml } from './html.ts';

test('interpolated text is escaped; nested html is kept; arrays join; null and false vanish', () => {
  const name = '<script>alert("x")</script> & co';
  const out = html`<p title="${name}">${name}${html`<b>ok</b>`}${[html`<i>1</i>`, '<2>']}${null}${false}</p>`;
  assert.ok(out instanceof SafeHtml);
  assert.equal(
    out.value,
    '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co<b>ok</b><i>1</i>&lt;2&gt;</p>',
  );
});

test('JSON for a script element cannot close it or open a comment', () => {
  const out = jsonForScript({ text: '</script><!-- & \u2028' }).value;
  assert.ok(!out.includes('</script'));
  assert.ok(!out.includes('<!--'));
  assert.deepEqual(JSON.parse(out), { text: '</script><!-- & \u2028' });
});
