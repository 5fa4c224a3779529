import { buildApp } from '../app.ts';
import type { CliIo, CliValues } from './main.ts';
import { openFromCli } from './open.ts';
import { startJobs, untilSignal } from './serve-command.ts';

/**
 * `dateline worker`: the background jobs without a web server, for installs whose web nodes run
 * `serve --no-jobs`. Any number may run: the job queue's claims let one node take each job.
 * The app is built (not listened on) because the jobs need the same services a node has.
 */
export async function workerCommand(values: CliValues, io: CliIo): Promise<number> {
  const { config, database } = await openFromCli(values);
  const app = await buildApp({ config, database });
  app.addHook('onClose', () => database.close());
  await startJobs(app.services);
  io.out(
    'Dateline worker: running scheduled publishing, newsletter sends and wire polling. Ctrl-C stops it.',
  );
  await untilSignal(io, 'finishing the jobs in flight and stopping.');
  await app.close();
  return 0;
}
