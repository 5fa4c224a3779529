/**
 * Whether a new item publishes on arrival or waits for the desk: the source's setting, unless
 * one of its publish rules matches the item's subjects or keywords. Precedence, most cautious
 * first, whatever the rules' order:
 *
 * 1. a matching "review" rule queues the item (a wrong auto-publish costs more than a wait);
 * 2. else a matching "publish" rule publishes it;
 * 3. else the source's own setting (auto-publish or desk review) decides.
 *
 * A subject rule matches an item's subject code or name, a keyword rule one of its keywords,
 * both ignoring case. The reason is stored on the item, so the desk sees why it is where it is.
 */
import type { PublishRule, WireSource } from '../sources.ts';
import type { WireItem } from '../wire-item.ts';

export interface PublishDecision {
  readonly publish: boolean;
  /** In the desk's words, e.g. `the rule for keyword "results" auto-publishes it`. */
  readonly reason: string;
}

export function decidePublishing(
  item: Pick<WireItem, 'subjects' | 'keywords'>,
  source: Pick<WireSource, 'autoPublish' | 'publishRules'>,
): PublishDecision {
  const subjects = new Set(
    item.subjects.flatMap((s) => [s.code, s.name]).flatMap((v) => (v ? [v.toLowerCase()] : [])),
  );
  const keywords = new Set(item.keywords.map((k) => k.toLowerCase()));
  const matches = (rule: PublishRule) =>
    rule.subject !== undefined
      ? subjects.has(rule.subject.toLowerCase())
      : rule.keyword !== undefined && keywords.has(rule.keyword.toLowerCase());
  const matching = source.publishRules.filter(matches);
  const rule = matching.find((r) => r.decision === 'review') ?? matching[0];
  if (rule) {
    const what = rule.subject !== undefined ? `subject "${rule.subject}"` : `keyword "${rule.keyword}"`;
    return rule.decision === 'review'
      ? { publish: false, reason: `The rule for ${what} sends it to desk review.` }
      : { publish: true, reason: `The rule for ${what} auto-publishes it.` };
  }
  return source.autoPublish
    ? { publish: true, reason: 'The source auto-publishes; no rule matched.' }
    : { publish: false, reason: 'The source waits for desk review; no rule matched.' };
}
