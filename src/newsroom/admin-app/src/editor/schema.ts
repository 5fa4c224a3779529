/**
 * The editor's document schema: StarterKit cut down to what the content model's blocks can hold
 * (no marks, subheads only at level 2), a blockquote with an attribution, and atom nodes for
 * images and embeds. No React here: node views are added by the body editor, and the schema
 * is checked in unit tests against the blocks mapping.
 */
import { type Extensions, mergeAttributes, Node } from '@tiptap/core';
import Blockquote from '@tiptap/extension-blockquote';
import StarterKit from '@tiptap/starter-kit';

export const QuoteWithCite = Blockquote.extend({
  addAttributes() {
    return {
      cite: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-cite') ?? '',
        renderHTML: (attributes) => ({ 'data-cite': attributes.cite }),
      },
    };
  },
});

export const ImageBlock = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: '' },
      alt: { default: '' },
      caption: { default: '' },
      credit: { default: '' },
      width: { default: null },
      height: { default: null },
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-block=image]' }, { tag: 'img[src]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'figure',
      mergeAttributes({ 'data-block': 'image' }),
      ['img', { src: HTMLAttributes.src, alt: HTMLAttributes.alt }],
    ];
  },
});

export const EmbedBlock = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { url: { default: '' }, title: { default: '' } };
  },
  parseHTML() {
    return [{ tag: 'figure[data-block=embed]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'figure',
      { 'data-block': 'embed' },
      ['a', { href: HTMLAttributes.url }, HTMLAttributes.title || HTMLAttributes.url],
    ];
  },
});

export function bodyExtensions(): Extensions {
  return [
    StarterKit.configure({
      bold: false,
      italic: false,
      strike: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      link: false,
      underline: false,
      blockquote: false,
      heading: { levels: [2] },
    }),
    QuoteWithCite,
    ImageBlock,
    EmbedBlock,
  ];
}
