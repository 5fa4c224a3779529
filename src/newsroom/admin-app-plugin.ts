/**
 * Serves the built admin web app (Vite's output) under /admin. The files are read once, when the
 * plugin registers: content-hashed assets are immutable, index.html is revalidated every time,
 * and every other /admin/* path answers index.html so the client router can take it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface AdminAppOptions {
  /** Where `npm run build:admin` wrote the app; defaults to the repository's dist/admin. */
  readonly dir?: string;
}

export const defaultAdminAppDir = fileURLToPath(new URL('../../dist/admin', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * No inline script or style, no third-party code. Images may come from any https host (featured
 * images pasted as URLs); previews are framed from the same origin.
 */
export const adminAppCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface AppFile {
  readonly body: Buffer;
  readonly type: string;
  /** Text files, compressed once when read. */
  readonly br?: Buffer;
  readonly gzip?: Buffer;
}

/** Builds are read once per process and path (tests build many apps). */
const builds = new Map<string, Map<string, AppFile>>();

function readBuild(dir: string): Map<string, AppFile> {
  const files = new Map<string, AppFile>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const type = contentTypes[extname(name)] ?? 'application/octet-stream';
        const body = readFileSync(path);
        const text = /^(text|application\/json|image\/svg)/.test(type) && body.length > 1024;
        files.set(`/${relative(dir, path).split(sep).join('/')}`, {
          body,
          type,
          ...(text
            ? {
                br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
                gzip: gzipSync(body, { level: 9 }),
              }
            : {}),
        });
      }
    }
  };
  walk(dir);
  return files;
}

export async function adminAppPlugin(app: FastifyInstance, options: AdminAppOptions): Promise<void> {
  const dir = options.dir ?? defaultAdminAppDir;
  const stamp = existsSync(join(dir, 'index.html'))
    ? `${dir}|${statSync(join(dir, 'index.html')).mtimeMs}`
    : null;
  if (stamp && !builds.has(stamp)) builds.set(stamp, readBuild(dir));
  const files = stamp ? builds.get(stamp)! : null;
  const index = files?.get('/index.html');

  const headers = (reply: FastifyReply) =>
    reply
      .header('content-security-policy', adminAppCsp)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header('x-frame-options', 'DENY');

  const send = (request: FastifyRequest, reply: FastifyReply, file: AppFile) => {
    reply.type(file.type).header('vary', 'Accept-Encoding');
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (file.br && /\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(file.br);
    if (file.gzip && /\bgzip\b/.test(accepts))
      return reply.header('content-encoding', 'gzip').send(file.gzip);
    return reply.send(file.body);
  };

  const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
    headers(reply);
    if (!index) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(
          'The admin app is not built: run `npm run build:admin` (npm start and npm test do it for you).',
        );
    }
    return send(request, reply.header('cache-control', 'no-cache'), index);
  };

  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));
  app.get('/admin/*', async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (path.startsWith('assets/')) {
      const file = files?.get(`/${path}`);
      if (!file) {
        return headers(reply)
          .code(404)
          .header('cache-control', 'no-store')
          .type('text/plain; charset=utf-8')
          .send('Not found');
      }
      // Vite names every asset by its content hash: a new build is a new URL.
      return send(
        request,
        headers(reply).header('cache-control', 'public, max-age=31536000, immutable'),
        file,
      );
    }
    return sendIndex(request, reply);
  });
}
