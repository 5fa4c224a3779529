/**
 * POST /media (multipart: `file`, `alt`, `caption`, `credit`, `siteId`) and GET /media?site=&page=.
 * The upload is read whole into memory up to MEDIA_MAX_BYTES (413 past it), sniffed and
 * processed (415 when it is not an image), and only then written: a refused upload stores nothing.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Site } from '../content/index.ts';
import type { AdminRouteDeps } from './admin-api-plugin.ts';
import { findNul, signedIn } from './admin-http.ts';
import { listMediaSchema, uploadMediaSchema } from './admin-schemas.ts';
import { AdminError, type FieldError, ValidationError } from './errors.ts';
import type { MediaItem } from './media-library.ts';

const textLimits = { alt: 500, caption: 2000, credit: 300 } as const;
const knownFields = new Set(['alt', 'caption', 'credit', 'siteId', 'site']);

export async function mediaRoutes(app: FastifyInstance, deps: AdminRouteDeps) {
  const { media, content, audit, clock, mediaMaxBytes } = deps;
  const megabytes = `${Math.round((mediaMaxBytes / 1024 / 1024) * 10) / 10} MB`;
  await app.register(multipart, {
    limits: { fileSize: mediaMaxBytes, files: 1, fields: 10, parts: 12, fieldSize: 16_384 },
  });

  const siteFrom = (raw: string | number | undefined, field: string): Site => {
    if (raw === undefined || raw === '') {
      const fallback = content.sites.find((s) => s.isDefault) ?? content.sites[0];
      if (!fallback) throw new ValidationError([{ field, message: 'is required (GET /sites lists them)' }]);
      return fallback;
    }
    const id = Number(raw);
    const site = Number.isInteger(id) ? content.siteById(id) : undefined;
    if (!site)
      throw new ValidationError([{ field, message: `there is no site ${raw}; GET /sites lists them` }]);
    return site;
  };

  app.post(
    '/media',
    { schema: uploadMediaSchema, config: { action: 'media.upload' } },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AdminError.MediaUnsupported(
          'Send the image as multipart/form-data, in a part named "file", with alt, caption and credit fields.',
        );
      }
      const fields: Record<string, string> = {};
      const problems: FieldError[] = [];
      let file: { bytes: Buffer; name: string } | null = null;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const bytes = await part.toBuffer();
            if (part.fieldname !== 'file')
              problems.push({ field: part.fieldname, message: 'send the image as "file"' });
            else file = { bytes, name: part.filename || 'upload' };
          } else {
            if (!knownFields.has(part.fieldname)) {
              problems.push({ field: part.fieldname, message: 'is not a field of an upload' });
            } else if (part.valueTruncated || typeof part.value !== 'string') {
              problems.push({ field: part.fieldname, message: 'is too long' });
            } else fields[part.fieldname] = part.value;
          }
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AdminError.MediaTooLarge(
            `The file is larger than ${megabytes}, the most the media library takes. Nothing was stored; make the image smaller and upload it again.`,
          );
        }
        if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
          throw new ValidationError([
            { field: 'file', message: 'upload one image at a time, with alt, caption and credit' },
          ]);
        }
        throw error;
      }
      const nul = findNul(fields);
      if (nul) problems.push({ field: nul, message: 'must not contain NUL characters' });
      if (!file || file.bytes.length === 0)
        problems.push({ field: 'file', message: 'is required: the image to upload' });
      const alt = (fields.alt ?? '').trim();
      if (alt === '')
        problems.push({
          field: 'alt',
          message: 'is required: describe the image for readers who cannot see it',
        });
      for (const [name, limit] of Object.entries(textLimits)) {
        if ((fields[name] ?? '').length > limit)
          problems.push({ field: name, message: `must be at most ${limit} characters` });
      }
      const siteField = fields.siteId !== undefined ? 'siteId' : 'site';
      let site: Site | undefined;
      try {
        site = siteFrom(fields.siteId ?? fields.site, siteField);
      } catch (error) {
        if (error instanceof ValidationError) problems.push(...error.fields);
        else throw error;
      }
      if (problems.length > 0 || !file || !site) throw new ValidationError(problems);

      const { user } = signedIn(request);
      const result = await media.upload({
        siteId: site.id,
        bytes: file.bytes,
        originalName: file.name.slice(0, 255),
        alt,
        caption: (fields.caption ?? '').trim(),
        credit: (fields.credit ?? '').trim(),
        uploadedBy: user.id,
      });
      if (!result.ok) {
        if (result.reason === 'too_many_pixels') throw new AdminError.MediaTooLarge(result.message);
        throw new AdminError.MediaUnsupported(`${result.message} Nothing was stored.`);
      }
      await audit.record({
        at: clock.now(),
        userId: user.id,
        action: 'media.upload',
        subjectType: 'media',
        subjectId: result.item.id,
        siteId: site.id,
        details: {
          originalName: result.item.originalName,
          width: result.item.width,
          height: result.item.height,
        },
      });
      return reply
        .code(201)
        .header('location', `${app.prefix}/media/${result.item.id}`)
        .send({ data: answer(result.item) });
    },
  );

  app.get<{ Querystring: { site?: number; page?: number } }>(
    '/media',
    { schema: listMediaSchema, config: { action: 'article.read' } },
    async (request) => {
      const site = siteFrom(request.query.site, 'site');
      const { items, ...rest } = await media.list({ siteId: site.id, page: request.query.page });
      return { data: items.map(answer), ...rest };
    },
  );
}

function answer(item: MediaItem) {
  return {
    id: item.id,
    siteId: item.siteId,
    url: item.url,
    width: item.width,
    height: item.height,
    alt: item.alt,
    caption: item.caption,
    credit: item.credit,
    originalName: item.originalName,
    format: item.format,
    sizes: item.sizes,
    createdAt: item.createdAt,
  };
}
