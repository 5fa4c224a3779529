import type { Site } from '../content/index.ts';
import { escapeHtml } from './html.ts';

/** A wordmark logo drawn from the brand's name, for sites without an uploaded logo. */
export function wordmarkSvg(site: Site): string {
  const name = escapeHtml(site.name);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60" viewBox="0 0 600 60"><title>${name}</title><rect width="600" height="60" fill="#fff"/><text x="0" y="44" font-family="Georgia, serif" font-size="40" font-weight="700" fill="#111">${name}</text></svg>`;
}

export function iconSvg(site: Site): string {
  const letter = escapeHtml(site.name.slice(0, 1));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#b3001b"/><text x="32" y="45" text-anchor="middle" font-family="Georgia, serif" font-size="40" font-weight="700" fill="#fff">${letter}</text></svg>`;
}
