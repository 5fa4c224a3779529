/**
 * The article body both ways: the content model's blocks ⇄ the editor's ProseMirror document
 * (as JSON, the shape Tiptap's getJSON/setContent use). Pure, so it is tested without a browser.
 *
 * | block     | editor node                                                  |
 * | --------- | ------------------------------------------------------------ |
 * | paragraph | paragraph                                                    |
 * | subhead   | heading (level 2)                                            |
 * | quote     | blockquote (attr cite) of paragraphs, one per line of text   |
 * | list      | bulletList / orderedList of listItem > paragraph             |
 * | image     | image (atom; attrs src, alt, caption, credit, width, height) |
 * | embed     | embed (atom; attrs url, title)                               |
 *
 * The model's text is plain, so marks are dropped and a hard break becomes a space. Empty
 * paragraphs, subheads and quotes (the editor always has a last empty line) are left out; an
 * image or embed without its URL is left out too until the URL is typed.
 */
import type { Block } from '../../../../content/model.ts';

export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

const text = (value: string): DocNode[] => (value === '' ? [] : [{ type: 'text', text: value }]);
const paragraph = (value: string): DocNode => ({ type: 'paragraph', content: text(value) });

export function blocksToDoc(blocks: readonly Block[]): DocNode {
  const content = blocks.map(blockToNode);
  return { type: 'doc', content: content.length > 0 ? content : [paragraph('')] };
}

function blockToNode(block: Block): DocNode {
  switch (block.type) {
    case 'paragraph':
      return paragraph(block.text);
    case 'subhead':
      return { type: 'heading', attrs: { level: 2 }, content: text(block.text) };
    case 'quote':
      return {
        type: 'blockquote',
        attrs: { cite: block.cite ?? '' },
        content: block.text.split('\n').map(paragraph),
      };
    case 'list':
      return {
        type: block.ordered ? 'orderedList' : 'bulletList',
        content: (block.items.length > 0 ? block.items : ['']).map((item) => ({
          type: 'listItem',
          content: [paragraph(item)],
        })),
      };
    case 'image':
      return {
        type: 'image',
        attrs: {
          src: block.src,
          alt: block.alt,
          caption: block.caption ?? '',
          credit: block.credit ?? '',
          width: block.width ?? null,
          height: block.height ?? null,
        },
      };
    case 'embed':
      return { type: 'embed', attrs: { url: block.url, title: block.title } };
  }
}

/** The plain text of a node: its text leaves in order, a hard break as a space. */
export function textOf(node: DocNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(textOf).join('');
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const positive = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

export function docToBlocks(doc: DocNode): Block[] {
  const blocks: Block[] = [];
  for (const node of doc.content ?? []) blocks.push(...nodeToBlocks(node));
  return blocks;
}

function nodeToBlocks(node: DocNode): Block[] {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'paragraph': {
      const value = textOf(node).trim();
      return value ? [{ type: 'paragraph', text: value }] : [];
    }
    case 'heading': {
      const value = textOf(node).trim();
      return value ? [{ type: 'subhead', text: value }] : [];
    }
    case 'blockquote': {
      const lines = (node.content ?? []).map((child) => textOf(child).trim()).filter(Boolean);
      if (lines.length === 0) return [];
      const cite = str(attrs.cite).trim();
      return [
        cite ? { type: 'quote', text: lines.join('\n'), cite } : { type: 'quote', text: lines.join('\n') },
      ];
    }
    case 'bulletList':
    case 'orderedList': {
      const items = listItems(node).filter(Boolean);
      return items.length > 0 ? [{ type: 'list', ordered: node.type === 'orderedList', items }] : [];
    }
    case 'image': {
      const src = str(attrs.src).trim();
      if (!src) return [];
      const caption = str(attrs.caption).trim();
      const credit = str(attrs.credit).trim();
      const width = positive(attrs.width);
      const height = positive(attrs.height);
      return [
        {
          type: 'image',
          src,
          alt: str(attrs.alt).trim(),
          ...(caption ? { caption } : {}),
          ...(credit ? { credit } : {}),
          ...(width && height ? { width, height } : {}),
        },
      ];
    }
    case 'embed': {
      const url = str(attrs.url).trim();
      return url ? [{ type: 'embed', url, title: str(attrs.title).trim() }] : [];
    }
    default: {
      // Anything else pasted in (a rule, a code block) keeps its words as a paragraph.
      const value = textOf(node).trim();
      return value ? [{ type: 'paragraph', text: value }] : [];
    }
  }
}

/** A list's items as text; a nested list's items become items of their own, in order. */
function listItems(list: DocNode): string[] {
  const items: string[] = [];
  for (const item of list.content ?? []) {
    const own = (item.content ?? []).filter((c) => c.type !== 'bulletList' && c.type !== 'orderedList');
    items.push(
      own
        .map((c) => textOf(c).trim())
        .filter(Boolean)
        .join(' '),
    );
    for (const nested of item.content ?? []) {
      if (nested.type === 'bulletList' || nested.type === 'orderedList') items.push(...listItems(nested));
    }
  }
  return items;
}

/** The body as readable text, one block a paragraph: for diffs and the conflict view. */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map(blockText).join('\n\n');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'subhead':
      return `## ${block.text}`;
    case 'quote':
      return `“${block.text}”${block.cite ? ` — ${block.cite}` : ''}`;
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${item}`).join('\n');
    case 'image':
      return `[Image: ${[block.caption, block.credit && `(${block.credit})`, block.src].filter(Boolean).join(' ')}]`;
    case 'embed':
      return `[Embed: ${block.title ? `${block.title} ` : ''}${block.url}]`;
  }
}
