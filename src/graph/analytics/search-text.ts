/**
 * User text for the full-text index: made into a Lucene query that can only ever mean
 * "any of these words", and the snippet that shows why a node matched.
 *
 * Lucene's classic query syntax (https://lucene.apache.org/core/9_0_0/queryparser/org/apache/lucene/queryparser/classic/package-summary.html#Escaping_Special_Characters)
 * gives meaning to + - && || ! ( ) { } [ ] ^ " ~ * ? : \ / and to the words AND, OR, NOT.
 * Every special character is escaped with a backslash and every operator word is quoted,
 * so no input is a syntax error, a wildcard, a fuzzy or range query, or a field name.
 */

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Operators only in upper case (the parser's grammar); lower-case `and` is a word. */
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/** The Lucene query that finds nodes holding any of the words of `text`. */
export function escapeLucene(text: string): string {
  return text
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .map((word) => (OPERATORS.has(word) ? `"${word}"` : word.replace(SPECIAL, '\\$&')))
    .join(' ');
}

/** Lower-cased letter-and-digit runs: the words a search looks for, and what a field holds. */
export function searchTerms(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/** Words a text snippet keeps on each side of the match. */
export const SNIPPET_WORDS = 6;

/**
 * The words of `text` around a word holding one of `terms`, whitespace collapsed, with an
 * ellipsis where it was cut. The window that holds the most distinct terms wins, the
 * earliest on a tie. Null when no word matches (Lucene's tokenizer and ours can differ).
 */
export function textSnippet(text: string, terms: readonly string[], around = SNIPPET_WORDS): string | null {
  const wanted = new Set(terms);
  const words = [...text.matchAll(/\S+/gu)];
  const found = words.map((w) => searchTerms(w[0]).filter((t) => wanted.has(t)));
  let best = -1;
  let bestCount = 0;
  found.forEach((hits, i) => {
    if (hits.length === 0) return;
    const count = new Set(found.slice(Math.max(0, i - around), i + around + 1).flat()).size;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  if (best < 0) return null;
  const firstIndex = Math.max(0, best - around);
  const lastIndex = Math.min(words.length - 1, best + around);
  const first = words[firstIndex] as RegExpMatchArray;
  const last = words[lastIndex] as RegExpMatchArray;
  const shown = text.slice(first.index, (last.index as number) + last[0].length).replace(/\s+/gu, ' ');
  return `${firstIndex > 0 ? '…' : ''}${shown}${lastIndex < words.length - 1 ? '…' : ''}`;
}

/** The name or alias holding the most of `terms` (the first of them on a tie); null when none does. */
export function nameSnippet(names: readonly string[], terms: readonly string[]): string | null {
  const wanted = new Set(terms);
  let best: string | null = null;
  let bestCount = 0;
  for (const name of names) {
    const count = new Set(searchTerms(name).filter((t) => wanted.has(t))).size;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}
