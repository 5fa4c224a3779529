/**
 * Phase 5: where the article goes and how it is tagged. The source's section rules are tried
 * in order (subject code, then keyword), else its default section, else the site's first
 * section. Subjects and keywords go through the source's mapping table (to a tag, or dropped);
 * the rest become tags by name when they have one (bare agency codes do not).
 */
import type { Draft, IngestContext, PhaseResult } from './types.ts';
import { outcome } from './types.ts';

/** An article shows a handful of tags, not an agency's forty index terms. */
export const maxTags = 8;

export function classify(draft: Draft, ctx: IngestContext): PhaseResult {
  if (draft.action === 'kill') return draft;
  const { item } = draft;
  const sections = ctx.content.sections(ctx.site.id);
  const codes = new Set(item.subjects.map((s) => s.code).filter((c): c is string => c !== null));
  const keywords = new Set(item.keywords.map((k) => k.toLowerCase()));
  const rule = ctx.source.sectionRules.find(
    (r) =>
      (r.subject !== undefined && codes.has(r.subject)) ||
      (r.keyword !== undefined && keywords.has(r.keyword.toLowerCase())),
  );
  const section =
    (rule ? ctx.content.sectionByPath(ctx.site.id, rule.section) : undefined) ??
    (ctx.source.defaultSectionId !== null
      ? ctx.content.sectionById(ctx.source.defaultSectionId)
      : undefined) ??
    sections.find((s) => s.parentId === null);
  if (!section || section.siteId !== ctx.site.id) {
    return outcome(ctx, item, 'refused', {
      reason: `site "${ctx.site.slug}" has no section to put wire items in`,
      refusalCode: 'no_section',
    });
  }

  const mapped = new Map(ctx.mappings.map((m) => [`${m.kind}:${m.value.toLowerCase()}`, m.tagId]));
  const tagIds: number[] = [];
  const tagNames: string[] = [];
  const add = (key: string, name: string | null) => {
    if (mapped.has(key)) {
      const tagId = mapped.get(key);
      if (tagId !== null && tagId !== undefined && !tagIds.includes(tagId)) tagIds.push(tagId);
    } else if (name && !tagNames.some((n) => n.toLowerCase() === name.toLowerCase())) {
      tagNames.push(name);
    }
  };
  for (const s of item.subjects) add(`subject:${(s.code ?? s.name ?? '').toLowerCase()}`, s.name);
  for (const k of item.keywords) add(`keyword:${k.toLowerCase()}`, k);
  const room = Math.max(0, maxTags - tagIds.length);
  return {
    ...draft,
    sectionId: section.id,
    tagIds: tagIds.slice(0, maxTags),
    tagNames: tagNames.slice(0, room),
  };
}
