/**
 * Typed HTML that escapes by default. Interpolated values are escaped unless they are SafeHtml
 * (the output of `html` itself), so reader-supplied text can never become markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Renderable = SafeHtml | string | number | boolean | null | undefined | readonly Renderable[];

// Every attribute in our templates is double-quoted, so the apostrophe needs no escaping.
const specials = /[&<>"]/;
const specialsGlobal = /[&<>"]/g;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return specials.test(text) ? text.replace(specialsGlobal, (c) => entities[c]!) : text;
}

function render(value: Renderable): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) out += render(item);
    return out;
  }
  return escapeHtml(String(value));
}

/** html`<p>${text}</p>`: text is escaped, nested html`` is kept, arrays are joined, null/false vanish. */
export function html(strings: TemplateStringsArray, ...values: Renderable[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Marks trusted markup (constants, already-escaped output) as safe. Never pass user input. */
export function unsafeRaw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** JSON for a <script type="application/ld+json">: cannot close the script element or start a comment. */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}
