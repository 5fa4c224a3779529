/**
 * The wire desk's admin API (an extension of /api/admin/v1): sources, the incoming queue per
 * source with a preview, publish as is or ignore, refused items with their reason and original
 * file, and the subject/keyword → tag mapping table. `wire.review` works the desk;
 * `wire.configure` changes sources and mappings.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ContentService } from '../../content/index.ts';
import {
  AdminError,
  type AdminExtension,
  type AuditLog,
  signedIn,
  ValidationError,
} from '../../newsroom/index.ts';
import type { Clock } from '../../platform/index.ts';
import { WireError } from '../errors.ts';
import type { PublishRule, SectionRule, SourceInput, WireSource } from '../sources.ts';
import { wireFormats } from '../wire-item.ts';
import type { WireService } from '../wire-service.ts';
import type { WireItemStatus } from '../wire-store.ts';
import {
  agencyListSchema,
  draftResultSchema,
  ingestResultSchema,
  itemListSchema,
  itemSchema,
  mappingPutSchema,
  mappingsSchema,
  sourceBodySchema,
  sourceIdParams,
  sourceListSchema,
  sourceSchema,
} from './admin-schemas.ts';

export interface WireAdminDeps {
  readonly wire: WireService;
  readonly content: ContentService;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** Drop folders live under this folder: a source names a folder inside it. */
  readonly dropRoot: string;
}

const review = { action: 'wire.review' } as const;
const configure = { action: 'wire.configure' } as const;

/**
 * The extension to pass to `adminApiPlugin`'s `extensions`.
 *
 * @example
 * await app.register(adminApiPlugin, { ..., extensions: [wireAdminExtension({ wire, content, audit, clock, dropRoot })] });
 */
export function wireAdminExtension(deps: WireAdminDeps): AdminExtension {
  return {
    name: 'wire',
    description: 'The wire desk: agency sources, the incoming queue, refused items, tag mappings.',
    routes: async (app) => wireRoutes(app, deps),
  };
}

async function wireRoutes(app: FastifyInstance, deps: WireAdminDeps): Promise<void> {
  const { wire, content, audit, clock } = deps;
  const sourceOr404 = async (id: number) => {
    const source = await wire.sources.byId(id);
    if (!source)
      throw new AdminError.NotFound(`There is no wire source ${id}; GET /wire/sources lists them.`);
    return source;
  };
  const record = (
    request: Parameters<typeof signedIn>[0],
    action: string,
    subjectType: string,
    subjectId: number,
    siteId: number,
    details: Record<string, unknown> = {},
  ) =>
    audit.record({
      at: clock.now(),
      userId: signedIn(request).user.id,
      action,
      subjectType,
      subjectId,
      siteId,
      details,
    });

  app.get<{ Querystring: { site?: number } }>(
    '/wire/sources',
    { schema: sourceListSchema, config: review },
    async (request) => ({
      data: (await wire.sources.list(request.query.site)).map((s) => sourceJson(s, deps.dropRoot)),
    }),
  );

  app.post<{ Body: SourceBody }>(
    '/wire/sources',
    { schema: sourceBodySchema('create'), config: configure },
    async (request, reply) => {
      const input = checkSource(request.body, null, deps);
      const source = await wire.sources.create(input, clock.now()).catch(nameTaken);
      await record(request, 'wire.source.create', 'wire_source', source.id, source.siteId, {
        name: source.name,
      });
      return reply.code(201).send(sourceJson(source, deps.dropRoot));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/wire/sources/:id',
    { schema: sourceSchema, config: review },
    async (request) => sourceJson(await sourceOr404(request.params.id), deps.dropRoot),
  );

  app.patch<{ Params: { id: number }; Body: SourceBody }>(
    '/wire/sources/:id',
    { schema: sourceBodySchema('update'), config: configure },
    async (request) => {
      const current = await sourceOr404(request.params.id);
      const changes = checkSource(request.body, current, deps);
      const saved = (await wire.sources.update(current.id, changes).catch(nameTaken))!;
      await record(request, 'wire.source.update', 'wire_source', saved.id, saved.siteId, {
        fields: Object.keys(request.body),
      });
      return sourceJson(saved, deps.dropRoot);
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/wire/sources/:id',
    { schema: { params: sourceIdParams }, config: configure },
    async (request, reply) => {
      const source = await sourceOr404(request.params.id);
      await wire.sources.remove(source.id);
      await record(request, 'wire.source.delete', 'wire_source', source.id, source.siteId, {
        name: source.name,
      });
      return reply.code(204).send();
    },
  );

  app.get<{
    Params: { id: number };
    Querystring: { status?: WireItemStatus; page?: number; urgency?: string; agency?: string };
  }>('/wire/sources/:id/items', { schema: itemListSchema, config: review }, async (request) => {
    const source = await sourceOr404(request.params.id);
    const { urgency, agency } = request.query;
    let most: number | undefined;
    if (urgency !== undefined) {
      most = /^[1-9]$/.test(urgency.trim()) ? Number(urgency.trim()) : undefined;
      if (most === undefined) {
        throw new AdminError.BadRequest(
          `urgency must be a whole number from 1 (most urgent) to 9, not "${urgency.slice(0, 40)}"; items that urgent or more are listed.`,
        );
      }
    }
    if (agency !== undefined) {
      const known = await wire.store.agencies(source.id);
      if (!known.some((a) => a.name === agency)) {
        throw new AdminError.BadRequest(
          `No item of source ${source.id} names the agency "${agency.slice(0, 100)}"; GET /wire/sources/${source.id}/agencies lists the ones that do.`,
        );
      }
    }
    const { items, ...page } = await wire.store.list({
      sourceId: source.id,
      status: request.query.status ?? 'queued',
      page: request.query.page,
      ...(most !== undefined ? { urgency: most } : {}),
      ...(agency !== undefined ? { agency } : {}),
    });
    return { data: items, ...page };
  });

  app.get<{ Params: { id: number } }>(
    '/wire/sources/:id/agencies',
    { schema: agencyListSchema, config: review },
    async (request) => ({ data: await wire.store.agencies((await sourceOr404(request.params.id)).id) }),
  );

  app.get<{ Params: { id: number } }>(
    '/wire/items/:id',
    { schema: itemSchema, config: review },
    async (request) => {
      const row = await wire.store.byId(request.params.id);
      if (!row) throw new AdminError.NotFound(`There is no wire item ${request.params.id}.`);
      const { original, item, ...rest } = row;
      // Every version received of the guid (updates, corrections, the kill), newest first.
      const versions = row.guid ? await wire.store.versions(row.siteId, row.guid) : [rest];
      return { ...rest, preview: item, hasOriginal: original !== null, versions };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/wire/items/:id/original',
    { schema: { params: sourceIdParams, hide: false }, config: review },
    async (request, reply) => {
      const row = await wire.store.byId(request.params.id);
      if (!row) throw new AdminError.NotFound(`There is no wire item ${request.params.id}.`);
      if (row.original === null)
        throw new AdminError.NotFound(
          `The original of wire item ${row.id} was too large to keep; see the drop folder's .quarantine.`,
        );
      const name = row.fileName.replace(/^.*[/\\]/, '').replace(/[^\w.-]+/g, '_') || 'original';
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('x-content-type-options', 'nosniff')
        .send(row.original);
    },
  );

  app.post<{ Params: { id: number } }>(
    '/wire/items/:id/publish',
    { schema: ingestResultSchema, config: review },
    async (request) => {
      const result = await wire.publishQueued(request.params.id).catch(asAdminError);
      const row = (await wire.store.byId(request.params.id))!;
      await record(request, 'wire.item.publish', 'wire_item', row.id, row.siteId, {
        articleId: result.articleId,
        status: result.status,
      });
      return { status: result.status, articleId: result.articleId, reason: result.reason };
    },
  );

  app.post<{ Params: { id: number } }>(
    '/wire/items/:id/draft',
    { schema: draftResultSchema, config: review },
    async (request) => {
      const result = await wire.draftQueued(request.params.id).catch(asAdminError);
      const row = (await wire.store.byId(request.params.id))!;
      await record(request, 'wire.item.draft', 'wire_item', row.id, row.siteId, {
        articleId: result.articleId,
        status: result.status,
      });
      return { status: result.status, articleId: result.articleId, reason: result.reason };
    },
  );

  app.post<{ Params: { id: number } }>(
    '/wire/items/:id/ignore',
    { schema: ingestResultSchema, config: review },
    async (request) => {
      await wire.ignoreQueued(request.params.id).catch(asAdminError);
      const row = (await wire.store.byId(request.params.id))!;
      await record(request, 'wire.item.ignore', 'wire_item', row.id, row.siteId);
      return { status: 'ignored', articleId: null, reason: null };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/wire/sources/:id/mappings',
    { schema: mappingsSchema, config: review },
    async (request) => ({
      data: await wire.store.mappings((await sourceOr404(request.params.id)).id),
    }),
  );

  app.put<{
    Params: { id: number };
    Body: { kind: 'subject' | 'keyword'; value: string; tagId: number | null };
  }>('/wire/sources/:id/mappings', { schema: mappingPutSchema, config: configure }, async (request) => {
    const source = await sourceOr404(request.params.id);
    const { kind, value, tagId } = request.body;
    if (tagId !== null) {
      const tags = await content.taxonomy.listTags(source.siteId);
      if (!tags.some((t) => t.id === tagId)) {
        throw new ValidationError([{ field: 'tagId', message: `is not a tag of site ${source.siteId}` }]);
      }
    }
    const trimmed = value.trim();
    if (trimmed === '') throw new ValidationError([{ field: 'value', message: 'is required' }]);
    const mapping = await wire.store.putMapping({ sourceId: source.id, kind, value: trimmed, tagId });
    await record(request, 'wire.mapping.put', 'wire_source', source.id, source.siteId, {
      kind,
      value: trimmed,
      tagId,
    });
    return mapping;
  });

  app.delete<{ Params: { id: number; mappingId: number } }>(
    '/wire/sources/:id/mappings/:mappingId',
    {
      schema: {
        params: {
          type: 'object',
          properties: { id: sourceIdParams.properties.id, mappingId: sourceIdParams.properties.id },
          required: ['id', 'mappingId'],
        },
      },
      config: configure,
    },
    async (request, reply) => {
      const source = await sourceOr404(request.params.id);
      if (!(await wire.store.removeMapping(source.id, request.params.mappingId))) {
        throw new AdminError.NotFound(`Source ${source.id} has no mapping ${request.params.mappingId}.`);
      }
      await record(request, 'wire.mapping.delete', 'wire_source', source.id, source.siteId, {
        mappingId: request.params.mappingId,
      });
      return reply.code(204).send();
    },
  );
}

interface SourceBody {
  name?: string;
  siteId?: number;
  format?: string;
  kind?: 'folder' | 'feed' | 'manual';
  location?: string;
  pollSeconds?: number;
  defaultSectionId?: number | null;
  sectionRules?: SectionRule[];
  defaultRightsLine?: string | null;
  autoPublish?: boolean;
  publishRules?: { subject?: string; keyword?: string; decision?: string }[];
  enabled?: boolean;
}

/** Checks a create (current null) or update body against the site's sections and the drop root. */
function checkSource(body: SourceBody, current: WireSource | null, deps: WireAdminDeps): SourceInput {
  const problems: { field: string; message: string }[] = [];
  const merged = {
    name: body.name ?? current?.name ?? '',
    siteId: body.siteId ?? current?.siteId ?? 0,
    format: (body.format ?? current?.format ?? 'auto') as SourceInput['format'],
    kind: body.kind ?? current?.kind ?? 'manual',
    location: body.location ?? current?.location ?? '',
    pollSeconds: body.pollSeconds ?? current?.pollSeconds ?? 60,
    defaultSectionId:
      body.defaultSectionId !== undefined ? body.defaultSectionId : (current?.defaultSectionId ?? null),
    sectionRules: body.sectionRules ?? current?.sectionRules ?? [],
    defaultRightsLine:
      body.defaultRightsLine !== undefined ? body.defaultRightsLine : (current?.defaultRightsLine ?? null),
    autoPublish: body.autoPublish ?? current?.autoPublish ?? false,
    publishRules: body.publishRules ? checkPublishRules(body.publishRules) : (current?.publishRules ?? []),
    enabled: body.enabled ?? current?.enabled ?? true,
  };
  merged.name = merged.name.trim();
  if (merged.name === '') problems.push({ field: 'name', message: 'is required' });
  const site = deps.content.siteById(merged.siteId);
  if (!site) problems.push({ field: 'siteId', message: `is not a site (GET /sites lists them)` });
  if (current && body.siteId !== undefined && body.siteId !== current.siteId) {
    problems.push({ field: 'siteId', message: 'cannot change; create a source for the other site' });
  }
  if (merged.format !== 'auto' && !wireFormats.includes(merged.format)) {
    problems.push({ field: 'format', message: `must be auto or one of ${wireFormats.join(', ')}` });
  }
  if (merged.kind === 'feed') {
    if (!/^https?:\/\/[^\s/]+/i.test(merged.location) || !URL.canParse(merged.location)) {
      problems.push({ field: 'location', message: 'must be an http(s) URL for a feed source' });
    }
  } else if (merged.kind === 'folder') {
    const folder = dropFolderPath(deps.dropRoot, merged.location);
    if (folder === null)
      problems.push({
        field: 'location',
        message: 'must name a folder inside the wire drop folder (letters, digits, - and _; no ..)',
      });
    else merged.location = folder;
  } else {
    merged.location = '';
  }
  if (
    site &&
    merged.defaultSectionId !== null &&
    deps.content.sectionById(merged.defaultSectionId)?.siteId !== site.id
  ) {
    problems.push({ field: 'defaultSectionId', message: `is not a section of site ${site.id}` });
  }
  merged.sectionRules.forEach((rule, i) => {
    if ((rule.subject === undefined) === (rule.keyword === undefined)) {
      problems.push({ field: `sectionRules[${i}]`, message: 'needs exactly one of subject or keyword' });
    }
    if (site && !deps.content.sectionByPath(site.id, rule.section)) {
      problems.push({
        field: `sectionRules[${i}].section`,
        message: `"${rule.section}" is not a section path of site ${site.id}`,
      });
    }
  });
  if (merged.defaultRightsLine !== null) merged.defaultRightsLine = merged.defaultRightsLine.trim() || null;
  if (problems.length > 0) throw new ValidationError(problems);
  return merged;
}

/** The longest subject code or keyword a publish rule takes (agency codes are far shorter). */
export const maxRuleValue = 200;

/**
 * Publish rules as given, trimmed; a 400 with a sentence for the first bad one. Subject codes the
 * desk does not know are kept as given: agencies add codes, and a rule may come before the copy.
 */
export function checkPublishRules(
  rules: readonly { subject?: string; keyword?: string; decision?: string }[],
): PublishRule[] {
  return rules.map((rule, i) => {
    const at = `Publish rule ${i + 1}`;
    if ((rule.subject === undefined) === (rule.keyword === undefined)) {
      throw new AdminError.BadRequest(`${at} needs exactly one of a subject code or a keyword.`);
    }
    if (rule.decision !== 'publish' && rule.decision !== 'review') {
      throw new AdminError.BadRequest(
        `${at} must decide "publish" (auto-publish) or "review" (desk review), not "${String(rule.decision ?? '').slice(0, 40)}".`,
      );
    }
    const kind = rule.subject !== undefined ? 'subject' : 'keyword';
    const value = (rule.subject ?? rule.keyword ?? '').trim();
    if (value === '')
      throw new AdminError.BadRequest(`${at} has an empty ${kind}; give a ${kind} or remove the rule.`);
    if (value.length > maxRuleValue) {
      throw new AdminError.BadRequest(
        `${at} has a ${kind} of ${value.length} characters; at most ${maxRuleValue} are allowed.`,
      );
    }
    return { [kind]: value, decision: rule.decision } as PublishRule;
  });
}

/** A folder name inside the drop root, resolved; null when it would leave the root. */
export function dropFolderPath(root: string, location: string): string | null {
  const base = resolve(root);
  const given = location.trim();
  if (given === '') return null;
  const target = isAbsolute(given) ? resolve(given) : resolve(base, given);
  const inside = relative(base, target);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  if (!inside.split(/[/\\]/).every((part) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(part))) return null;
  return join(base, inside);
}

function sourceJson(source: WireSource, dropRoot: string) {
  return {
    ...source,
    location: source.kind === 'folder' ? relative(resolve(dropRoot), source.location) : source.location,
  };
}

function nameTaken(error: unknown): never {
  const { code, message } = error as { code?: string; message?: string };
  if (code === '23505' || /UNIQUE constraint failed/.test(message ?? '')) {
    throw new ValidationError([{ field: 'name', message: 'is already used by another source of this site' }]);
  }
  throw error;
}

function asAdminError(error: unknown): never {
  if (error instanceof WireError.NotFound) throw new AdminError.NotFound((error as Error).message);
  if (error instanceof WireError.Conflict) throw new AdminError.TransitionRefused((error as Error).message);
  if (error instanceof WireError.Invalid) throw new AdminError.BadRequest((error as Error).message);
  throw error;
}
