/**
 * What to ask the graph for an article (extract.cypher.ts GAZETTEER): the normalised forms
 * of every capitalised run and its tails (candidate names and aliases), the lower-case word
 * runs (a policy or event named by an alias: "intelligence pause"), the most frequent pairs
 * of content words for the full-text index ("intelligence sharing"), and the titles used
 * without a name ("the CIA director") with the words that may name the organisation or
 * place of the role. Every list is bounded, so a long text makes a bounded query.
 */
import { nameKey } from '../ingest/text';
import type { Layout, Token } from './layout';

export interface LookupKeys {
  readonly names: string[];
  readonly phrases: string[];
  /** A full-text query of quoted word pairs joined by OR; '' when there are none. */
  readonly topicQuery: string;
  readonly roleKeys: { readonly title: string; readonly key: string }[];
}

const LIMITS = { names: 20_000, phrases: 20_000, pairs: 100, titles: 2_000, runLength: 6, phraseLength: 5 } as const;

const FUNCTION_WORDS = new Set('a an the of with to and for in on at by between from across over into its their his her our this that as or than is was are were be been has have had will would could should may might not it he she they we i you said says told'.split(' '));

export function lookupKeys(layout: Layout): LookupKeys {
  const body = new Set(layout.paragraphs.filter((p) => p.kind === 'body').map((p) => p.index));
  const tokens = layout.tokens.filter((t) => body.has(t.paragraph));
  return {
    names: capitalisedRuns(layout, tokens),
    phrases: lowerCaseRuns(tokens),
    topicQuery: topicQuery(tokens),
    roleKeys: roleKeys(tokens),
  };
}

const joined = (layout: Layout, a: Token | undefined, b: Token): boolean => a !== undefined && a.sentence === b.sentence && /^\s+$/.test(layout.text.slice(a.end, b.start));

function capitalisedRuns(layout: Layout, tokens: readonly Token[]): string[] {
  const names = new Set<string>();
  let run: string[] = [];
  const flush = (): void => {
    for (let i = 0; i < run.length; i += 1) for (let j = i; j < Math.min(run.length, i + LIMITS.runLength); j += 1) names.add(nameKey(run.slice(i, j + 1).join(' ')));
    run = [];
  };
  tokens.forEach((t, n) => {
    if (!joined(layout, tokens[n - 1], t)) flush();
    if (/^\p{Lu}/u.test(t.text)) run.push(t.text.replace(/['’]s$/, ''));
    else flush();
  });
  flush();
  return bounded(names, LIMITS.names);
}

const content = (t: Token): boolean => /^\p{Ll}/u.test(t.text) && !FUNCTION_WORDS.has(t.lower);

function lowerCaseRuns(tokens: readonly Token[]): string[] {
  const phrases = new Set<string>();
  tokens.forEach((t, n) => {
    if (!content(t)) return;
    const words: string[] = [];
    for (let k = n; k < Math.min(tokens.length, n + LIMITS.phraseLength); k += 1) {
      const w = tokens[k] as Token;
      if (w.sentence !== t.sentence) break;
      words.push(w.lower);
      if (content(w)) phrases.add(nameKey(words.join(' ')));
    }
  });
  return bounded(phrases, LIMITS.phrases);
}

function topicQuery(tokens: readonly Token[]): string {
  const counts = new Map<string, number>();
  tokens.forEach((t, n) => {
    const next = tokens[n + 1];
    if (next === undefined || next.sentence !== t.sentence || !content(t) || !content(next)) return;
    const pair = `${t.lower} ${next.lower}`;
    if (!/^[a-z0-9]+ [a-z0-9]+$/.test(pair)) return;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  });
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, LIMITS.pairs);
  return top.map(([pair]) => `"${pair}"`).join(' OR ');
}

/** "the CIA director": the title, and each run of its words that may name the role's organisation or place. */
function roleKeys(tokens: readonly Token[]): { title: string; key: string }[] {
  const titles = new Set<string>();
  tokens.forEach((t, n) => {
    if (tokens[n - 1]?.lower !== 'the') return;
    const words = [t.text];
    for (let k = n + 1; k < Math.min(tokens.length, n + 4); k += 1) words.push((tokens[k] as Token).text);
    for (let len = 2; len <= words.length; len += 1) titles.add(words.slice(0, len).join(' ').toLowerCase());
  });
  const keys = new Map<string, { title: string; key: string }>();
  for (const title of bounded(titles, LIMITS.titles)) {
    const words = title.split(' ');
    for (let i = 0; i < words.length; i += 1) {
      for (let j = i; j < words.length; j += 1) {
        const key = nameKey(words.slice(i, j + 1).join(' '));
        if (key !== '' && !FUNCTION_WORDS.has(key)) keys.set(`${title}|${key}`, { title, key });
      }
    }
  }
  return [...keys.values()];
}

const bounded = (set: ReadonlySet<string>, limit: number): string[] => [...set].filter((k) => k !== '').slice(0, limit).sort();
