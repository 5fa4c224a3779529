/**
 * Generates Dateline's demo content: three brands of a fictional publisher and a few hundred
 * articles written from the templates in `corpus*.ts`. Pure and deterministic: the same seed
 * always gives the same content, with no clock and no global randomness.
 */

import { slugify } from '../article.ts';
import type { Block, Image, NavigationLink } from '../model.ts';
import {
  type Country,
  type Culture,
  countries,
  type Family,
  families,
  type ImageName,
  imageAlt,
  names,
  type PlaceKey,
  type Topic,
  type UsRegion,
  usCities,
  type WorldRegion,
} from './corpus.ts';
import { type BrandDef, brandDefs, type SectionDef } from './corpus-brands.ts';
import { healthTopics } from './corpus-health.ts';
import { heraldTopics } from './corpus-herald.ts';
import { moneyTopics } from './corpus-money.ts';
import type { DemoArticle, DemoBrand, DemoContent, DemoSection } from './demo-data.ts';

const company = 'Harborline Media Group, Inc.';
const trademarkText =
  'Harbor Herald, Harbor Money, Harbor Health and Harbor TV are registered trademarks of Harborline Media Group, Inc.';
const articlesPerBrand = 100;
/** 30 days. */
const maxMinutesAgo = 43_200;
const wireShare = 0.3;
const agencies = [
  {
    slug: 'meridian-press',
    name: 'Meridian Press Agency',
    url: 'https://meridianpress.example',
    short: 'Meridian Press',
  },
  {
    slug: 'northwind-wire',
    name: 'Northwind Wire Service',
    url: 'https://northwindwire.example',
    short: 'Northwind Wire',
  },
] as const;
/** Harbor TV's coverage of itself is staff-written. */
const staffOnly = new Set(['tv']);
/** Kinds of story whose wire copy opens with a dateline. */
const datelined = new Set(['politics', 'world', 'weather', 'local', 'economy', 'markets', 'publichealth']);
const topicsById = new Map([...heraldTopics, ...moneyTopics, ...healthTopics].map((t) => [t.id, t]));

/** Demo content for the seed: identical for identical seeds. */
export function generateDemoContent(seed = 1): DemoContent {
  const rng = new Rng(seed);
  const brands: DemoBrand[] = [];
  const articles: DemoArticle[] = [];
  for (const def of brandDefs) {
    const brand = toBrand(def);
    brands.push(brand);
    articles.push(...new BrandWriter(rng, def, brand).write(articlesPerBrand));
  }
  return { company, trademarkText, brands, articles };
}

/** mulberry32: a small, fast, seedable generator. */
class Rng {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
  /** The items ordered by how often they were used, least first; ties in random order. */
  leastUsed<T>(items: readonly T[], uses: (item: T) => number): T[] {
    return this.shuffle(items)
      .map((item, order) => ({ item, order, n: uses(item) }))
      .sort((a, b) => a.n - b.n || a.order - b.order)
      .map((x) => x.item);
  }
}

function toBrand(def: BrandDef): DemoBrand {
  const sections: DemoSection[] = def.sections.map((s) => ({
    slug: s.slug,
    name: s.name,
    description: s.description,
    ...(s.children
      ? { children: s.children.map((c) => ({ slug: c.slug, name: c.name, description: c.description })) }
      : {}),
  }));
  const navigation: NavigationLink[] = def.sections.map((s) => ({ label: s.name, href: `/${s.slug}` }));
  return {
    slug: def.slug,
    name: def.name,
    tagline: def.tagline,
    hosts: def.hosts,
    isDefault: def.isDefault,
    timeZone: 'America/New_York',
    locale: 'en-US',
    navigation,
    sections,
    tags: def.tags.map(([slug, name]) => ({ slug, name })),
    authors: def.authors.map((a) => ({ slug: slugify(a.name), name: a.name, title: a.title, bio: a.bio })),
    agencies: agencies.map(({ slug, name, url }) => ({ slug, name, url })),
  };
}

interface Place {
  readonly city: string;
  readonly region: string;
  readonly adj: string;
  readonly country: string;
  readonly culture: Culture;
  readonly area: WorldRegion | UsRegion;
  readonly us: boolean;
  readonly system: Country['system'];
  readonly legislature: string;
}

const worldRegions: readonly WorldRegion[] = ['americas', 'europe', 'middle-east', 'asia'];
const usRegions: readonly UsRegion[] = ['northeast', 'south', 'west', 'midwest'];

function placesFor(key: PlaceKey): Place[] {
  const world = (area: WorldRegion): Place[] =>
    countries[area].flatMap((c) =>
      c.cities.map((city) => ({
        city,
        region: c.name,
        adj: c.adj,
        country: c.name,
        culture: c.culture,
        area,
        us: false,
        system: c.system,
        legislature: c.legislature,
      })),
    );
  const us = (area: UsRegion): Place[] =>
    usCities[area].map(([city, state]) => ({
      city,
      region: state,
      adj: state,
      country: 'the United States',
      culture: 'us' as const,
      area,
      us: true,
      system: 'presidential' as const,
      legislature: 'legislature',
    }));
  if (key === 'world') return worldRegions.flatMap(world);
  if (key === 'us') return usRegions.flatMap(us);
  return (worldRegions as readonly string[]).includes(key) ? world(key as WorldRegion) : us(key as UsRegion);
}

const numberWords = ['three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ordinals = ['third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];
const thousands = (n: number): string => n.toLocaleString('en-US');

/** One article's cast, places and figures: every template in the article is filled from it. */
function buildSlots(
  rng: Rng,
  topic: Topic,
  family: Family,
  kinds: ReadonlySet<string>,
  place: Place,
  places: readonly Place[],
): Record<string, string> {
  const neighbors = places.filter((p) => p.region !== place.region && p.area === place.area);
  const others = neighbors.length > 0 ? neighbors : places.filter((p) => p.city !== place.city);
  const place2 = rng.pick(others.length > 0 ? others : places);
  const [n, n2] = rng.shuffle(numberWords);
  const pool = names[place.culture];
  const people = new Set<string>();
  const person = (): [full: string, last: string] => {
    for (;;) {
      const first = rng.pick(pool.first);
      const last = rng.pick(pool.last);
      const full = pool.surnameFirst ? `${last} ${first}` : `${first} ${last}`;
      if (people.has(last)) continue;
      people.add(last);
      return [full, last];
    }
  };
  const [name, last] = person();
  const [name2, last2] = person();
  const [expert, expertLast] = person();
  const slots: Record<string, string> = {
    city: place.city,
    region: place.region,
    state: place.region,
    adj: place.adj,
    country: place.country,
    legislature: place.legislature,
    city2: place2.city,
    region2: place2.region,
    adj2: place2.adj,
    country2: place2.country,
    name,
    last,
    name2,
    last2,
    expert,
    expertLast,
    n: n!,
    n2: n2!,
    nth: rng.pick(ordinals),
    nn: String(rng.int(12, 48)),
    pct: (rng.int(12, 98) / 10).toFixed(1),
    pct2: (rng.int(2, 39) / 10).toFixed(1),
    pctInt: String(rng.int(12, 68)),
    smallPct: String(rng.int(6, 24)),
    majority: String(rng.int(52, 78)),
    turnout: String(rng.int(28, 64)),
    bn: `$${(rng.int(12, 489) / 10).toFixed(1)} billion`,
    mn: `$${rng.int(12, 480)} million`,
    count: thousands(rng.int(120, 980) * 10),
    count2: thousands(rng.int(120, 980) * 10),
    big: thousands(rng.int(110, 290) * 1000),
    mil: (rng.int(12, 89) / 10).toFixed(1),
    weeks: String(rng.int(3, 12)),
    months: String(rng.int(4, 18)),
    years: String(rng.int(5, 20)),
    age: rng.pick(['55', '60', '62', '65', '67', '70']),
  };
  for (const [key, values] of Object.entries(topic.slots)) {
    const [first, second] = rng.shuffle(values);
    slots[key] = first!;
    slots[`${key}2`] = second ?? first!;
  }
  const roles = (list: Topic['roles']) => list.filter(([, desc]) => suiting([desc], kinds).length > 0);
  const [role, desc] = rng.pick(roles(topic.roles));
  const roles2 = roles(topic.roles2 ?? topic.roles).filter(([title]) => title !== role || !topic.roles2);
  const [role2, desc2] = rng.pick(roles2.length > 0 ? roles2 : roles(topic.roles));
  slots.role = role;
  slots.roleDesc = fill(suiting([desc], kinds)[0]!, slots, true);
  slots.role2 = role2;
  slots.role2Desc = fill(suiting([desc2], kinds)[0]!, slots, true);
  slots.expertRole = fill(rng.pick(suiting(family.experts, kinds)), slots, true);
  return slots;
}

/** Fills `{slot}`s, sets typographic quotes and capitalizes the first letter (unless `inline`). */
function fill(template: string, slots: Readonly<Record<string, string>>, inline = false): string {
  const text = template
    .replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = slots[key];
      if (value === undefined) throw new Error(`demo corpus: unknown slot {${key}} in "${template}"`);
      return value;
    })
    .replace(/\b([Aa]) (?=(?:8|11|18)(?!\d)|8\d(?!\d))/g, '$1n ')
    .replace(/"([^"]*)"/g, '“$1”')
    .replace(/'/g, '’');
  return inline ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a senator from Ohio" → "senator from Ohio", for a quote's attribution. */
const citeDesc = (desc: string): string => desc.replace(/^(a|an) /, '');

/** The texts that suit a story of these kinds, without their `@kind` marks. */
function suiting(texts: readonly string[], kinds: ReadonlySet<string>): string[] {
  return texts.flatMap((text) => {
    const mark = /^@([\w|-]+) /.exec(text);
    if (!mark) return [text];
    return mark[1]!.split('|').some((kind) => kinds.has(kind)) ? [text.slice(mark[0].length)] : [];
  });
}

/** Stories about votes of confidence need a parliament; stories about legislatures need one. */
function placeSuits(place: Place, kinds: ReadonlySet<string>): boolean {
  if (kinds.has('parl')) return place.system === 'parliamentary';
  if (kinds.has('legis')) return place.system !== 'monarchy';
  return true;
}

/**
 * Tracks who an article has named: the first mention of a person gives the full name and title
 * ("Senator Ana Ruiz", or "Ana Ruiz, a trader," without a title), later ones only the last name.
 */
function namer(slots: Readonly<Record<string, string>>): { mention(text: string): string } {
  const person = (full: string, last: string, title: string, desc: string) => ({
    full,
    lastName: new RegExp(`(?<!\\p{L})${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u'),
    last,
    intro: title ? `${title} ${full}` : `${full}, ${desc},`,
    /** Introductions that shrink to the last name once the person is known. */
    again: [
      ...(title ? [`${title} ${full}, ${desc},`] : []),
      `${full}, ${desc},`,
      ...(title ? [`${title} ${full}`] : []),
    ],
    /** "Commissioner Ana Ruiz, the agriculture commissioner" says the title once. */
    redundant:
      title && desc.toLowerCase().includes(title.toLowerCase())
        ? ([`${title} ${full}, ${desc}`, `${full}, ${desc}`] as const)
        : undefined,
  });
  const cast = [
    person(slots.name!, slots.last!, slots.role!, slots.roleDesc!),
    person(slots.name2!, slots.last2!, slots.role2!, slots.role2Desc!),
    person(slots.expert!, slots.expertLast!, '', slots.expertRole!),
  ];
  const known = new Set<string>();
  return {
    mention(text) {
      let result = text;
      for (const { full, lastName, last, intro, again, redundant } of cast) {
        if (redundant) result = result.replace(redundant[0], redundant[1]);
        const repeat = known.has(full) ? again.find((form) => result.includes(form)) : undefined;
        if (repeat) {
          const at = result.indexOf(repeat);
          // "Ana Ruiz, an economist, who was not involved" becomes "Ruiz, who was not involved".
          const comma = repeat.endsWith(',') && result.startsWith(' who', at + repeat.length) ? ',' : '';
          result = result.slice(0, at) + last + comma + result.slice(at + repeat.length);
        }
        const at = result.search(lastName);
        const fullAt = result.indexOf(full);
        if (!known.has(full) && at >= 0 && (fullAt < 0 || fullAt > at)) {
          result = result.slice(0, at) + intro + result.slice(at + last.length);
        }
        if (result.includes(full)) known.add(full);
      }
      return result;
    },
  };
}

interface SectionPath {
  readonly path: string;
  readonly top: string;
  readonly def: SectionDef;
  readonly place: PlaceKey;
}

/** Writes one brand's articles, spreading them over sections, topics, stories, tags and authors. */
class BrandWriter {
  readonly #uses = new Map<string, number>();
  readonly #headlines = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly def: BrandDef,
    private readonly brand: DemoBrand,
  ) {}

  write(count: number): DemoArticle[] {
    const paths: SectionPath[] = this.def.sections.flatMap((top) => [
      { path: top.slug, top: top.slug, def: top, place: top.place ?? 'us' },
      ...(top.children ?? []).map((child) => ({
        path: `${top.slug}/${child.slug}`,
        top: top.slug,
        def: child,
        place: child.place ?? top.place ?? 'us',
      })),
    ]);
    // The newest story of each top-level section, then round after round of every section in
    // random order: each gets recent and older stories.
    const schedule: SectionPath[] = this.rng.shuffle(paths.filter((p) => p.path === p.top));
    while (schedule.length < count) schedule.push(...this.rng.shuffle(paths));
    return schedule.slice(0, count).map((section, index) => this.#article(section, index / (count - 1)));
  }

  #use(key: string): number {
    return this.#uses.get(key) ?? 0;
  }

  #count(key: string): void {
    this.#uses.set(key, this.#use(key) + 1);
  }

  /** `age` runs from 0 (the newest article) to 1 (the oldest). */
  #article(section: SectionPath, age: number): DemoArticle {
    const { rng } = this;
    const topicId = rng.leastUsed(section.def.topics, (id) => this.#use(`topic:${id}`))[0]!;
    const topic = topicsById.get(topicId);
    if (!topic) throw new Error(`demo corpus: unknown topic ${topicId}`);
    const family = families[topic.family];
    const places = placesFor(topic.place ?? section.place);
    const storyOrder = rng.leastUsed(
      topic.stories.map((_, i) => i),
      (i) => this.#use(`story:${topic.id}:${i}`),
    );

    for (let attempt = 0; ; attempt++) {
      const storyIndex = storyOrder[Math.min(Math.floor(attempt / 8), storyOrder.length - 1)]!;
      const story = topic.stories[storyIndex]!;
      const kinds = new Set((story[3] ?? []).filter((t) => t.startsWith('@')).map((t) => t.slice(1)));
      const place = rng.pick(places.filter((p) => placeSuits(p, kinds)));
      const slots = buildSlots(rng, topic, family, kinds, place, places);
      const headline = fill(story[0], slots);
      const key = slugify(headline);
      const fits = headline.length >= 40 && headline.length <= 100 && !this.#headlines.has(key);
      if (!fits && attempt < 200) continue;
      if (!fits) throw new Error(`demo corpus: no unique headline for topic ${topic.id}`);
      this.#headlines.add(key);
      this.#count(`topic:${topic.id}`);
      this.#count(`story:${topic.id}:${storyIndex}`);
      return this.#compose({ section, topic, family, kinds, place, slots, headline, story, age });
    }
  }

  #compose(a: {
    section: SectionPath;
    topic: Topic;
    family: Family;
    kinds: ReadonlySet<string>;
    place: Place;
    slots: Record<string, string>;
    headline: string;
    story: Topic['stories'][number];
    age: number;
  }): DemoArticle {
    const { rng } = this;
    const wire = !staffOnly.has(a.topic.family) && rng.chance(wireShare) ? rng.pick(agencies) : null;
    const authorSlugs = wire ? [] : this.#authors(a.section.top);
    const dateline =
      a.topic.dateline ??
      (a.place.us ? `${a.place.city.toUpperCase()}, ${a.place.region}` : a.place.city.toUpperCase());
    const lede = fill(a.story[2], a.slots);
    const opening = wire && datelined.has(a.topic.family) ? `${dateline} (${wire.short}) — ${lede}` : lede;
    const featured = rng.chance(0.8) ? rng.pick(a.topic.images) : null;
    const minutesAgo = Math.min(
      maxMinutesAgo,
      5 + Math.round(a.age ** 1.6 * (maxMinutesAgo - 120)) + rng.int(0, Math.round(15 + 90 * a.age)),
    );
    const updated = minutesAgo > 40 && rng.chance(0.15) ? rng.int(30, Math.min(600, minutesAgo - 1)) : null;
    return {
      brand: this.def.slug,
      sectionPath: a.section.path,
      headline: a.headline,
      summary: fill(a.story[1], a.slots),
      body: this.#body(opening, a.topic, a.family, a.kinds, a.slots, featured),
      tagSlugs: this.#tags(
        a.topic,
        (a.story[3] ?? []).filter((t) => !t.startsWith('@')),
        a.place,
      ),
      authorSlugs,
      agencySlug: wire?.slug ?? null,
      keywords: this.#keywords(a.topic, a.place),
      featuredImage: featured ? this.#image(featured, a.family, a.kinds, a.slots) : null,
      minutesAgo,
      updatedAfterMinutes: updated,
    };
  }

  #authors(top: string): string[] {
    const { rng } = this;
    const beat = this.def.authors.filter((a) => a.beats.includes(top));
    const eligible = (beat.length > 0 ? beat : this.def.authors).map((a) => slugify(a.name));
    const chosen = rng
      .leastUsed(eligible, (slug) => this.#use(`author:${slug}`))
      .slice(0, rng.chance(0.2) ? 2 : 1);
    for (const slug of chosen) this.#count(`author:${slug}`);
    return chosen;
  }

  /** The topic's main tag, the story's own, the region's, then the topic's least used, 2 to 5 in all. */
  #tags(topic: Topic, storyTags: readonly string[], place: Place): string[] {
    const { rng } = this;
    const tags = new Set([topic.tags[0]!, ...storyTags]);
    const regionTag = place.us ? undefined : this.def.regionTags?.[place.area as WorldRegion];
    if (regionTag) tags.add(regionTag);
    const target = rng.int(2, 5);
    for (const tag of rng.leastUsed(topic.tags.slice(1), (t) => this.#use(`tag:${t}`))) {
      if (tags.size >= target) break;
      tags.add(tag);
    }
    const chosen = [...tags].slice(0, 5);
    for (const tag of chosen) this.#count(`tag:${tag}`);
    return chosen;
  }

  #keywords(topic: Topic, place: Place): string[] {
    const { rng } = this;
    const keywords = rng.shuffle(topic.keywords).slice(0, rng.int(2, 5));
    keywords.push(place.us ? place.region.toLowerCase() : place.country.toLowerCase());
    return [...new Set(keywords)];
  }

  #image(name: ImageName, family: Family, kinds: ReadonlySet<string>, slots: Record<string, string>): Image {
    return {
      src: `/media/demo/${name}.svg`,
      alt: imageAlt[name],
      caption: fill(this.rng.pick(suiting(family.captions, kinds)), slots),
      credit: `${this.brand.name} illustration`,
      width: 1200,
      height: 675,
    };
  }

  /** Opening paragraph, body paragraphs and, in some articles, a quote, subhead, list, image and closer. */
  #body(
    opening: string,
    topic: Topic,
    family: Family,
    kinds: ReadonlySet<string>,
    slots: Record<string, string>,
    featured: ImageName | null,
  ): Block[] {
    const { rng } = this;
    const suit = (texts: readonly string[]) => suiting(texts, kinds);
    const topicParagraphs = rng.shuffle(suit(topic.paragraphs));
    const familyParagraphs = rng.shuffle(suit(family.paragraphs));
    const sentences = rng.shuffle(suit(family.sentences));
    const topicQuotes = suit(topic.quotes);
    const familyQuotes = suit(family.quotes);
    const closers = suit(family.closers);
    const listIntro = topic.list ? suit([topic.list[0]])[0] : undefined;
    const want = {
      quote: topicQuotes.length + familyQuotes.length > 0 && rng.chance(0.55),
      subhead: rng.chance(0.45),
      list: listIntro !== undefined && rng.chance(0.35),
      image: rng.chance(0.15),
      closer: closers.length > 0 && rng.chance(0.8),
    };
    const extras =
      Number(want.quote) +
      Number(want.subhead) +
      2 * Number(want.list) +
      Number(want.image) +
      Number(want.closer);
    const available = topicParagraphs.length + familyParagraphs.length;
    const fewest = Math.min(available, Math.max(2, 4 - extras));
    const most = Math.min(available, 9 - extras);
    let paragraphs = rng.int(fewest, Math.min(most, fewest + 3));

    const blocks: Block[] = [{ type: 'paragraph', text: opening }];
    const people = namer(slots);
    let fromTopic = true;
    const paragraph = (): void => {
      const useTopic = (fromTopic && topicParagraphs.length > 0) || familyParagraphs.length === 0;
      fromTopic = !fromTopic;
      let text = fill((useTopic ? topicParagraphs : familyParagraphs).shift()!, slots);
      if (sentences.length > 0 && rng.chance(0.3)) text += ` ${fill(sentences.shift()!, slots)}`;
      blocks.push({ type: 'paragraph', text: people.mention(text) });
      paragraphs--;
    };
    const quote = (): Block => {
      const byExpert = familyQuotes.length > 0 && (topicQuotes.length === 0 || rng.chance(0.5));
      const text = fill(rng.pick(byExpert ? familyQuotes : topicQuotes), slots);
      const cite = byExpert
        ? `${slots.expert}, ${citeDesc(slots.expertRole!)}`
        : `${slots.name}, ${citeDesc(slots.roleDesc!)}`;
      people.mention(cite);
      return { type: 'quote', text, cite };
    };

    people.mention(opening);
    paragraph();
    if (want.quote) blocks.push(quote());
    if (paragraphs > 0) paragraph();
    if (want.subhead)
      blocks.push({
        type: 'subhead',
        text: fill(rng.pick(suit([...topic.subheads, ...family.subheads])), slots),
      });
    const secondHalf = Math.floor(paragraphs / 2);
    while (paragraphs > secondHalf) paragraph();
    if (want.list && topic.list && listIntro) {
      blocks.push({ type: 'paragraph', text: fill(listIntro, slots) });
      const items = rng.shuffle(suit(topic.list[1])).slice(0, rng.int(3, 4));
      blocks.push({ type: 'list', ordered: false, items: items.map((item) => fill(item, slots)) });
    }
    if (want.image) {
      const others = topic.images.filter((name) => name !== featured);
      const name = rng.pick(others.length > 0 ? others : topic.images);
      blocks.push({ type: 'image', ...this.#image(name, family, kinds, slots) });
    }
    while (paragraphs > 0) paragraph();
    if (want.closer) blocks.push({ type: 'paragraph', text: people.mention(fill(rng.pick(closers), slots)) });
    return blocks;
  }
}
