import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { buildApp } from '../app.ts';
import type { InboxAnswer } from '../newsletter/index.ts';
import type { CliIo, CliValues } from './main.ts';
import { openFromCli } from './open.ts';

/**
 * `dateline newsletter bounces --file PATH|-` or `--maildir DIR`: records bounce messages
 * (RFC 3464 delivery status notifications and the common non-standard bounces). A mail server
 * can pipe each message arriving at the bounce address into `--file -`; a cron job can sweep a
 * maildir, whose processed messages move from new/ to cur/ (flag S) so the next sweep skips them.
 * Exit code 0 when every message was read (bounces and non-bounces alike), 1 when one could not be.
 */
export async function bouncesCommand(values: CliValues, io: CliIo): Promise<number> {
  if (!values.file === !values.maildir) {
    io.err(
      'dateline: `newsletter bounces` needs --file PATH (a message; - reads standard input) or --maildir DIR.',
    );
    return 2;
  }
  const messages: { name: string; read: () => Promise<Buffer>; done?: () => Promise<void> }[] = [];
  if (values.file === '-') {
    messages.push({ name: 'standard input', read: () => readStdin() });
  } else if (values.file) {
    const path = values.file;
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      io.err(`dateline: ${path} is not a file.`);
      return 1;
    }
    messages.push({ name: basename(path), read: () => readFile(path) });
  } else {
    const dir = values.maildir!;
    const names = await readdir(join(dir, 'new')).catch(() => null);
    if (!names) {
      io.err(`dateline: ${dir} is not a maildir (it has no new/ folder).`);
      return 1;
    }
    for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
      const from = join(dir, 'new', name);
      messages.push({
        name,
        read: () => readFile(from),
        done: () => rename(from, join(dir, 'cur', `${name.split(':')[0]}:2,S`)),
      });
    }
  }
  const { config, database } = await openFromCli(values);
  const app = await buildApp({ config, database });
  app.addHook('onClose', () => database.close());
  let failures = 0;
  const tally = { suppressed: 0, counted: 0, duplicate: 0, unknown: 0, ignored: 0 };
  try {
    for (const message of messages) {
      let answer: InboxAnswer;
      try {
        answer = await app.services.newsletter.bounces.receive(await message.read());
      } catch (error) {
        failures += 1;
        io.err(`${message.name}: could not be read: ${(error as Error).message}`);
        continue;
      }
      if (!answer.bounce) {
        tally.ignored += 1;
        io.out(`${message.name}: ignored: ${answer.reason}`);
      } else {
        for (const r of answer.recipients) {
          tally[r.outcome] += 1;
          const status = r.status ? ` ${r.status}` : '';
          io.out(
            `${message.name}: ${r.kind} bounce${status} for ${r.email ?? 'an unnamed recipient'}: ${r.outcome}`,
          );
        }
      }
      await message.done?.();
    }
  } finally {
    await app.close();
  }
  io.out(
    `${messages.length} message(s): ${tally.suppressed} suppressed, ${tally.counted} soft bounce(s) counted, ${tally.duplicate} already recorded, ${tally.unknown} unknown address(es), ${tally.ignored} not a bounce.`,
  );
  return failures > 0 ? 1 : 0;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
