import type { Site } from '../content/index.ts';
import { html, type SafeHtml } from '../site/index.ts';
import { isLocalTo, type Locality, type PlaceOfReader, placeKey } from './localities.ts';

export interface StoryLink {
  readonly id: number;
  readonly headline: string;
  readonly summary: string;
  /** Absolute. */
  readonly url: string;
  readonly section: string;
}

export interface EditionContent {
  readonly site: Site;
  readonly origin: string;
  readonly subject: string;
  readonly intro: string;
  /** "Tuesday, 21 October 2025" in the brand's zone. */
  readonly dateLabel: string;
  readonly stories: readonly StoryLink[];
  /** Recent local stories with where they are local; each reader sees those of their place. */
  readonly localStories: readonly { readonly story: StoryLink; readonly localities: readonly Locality[] }[];
}

export interface RenderedEmail {
  readonly html: string;
  readonly text: string;
}

const LOCAL_LIMIT = 5;
const UNSUBSCRIBE = '\u0000UNSUBSCRIBE\u0000';
const PREFERENCES = '\u0000PREFERENCES\u0000';
const LOCAL = '\u0000LOCAL\u0000';

/**
 * An edition compiled once: the shared HTML and text are rendered up front with markers for
 * what differs per reader (their local block, their unsubscribe and preferences links), so each
 * message costs a few string joins. Hand-written table HTML with inline styles (what every mail
 * client renders; see ARCHITECTURE.md for why not MJML), one column up to 600 px, fluid below.
 */
export class EditionTemplate {
  readonly #html: string[];
  readonly #text: string[];
  readonly #locals = new Map<string, { html: string; text: string }>();

  constructor(private readonly content: EditionContent) {
    this.#html = splitMarkers(renderHtml(content).value);
    this.#text = splitMarkers(renderText(content));
  }

  get subject(): string {
    return this.content.subject;
  }

  /** The email for one reader; links are absolute URLs (tokens are URL-safe). */
  forRecipient(options: {
    place: PlaceOfReader | null;
    unsubscribeUrl: string;
    preferencesUrl: string;
  }): RenderedEmail {
    const local = this.#localFor(options.place);
    const fill = (parts: string[], block: string) => {
      let out = '';
      for (const part of parts) {
        out +=
          part === UNSUBSCRIBE
            ? options.unsubscribeUrl
            : part === PREFERENCES
              ? options.preferencesUrl
              : part === LOCAL
                ? block
                : part;
      }
      return out;
    };
    return { html: fill(this.#html, local.html), text: fill(this.#text, local.text) };
  }

  #localFor(place: PlaceOfReader | null): { html: string; text: string } {
    if (!place?.state) return { html: '', text: '' };
    const key = placeKey(place);
    let block = this.#locals.get(key);
    if (!block) {
      const stories = this.content.localStories
        .filter((s) => s.localities.some((l) => isLocalTo(l, place)))
        .slice(0, LOCAL_LIMIT)
        .map((s) => s.story);
      const where = place.city ?? place.county ?? place.state;
      block =
        stories.length === 0
          ? { html: '', text: '' }
          : {
              html: html`<tr><td style="padding:24px 24px 4px;font-family:Arial,sans-serif;font-size:13px;font-weight:bold;letter-spacing:1px;text-transform:uppercase;color:#0b3d91">Local news for ${where}</td></tr>
${stories.map(storyRow)}`.value,
              text: `\nLOCAL NEWS FOR ${where.toUpperCase()}\n\n${stories.map(storyText).join('\n')}`,
            };
      if (this.#locals.size < 10_000) this.#locals.set(key, block);
    }
    return block;
  }
}

function splitMarkers(rendered: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the markers are NUL-delimited so no text can collide with them
  return rendered.split(/(\u0000[A-Z]+\u0000)/).filter((p) => p !== '');
}

function storyRow(story: StoryLink): SafeHtml {
  return html`<tr><td style="padding:12px 24px;border-bottom:1px solid #e5e5e5">
<div style="font-family:Arial,sans-serif;font-size:12px;color:#666666;text-transform:uppercase">${story.section}</div>
<a href="${story.url}" style="font-family:Georgia,serif;font-size:19px;line-height:1.3;font-weight:bold;color:#1a1a1a;text-decoration:none">${story.headline}</a>
${story.summary ? html`<div style="font-family:Georgia,serif;font-size:15px;line-height:1.5;color:#333333;padding-top:4px">${story.summary}</div>` : null}
</td></tr>
`;
}

function storyText(story: StoryLink): string {
  return `${story.headline}\n${story.summary ? `${story.summary}\n` : ''}${story.url}\n`;
}

function renderHtml(c: EditionContent): SafeHtml {
  // The markers are control characters, which `html` passes through (it escapes only & < > ").
  return html`<!doctype html>
<html lang="${c.site.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="x-apple-disable-message-reformatting"><title>${c.subject}</title>
<style>@media (max-width:620px){.wrap{width:100%!important}}</style></head>
<body style="margin:0;padding:0;background:#f4f4f4">
<div style="display:none;max-height:0;overflow:hidden">${c.intro || c.stories[0]?.headline || ''}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f4"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" class="wrap" width="600" cellpadding="0" cellspacing="0" style="width:600px;max-width:100%;background:#ffffff">
<tr><td style="padding:20px 24px;background:#0b3d91;font-family:Georgia,serif;font-size:24px;font-weight:bold;color:#ffffff"><a href="${c.origin}/" style="color:#ffffff;text-decoration:none">${c.site.name}</a><div style="font-family:Arial,sans-serif;font-size:13px;font-weight:normal;padding-top:4px">Daily Newsletter · ${c.dateLabel}</div></td></tr>
${c.intro ? html`<tr><td style="padding:20px 24px 4px;font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#1a1a1a">${c.intro}</td></tr>` : null}
<tr><td style="padding:20px 24px 4px;font-family:Arial,sans-serif;font-size:13px;font-weight:bold;letter-spacing:1px;text-transform:uppercase;color:#0b3d91">Top stories</td></tr>
${c.stories.map(storyRow)}
${LOCAL}
<tr><td style="padding:24px;font-family:Arial,sans-serif;font-size:12px;line-height:1.6;color:#666666">You receive this because you subscribed to ${c.site.name}'s Daily Newsletter. Privacy: we never share your email address.<br>
<a href="${PREFERENCES}" style="color:#0b3d91">Change your ZIP code or newsletters, or get or delete your data</a> · <a href="${UNSUBSCRIBE}" style="color:#0b3d91">Unsubscribe</a><br>
${c.site.trademarkText}</td></tr>
</table></td></tr></table></body></html>`;
}

function renderText(c: EditionContent): string {
  return [
    `${c.site.name} Daily Newsletter · ${c.dateLabel}`,
    '',
    ...(c.intro ? [c.intro, ''] : []),
    'TOP STORIES',
    '',
    c.stories.map(storyText).join('\n'),
    LOCAL,
    '',
    '--',
    `You receive this because you subscribed to ${c.site.name}'s Daily Newsletter.`,
    `Change your ZIP code or newsletters, or get or delete your data: ${PREFERENCES}`,
    `Unsubscribe: ${UNSUBSCRIBE}`,
  ].join('\n');
}
