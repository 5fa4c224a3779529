/** A hand-made ingest context and wire item for the phase tests that need no database. */
import type { ContentService, Section, Site } from '../../content/index.ts';
import type { WireSource } from '../sources.ts';
import type { WireItem } from '../wire-item.ts';
import type { WireStore } from '../wire-store.ts';
import type { IngestContext } from './types.ts';

export const testNow = new Date('2025-01-23T12:00:00.000Z');

export function wireItem(overrides: Partial<WireItem> = {}): WireItem {
  return {
    format: 'newsml-g2',
    guid: 'urn:test:1',
    version: 1,
    pubStatus: 'usable',
    headline: 'Summit opens',
    slugline: null,
    summary: 'Leaders meet.',
    body: [{ type: 'paragraph', text: 'Leaders met on Tuesday.' }],
    byline: null,
    agency: 'Test Wire',
    rightsLine: null,
    usageTerms: null,
    keywords: [],
    subjects: [],
    dateline: null,
    language: 'en',
    firstCreated: null,
    versionCreated: new Date('2024-06-01T00:00:00Z'),
    embargo: null,
    licenceEnd: null,
    urgency: null,
    ...overrides,
  };
}

const site = { id: 1, slug: 'daily' } as Site;
const sections: Section[] = [
  {
    id: 10,
    siteId: 1,
    parentId: null,
    slug: 'world',
    path: 'world',
    name: 'World',
    description: '',
    position: 0,
  },
  {
    id: 11,
    siteId: 1,
    parentId: 10,
    slug: 'europe',
    path: 'world/europe',
    name: 'Europe',
    description: '',
    position: 0,
  },
  {
    id: 12,
    siteId: 1,
    parentId: null,
    slug: 'sport',
    path: 'sport',
    name: 'Sport',
    description: '',
    position: 1,
  },
];

type ContextOverrides = Omit<Partial<IngestContext>, 'source' | 'store'> & {
  source?: Partial<WireSource>;
  store?: Partial<WireStore>;
};

export function testContext(overrides: ContextOverrides = {}): IngestContext {
  const { source, store, ...rest } = overrides;
  const content = {
    sections: () => sections,
    sectionById: (id: number) => sections.find((s) => s.id === id),
    sectionByPath: (_siteId: number, path: string) => sections.find((s) => s.path === path),
  } as unknown as ContentService;
  return {
    source: {
      id: 1,
      name: 'Test source',
      siteId: 1,
      format: 'auto',
      kind: 'manual',
      location: '',
      pollSeconds: 60,
      defaultSectionId: null,
      sectionRules: [],
      defaultRightsLine: null,
      autoPublish: true,
      enabled: true,
      createdAt: testNow,
      ...source,
      publishRules: source?.publishRules ?? [],
    },
    site,
    now: testNow,
    file: { name: 'item.xml', bytes: new Uint8Array() },
    content,
    store: { history: async () => ({ latest: null, articleId: null }), ...store } as WireStore,
    mappings: [],
    ...rest,
  };
}
