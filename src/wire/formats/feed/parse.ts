/** RSS (0.9x, 1.0, 2.0) and Atom 1.0: the channel and its entries. */
import { type Refusal, refusal } from '../../wire-item.ts';
import { child, childrenNamed, type XmlElement } from '../xml.ts';

export interface ParsedFeed {
  readonly kind: 'rss' | 'atom';
  /** The channel (RSS) or feed (Atom) element: the agency and rights live here. */
  readonly channel: XmlElement;
  readonly entries: readonly XmlElement[];
}

export function isFeed(root: XmlElement): boolean {
  return root.name === 'rss' || root.name === 'feed' || root.name === 'RDF';
}

export function parseFeed(root: XmlElement): ParsedFeed | Refusal {
  if (root.name === 'feed') {
    const entries = childrenNamed(root, 'entry');
    if (entries.length === 0) return refusal('no_content', 'The Atom feed has no entries.');
    return { kind: 'atom', channel: root, entries };
  }
  const channel = child(root, 'channel');
  // RSS 1.0 (RDF) puts its items beside the channel; RSS 2.0 inside it.
  const entries = [
    ...childrenNamed(channel, 'item'),
    ...(root.name === 'RDF' ? childrenNamed(root, 'item') : []),
  ];
  if (!channel) return refusal('no_content', 'The RSS document has no channel.');
  if (entries.length === 0) return refusal('no_content', 'The RSS feed has no items.');
  return { kind: 'rss', channel, entries };
}
