import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless; null (after a one-line notice) when it is not installed outside CI. */
export async function launchChromium(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM_PATH)) {
    if (process.env.CI === 'true')
      throw new Error(`Chromium is required under CI but ${CHROMIUM_PATH} is missing`);
    console.log(`# notice: ${CHROMIUM_PATH} not found (apt-get install chromium); skipping browser tests`);
    return null;
  }
  // Playwright gives every launch a fresh, throwaway profile directory.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Runs axe on the page as it is now; answers each violation as `rule: its first three targets`.
 * The page's context must be opened with `bypassCSP: true` so that axe can be injected.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  });
}

/** Asserts the page as it is now has no axe violations and does not scroll sideways; `label` names it. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], label);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
}
