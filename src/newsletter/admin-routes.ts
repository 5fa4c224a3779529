import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ContentService } from '../content/index.ts';
import { AdminError, type AuditLog, signedIn, ValidationError } from '../newsroom/index.ts';
import type { Clock } from '../platform/index.ts';
import type { BounceInbox } from './bounces/bounce-inbox.ts';
import { MAX_BOUNCE_BYTES } from './bounces/parse-bounce.ts';
import { isDate, isSendTime } from './daily-schedule.ts';
import type { Editions } from './editions.ts';
import { NewsletterError } from './errors.ts';
import { type ArticleLocalities, parseLocalities } from './localities.ts';
import type { SubscriberAdmin, SubscriberFilter } from './subscriber-admin.ts';
import type { Subscriptions } from './subscriptions.ts';
import { parseZip } from './zip-directory.ts';

const id = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;
const manage = { action: 'newsletter.manage' } as const;
const subscribers = { action: 'subscribers.manage' } as const;
const tags = (t: string) => ({ tags: [t] });

/**
 * The admin API's newsletter routes (an extension of /api/admin/v1): editions (assemble, preview,
 * edit, send, cancel, progress), each brand's send settings, article localities, and the list
 * (search, CSV export, delete, bounce reports).
 */
export function newsletterAdminRoutes(deps: {
  content: ContentService;
  clock: Clock;
  audit: AuditLog;
  editions: Editions;
  localities: ArticleLocalities;
  subscriptions: Subscriptions;
  subscriberAdmin: SubscriberAdmin;
  bounces: BounceInbox;
}): FastifyPluginAsync {
  const { content, editions, audit, clock } = deps;
  const siteOr404 = (siteId: number) => {
    const site = content.siteById(siteId);
    if (!site) throw new AdminError.NotFound(`There is no site ${siteId}; GET /sites lists them.`);
    return site;
  };

  return async (app: FastifyInstance) => {
    // The newsletter's own refusals keep their codes; everything else goes to the admin API's handler.
    app.setErrorHandler((error: { code?: string; statusCode?: number; message: string }, _request, reply) => {
      if (typeof error.code === 'string' && error.code.startsWith('NEWSLETTER_') && error.statusCode) {
        return reply
          .code(error.statusCode)
          .header('cache-control', 'no-store')
          .send({ error: error.code, message: error.message });
      }
      throw error;
    });
    const record = (
      request: Parameters<typeof signedIn>[0],
      action: string,
      subjectId: number,
      siteId: number | null,
      details: Record<string, unknown> = {},
    ) =>
      audit.record({
        at: clock.now(),
        userId: signedIn(request).user.id,
        action,
        subjectType: 'newsletter_edition',
        subjectId,
        siteId,
        details,
      });

    // The send log's counts, what readers answered (bounces, unsubscribes) and who it would go to now.
    const withCounts = async (editionId: number) => {
      const edition = await editions.get(editionId);
      return {
        ...edition,
        counts: await editions.counts(editionId),
        ...(await editions.responses(editionId)),
        audience: await editions.audience(edition.siteId),
      };
    };

    app.get<{ Querystring: { siteId?: number } }>(
      '/newsletter/editions',
      {
        schema: {
          ...tags('newsletter'),
          querystring: {
            type: 'object',
            properties: { siteId: { type: 'integer', minimum: 1 } },
            additionalProperties: false,
          },
        },
        config: manage,
      },
      async (request) => {
        const list = await editions.list(request.query.siteId);
        const counts = await editions.countsFor(list.map((e) => e.id));
        return { data: list.map((e) => ({ ...e, counts: counts.get(e.id) })) };
      },
    );

    app.post<{ Body: { siteId: number; date?: string } }>(
      '/newsletter/editions',
      {
        schema: {
          ...tags('newsletter'),
          body: {
            type: 'object',
            properties: { siteId: { type: 'integer', minimum: 1 }, date: { type: 'string' } },
            required: ['siteId'],
            additionalProperties: false,
          },
        },
        config: manage,
      },
      async (request, reply) => {
        const site = siteOr404(request.body.siteId);
        if (request.body.date !== undefined && !isDate(request.body.date))
          throw new ValidationError([{ field: 'date', message: 'must be a day such as 2025-10-21' }]);
        const edition = await editions.assemble(site.id, request.body.date);
        await record(request, 'newsletter.assemble', edition.id, site.id);
        return reply.code(201).send(await withCounts(edition.id));
      },
    );

    app.get<{ Params: { id: number } }>(
      '/newsletter/editions/:id',
      { schema: { ...tags('newsletter'), params: id }, config: manage },
      async (request) => withCounts(request.params.id),
    );

    app.patch<{ Params: { id: number }; Body: { subject?: string; intro?: string; articleIds?: number[] } }>(
      '/newsletter/editions/:id',
      {
        schema: {
          ...tags('newsletter'),
          params: id,
          body: {
            type: 'object',
            properties: {
              subject: { type: 'string', minLength: 1, maxLength: 200 },
              intro: { type: 'string', maxLength: 2000 },
              articleIds: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 30 },
            },
            additionalProperties: false,
          },
        },
        config: manage,
      },
      async (request) => {
        const edition = await editions.update(request.params.id, request.body);
        await record(request, 'newsletter.edit', edition.id, edition.siteId, {
          fields: Object.keys(request.body),
        });
        return withCounts(edition.id);
      },
    );

    app.get<{ Params: { id: number }; Querystring: { zip?: string; format?: 'html' | 'text' } }>(
      '/newsletter/editions/:id/preview',
      {
        schema: {
          ...tags('newsletter'),
          params: id,
          querystring: {
            type: 'object',
            properties: { zip: { type: 'string', maxLength: 10 }, format: { enum: ['html', 'text'] } },
            additionalProperties: false,
          },
        },
        config: manage,
        // After the admin API's own onSend (which forbids framing): the admin app shows it in a frame.
        onSend: async (request, reply, payload) => {
          if (reply.statusCode === 200 && request.query.format !== 'text')
            reply.header(
              'content-security-policy',
              "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
            );
          return payload;
        },
      },
      async (request, reply) => {
        const edition = await editions.get(request.params.id);
        const place = request.query.zip ? await deps.subscriptions.checkZip(request.query.zip) : null;
        if (request.query.zip && !parseZip(request.query.zip))
          throw new ValidationError([{ field: 'zip', message: 'must be a US ZIP code' }]);
        const template = await editions.compile(edition);
        const email = template.forRecipient({
          place: place ? { state: place.state, county: place.county, city: place.city } : null,
          unsubscribeUrl: '#unsubscribe',
          preferencesUrl: '#preferences',
        });
        reply.header('cache-control', 'no-store');
        if (request.query.format === 'text') return reply.type('text/plain; charset=utf-8').send(email.text);
        // The preview is an email, not an admin page: no scripts, no forms, shown in a sandboxed frame
        // (its Content-Security-Policy is set by the route's onSend).
        return reply.type('text/html; charset=utf-8').send(email.html);
      },
    );

    app.post<{ Params: { id: number }; Body: { at?: string } }>(
      '/newsletter/editions/:id/send',
      {
        schema: {
          ...tags('newsletter'),
          params: id,
          body: {
            type: 'object',
            properties: { at: { type: 'string', format: 'date-time' } },
            additionalProperties: false,
          },
        },
        config: manage,
      },
      async (request, reply) => {
        const at = request.body?.at ? new Date(request.body.at) : undefined;
        const current = await editions.get(request.params.id);
        // Sending now to nobody is a mistake worth saying; a later time may find readers by then.
        if ((!at || at <= clock.now()) && current.status !== 'sending' && current.status !== 'sent') {
          if ((await editions.audience(current.siteId)) === 0) {
            const site = siteOr404(current.siteId);
            throw new NewsletterError.NoAudience(
              `${site.name}'s newsletter has no confirmed subscribers yet, so there is nobody to send edition ${current.id} to.`,
            );
          }
        }
        const edition = await editions.scheduleSend(request.params.id, at);
        await record(request, 'newsletter.send', edition.id, edition.siteId, {
          at: (at ?? clock.now()).toISOString(),
        });
        return reply.code(202).send(await withCounts(edition.id));
      },
    );

    app.post<{ Params: { id: number } }>(
      '/newsletter/editions/:id/cancel',
      { schema: { ...tags('newsletter'), params: id }, config: manage },
      async (request) => {
        const edition = await editions.cancel(request.params.id);
        await record(request, 'newsletter.cancel', edition.id, edition.siteId);
        return withCounts(edition.id);
      },
    );

    const siteParams = {
      type: 'object',
      properties: { siteId: { type: 'integer', minimum: 1 } },
      required: ['siteId'],
    } as const;
    app.get<{ Params: { siteId: number } }>(
      '/newsletter/settings/:siteId',
      { schema: { ...tags('newsletter'), params: siteParams }, config: manage },
      async (request) => editions.settings(siteOr404(request.params.siteId).id),
    );
    app.put<{ Params: { siteId: number }; Body: { sendTime: string; autoSend: boolean } }>(
      '/newsletter/settings/:siteId',
      {
        schema: {
          ...tags('newsletter'),
          params: siteParams,
          body: {
            type: 'object',
            properties: { sendTime: { type: 'string' }, autoSend: { type: 'boolean' } },
            required: ['sendTime', 'autoSend'],
            additionalProperties: false,
          },
        },
        config: manage,
      },
      async (request) => {
        const site = siteOr404(request.params.siteId);
        if (!isSendTime(request.body.sendTime))
          throw new ValidationError([
            { field: 'sendTime', message: 'must be HH:MM on a 24-hour clock, e.g. 06:00' },
          ]);
        const settings = await editions.updateSettings(site.id, request.body);
        await audit.record({
          at: clock.now(),
          userId: signedIn(request).user.id,
          action: 'newsletter.settings',
          subjectType: 'site',
          subjectId: site.id,
          siteId: site.id,
          details: { ...settings },
        });
        return settings;
      },
    );

    app.get<{ Params: { id: number } }>(
      '/newsletter/articles/:id/localities',
      { schema: { ...tags('newsletter'), params: id }, config: { action: 'article.read' } },
      async (request) => ({
        data: await deps.localities.forArticle(request.params.id),
      }),
    );
    app.put<{
      Params: { id: number };
      Body: { localities: { state?: string; county?: string; city?: string }[] };
    }>(
      '/newsletter/articles/:id/localities',
      {
        schema: {
          ...tags('newsletter'),
          params: id,
          body: {
            type: 'object',
            properties: {
              localities: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    state: { type: 'string' },
                    county: { type: ['string', 'null'] },
                    city: { type: ['string', 'null'] },
                  },
                  required: ['state'],
                  additionalProperties: false,
                },
              },
            },
            required: ['localities'],
            additionalProperties: false,
          },
        },
        config: { action: 'article.edit_any' },
      },
      async (request) => {
        const article = await content.articles.findById(request.params.id);
        if (!article) throw new AdminError.NotFound(`There is no article ${request.params.id}.`);
        const { localities, problems } = parseLocalities(request.body.localities);
        if (problems.length > 0) throw new ValidationError(problems);
        await deps.localities.set(request.params.id, localities);
        await audit.record({
          at: clock.now(),
          userId: signedIn(request).user.id,
          action: 'article.localities',
          subjectType: 'article',
          subjectId: request.params.id,
          siteId: article.siteId,
          details: { localities },
        });
        return { data: localities };
      },
    );

    const filterSchema = {
      type: 'object',
      properties: {
        q: { type: 'string', maxLength: 254 },
        siteId: { type: 'integer', minimum: 1 },
        status: { enum: ['pending', 'confirmed', 'unsubscribed'] },
        state: { type: 'string', maxLength: 2 },
        county: { type: 'string', maxLength: 100 },
        city: { type: 'string', maxLength: 100 },
        zip: { type: 'string', pattern: '^[0-9]{1,5}(-[0-9]{0,4})?$' },
        suppressed: { type: 'boolean' },
        after: { type: 'integer', minimum: 0 },
        limit: { type: 'integer', minimum: 1, maximum: 500 },
      },
      additionalProperties: false,
    } as const;
    type FilterQuery = SubscriberFilter & { after?: number; limit?: number };

    app.get<{ Querystring: FilterQuery }>(
      '/subscribers',
      { schema: { ...tags('subscribers'), querystring: filterSchema }, config: subscribers },
      async (request) => {
        const { after, limit, ...filter } = request.query;
        const page = await deps.subscriberAdmin.search(filter, { after, limit, total: true });
        return { data: page.items, next: page.next, total: page.total };
      },
    );

    app.get<{ Querystring: { siteId?: number } }>(
      '/subscribers/places',
      {
        schema: {
          ...tags('subscribers'),
          querystring: {
            type: 'object',
            properties: { siteId: { type: 'integer', minimum: 1 } },
            additionalProperties: false,
          },
        },
        config: subscribers,
      },
      async (request) => ({ data: await deps.subscriberAdmin.places(request.query.siteId) }),
    );

    app.get<{ Querystring: FilterQuery }>(
      '/subscribers/export.csv',
      { schema: { ...tags('subscribers'), querystring: filterSchema }, config: subscribers },
      async (request, reply) => {
        const { after: _a, limit: _l, ...filter } = request.query;
        await audit.record({
          at: clock.now(),
          userId: signedIn(request).user.id,
          action: 'subscribers.export',
          subjectType: 'subscribers',
          subjectId: null,
          siteId: filter.siteId ?? null,
          details: { ...filter },
        });
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', 'attachment; filename="subscribers.csv"')
          .type('text/csv; charset=utf-8')
          .send(Readable.from(deps.subscriberAdmin.csv(filter)));
      },
    );

    app.delete<{ Params: { id: number } }>(
      '/subscribers/:id',
      { schema: { ...tags('subscribers'), params: id }, config: subscribers },
      async (request, reply) => {
        if (!(await deps.subscriberAdmin.delete(request.params.id)))
          throw new AdminError.NotFound(`There is no subscriber ${request.params.id}.`);
        await audit.record({
          at: clock.now(),
          userId: signedIn(request).user.id,
          action: 'subscribers.delete',
          subjectType: 'subscriber',
          subjectId: request.params.id,
          siteId: null,
          details: {},
        });
        return reply.code(204).send();
      },
    );

    app.post<{ Body: { email: string; reason?: string } }>(
      '/subscribers/bounces',
      {
        schema: {
          ...tags('subscribers'),
          body: {
            type: 'object',
            properties: {
              email: { type: 'string', maxLength: 254 },
              reason: { type: 'string', maxLength: 500 },
            },
            required: ['email'],
            additionalProperties: false,
          },
        },
        config: subscribers,
      },
      async (request) => {
        const known = await deps.subscriberAdmin.recordBounce(
          request.body.email,
          request.body.reason ?? 'permanent bounce',
        );
        if (!known) throw new AdminError.NotFound('No subscriber has this address.');
        return { suppressed: true };
      },
    );

    // A bounce message as received (RFC 822, e.g. a delivery status notification), for mail
    // servers that post what arrives at the bounce address, or a person with an .eml file.
    app.register(async (raw) => {
      raw.addContentTypeParser(
        'message/rfc822',
        { parseAs: 'buffer', bodyLimit: MAX_BOUNCE_BYTES },
        (_request, body, done) => done(null, body),
      );
      raw.post<{ Body: Buffer }>(
        '/subscribers/bounces/messages',
        {
          schema: {
            ...tags('subscribers'),
            description:
              'Send a bounce message as received (Content-Type: message/rfc822). Hard bounces suppress the address; soft bounces are counted.',
          },
          config: subscribers,
        },
        async (request) => {
          if (!Buffer.isBuffer(request.body))
            throw new ValidationError([
              { field: 'body', message: 'must be the raw message, sent as message/rfc822' },
            ]);
          const answer = await deps.bounces.receive(request.body);
          if (!answer.bounce) throw new NewsletterError.NotABounce(`Nothing was recorded: ${answer.reason}.`);
          await audit.record({
            at: clock.now(),
            userId: signedIn(request).user.id,
            action: 'subscribers.bounce',
            subjectType: 'subscribers',
            subjectId: null,
            siteId: null,
            details: { recipients: answer.recipients.map((r) => ({ kind: r.kind, outcome: r.outcome })) },
          });
          return { format: answer.format, recipients: answer.recipients };
        },
      );
    });
  };
}
