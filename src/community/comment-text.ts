/**
 * Reader text is plain text: it is never parsed as markup. It becomes paragraphs (blank lines),
 * line breaks, and links for http(s) URLs, as segments the template escapes one by one.
 */
export type TextSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string };

/** Lines of segments per paragraph: `paragraphs[p][line][segment]`. */
export type FormattedText = readonly (readonly (readonly TextSegment[])[])[];

const urlPattern = /\bhttps?:\/\/[^\s<>"'`]+/giu;
// Sentence punctuation after a URL is not part of it ("see https://x.example/a.").
const trailing = /[.,;:!?)\]}'"»”’]+$/u;

/** CRLF and lone CR become LF (browsers send textareas with CRLF); the ends are trimmed. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

export function formatCommentText(body: string): FormattedText {
  return normaliseText(body)
    .split(/\n[ \t]*\n\s*/)
    .filter((p) => p.length > 0)
    .map((paragraph) => paragraph.split('\n').map(linkify));
}

/** Whether the text carries a link readers could follow (for the new-account phase). */
export function containsLink(body: string): boolean {
  return formatCommentText(body).some((p) => p.some((line) => line.some((s) => s.kind === 'link')));
}

function linkify(line: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of line.matchAll(urlPattern)) {
    let candidate = match[0];
    const cut = trailing.exec(candidate);
    // Keep a closing parenthesis that closes one opened inside the URL (Wikipedia-style links).
    if (cut) {
      let keep = candidate.slice(0, cut.index);
      let rest = cut[0];
      while (rest.startsWith(')') && count(keep, '(') > count(keep, ')')) {
        keep += ')';
        rest = rest.slice(1);
      }
      candidate = keep;
    }
    const href = safeHref(candidate);
    if (!href) continue;
    const start = match.index;
    if (start > last) segments.push({ kind: 'text', text: line.slice(last, start) });
    segments.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < line.length) segments.push({ kind: 'text', text: line.slice(last) });
  return segments;
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

/** The URL as the WHATWG parser normalises it, only for http(s) with a host; else null. */
function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}
