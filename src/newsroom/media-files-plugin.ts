/**
 * Serves the media library's renditions at /media/<hash>-<width>.<avif|webp|jpg>. A name is
 * its content, so the files are immutable: a year in every cache, never revalidated.
 */
import type { FastifyInstance } from 'fastify';
import { parseMediaFileName } from '../content/index.ts';
import type { MediaLibrary } from './media-library.ts';

const contentTypes = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' } as const;

export async function mediaFilesPlugin(app: FastifyInstance, { media }: { media: MediaLibrary }) {
  app.get<{ Params: { file: string } }>('/media/:file', async (request, reply) => {
    const parsed = parseMediaFileName(request.params.file);
    const file = parsed ? await media.openFile(request.params.file) : null;
    if (!parsed || !file) {
      return reply
        .code(404)
        .header('cache-control', 'public, max-age=60')
        .type('text/plain; charset=utf-8')
        .send('There is no such image.');
    }
    return reply
      .header('content-type', contentTypes[parsed.format])
      .header('content-length', file.size)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('last-modified', file.modifiedAt.toUTCString())
      .send(file.body);
  });
}
