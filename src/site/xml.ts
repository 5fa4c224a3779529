/**
 * Typed XML for feeds and sitemaps, escaping by default like `html`: interpolated values are
 * escaped unless they are SafeXml (the output of `xml` itself). Text from the newsroom can hold
 * characters XML 1.0 forbids (control characters, lone surrogates); they are dropped, so one
 * pasted headline can never make a whole feed unreadable.
 */
export class SafeXml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type XmlValue = SafeXml | string | number | boolean | null | undefined | readonly XmlValue[];

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

// Outside XML 1.0's Char production: C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF.
const forbidden =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Attributes are always double-quoted, so the apostrophe needs no escaping.
const specials = /[&<>"]/g;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text or attribute value as XML: forbidden characters dropped, `& < > "` escaped. */
export function escapeXml(text: string): string {
  return text.replace(forbidden, '').replace(specials, (c) => entities[c]!);
}

function render(value: XmlValue): string {
  if (value instanceof SafeXml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) out += render(item);
    return out;
  }
  return escapeXml(String(value));
}

/** xml`<title>${text}</title>`: text is escaped, nested xml`` kept, arrays joined, null/false vanish. */
export function xml(strings: TemplateStringsArray, ...values: XmlValue[]): SafeXml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeXml(out);
}
