import { buildApp, type Services } from '../app.ts';
import { seedDemoCommunity } from '../community/index.ts';
import { seedDemo } from '../content/demo/index.ts';
import { createContentService } from '../content/index.ts';
import { seedDemoLive } from '../live/index.ts';
import { createStaffUser } from '../newsroom/index.ts';
import { EventBus, systemClock } from '../platform/index.ts';
import type { CliIo, CliValues } from './main.ts';
import { openFromCli } from './open.ts';
import { progress } from './seed-command.ts';

/** Serves until SIGINT/SIGTERM, then lets in-flight requests finish and closes cleanly. */
export async function serveCommand(values: CliValues, io: CliIo): Promise<number> {
  const { config, database } = await openFromCli(values);
  let demoLogin: string | null = null;
  if (values.demo) {
    const content = createContentService({ db: database.db, events: new EventBus(), clock: systemClock });
    if ((await content.taxonomy.countSites()) === 0) {
      io.out('Empty database: seeding the demo publisher…');
      await seedDemo(content, { now: systemClock.now(), onProgress: progress(io) });
      await seedDemoLive(database.db, content, { now: systemClock.now() });
      await seedDemoCommunity(database.db, content, { now: systemClock.now() });
      // A demo admin with a generated password, shown once: only its argon2 hash is kept.
      const admin = await createStaffUser(database.db, {
        email: 'admin@harborline.example',
        role: 'admin',
        name: 'Demo Admin',
        at: systemClock.now(),
      });
      if (admin.ok && admin.generatedPassword) {
        demoLogin = `${admin.user.email} / ${admin.generatedPassword}`;
      }
    }
  }
  const app = await buildApp({ config, database });
  app.addHook('onClose', () => database.close());
  await app.services.newsletter.warmUp();
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    const { code, message } = error as { code?: string; message: string };
    io.err(
      `dateline: cannot listen on ${config.host}:${config.port}: ${code === 'EADDRINUSE' ? 'the port is in use' : message}`,
    );
    return 1;
  }
  // This process is also the worker, unless --no-jobs or JOBS=off leaves that to `dateline worker`.
  const runsJobs = config.jobs && !values['no-jobs'];
  if (runsJobs) await startJobs(app.services);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  io.out(`Dateline is serving ${app.services.content.sites.length} site(s) at http://${shown}:${port}/`);
  for (const site of app.services.content.sites) {
    if (site.hosts.some((h) => h.endsWith('.localhost'))) {
      io.out(`  ${site.name}: http://${site.hosts.find((h) => h.endsWith('.localhost'))}:${port}/`);
    }
  }
  if (demoLogin) {
    io.out(`Newsroom admin: http://${shown}:${port}/admin/ — sign in as ${demoLogin} (shown once)`);
  }
  if (!runsJobs) io.out('Background jobs are off here: run `dateline worker` for them.');
  io.out('Press Ctrl-C to stop.');

  await untilSignal(io, 'finishing requests in flight and stopping.');
  await app.close();
  return 0;
}

/** Starts the background work: scheduled publishing, newsletter editions and sends, wire polling. */
export async function startJobs(services: Services): Promise<void> {
  // Articles scheduled without a job (before scheduled publishing had one, or by an import) get theirs.
  await services.newsroom.publishing.catchUp();
  await services.newsletter.editions.scheduleDaily();
  services.jobs.start();
  // Drop folders and feed polling run only in a serving or worker process, never on import or build.
  services.wire.start();
}

/** Resolves on SIGINT or SIGTERM, after saying what happens next. */
export function untilSignal(io: CliIo, next: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      io.out(`Received ${signal}: ${next}`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
