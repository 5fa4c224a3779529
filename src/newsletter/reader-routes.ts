import { readFileSync } from 'node:fs';
import formbody from '@fastify/formbody';
import { transformSync } from 'esbuild';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ContentService } from '../content/index.ts';
import { cachePolicy, type PageContext, type SiteExtension, securityHeaders } from '../site/index.ts';
import { newsletterPaths } from './newsletter-deps.ts';
import {
  renderNewsletterMessage,
  renderPreferencesPage,
  renderSignupPage,
  renderUnsubscribePage,
  type SignupForm,
} from './newsletter-pages.ts';
import type { Subscriptions } from './subscriptions.ts';

type Body = Record<string, string | string[] | undefined>;

const one = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
const many = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v) => typeof v === 'string')
      : [];

/** An error the newsletter raised on purpose (a NewsletterError): its status and words go to the reader. */
function readerProblem(error: unknown): { status: number; code: string; message: string } | null {
  const e = error as { code?: unknown; statusCode?: unknown; message?: string };
  if (typeof e?.code === 'string' && e.code.startsWith('NEWSLETTER_') && typeof e.statusCode === 'number') {
    return { status: e.statusCode, code: e.code, message: e.message ?? 'That did not work.' };
  }
  return null;
}

/**
 * The newsletter's reader pages, registered inside the site plugin (site by Host, layout):
 * /newsletter, the signup form's POST, the confirmation link, unsubscribe (the link's page and
 * RFC 8058 one-click POST) and the preferences page (ZIP, lists, export, delete). Every form
 * works without JavaScript; a request that asks for JSON (the enhancement script) gets
 * `{ok, message}` or `{error, message}` with the same status.
 */
export function newsletterReaderRoutes(deps: {
  content: ContentService;
  subscriptions: Subscriptions;
}): SiteExtension {
  const { content, subscriptions } = deps;
  const script = transformSync(readFileSync(new URL('./signup-script.ts', import.meta.url), 'utf8'), {
    loader: 'ts',
    minify: true,
    format: 'iife',
    target: 'es2020',
  }).code;

  return async (app: FastifyInstance, { responder, pageContext }) => {
    await app.register(formbody, { bodyLimit: 16_384 });

    const context = (request: FastifyRequest): PageContext => {
      const found = pageContext(request);
      if (!found) throw new Error('no site is set up');
      return found.ctx;
    };
    const wantsJson = (request: FastifyRequest) => /application\/json/.test(request.headers.accept ?? '');
    const sendHtml = (reply: FastifyReply, status: number, body: { value: string }) =>
      reply
        .code(status)
        .headers(securityHeaders)
        .header('cache-control', cachePolicy.private)
        .type('text/html; charset=utf-8')
        .send(body.value);
    const sendProblem = (request: FastifyRequest, reply: FastifyReply, error: unknown, title: string) => {
      const problem = readerProblem(error);
      if (!problem) throw error;
      if (wantsJson(request)) {
        return reply
          .code(problem.status)
          .header('cache-control', cachePolicy.private)
          .send({ error: problem.code, message: problem.message });
      }
      return sendHtml(
        reply,
        problem.status,
        renderNewsletterMessage(context(request), { title, paragraphs: [problem.message] }),
      );
    };
    const siteIdsFor = (slugs: readonly string[]) =>
      slugs.map((slug) => content.sites.find((s) => s.slug === slug)?.id ?? -1);
    /** A form posted from another site is refused (the CSRF check for forms without a session). */
    const crossSite = (request: FastifyRequest) => {
      const origin = request.headers.origin;
      if (!origin || origin === 'null') return false;
      try {
        return new URL(origin).host.toLowerCase() !== request.host.toLowerCase();
      } catch {
        return true;
      }
    };

    app.get(newsletterPaths.script, async (_request, reply) => {
      reply.headers(securityHeaders).header('cache-control', 'public, max-age=3600');
      return reply.type('text/javascript; charset=utf-8').send(script);
    });

    app.get(newsletterPaths.page, async (request, reply) => {
      const body = renderSignupPage(context(request), { form: { email: '', zip: '', lists: [] } }).value;
      return responder.finish(request, reply, 200, body, { keys: [], kind: 'page' });
    });

    app.post<{ Body: Body }>(newsletterPaths.signup, async (request, reply) => {
      const ctx = context(request);
      const body = (request.body ?? {}) as Body;
      const form: SignupForm = {
        email: one(body.email).slice(0, 300),
        zip: one(body.zip).slice(0, 20),
        lists: many(body.list),
      };
      if (crossSite(request)) {
        return sendHtml(
          reply,
          403,
          renderNewsletterMessage(ctx, {
            title: 'Signup refused',
            paragraphs: ['This form was sent from another website. Sign up on our own page.'],
          }),
        );
      }
      try {
        await subscriptions.signup({
          email: form.email,
          zip: form.zip,
          siteIds: siteIdsFor(form.lists.length > 0 ? form.lists : [ctx.site.slug]),
          siteId: ctx.site.id,
          ip: request.ip,
        });
      } catch (error) {
        const problem = readerProblem(error);
        if (problem && !wantsJson(request) && problem.status === 400) {
          return sendHtml(reply, 400, renderSignupPage(ctx, { form, problem: problem.message }));
        }
        return sendProblem(request, reply, error, 'Signup did not work');
      }
      // The same words for every address: whether it was subscribed already is not said.
      const message =
        'Almost done: check your inbox. We sent a link to confirm your subscription; it works for 7 days.';
      if (wantsJson(request))
        return reply.header('cache-control', cachePolicy.private).send({ ok: true, message });
      return sendHtml(
        reply,
        200,
        renderNewsletterMessage(ctx, {
          title: 'Check your inbox',
          paragraphs: [message, 'If it does not arrive in a few minutes, look in your spam folder.'],
        }),
      );
    });

    app.get<{ Querystring: { token?: string } }>(newsletterPaths.confirm, async (request, reply) => {
      const ctx = context(request);
      try {
        const { subscriberId, sites } = await subscriptions.confirm(request.query.token);
        const prefs = `${newsletterPaths.preferences}?token=${encodeURIComponent(subscriptions.preferencesToken(subscriberId))}`;
        return sendHtml(
          reply,
          200,
          renderNewsletterMessage(ctx, {
            title: 'Your subscription is confirmed',
            paragraphs: [
              `Thank you. ${sites.map((s) => `${s.name}'s Daily Newsletter`).join(' and ')} will arrive in your inbox every morning.`,
            ],
            link: { href: prefs, text: 'Change your ZIP code or newsletters' },
          }),
        );
      } catch (error) {
        return sendProblem(request, reply, error, 'This confirmation link did not work');
      }
    });

    app.get<{ Querystring: { token?: string } }>(newsletterPaths.unsubscribe, async (request, reply) => {
      const ctx = context(request);
      try {
        const list = subscriptions.unsubscribeTarget(request.query.token);
        if (!list) throw new Error('unreachable: the token names no site');
        return sendHtml(reply, 200, renderUnsubscribePage(ctx, { token: one(request.query.token), list }));
      } catch (error) {
        return sendProblem(request, reply, error, 'This unsubscribe link did not work');
      }
    });

    // RFC 8058 one-click: the mail provider POSTs "List-Unsubscribe=One-Click" to the link itself
    // (token in the query); the page's button posts the token in the form. Repeats answer the same.
    app.post<{ Querystring: { token?: string }; Body: Body }>(
      newsletterPaths.unsubscribe,
      async (request, reply) => {
        const token = request.query.token ?? one((request.body as Body | undefined)?.token);
        try {
          const { site } = await subscriptions.unsubscribe(token);
          const message = `You are unsubscribed from ${site?.name ?? 'this'}'s Daily Newsletter. You will not receive it again.`;
          if (wantsJson(request) || !pageContext(request))
            return reply.header('cache-control', cachePolicy.private).send({ ok: true, message });
          return sendHtml(
            reply,
            200,
            renderNewsletterMessage(context(request), {
              title: 'You are unsubscribed',
              paragraphs: [message],
            }),
          );
        } catch (error) {
          return sendProblem(request, reply, error, 'This unsubscribe link did not work');
        }
      },
    );

    app.get<{ Querystring: { token?: string } }>(newsletterPaths.preferences, async (request, reply) => {
      const ctx = context(request);
      try {
        const prefs = await subscriptions.preferences(request.query.token);
        return sendHtml(reply, 200, renderPreferencesPage(ctx, { token: one(request.query.token), prefs }));
      } catch (error) {
        return sendProblem(request, reply, error, 'This preferences link did not work');
      }
    });

    app.post<{ Body: Body }>(newsletterPaths.preferences, async (request, reply) => {
      const ctx = context(request);
      const body = (request.body ?? {}) as Body;
      const token = one(body.token);
      const action = one(body.action);
      if (crossSite(request)) {
        return sendHtml(
          reply,
          403,
          renderNewsletterMessage(ctx, {
            title: 'Refused',
            paragraphs: ['This form was sent from another website.'],
          }),
        );
      }
      try {
        if (action === 'export') {
          const data = await subscriptions.exportData(token);
          return reply
            .header('cache-control', cachePolicy.private)
            .header('content-disposition', 'attachment; filename="newsletter-data.json"')
            .type('application/json; charset=utf-8')
            .send(JSON.stringify(data, null, 2));
        }
        if (action === 'delete') {
          if (one(body.confirm) !== 'yes') {
            const prefs = await subscriptions.preferences(token);
            return sendHtml(
              reply,
              400,
              renderPreferencesPage(ctx, {
                token,
                prefs,
                problem: 'Tick the box to confirm that you want everything deleted.',
              }),
            );
          }
          await subscriptions.deleteData(token);
          return sendHtml(
            reply,
            200,
            renderNewsletterMessage(ctx, {
              title: 'Your data is deleted',
              paragraphs: [
                'Your address, your ZIP code and your subscriptions are gone. You will receive no more newsletters.',
              ],
            }),
          );
        }
        try {
          const prefs = await subscriptions.updatePreferences(token, {
            zip: one(body.zip).slice(0, 20),
            siteIds: siteIdsFor(many(body.list)),
          });
          return sendHtml(
            reply,
            200,
            renderPreferencesPage(ctx, { token, prefs, notice: 'Your preferences are saved.' }),
          );
        } catch (error) {
          const problem = readerProblem(error);
          if (problem?.code === 'NEWSLETTER_INVALID_ZIP' || problem?.code === 'NEWSLETTER_UNKNOWN_ZIP') {
            const prefs = await subscriptions.preferences(token);
            return sendHtml(
              reply,
              400,
              renderPreferencesPage(ctx, { token, prefs, problem: problem.message }),
            );
          }
          throw error;
        }
      } catch (error) {
        return sendProblem(request, reply, error, 'Your preferences could not be changed');
      }
    });
  };
}
