// Deterministic random text for the benchmarks that build a large archive (search, scale): a
// seeded generator and the vocabulary, the demo corpus's words ranked by how often the demo uses
// them, then a long tail of made-up names and terms (a real archive has far more rare words than
// a template corpus). Each benchmark draws from the ranking by Zipf's law in its own way.
import { generateDemoContent } from '../src/content/demo/generate.ts';

/** mulberry32: the same seed gives the same archive (and queries) on both dialects. */
export function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Rng = ReturnType<typeof rng>;

/**
 * `size` words, most used first: the demo's words (found by `tokens`, a global regular expression,
 * and spelt as `normalise` says), then made-up ones drawn from `random`.
 */
export function rankedWords(
  random: Rng,
  options: { size: number; tokens: RegExp; normalise: (word: string) => string },
): string[] {
  const counts = new Map<string, number>();
  for (const a of generateDemoContent(1).articles) {
    const text = [a.headline, a.summary, ...a.body.map((b) => ('text' in b ? b.text : ''))].join(' ');
    for (const word of text.match(options.tokens) ?? []) {
      const w = options.normalise(word);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  // Made-up words from consonant-vowel(-consonant) syllables: varied enough that a four-letter
  // prefix names a handful of words, as in a real language.
  const onsets = 'b c d f g h j k l m n p r s t v w z br cr dr fl gr pl st tr'.split(' ');
  const vowels = 'a e i o u ai ea ou'.split(' ');
  const codas = ['', '', '', 'n', 'r', 's', 'l', 'm', 'nd', 'st'];
  const seen = new Set(words);
  while (words.length < options.size) {
    let w = '';
    for (let i = random.int(2, 4); i > 0; i--)
      w += random.pick(onsets) + random.pick(vowels) + random.pick(codas);
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}
