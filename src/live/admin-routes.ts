/**
 * The admin API's live TV routes (an extension of /api/admin/v1, permission `live.manage`): the
 * channel, its programmes, the expanded schedule and XMLTV import. Every write is audited.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AdminExtension, type AuditLog, signedIn } from '../newsroom/index.ts';
import type { Clock } from '../platform/clock.ts';
import { LiveInvalidError } from './errors.ts';
import type { LiveService } from './live-service.ts';
import type { Programme, ProgrammeInput, Recurrence } from './model.ts';
import { parseXmltv, programmesOfChannel } from './xmltv.ts';

const manage = { action: 'live.manage' } as const;
const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
const siteParams = { type: 'object', properties: { id }, required: ['id'] } as const;
const programmeParams = { type: 'object', properties: { id }, required: ['id'] } as const;
const url = { type: 'string', maxLength: 2000 } as const;
const optionalUrl = { type: ['string', 'null'], maxLength: 2000 } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;

const channelBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 500 },
    streamUrl: url,
    backupUrl: optionalUrl,
    posterUrl: optionalUrl,
    onAir: { type: 'boolean' },
  },
  required: ['name', 'streamUrl', 'onAir'],
} as const;

const programmeFields = {
  title: { type: 'string', maxLength: 1000 },
  description: { type: 'string', maxLength: 10_000 },
  startsAt: dateTime,
  endsAt: dateTime,
  host: { type: ['string', 'null'], maxLength: 1000 },
  imageUrl: optionalUrl,
  recurrence: { type: 'string', enum: ['none', 'weekly'] },
} as const;

const range = {
  type: 'object',
  additionalProperties: false,
  properties: { from: dateTime, to: dateTime },
} as const;

interface ProgrammeBody {
  title?: string;
  description?: string;
  startsAt?: string;
  endsAt?: string;
  host?: string | null;
  imageUrl?: string | null;
  recurrence?: Recurrence;
}

function programmeJson(p: Programme) {
  return { ...p, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString() };
}

function toInput(
  body: Required<Pick<ProgrammeBody, 'title' | 'startsAt' | 'endsAt'>> & ProgrammeBody,
  base?: Programme,
): ProgrammeInput {
  return {
    title: body.title,
    description: body.description ?? base?.description ?? '',
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    host: body.host !== undefined ? body.host : (base?.host ?? null),
    imageUrl: body.imageUrl !== undefined ? body.imageUrl : (base?.imageUrl ?? null),
    recurrence: body.recurrence ?? base?.recurrence ?? 'none',
  };
}

/** Live refusals in the admin API's format: field problems are 422 VALIDATION, the rest keep their code. */
function liveErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof LiveInvalidError) {
    return reply.code(422).send({
      error: 'VALIDATION',
      message: `Some fields are not valid: ${error.problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
      fields: error.problems,
    });
  }
  if (typeof error.code === 'string' && error.code.startsWith('LIVE_')) {
    return reply.code(error.statusCode ?? 400).send({ error: error.code, message: error.message });
  }
  throw error;
}

/**
 * @example
 * await app.register(adminApiPlugin, { …, extensions: [liveAdminExtension({ live, audit, clock })] });
 */
export function liveAdminExtension(deps: {
  live: LiveService;
  audit: AuditLog;
  clock: Clock;
}): AdminExtension {
  const { live, audit, clock } = deps;
  return {
    name: 'live',
    description: 'Live TV: each site’s channel, programme schedule and XMLTV import',
    routes: async (app: FastifyInstance) => {
      app.setErrorHandler(liveErrorHandler);
      const record = (
        request: FastifyRequest,
        action: string,
        siteId: number,
        subjectId: number | null,
        details = {},
      ) =>
        audit.record({
          at: clock.now(),
          userId: signedIn(request).user.id,
          action,
          subjectType: action.startsWith('live.channel') ? 'live_channel' : 'live_programme',
          subjectId,
          siteId,
          details,
        });

      app.get<{ Params: { id: number } }>(
        '/live/sites/:id/channel',
        { schema: { tags: ['live'], summary: 'The site’s channel', params: siteParams }, config: manage },
        async (request, reply) => {
          const channel = await live.channel(request.params.id);
          if (!channel) {
            return reply.code(404).send({
              error: 'NOT_FOUND',
              message: 'This site has no channel yet; PUT one with name, streamUrl and onAir.',
            });
          }
          return channel;
        },
      );

      app.put<{
        Params: { id: number };
        Body: {
          name: string;
          streamUrl: string;
          backupUrl?: string | null;
          posterUrl?: string | null;
          onAir: boolean;
        };
      }>(
        '/live/sites/:id/channel',
        {
          schema: {
            tags: ['live'],
            summary: 'Set up or change the site’s channel',
            params: siteParams,
            body: channelBody,
          },
          config: manage,
        },
        async (request) => {
          const siteId = request.params.id;
          const body = request.body;
          const channel = await live.saveChannel(siteId, {
            name: body.name,
            streamUrl: body.streamUrl,
            backupUrl: body.backupUrl ?? null,
            posterUrl: body.posterUrl ?? null,
            onAir: body.onAir,
          });
          await record(request, 'live.channel.save', siteId, null, {
            onAir: channel.onAir,
            streamUrl: channel.streamUrl,
          });
          return channel;
        },
      );

      app.get<{ Params: { id: number }; Querystring: { from?: string; to?: string } }>(
        '/live/sites/:id/programmes',
        {
          schema: {
            tags: ['live'],
            summary: 'The programmes as entered (weekly ones once)',
            params: siteParams,
            querystring: range,
          },
          config: manage,
        },
        async (request) => {
          const { from, to } = request.query;
          const programmes = await live.programmes(request.params.id, {
            from: from ? new Date(from) : undefined,
            to: to ? new Date(to) : undefined,
          });
          return { data: programmes.map(programmeJson) };
        },
      );

      app.get<{ Params: { id: number }; Querystring: { from: string; to: string } }>(
        '/live/sites/:id/schedule',
        {
          schema: {
            tags: ['live'],
            summary: 'Every airing in a range (at most 31 days), weekly programmes expanded',
            params: siteParams,
            querystring: { ...range, required: ['from', 'to'] },
          },
          config: manage,
        },
        async (request) => {
          const from = new Date(request.query.from);
          const to = new Date(request.query.to);
          const days = (to.getTime() - from.getTime()) / 86_400_000;
          if (!(days > 0 && days <= 31)) {
            throw new LiveInvalidError([
              { field: 'to', message: 'must be after from, and at most 31 days after it' },
            ]);
          }
          const airings = await live.airings(request.params.id, from, to);
          return {
            data: airings.map((a) => ({
              ...a,
              startsAt: a.startsAt.toISOString(),
              endsAt: a.endsAt.toISOString(),
            })),
          };
        },
      );

      app.post<{
        Params: { id: number };
        Body: ProgrammeBody & { title: string; startsAt: string; endsAt: string };
      }>(
        '/live/sites/:id/programmes',
        {
          schema: {
            tags: ['live'],
            summary: 'Add a programme (refused when it overlaps another)',
            params: siteParams,
            body: {
              type: 'object',
              additionalProperties: false,
              properties: programmeFields,
              required: ['title', 'startsAt', 'endsAt'],
            },
          },
          config: manage,
        },
        async (request, reply) => {
          const siteId = request.params.id;
          const programme = await live.createProgramme(siteId, toInput(request.body));
          await record(request, 'live.programme.create', siteId, programme.id, { title: programme.title });
          return reply.code(201).send(programmeJson(programme));
        },
      );

      app.get<{ Params: { id: number } }>(
        '/live/programmes/:id',
        { schema: { tags: ['live'], summary: 'One programme', params: programmeParams }, config: manage },
        async (request, reply) => {
          const programme = await live.programme(request.params.id);
          if (!programme)
            return reply
              .code(404)
              .send({ error: 'NOT_FOUND', message: `There is no programme ${request.params.id}.` });
          return programmeJson(programme);
        },
      );

      app.patch<{ Params: { id: number }; Body: ProgrammeBody }>(
        '/live/programmes/:id',
        {
          schema: {
            tags: ['live'],
            summary: 'Change a programme (the fields sent)',
            params: programmeParams,
            body: {
              type: 'object',
              additionalProperties: false,
              properties: programmeFields,
              minProperties: 1,
            },
          },
          config: manage,
        },
        async (request, reply) => {
          const found = await live.programme(request.params.id);
          if (!found)
            return reply
              .code(404)
              .send({ error: 'NOT_FOUND', message: `There is no programme ${request.params.id}.` });
          const body = request.body;
          const input = toInput(
            {
              ...body,
              title: body.title ?? found.title,
              startsAt: body.startsAt ?? found.startsAt.toISOString(),
              endsAt: body.endsAt ?? found.endsAt.toISOString(),
            },
            found,
          );
          const programme = await live.updateProgramme(found.id, input);
          await record(request, 'live.programme.update', found.siteId, found.id, {
            fields: Object.keys(body),
          });
          return programmeJson(programme);
        },
      );

      app.delete<{ Params: { id: number } }>(
        '/live/programmes/:id',
        {
          schema: {
            tags: ['live'],
            summary: 'Delete a programme (every airing of a weekly one)',
            params: programmeParams,
          },
          config: manage,
        },
        async (request, reply) => {
          const programme = await live.deleteProgramme(request.params.id);
          await record(request, 'live.programme.delete', programme.siteId, programme.id, {
            title: programme.title,
          });
          return reply.code(204).send();
        },
      );

      app.post<{ Params: { id: number }; Body: { xml: string; channel?: string } }>(
        '/live/sites/:id/schedule/import',
        {
          schema: {
            tags: ['live'],
            summary:
              'Import an XMLTV guide: replaces the one-off programmes in the span it covers, all or nothing',
            params: siteParams,
            body: {
              type: 'object',
              additionalProperties: false,
              properties: {
                xml: { type: 'string', maxLength: 5_000_000 },
                channel: { type: 'string', maxLength: 200 },
              },
              required: ['xml'],
            },
          },
          config: manage,
          bodyLimit: 6 * 1024 * 1024,
        },
        async (request) => {
          const siteId = request.params.id;
          const programmes = programmesOfChannel(parseXmltv(request.body.xml), request.body.channel);
          const result = await live.importProgrammes(siteId, programmes);
          await record(request, 'live.schedule.import', siteId, null, {
            imported: result.imported,
            replaced: result.replaced,
          });
          return {
            imported: result.imported,
            replaced: result.replaced,
            from: result.from?.toISOString() ?? null,
            to: result.to?.toISOString() ?? null,
          };
        },
      );
    },
  };
}
