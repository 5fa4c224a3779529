import {
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  RegExpMatcher,
} from 'obscenity';
import { type Phase, pass } from './phase.ts';

/**
 * Profanity (npm obscenity: its English list, with the transformers that see through
 * "f.u.c.k", "sh1t", doubled letters and look-alike characters) and the brand's own words,
 * matched the same way. A match holds the comment for a moderator: lists misfire (the
 * Scunthorpe problem), so a person decides.
 */
const libraryMatcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

const brandMatchers = new Map<string, RegExpMatcher | null>();

/** The brand's words as obscenity patterns; words are letters, digits and inner spaces only. */
export function normaliseBannedWord(word: string): string | null {
  const cleaned = word
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length >= 2 && cleaned.length <= 60 ? cleaned : null;
}

function brandMatcher(words: readonly string[]): RegExpMatcher | null {
  const key = words.join('\n');
  if (brandMatchers.has(key)) return brandMatchers.get(key)!;
  const patterns = words.map(normaliseBannedWord).filter((w): w is string => w !== null);
  let matcher: RegExpMatcher | null = null;
  if (patterns.length > 0) {
    const dataset = new DataSet<{ word: string }>();
    for (const word of patterns) {
      dataset.addPhrase((phrase) => phrase.setMetadata({ word }).addPattern(parseRawPattern(`|${word}|`)));
    }
    matcher = new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });
  }
  if (brandMatchers.size > 100) brandMatchers.clear();
  brandMatchers.set(key, matcher);
  return matcher;
}

export function hasBannedWords(body: string, brandWords: readonly string[]): boolean {
  return libraryMatcher.hasMatch(body) || (brandMatcher(brandWords)?.hasMatch(body) ?? false);
}

export const bannedWordsPhase: Phase = {
  name: 'banned-words',
  check({ body, settings }) {
    return hasBannedWords(body, settings.bannedWords) ? { kind: 'hold', reason: 'banned-words' } : pass;
  },
};
