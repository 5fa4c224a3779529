/**
 * The article body in Tiptap (ProseMirror). The document is mapped to the content model's blocks
 * on every change (blocks.ts); the parent only ever sees blocks.
 */

import type { NodeViewProps } from '@tiptap/react';
import {
  type Editor,
  EditorContent,
  NodeViewWrapper,
  ReactNodeViewRenderer,
  useEditor,
  useEditorState,
} from '@tiptap/react';
import { useEffect, useRef } from 'react';
import './prosemirror.css';
import type { Block } from '../types.ts';
import { blocksToDoc, type DocNode, docToBlocks } from './blocks.ts';
import { bodyExtensions, EmbedBlock, ImageBlock } from './schema.ts';

function ImageView({ node, updateAttributes, selected }: NodeViewProps) {
  const a = node.attrs as { src: string; alt: string; caption: string; credit: string };
  return (
    <NodeViewWrapper className={selected ? 'block-card selected' : 'block-card'} data-drag-handle="">
      <div className="kind">Image</div>
      {a.src ? <img src={a.src} alt={a.alt} /> : null}
      <div className="grid2" contentEditable={false}>
        <label>
          Image URL
          <input
            value={a.src}
            placeholder="https://…"
            onChange={(e) => updateAttributes({ src: e.target.value })}
          />
        </label>
        <label>
          Alt text
          <input
            value={a.alt}
            placeholder="What the image shows"
            onChange={(e) => updateAttributes({ alt: e.target.value })}
          />
        </label>
        <label>
          Caption
          <input value={a.caption} onChange={(e) => updateAttributes({ caption: e.target.value })} />
        </label>
        <label>
          Credit
          <input
            value={a.credit}
            placeholder="Photographer / Agency"
            onChange={(e) => updateAttributes({ credit: e.target.value })}
          />
        </label>
      </div>
    </NodeViewWrapper>
  );
}

function EmbedView({ node, updateAttributes, selected }: NodeViewProps) {
  const a = node.attrs as { url: string; title: string };
  return (
    <NodeViewWrapper className={selected ? 'block-card selected' : 'block-card'} data-drag-handle="">
      <div className="kind">Embed</div>
      <div className="grid2" contentEditable={false}>
        <label>
          URL
          <input
            value={a.url}
            placeholder="https://…"
            onChange={(e) => updateAttributes({ url: e.target.value })}
          />
        </label>
        <label>
          Title
          <input value={a.title} onChange={(e) => updateAttributes({ title: e.target.value })} />
        </label>
      </div>
    </NodeViewWrapper>
  );
}

const extensions = bodyExtensions().map((extension) =>
  extension.name === ImageBlock.name
    ? ImageBlock.extend({ addNodeView: () => ReactNodeViewRenderer(ImageView) })
    : extension.name === EmbedBlock.name
      ? EmbedBlock.extend({ addNodeView: () => ReactNodeViewRenderer(EmbedView) })
      : extension,
);

export interface BodyEditorProps {
  /** The body to start from; when `version` changes the editor is reset to it (restore, conflict). */
  readonly initial: readonly Block[];
  readonly version: number;
  readonly onChange: (blocks: Block[]) => void;
  readonly invalid?: boolean;
}

export function BodyEditor({ initial, version, onChange, invalid }: BodyEditorProps) {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const editor = useEditor({
    extensions,
    // Its CSS is in prosemirror.css: an injected <style> would break the admin's CSP.
    injectCSS: false,
    content: blocksToDoc(initial),
    editorProps: {
      attributes: {
        class: 'prose',
        'aria-label': 'Article body',
        'aria-multiline': 'true',
        role: 'textbox',
        'data-testid': 'body-editor',
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
      },
    },
    onUpdate: ({ editor }) => onChangeRef.current(docToBlocks(editor.getJSON() as DocNode)),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the version changes.
  useEffect(() => {
    if (editor && version > 0) editor.commands.setContent(blocksToDoc(initial), { emitUpdate: false });
  }, [editor, version]);

  return (
    <div className="body-editor">
      {editor ? <Toolbar editor={editor} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph') && !e.isActive('blockquote') && !e.isActive('listItem'),
      subhead: e.isActive('heading', { level: 2 }),
      quote: e.isActive('blockquote'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      cite: (e.getAttributes('blockquote').cite as string | undefined) ?? '',
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const button = (label: string, active: boolean, run: () => void, title?: string) => (
    <button
      type="button"
      aria-pressed={active}
      title={title ?? label}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Body formatting">
        {button('Paragraph', state.paragraph, () => chain().setParagraph().run())}
        {button('Subhead', state.subhead, () => chain().toggleHeading({ level: 2 }).run())}
        {button('Quote', state.quote, () => chain().toggleBlockquote().run())}
        {button('• List', state.bullet, () => chain().toggleBulletList().run(), 'Bulleted list')}
        {button('1. List', state.ordered, () => chain().toggleOrderedList().run(), 'Numbered list')}
        <span className="sep" aria-hidden="true" />
        {button('Image', false, () => chain().insertContent({ type: 'image' }).run(), 'Insert an image')}
        {button('Embed', false, () => chain().insertContent({ type: 'embed' }).run(), 'Insert an embed')}
        <span className="sep" aria-hidden="true" />
        <button type="button" disabled={!state.canUndo} onClick={() => chain().undo().run()}>
          Undo
        </button>
        <button type="button" disabled={!state.canRedo} onClick={() => chain().redo().run()}>
          Redo
        </button>
      </div>
      {state.quote ? (
        <div className="cite-bar">
          <label htmlFor="quote-cite">Quote attribution</label>
          <input
            id="quote-cite"
            value={state.cite}
            placeholder="Who said it"
            onChange={(e) => editor.chain().updateAttributes('blockquote', { cite: e.target.value }).run()}
          />
        </div>
      ) : null}
    </>
  );
}
