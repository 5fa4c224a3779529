import { buildApp } from '../app.ts';
import type { EditionCounts } from '../newsletter/index.ts';
import { bouncesCommand } from './bounces-command.ts';
import type { CliIo, CliValues } from './main.ts';
import { openFromCli } from './open.ts';

/**
 * `dateline newsletter send --edition ID`: sends an edition from this process with a progress
 * bar, resuming from the send log if an earlier send was interrupted, and waiting out temporary
 * failures until every reader is sent, failed or suppressed. Answers null for an unknown subcommand.
 */
export async function newsletterCommand(
  subcommand: string | undefined,
  values: CliValues,
  io: CliIo,
): Promise<number | null> {
  if (subcommand === 'bounces') return bouncesCommand(values, io);
  if (subcommand !== 'send') return null;
  if (!/^[1-9]\d{0,9}$/.test(values.edition ?? '')) {
    io.err(
      'dateline: `newsletter send` needs --edition N (the id the admin API lists under /newsletter/editions).',
    );
    return 2;
  }
  const editionId = Number(values.edition);
  const { config, database } = await openFromCli(values);
  const app = await buildApp({ config, database });
  app.addHook('onClose', () => database.close());
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const { newsletter } = app.services;
    const edition = await newsletter.editions.get(editionId).catch(() => null);
    if (!edition) {
      io.err(`dateline: there is no edition ${editionId}.`);
      return 1;
    }
    const sender = newsletter.createSender();
    const bar = progressBar(io);
    for (;;) {
      const result = await sender.run(editionId, { onProgress: bar });
      bar(result.counts, true);
      if (result.resentAfterCrash > 0) {
        io.err(
          `Resent ${result.resentAfterCrash} message(s) an interrupted send had handed to SMTP (same Message-ID).`,
        );
      }
      if (result.done) {
        const c = result.counts;
        io.out(`Edition ${editionId}: ${c.sent} sent, ${c.failed} failed, ${c.suppressed} suppressed.`);
        return 0;
      }
      const until = result.busyUntil ?? result.retryAt ?? new Date(Date.now() + 60_000);
      io.err(
        result.busyUntil
          ? `Another process is sending edition ${editionId}; waiting until ${until.toISOString()}.`
          : `${result.counts.retry} temporary failure(s); retrying at ${until.toISOString()}.`,
      );
      while (!stopping && Date.now() < until.getTime()) await new Promise((r) => setTimeout(r, 250));
      if (stopping) {
        io.err('Stopped; run the same command again to resume.');
        return 130;
      }
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await app.close();
  }
}

/** A one-line bar on stderr (a TTY redraws it; elsewhere a line every 10%). */
function progressBar(io: CliIo) {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let lastDecile = -1;
  return (c: EditionCounts, final = false) => {
    const done = c.sent + c.failed + c.suppressed;
    const ratio = c.total === 0 ? 1 : done / c.total;
    const width = 30;
    const filled = Math.round(ratio * width);
    const rate = Math.round(c.sent / Math.max(0.001, (Date.now() - started) / 1000));
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(ratio * 100)}% ${done}/${c.total} · sent ${c.sent} · failed ${c.failed} · suppressed ${c.suppressed} · retry ${c.retry} · ${rate}/s`;
    if (tty) {
      process.stderr.write(`\r${line}${final ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile !== lastDecile || final) {
      lastDecile = decile;
      io.err(line);
    }
  };
}
