// Deterministic random text for the scale benchmark: the demo corpus's words ranked by use, a long
// tail of made-up words, drawn by Zipf's law in O(1) through a quantile table (a binary search per
// word made generating a million articles take minutes).
import { generateDemoContent } from '../../src/content/demo/generate.ts';

/** mulberry32: the same seed gives the same archive on both dialects. */
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

/** Index draws by Zipf's law over `n` ranks: a table of 2^20 quantiles, so a draw is one lookup. */
export function zipfTable(n: number, exponent = 1): Uint32Array {
  const size = 1 << 20;
  const weights = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] = 1 / (i + 1) ** exponent;
  const table = new Uint32Array(size);
  let rank = 0;
  let cumulative = weights[0]!;
  for (let q = 0; q < size; q++) {
    const x = ((q + 0.5) / size) * sum;
    while (cumulative < x && rank < n - 1) cumulative += weights[++rank]!;
    table[q] = rank;
  }
  return table;
}

export function drawZipf(table: Uint32Array, random: Rng): number {
  return table[Math.floor(random.next() * table.length)]!;
}

export interface Vocabulary {
  readonly words: readonly string[];
  draw(random: Rng): string;
}

export function vocabulary(random: Rng, size = 40_000): Vocabulary {
  const counts = new Map<string, number>();
  for (const a of generateDemoContent(1).articles) {
    const text = [a.headline, a.summary, ...a.body.map((b) => ('text' in b ? b.text : ''))].join(' ');
    for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
      const w = word.toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const onsets = 'b c d f g h j k l m n p r s t v w z br cr dr fl gr pl st tr'.split(' ');
  const vowels = 'a e i o u ai ea ou'.split(' ');
  const codas = ['', '', '', 'n', 'r', 's', 'l', 'm', 'nd', 'st'];
  const seen = new Set(words);
  while (words.length < size) {
    let w = '';
    for (let i = random.int(2, 4); i > 0; i--)
      w += random.pick(onsets) + random.pick(vowels) + random.pick(codas);
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  const table = zipfTable(words.length);
  return { words, draw: (r) => words[drawZipf(table, r)]! };
}

export function sentence(vocab: Vocabulary, random: Rng, min: number, max: number): string {
  let text = vocab.draw(random);
  for (let i = random.int(min, max) - 1; i > 0; i--) text += ` ${vocab.draw(random)}`;
  return text[0]!.toUpperCase() + text.slice(1);
}
