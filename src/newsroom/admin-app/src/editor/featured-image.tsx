/**
 * The featured image: a URL, or a file dropped on the upload area, stored in the media library
 * (POST /media, with the alt text, caption and credit typed below).
 */
import { useRef, useState } from 'react';
import { api } from '../api.ts';
import type { Image } from '../types.ts';

export function FeaturedImageField(props: {
  siteId?: number;
  value: Image | null;
  onChange: (image: Image | null) => void;
  error?: string;
}) {
  const [over, setOver] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const image = props.value;
  const set = (changes: Partial<Image>) => {
    const next = { src: '', alt: '', ...image, ...changes };
    props.onChange(next.src.trim() === '' && !next.alt && !next.caption && !next.credit ? null : next);
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const alt = image?.alt?.trim() ?? '';
    if (alt === '') {
      setStatus('Write the alt text first: the media library keeps it with the image.');
      return;
    }
    setStatus(`Uploading ${file.name}…`);
    try {
      const media = await api.upload({
        file,
        alt,
        caption: image?.caption,
        credit: image?.credit,
        site: props.siteId,
      });
      set({
        src: media.url,
        width: media.width,
        height: media.height,
        alt: media.alt,
        caption: media.caption || undefined,
        credit: media.credit || undefined,
      });
      setStatus(null);
      if (input.current) input.current.value = '';
    } catch (err) {
      setStatus(err instanceof Error ? err.message : 'The upload failed.');
    }
  };
  return (
    <div className={props.error ? 'field has-error' : 'field'}>
      <span className="field-label">Featured image</span>
      {image?.src ? <img className="featured-thumb" src={image.src} alt="" /> : null}
      <button
        type="button"
        className={over ? 'drop-zone over' : 'drop-zone'}
        onClick={() => input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void upload(e.dataTransfer.files[0]);
        }}
      >
        Drop an image here or choose a file (write the alt text first)
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        hidden
        onChange={(e) => void upload(e.target.files?.[0])}
      />
      {status ? (
        <p className="hint" role="status">
          {status}
        </p>
      ) : null}
      <label className="field-label" htmlFor="featured-src">
        Image URL
      </label>
      <input
        id="featured-src"
        type="url"
        value={image?.src ?? ''}
        placeholder="https://…"
        onChange={(e) => set({ src: e.target.value })}
      />
      <label className="field-label" htmlFor="featured-alt">
        Alt text
      </label>
      <input id="featured-alt" value={image?.alt ?? ''} onChange={(e) => set({ alt: e.target.value })} />
      <div className="row">
        <div className="flex-1">
          <label className="field-label" htmlFor="featured-caption">
            Caption
          </label>
          <input
            id="featured-caption"
            value={image?.caption ?? ''}
            onChange={(e) => set({ caption: e.target.value })}
          />
        </div>
        <div className="flex-1">
          <label className="field-label" htmlFor="featured-credit">
            Credit
          </label>
          <input
            id="featured-credit"
            value={image?.credit ?? ''}
            onChange={(e) => set({ credit: e.target.value })}
          />
        </div>
      </div>
      {props.error ? (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
