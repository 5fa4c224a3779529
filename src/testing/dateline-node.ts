/**
 * A `dateline serve` process for the multi-node tests: spawned from bin/dateline.js on a free
 * port with the given environment, its output kept for assertions and failure reports.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import type { Article, Section, Site } from '../content/index.ts';
import { createStaffUser } from '../newsroom/index.ts';
import { loadConfig } from '../platform/index.ts';
import { freePort } from './free-port.ts';
import { createSmallSite } from './small-site.ts';

const bin = fileURLToPath(new URL('../../bin/dateline.js', import.meta.url));

export interface DatelineNode {
  readonly base: string;
  readonly child: ChildProcess;
  output: string;
}

export async function startDatelineNode(env: Record<string, string>): Promise<DatelineNode> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const node: DatelineNode = { base: `http://127.0.0.1:${port}`, child, output: '' };
  child.stdout!.on('data', (c) => (node.output += c));
  child.stderr!.on('data', (c) => (node.output += c));
  // Generous: a cold start compiles TypeScript, and this machine is shared.
  const deadline = Date.now() + 150_000;
  while (!node.output.includes('Dateline is serving')) {
    assert.ok(Date.now() < deadline && child.exitCode === null, `node did not start:\n${node.output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return node;
}

/** Kills the nodes still running, printing the output of any that exited on its own. */
export function stopDatelineNodes(nodes: readonly DatelineNode[]): void {
  for (const node of nodes) {
    if (node.child.exitCode !== null && node.child.signalCode !== 'SIGKILL')
      console.log(`# a node exited (${node.child.exitCode}):\n${node.output.slice(-3000)}`);
    node.child.kill('SIGKILL');
  }
}

/** The editor every seeded node database has (`seedNodeDatabase`). */
export const NODE_EDITOR = {
  email: 'editor@example.org',
  password: 'a long enough test password 42',
} as const;

type Services = Awaited<ReturnType<typeof buildApp>>['services'];

/**
 * Fills the nodes' shared database before they start, through an app built and closed here (which
 * also runs the migrations): the small site, one published article and `NODE_EDITOR`; `more` adds
 * what the test needs while the app is open.
 */
export async function seedNodeDatabase<T>(
  env: Record<string, string>,
  options: {
    headline: string;
    more: (seeded: { services: Services; site: Site; world: Section; now: Date }) => Promise<T>;
  },
): Promise<{ article: Article; articlePath: string } & T> {
  const app = await buildApp({ config: loadConfig({ env: { ...env, LOG_LEVEL: 'silent' } }) });
  try {
    const { content, database } = app.services;
    const now = new Date();
    const { site, world } = await createSmallSite(content, now);
    const draft = await content.createArticle(
      {
        siteId: site.id,
        sectionId: world.id,
        headline: options.headline,
        body: [{ type: 'paragraph', text: 'Text' }],
      },
      { savedBy: null },
    );
    const article = await content.publishArticle(draft.id, { savedBy: null });
    const extra = await options.more({ services: app.services, site, world, now });
    await createStaffUser(database.db, { ...NODE_EDITOR, role: 'editor', name: 'Ed', at: now });
    return { article, articlePath: `/world/${article.slug}/${article.id}`, ...extra };
  } finally {
    await app.close();
  }
}

/** POSTs `NODE_EDITOR`'s sign-in to a node's admin API and answers the raw response. */
export function signInToNode(base: string): Promise<Response> {
  return fetch(`${base}/api/admin/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(NODE_EDITOR),
  });
}
