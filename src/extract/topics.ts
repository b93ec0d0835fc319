/**
 * Where the article names a place, policy or event the gazetteer knows, sentence by
 * sentence. A policy is rarely named in full ("US pause of intelligence sharing with
 * Ukraine"): the text says "the pause", "intelligence sharing", "the suspension". So each
 * policy and event is found by its name and aliases, and by the word runs of its name,
 * aliases and description between function words ("pause", "intelligence sharing",
 * "military aid"), matched on word stems ("pausing", "negotiating"). A run several topics
 * share ("pause" of two pauses) goes to the one the article names most, or to none on a tie.
 * Places are found by name and alias, where the article writes them with a capital.
 *
 * One pass over the words, each compared with the cues that start with its stem: linear in
 * the text for a given gazetteer.
 */
import { nameKey } from '../ingest/text';
import type { GazetteerEntry } from './gazetteer';
import type { Layout } from './layout';

/** A topic named in a sentence, with how sure the words make it (0 to 1). */
export interface TopicHit {
  readonly entry: GazetteerEntry;
  readonly weight: number;
  /** The words as written, and where. */
  readonly words: string;
  readonly start: number;
  readonly end: number;
  /** Found by a word several topics share ("tariffs"), given to this one as the one the article names most. */
  readonly shared: boolean;
}

interface Cue {
  readonly stems: readonly string[];
  readonly entries: readonly GazetteerEntry[];
  readonly weight: number;
  /** Places must be written with a capital: "US" is not "us". */
  readonly capital: boolean;
  /** A whole name or alias the graph gives ("the strike"), not a run cut from one. */
  readonly alias: boolean;
}

interface Word {
  readonly stem: string;
  readonly start: number;
  readonly end: number;
  readonly capital: boolean;
}

/** "the move", "this decision": a policy named before, referred back to. */
const POLICY_ANAPHORS = new Set(['move', 'decision', 'step', 'measure', 'policy', 'order', 'halt', 'freeze', 'suspension', 'pause', 'ban']);
const DETERMINERS = new Set(['the', 'this', 'that']);
/** How many sentences back "the move" looks for the policy it means. */
const ANAPHOR_SENTENCES = 4;

const FUNCTION_WORDS = new Set('a an the of with to and for in on at by between from across over into its their his her our this that as or than about after before during under since until within without'.split(' '));

/** A word of digits only ("2024", "3" of "3,200"): a year or a count says no more of one topic than of another. */
const NUMBER = /^\p{N}+$/u;

/** Cue weights: a full name or alias is sure; a run of words less so, a single word least. */
const WEIGHT = { anaphor: 0.7, name: 1, singleWordAlias: 0.7, run: 0.8, longRun: 0.9, word: 0.7 } as const;

/** A cue that several topics share counts for less on the one it is given to. */
const SHARED = 0.85;

/** A crude stem: long words by their first seven letters, short ones without an inflection. */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 7) return w.slice(0, 7);
  const bare = w.replace(/(?:ing|ed|es|s|e)$/, '');
  return bare.length >= 3 ? bare : w;
}

/** A word, with its possessive ("Macron’s") so that the "s" is not a word of its own. */
const WORD = /[\p{L}\p{N}]+(?:['’]s\b)?/gu;

function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD)) {
    const start = from + (m.index ?? 0);
    out.push({ stem: stem(m[0]), start, end: start + m[0].length, capital: /^\p{Lu}/u.test(m[0]) });
  }
  return out;
}

/**
 * A word in a topic's name that is itself a name: an acronym, a capital after the first
 * word, or a first word in capitals followed by another ("Emmanuel Macron’s address").
 */
const isNameWord = (word: string, index: number, next: string | undefined): boolean =>
  /^\p{Lu}{2,}$/u.test(word) || (/^\p{Lu}/u.test(word) && (index > 0 || (next !== undefined && /^\p{Lu}/u.test(next))));

/** The word runs of a phrase between function words, with and without the names at their edges. */
function runsOf(phrase: string): string[][] {
  const words = phrase.match(WORD) ?? [];
  const runs: string[][] = [];
  let run: { word: string; name: boolean }[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const plain = run.map((r) => r.word);
    if (!run.every((r) => r.name)) runs.push(plain);
    let a = 0;
    let b = run.length;
    while (a < b && (run[a] as { name: boolean }).name) a += 1;
    while (b > a && (run[b - 1] as { name: boolean }).name) b -= 1;
    if (b > a && b - a < run.length) runs.push(plain.slice(a, b));
    for (let k = a; k + 2 <= b && b - a > 2; k += 1) runs.push(plain.slice(k, k + 2));
    run = [];
  };
  words.forEach((word, index) => {
    if (FUNCTION_WORDS.has(word.toLowerCase())) flush();
    else run.push({ word, name: isNameWord(word, index, words[index + 1]) });
  });
  flush();
  return runs;
}

/** Every cue of every topic, keyed by its first stem; a cue shared by several topics lists them all. */
function cuesOf(topics: readonly GazetteerEntry[]): Map<string, Cue[]> {
  const byKey = new Map<string, { stems: string[]; entries: Set<GazetteerEntry>; weight: number; capital: boolean; alias: boolean }>();
  const add = (stems: string[], entry: GazetteerEntry, weight: number, capital: boolean, alias: boolean): void => {
    if (stems.length === 0 || stems.every((st) => NUMBER.test(st))) return;
    const key = stems.join(' ');
    const cue = byKey.get(key);
    if (cue === undefined) byKey.set(key, { stems, entries: new Set([entry]), weight, capital, alias });
    else {
      cue.entries.add(entry);
      cue.weight = Math.max(cue.weight, weight);
      cue.alias ||= alias;
    }
  };
  for (const entry of topics) {
    const names = [entry.name, ...entry.aliases].filter((n) => nameKey(n) !== '');
    for (const name of names) {
      const stems = (name.match(WORD) ?? []).filter((w, i) => i > 0 || w.toLowerCase() !== 'the').map(stem);
      add(stems, entry, stems.length === 1 && entry.type !== 'Place' ? WEIGHT.singleWordAlias : WEIGHT.name, entry.type === 'Place', true);
    }
    if (entry.type === 'Place') continue;
    for (const phrase of [...names, entry.description ?? '']) {
      for (const run of runsOf(phrase)) {
        if (run.length === 1 && phrase === entry.description) continue;
        add(run.map(stem), entry, run.length === 1 ? WEIGHT.word : run.length === 2 ? WEIGHT.run : WEIGHT.longRun, false, false);
      }
    }
  }
  const cues = new Map<string, Cue[]>();
  for (const cue of byKey.values()) {
    const list = cues.get(cue.stems[0] as string) ?? [];
    list.push({ stems: cue.stems, entries: [...cue.entries], weight: cue.weight, capital: cue.capital, alias: cue.alias });
    cues.set(cue.stems[0] as string, list);
  }
  return cues;
}

export interface TopicsBySentence {
  /** The topics each sentence names; sentences that name none are absent. */
  readonly hits: ReadonlyMap<number, readonly TopicHit[]>;
  /** The policy or event the article is about (`mainTopic`), or null when none stands out. */
  readonly main: GazetteerEntry | null;
  /** Body paragraphs under a subheading that names one policy or event ("RESCUE EFFORTS"), with that topic. */
  readonly sections: ReadonlyMap<number, GazetteerEntry>;
}

/** Naming a topic in the headline counts as much as naming it in this many sentences of the body. */
const TITLE_WEIGHT = 2;

/**
 * The policy or event the article reports on: the one its headline and body sentences name
 * most, each sentence once; between two named as often, the one named by surer cues in all
 * (`weights`: a full name over a one-word alias); null when they tie on both or none is
 * named. A news story reports one event, and a quote that names nothing ("it is going to
 * take some time") is about it.
 */
export function mainTopic(named: ReadonlyMap<number, readonly GazetteerEntry[]>, inTitle: ReadonlySet<GazetteerEntry>, weights: ReadonlyMap<GazetteerEntry, number> = new Map()): GazetteerEntry | null {
  const score = new Map<GazetteerEntry, number>();
  const isSubject = (e: GazetteerEntry): boolean => e.type === 'Policy' || e.type === 'Event';
  for (const e of inTitle) if (isSubject(e)) score.set(e, TITLE_WEIGHT);
  for (const list of named.values()) for (const e of new Set(list)) if (isSubject(e)) score.set(e, (score.get(e) ?? 0) + 1);
  const weight = (e: GazetteerEntry): number => Math.round((weights.get(e) ?? 0) * 100);
  const ranked = [...score].sort((a, b) => b[1] - a[1] || weight(b[0]) - weight(a[0]));
  const [first, second] = ranked;
  return first !== undefined && (second === undefined || first[1] > second[1] || weight(first[0]) > weight(second[0])) ? first[0] : null;
}

/** Finds the gazetteer's places, policies and events in every body sentence of `layout`. */
export function findTopics(layout: Layout, topics: readonly GazetteerEntry[]): TopicsBySentence {
  const hits = new Map<number, TopicHit[]>();
  if (topics.length === 0) return { hits, main: null, sections: new Map() };
  const cues = cuesOf(topics);
  const raw: { sentence: number; cue: Cue; start: number; end: number }[] = [];
  const mentions = new Map<GazetteerEntry, number>();
  const anaphors: { sentence: number; start: number; end: number }[] = [];
  const inTitle = new Set<GazetteerEntry>();
  const sections = new Map<number, GazetteerEntry>();
  let section: GazetteerEntry | null = null;
  for (const [index, paragraph] of layout.paragraphs.entries()) {
    if (paragraph.kind === 'title') for (const entry of namedIn(wordsOf(layout.text, paragraph.start, paragraph.end), cues)) inTitle.add(entry);
    if (paragraph.kind === 'furniture' && isSubheading(layout.text.slice(paragraph.start, paragraph.end).trim())) {
      const named = [...namedIn(wordsOf(layout.text, paragraph.start, paragraph.end), cues)].filter((e) => e.type === 'Policy' || e.type === 'Event');
      section = named.length === 1 ? (named[0] as GazetteerEntry) : null;
    }
    if (paragraph.kind === 'body' && section !== null) sections.set(index, section);
    if (paragraph.kind !== 'body') continue;
    for (const s of paragraph.sentences) {
      const sentence = layout.sentences[s];
      if (sentence === undefined) continue;
      const words = wordsOf(layout.text, sentence.start, sentence.end);
      words.forEach((word, i) => {
        const before = words[i - 1];
        if (before !== undefined && DETERMINERS.has(before.stem) && POLICY_ANAPHORS.has(layout.text.slice(word.start, word.end).toLowerCase())) anaphors.push({ sentence: s, start: before.start, end: word.end });
        for (const cue of cues.get(word.stem) ?? []) {
          if (!cueAt(words, i, cue)) continue;
          raw.push({ sentence: s, cue, start: word.start, end: (words[i + cue.stems.length - 1] as Word).end });
          for (const entry of cue.entries) mentions.set(entry, (mentions.get(entry) ?? 0) + cue.weight / cue.entries.length);
        }
      });
    }
  }
  // The article's subject from what names one topic only; a word several topics share ("tariffs") then goes to it.
  const main = mainTopic(namedOnce(raw), inTitle, strength(raw));
  // Longest first, so that "Oval Office meeting" takes its words from "meeting".
  raw.sort((a, b) => a.sentence - b.sentence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const { sentence, cue, start, end } of raw) {
    const entry = main !== null && cue.entries.includes(main) ? main : mostNamed(cue.entries, mentions);
    if (entry === null) continue;
    const list = hits.get(sentence) ?? [];
    // Places keep their own words: "Paris" in "meeting of European army chiefs in Paris".
    if (entry.type !== 'Place' && list.some((h) => h.entry.type !== 'Place' && h.start <= start && end <= h.end && h.entry !== entry)) continue;
    const same = list.findIndex((h) => h.entry === entry);
    const hit = { entry, weight: cue.entries.length > 1 ? cue.weight * SHARED : cue.weight, words: layout.text.slice(start, end), start, end, shared: cue.entries.length > 1 };
    if (same === -1) list.push(hit);
    else if ((list[same] as TopicHit).weight < hit.weight) list[same] = hit;
    hits.set(sentence, list);
  }
  resolveAnaphors(layout, anaphors, hits);
  return { hits, main, sections };
}

/** How many words a subheading has at most. */
const SUBHEADING_WORDS = 6;

/**
 * "RESCUE EFFORTS", "Federal Assistance": a short line in capitals or title case, with no
 * sentence's closing mark, that parts the body into sections.
 */
function isSubheading(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > SUBHEADING_WORDS || /[.!?:;,"”’]$/.test(line)) return false;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && FUNCTION_WORDS.has(w.toLowerCase())));
}

/**
 * A cue that tells which topic the article is about: one topic's own, and more than a
 * single loose word ("tariffs" cut from "tariffs on China" is said of every tariff); a
 * one-word alias the graph gives a single topic ("the strike") tells.
 */
const telling = (cue: Cue): boolean => cue.entries.length === 1 && (cue.weight >= WEIGHT.run || cue.alias);

/** How surely the sentences name each topic by cues of its own: the surest cue of each sentence, summed. */
function strength(raw: readonly { sentence: number; cue: Cue }[]): Map<GazetteerEntry, number> {
  const best = new Map<string, { entry: GazetteerEntry; weight: number }>();
  for (const { sentence, cue } of raw) {
    const entry = cue.entries[0] as GazetteerEntry;
    if (cue.entries.length !== 1) continue;
    const key = `${sentence} ${entry.id}`;
    if ((best.get(key)?.weight ?? 0) < cue.weight) best.set(key, { entry, weight: cue.weight });
  }
  const total = new Map<GazetteerEntry, number>();
  for (const { entry, weight } of best.values()) total.set(entry, (total.get(entry) ?? 0) + weight);
  return total;
}

/** The topics each sentence names by a telling cue, sentence by sentence. */
function namedOnce(raw: readonly { sentence: number; cue: Cue }[]): Map<number, GazetteerEntry[]> {
  const named = new Map<number, GazetteerEntry[]>();
  for (const { sentence, cue } of raw) if (telling(cue)) named.set(sentence, [...(named.get(sentence) ?? []), cue.entries[0] as GazetteerEntry]);
  return named;
}

/** The topics whose name, alias or word run `words` hold, each once; a cue several topics share names none of them. */
function namedIn(words: readonly Word[], cues: ReadonlyMap<string, readonly Cue[]>): Set<GazetteerEntry> {
  const named = new Set<GazetteerEntry>();
  words.forEach((word, i) => {
    for (const cue of cues.get(word.stem) ?? []) {
      if (telling(cue) && cueAt(words, i, cue)) named.add(cue.entries[0] as GazetteerEntry);
    }
  });
  return named;
}

/** Whether `cue` starts at word `i`. */
function cueAt(words: readonly Word[], i: number, cue: Cue): boolean {
  return (
    i + cue.stems.length <= words.length &&
    cue.stems.every((st, k) => {
      const w = words[i + k] as Word;
      return w.stem === st && (!cue.capital || w.capital);
    })
  );
}

/** "the move" is the policy named last in the sentences before it, when it names none itself. */
function resolveAnaphors(layout: Layout, anaphors: readonly { sentence: number; start: number; end: number }[], hits: Map<number, TopicHit[]>): void {
  const isPolicy = (h: TopicHit): boolean => h.entry.type === 'Policy';
  for (const a of anaphors) {
    const own = hits.get(a.sentence) ?? [];
    // "the pause" where "pause" is itself a policy's cue names that policy, not the one named before it.
    if (own.some((h) => isPolicy(h) && h.start < a.end && a.start < h.end)) continue;
    let referent: TopicHit | null = null;
    for (let k = a.sentence; k >= Math.max(0, a.sentence - ANAPHOR_SENTENCES) && referent === null; k -= 1) {
      const earlier = (hits.get(k) ?? []).filter((h) => isPolicy(h) && h.end <= a.start);
      referent = earlier.reduce<TopicHit | null>((x, h) => (x === null || h.start > x.start ? h : x), null);
    }
    if (referent === null || own.some((h) => h.entry === referent.entry)) continue;
    hits.set(a.sentence, [...own, { entry: referent.entry, weight: WEIGHT.anaphor, words: layout.text.slice(a.start, a.end), start: a.start, end: a.end, shared: false }]);
  }
}

/** The one entry the article names most; null when two tie. */
function mostNamed(entries: readonly GazetteerEntry[], mentions: ReadonlyMap<GazetteerEntry, number>): GazetteerEntry | null {
  if (entries.length === 1) return entries[0] as GazetteerEntry;
  const ranked = [...entries].sort((a, b) => (mentions.get(b) ?? 0) - (mentions.get(a) ?? 0));
  const [first, second] = ranked as [GazetteerEntry, GazetteerEntry];
  return (mentions.get(first) ?? 0) > (mentions.get(second) ?? 0) ? first : null;
}
