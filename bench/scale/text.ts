// Deterministic random text for the scale benchmark: the vocabulary of ../text-generator.ts,
// drawn by Zipf's law in O(1) through a quantile table (a binary search per word made generating
// a million articles take minutes).
import { type Rng, rankedWords } from '../text-generator.ts';

export { type Rng, rng } from '../text-generator.ts';

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
  const words = rankedWords(random, { size, tokens: /[\p{L}\p{N}]+/gu, normalise: (w) => w.toLowerCase() });
  const table = zipfTable(words.length);
  return { words, draw: (r) => words[drawZipf(table, r)]! };
}

export function sentence(vocab: Vocabulary, random: Rng, min: number, max: number): string {
  let text = vocab.draw(random);
  for (let i = random.int(min, max) - 1; i > 0; i--) text += ` ${vocab.draw(random)}`;
  return text[0]!.toUpperCase() + text.slice(1);
}
