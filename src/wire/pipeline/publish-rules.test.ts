import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublishRule } from '../sources.ts';
import { decidePublishing } from './publish-rules.ts';
import { wireItem } from './test-support.ts';

const sportResult = wireItem({
  subjects: [
    { code: 'medtop:15000000', name: 'Sport' },
    { code: 'medtop:11000000', name: 'Politics' },
  ],
  keywords: ['Results', 'Football'],
});
const decide = (autoPublish: boolean, publishRules: PublishRule[]) =>
  decidePublishing(sportResult, { autoPublish, publishRules });

test("without a matching rule the source's setting decides", () => {
  assert.deepEqual(decide(true, []), {
    publish: true,
    reason: 'The source auto-publishes; no rule matched.',
  });
  assert.deepEqual(decide(false, [{ keyword: 'weather', decision: 'publish' }]), {
    publish: false,
    reason: 'The source waits for desk review; no rule matched.',
  });
});

test('a rule overrides the source either way, matching codes, names and keywords without case', () => {
  assert.deepEqual(decide(false, [{ keyword: 'results', decision: 'publish' }]), {
    publish: true,
    reason: 'The rule for keyword "results" auto-publishes it.',
  });
  assert.equal(decide(false, [{ subject: 'MEDTOP:15000000', decision: 'publish' }]).publish, true);
  assert.deepEqual(decide(true, [{ subject: 'politics', decision: 'review' }]), {
    publish: false,
    reason: 'The rule for subject "politics" sends it to desk review.',
  });
});

test('a matching review rule wins over a matching publish rule, whatever their order', () => {
  const rules: PublishRule[] = [
    { keyword: 'Results', decision: 'publish' },
    { subject: 'medtop:11000000', decision: 'review' },
  ];
  assert.equal(decide(false, rules).publish, false);
  assert.equal(decide(true, [...rules].reverse()).publish, false);
  assert.match(decide(true, rules).reason, /subject "medtop:11000000" sends it to desk review/);
});
