/**
 * A `dateline serve` process for the multi-node tests: spawned from bin/dateline.js on a free
 * port with the given environment, its output kept for assertions and failure reports.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './pg-cluster.ts';

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
