/**
 * NewsML-G2: finds the news items in a document (a newsMessage's itemSet, or a lone newsItem)
 * and says why the other G2 roots (packages, concepts, knowledge, planning, catalogs,
 * fragments) are not text stories.
 */
import { type Refusal, refusal } from '../../wire-item.ts';
import { child, childrenNamed, type XmlElement } from '../xml.ts';

const itemRoots = new Set([
  'newsItem',
  'packageItem',
  'conceptItem',
  'knowledgeItem',
  'planningItem',
  'catalogItem',
]);

/** The G2 roots this parser knows, so detection can route a document here. */
export function isNewsMlG2(root: XmlElement): boolean {
  if (root.name === 'newsMessage')
    return child(root, 'itemSet') !== undefined || child(root, 'header') !== undefined;
  return itemRoots.has(root.name) || root.name === 'catalog';
}

/** Each item of the document, or why it is not a news item. */
export function parseNewsMlG2(root: XmlElement): Array<XmlElement | Refusal> {
  const items =
    root.name === 'newsMessage'
      ? childrenNamed(root, 'itemSet').flatMap((set) =>
          set.children.filter((c): c is XmlElement => typeof c !== 'string'),
        )
      : [root];
  if (items.length === 0) return [refusal('no_content', 'The NewsML-G2 news message carries no items.')];
  return items.map((item) => {
    if (item.name === 'newsItem') return item;
    const guid = item.attrs.guid ? ` ${item.attrs.guid}` : '';
    switch (item.name) {
      case 'packageItem':
        return refusal(
          'package',
          `NewsML-G2 packageItem${guid} is a package of other items, not a text story.`,
        );
      case 'conceptItem':
      case 'knowledgeItem':
        return refusal(
          'not_a_news_item',
          `NewsML-G2 ${item.name}${guid} describes concepts, not a news story.`,
        );
      case 'planningItem':
        return refusal(
          'not_a_news_item',
          `NewsML-G2 planningItem${guid} is coverage planning, not a news story.`,
        );
      case 'catalogItem':
      case 'catalog':
        return refusal(
          'not_a_news_item',
          `NewsML-G2 ${item.name} is a catalog of schemes, not a news story.`,
        );
      default:
        return refusal('not_a_news_item', `NewsML-G2 ${item.name} is not a news item.`);
    }
  });
}

/** Roots that are pieces of a G2 item shown on their own (IPTC's documentation listings). */
export const fragmentRoots = new Set(['groupSet', 'contentSet', 'contentMeta', 'itemMeta', 'rightsInfo']);
