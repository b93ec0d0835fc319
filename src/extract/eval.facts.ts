/**
 * Scores a proposal as a newsroom analyst would read it: statements as facts ("who said
 * what"), overall and per reporting pattern of issue 20, plus `about`, the article's own
 * metadata and the people and organisations it mentions.
 *
 * - A gold statement is **found** when a proposed statement is paired with it (the pairs of
 *   eval.ts: quotes by overlap, exact spans first; paraphrases by overlap) *and* names the
 *   same speaker. **Precision** is the share of proposed statements that are such a pair.
 * - On the pairs: **exact spans** (quotes only), **speaker**, **kind** (quotes only),
 *   **venue** (the same words, or one phrase inside the other: "told reporters" and "told
 *   reporters in the Oval Office" agree; no venue on either side agrees), **reportedBy**
 *   (the same set of outlets), and, on gold statements whose `about` is not empty,
 *   **about present** (the proposal has one) and **about right**: it names the gold's first
 *   topic (what the statement is mainly about), and nothing else but the gold's other topics
 *   and the people, organisations and places the article names (a wrong policy or event, or
 *   an id that is no entity of the article, makes it wrong). **About links** count the ids
 *   themselves: precision and recall of the proposed ids against the gold's.
 * - Metadata: the title always (where the page has none, a title cut from the text is
 *   wrong); the date and byline where the page shows one or the proposal claims one.
 * - Per pattern: the gold statements tagged with it. A proposed statement counts towards a
 *   pattern's precision when it is paired with such a statement, or, unpaired, when it lies
 *   in a paragraph where one starts; an unpaired proposal inside page furniture counts
 *   towards pattern 8.
 */
import type { ArticleDocument, StatementInput } from '../ingest/document';
import type { AnnotatedArticle } from './eval.annotation';
import { isQuote, matchStatements, ratio, sameSet, type Ratio } from './eval';
import { TITLE_WORDS } from './lexicon';

export const PATTERNS: Readonly<Record<number, string>> = {
  1: 'attribution after the quote, titles and party tags',
  2: 'fragments quoted inside a paraphrase',
  3: 'continuation ("he added")',
  4: 'venues',
  5: 'outlets as the source',
  6: 'a text posted, issued or read out',
  7: 'pronouns and descriptions',
  8: 'page furniture',
};

/** Counts, so that articles and patterns add up before any ratio is taken. */
export interface FactTally {
  readonly gold: number;
  readonly proposed: number;
  /** Gold statements paired with a proposal that names the right speaker. */
  readonly found: number;
  /** Proposed statements (of those counted in `proposed`) that are such a pair. */
  readonly right: number;
  readonly exactSpan: Ratio;
  readonly speaker: Ratio;
  readonly kind: Ratio;
  readonly venue: Ratio;
  readonly reportedBy: Ratio;
  readonly aboutPresent: Ratio;
  readonly aboutRight: Ratio;
  /** Proposed about ids that are gold about ids, over proposed ids (on pairs whose gold has an about). */
  readonly aboutLinkPrecision: Ratio;
  /** Gold about ids proposed, over gold ids. */
  readonly aboutLinkRecall: Ratio;
}

export interface FactError {
  readonly type: 'missed' | 'spurious' | 'furniture' | 'speaker' | 'kind' | 'span' | 'venue' | 'reportedBy' | 'about';
  readonly kind: StatementInput['kind'];
  readonly text: string;
  readonly patterns: readonly number[];
  readonly expected: string | null;
  readonly found: string | null;
}

/** The metadata the page itself shows; the publisher and address come from the caller, not the text. */
export interface MetadataScores {
  readonly title: Ratio;
  readonly publishedAt: Ratio;
  readonly byline: Ratio;
}

export interface FactScores {
  readonly overall: FactTally;
  /** Pattern number (1-8) to its tally. */
  readonly byPattern: ReadonlyMap<number, FactTally>;
  readonly metadata: MetadataScores;
  /** Gold mentioned people and organisations against the proposal's, by id. */
  readonly mentions: { readonly gold: number; readonly proposed: number; readonly truePositives: number };
  readonly errors: readonly FactError[];
}

const addRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.correct + b.correct, a.total + b.total);

const EMPTY_TALLY: FactTally = {
  gold: 0,
  proposed: 0,
  found: 0,
  right: 0,
  exactSpan: ratio(0, 0),
  speaker: ratio(0, 0),
  kind: ratio(0, 0),
  venue: ratio(0, 0),
  reportedBy: ratio(0, 0),
  aboutPresent: ratio(0, 0),
  aboutRight: ratio(0, 0),
  aboutLinkPrecision: ratio(0, 0),
  aboutLinkRecall: ratio(0, 0),
};

export function addTallies(a: FactTally, b: FactTally): FactTally {
  return {
    gold: a.gold + b.gold,
    proposed: a.proposed + b.proposed,
    found: a.found + b.found,
    right: a.right + b.right,
    exactSpan: addRatio(a.exactSpan, b.exactSpan),
    speaker: addRatio(a.speaker, b.speaker),
    kind: addRatio(a.kind, b.kind),
    venue: addRatio(a.venue, b.venue),
    reportedBy: addRatio(a.reportedBy, b.reportedBy),
    aboutPresent: addRatio(a.aboutPresent, b.aboutPresent),
    aboutRight: addRatio(a.aboutRight, b.aboutRight),
    aboutLinkPrecision: addRatio(a.aboutLinkPrecision, b.aboutLinkPrecision),
    aboutLinkRecall: addRatio(a.aboutLinkRecall, b.aboutLinkRecall),
  };
}

/** Gold statements found with the right speaker. */
export const factsFound = (t: FactTally): Ratio => ratio(t.found, t.gold);
/** Proposed statements that are a gold statement with the right speaker. */
export const factPrecision = (t: FactTally): Ratio => ratio(t.right, t.proposed);

const norm = (v: string | null | undefined): string => (v ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
export function venueAgrees(gold: string | null | undefined, found: string | null | undefined): boolean {
  const g = norm(gold);
  const f = norm(found);
  return g === f || (g !== '' && f !== '' && (g.includes(f) || f.includes(g)));
}
/** `context`: the people, organisations and places the article names, harmless to link besides the topic. */
function aboutRight(gold: readonly string[], found: readonly string[], context: ReadonlySet<string>): boolean {
  const g = new Set(gold);
  return gold[0] !== undefined && found.includes(gold[0]) && found.every((id) => g.has(id) || context.has(id));
}

const short = (s: StatementInput): string => (s.text.length > 70 ? `${s.text.slice(0, 67)}...` : s.text);

/** Whether a proposal names the gold statement's speaker. */
export type SpeakerMatch = (gold: string, found: string) => boolean;

/** The graph's id, exactly: how a proposal resolved against a graph (--known) is judged. */
export const sameSpeakerId: SpeakerMatch = (gold, found) => gold === found;

/**
 * From the text alone, a person the article names only by surname ("Cheatle said") can only
 * get the surname's id (`person:cheatle`): the graph's full-name id (`person:kimberly-cheatle`)
 * needs a first name the text never gives. Such a proposal names the right speaker, unless the
 * text does give the full name, or a two-word alias without a title (the first name with the
 * surname within three words after it, whatever the case or spacing), the gold speaker is no
 * person of the article's entities, or another of its people shares the surname (then the
 * surname alone does not say which).
 */
export function speakerFromTextAlone(a: AnnotatedArticle): SpeakerMatch {
  const words = a.gold.article.text.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u);
  const people = a.gold.entities.filter((e) => e.type === 'Person');
  const bySurname = (surname: string): typeof people => people.filter((e) => e.id === `person:${surname}` || e.id.endsWith(`-${surname}`));
  /** Whether the text gives `name` (a first name, then `surname` within three words) in full. */
  const namedInFull = (name: string, surname: string): boolean => {
    const parts = name.toLowerCase().split(/\s+/).filter((w) => w !== '');
    const first = parts[0];
    if (parts.length < 2 || first === undefined || parts[parts.length - 1] !== surname) return false;
    return words.some((w, i) => w === first && words.slice(i + 1, i + 4).includes(surname));
  };
  return (gold, found) => {
    if (gold === found) return true;
    if (!gold.startsWith('person:') || !found.startsWith('person:')) return false;
    const surname = found.slice('person:'.length);
    const sharing = bySurname(surname);
    const person = sharing[0];
    // The one person whose id ends in the surname, and it is the gold's (found, person:<surname>, is not).
    if (surname === '' || sharing.length !== 1 || person === undefined || person.id !== gold) return false;
    // An alias of two words ending in the surname may be the full name spelt another way ("Kim Cheatle"); one with a title ("Ms. Cheatle") gives no first name.
    const spellings = (person.aliases ?? []).filter((alias) => {
      const aliasWords = alias.trim().split(/\s+/);
      return aliasWords.length === 2 && !TITLE_WORDS.has((aliasWords[0] as string).toLowerCase().replace(/\.$/, ''));
    });
    return ![person.name, ...spellings].some((name) => namedInFull(name, surname));
  };
}

/** Judges one pair on everything but presence; returns the tally of that single gold statement and its errors. */
function judgePair(g: StatementInput, f: StatementInput, patterns: readonly number[], context: ReadonlySet<string>, sameSpeaker: SpeakerMatch): { tally: FactTally; errors: FactError[] } {
  const errors: FactError[] = [];
  const err = (type: FactError['type'], expected: string | null, found: string | null): void => {
    errors.push({ type, kind: g.kind, text: short(g), patterns, expected, found });
  };
  const speakerOk = sameSpeaker(g.speaker, f.speaker);
  if (!speakerOk) err('speaker', g.speaker, f.speaker);
  const quote = isQuote(g);
  const exact = g.start === f.start && g.end === f.end;
  if (quote && !exact) err('span', `${g.start}-${g.end}`, `${f.start}-${f.end}`);
  if (quote && g.kind !== f.kind) err('kind', g.kind, f.kind);
  const venueOk = venueAgrees(g.venue, f.venue);
  if (!venueOk) err('venue', g.venue ?? null, f.venue ?? null);
  const outletsOk = sameSet(g.reportedBy, f.reportedBy);
  if (!outletsOk) err('reportedBy', (g.reportedBy ?? []).join(', ') || null, (f.reportedBy ?? []).join(', ') || null);
  const goldAbout = g.about ?? [];
  const foundAbout = f.about ?? [];
  const hasAbout = goldAbout.length > 0;
  const aboutOk = hasAbout && aboutRight(goldAbout, foundAbout, context);
  const linked = new Set(foundAbout).size;
  const shared = [...new Set(foundAbout)].filter((id) => goldAbout.includes(id)).length;
  if (hasAbout && !aboutOk) err('about', goldAbout.join(', '), foundAbout.join(', ') || null);
  const one = (ok: boolean, counts = true): Ratio => ratio(counts && ok ? 1 : 0, counts ? 1 : 0);
  return {
    tally: {
      gold: 1,
      proposed: 1,
      found: speakerOk ? 1 : 0,
      right: speakerOk ? 1 : 0,
      exactSpan: one(exact, quote),
      speaker: one(speakerOk),
      kind: one(g.kind === f.kind, quote),
      venue: one(venueOk),
      reportedBy: one(outletsOk),
      aboutPresent: one(foundAbout.length > 0, hasAbout),
      aboutRight: one(aboutOk, hasAbout),
      aboutLinkPrecision: hasAbout ? ratio(shared, linked) : ratio(0, 0),
      aboutLinkRecall: hasAbout ? ratio(shared, new Set(goldAbout).size) : ratio(0, 0),
    },
    errors,
  };
}

const proposalTally = (right: boolean): FactTally => ({ ...EMPTY_TALLY, proposed: 1, right: right ? 1 : 0 });
const missedTally: FactTally = { ...EMPTY_TALLY, gold: 1 };

/** The index of the paragraph (line) an offset lies in. */
function paragraphOf(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Whether the text shows the date itself (2025-04-09, April 9, 2025, Apr. 9, 2025, Jun 19, 2025), not only a weekday. */
export function showsDate(text: string, iso: string | null): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return false;
  const [, year, month, day] = m;
  const name = MONTH_NAMES[Number(month) - 1] ?? '';
  const abbreviations = name === 'September' ? ['Sep', 'Sept'] : [name.slice(0, 3)];
  const forms = [`${year}-${month}-${day}`, `${name} ${Number(day)}, ${year}`, ...abbreviations.flatMap((a) => [`${a}. ${Number(day)}, ${year}`, `${a} ${Number(day)}, ${year}`]), `${Number(day)} ${name} ${year}`];
  return forms.some((f) => text.includes(f));
}

function scoreMetadata(a: AnnotatedArticle, proposed: ArticleDocument, byline: string | null): MetadataScores {
  const got = proposed.article;
  const text = a.gold.article.text;
  // Counted where the page shows a value or the proposal claims one: agreeing that there is none proves little.
  const same = (expected: string | null, found: string | null | undefined): Ratio => (norm(expected) === '' && norm(found) === '' ? ratio(0, 0) : ratio(norm(expected) === norm(found) ? 1 : 0, 1));
  // Where the page shows no title, any title cut from the text (its first paragraph, a date stamp) is wrong.
  const titleOk = a.expected.title === null ? !text.includes(got.title.replace(/\.\.\.$/, '').trim()) : norm(a.expected.title) === norm(got.title);
  const expectedDate = showsDate(text, a.expected.publishedAt) ? (a.expected.publishedAt?.slice(0, 10) ?? null) : null;
  return {
    title: ratio(titleOk ? 1 : 0, 1),
    publishedAt: same(expectedDate, got.publishedAt?.slice(0, 10)),
    byline: same(a.expected.byline, byline),
  };
}

const PERSON_OR_ORG = /^(person|org):/;
function mentionedIds(doc: ArticleDocument): Set<string> {
  const ids = doc.mentions ?? [...doc.entities.map((e) => e.id), ...doc.statements.flatMap((s) => [s.speaker, ...(s.reportedBy ?? []), ...(s.about ?? [])])];
  return new Set(ids.filter((id) => PERSON_OR_ORG.test(id)));
}

/**
 * `byline`: the one the extractor read from the page (the document has no field for it);
 * `sameSpeaker`: how a speaker is judged (exact ids, or `speakerFromTextAlone` for a proposal made without a graph).
 */
export function scoreFacts(a: AnnotatedArticle, proposed: ArticleDocument, byline: string | null = null, sameSpeaker: SpeakerMatch = sameSpeakerId): FactScores {
  const gold = a.gold.statements;
  const pairs = matchStatements(gold, proposed.statements);
  const partnerOf = new Map<StatementInput, StatementInput>();
  const goldOf = new Map<StatementInput, StatementInput>();
  for (const [g, f] of [...pairs.quotes, ...pairs.indirect]) {
    partnerOf.set(g, f);
    goldOf.set(f, g);
  }
  const patternsOf = (g: StatementInput): readonly number[] => a.patterns.get(g) ?? [];
  const context = new Set(a.gold.entities.filter((e) => e.type === 'Person' || e.type === 'Organization' || e.type === 'Place').map((e) => e.id));
  const errors: FactError[] = [];
  let overall = EMPTY_TALLY;
  const byPattern = new Map<number, FactTally>(Object.keys(PATTERNS).map((p) => [Number(p), EMPTY_TALLY]));
  const add = (patterns: readonly number[], t: FactTally): void => {
    for (const p of new Set(patterns)) byPattern.set(p, addTallies(byPattern.get(p) ?? EMPTY_TALLY, t));
  };

  for (const g of gold) {
    const f = partnerOf.get(g);
    if (!f) {
      errors.push({ type: 'missed', kind: g.kind, text: short(g), patterns: patternsOf(g), expected: g.speaker, found: null });
      overall = addTallies(overall, missedTally);
      add(patternsOf(g), missedTally);
      continue;
    }
    const judged = judgePair(g, f, patternsOf(g), context, sameSpeaker);
    errors.push(...judged.errors);
    overall = addTallies(overall, judged.tally);
    add(patternsOf(g), judged.tally);
  }

  const paragraph = paragraphOf(a.gold.article.text);
  const patternsByParagraph = new Map<number, Set<number>>();
  for (const g of gold) {
    const at = paragraph(g.start);
    patternsByParagraph.set(at, new Set([...(patternsByParagraph.get(at) ?? []), ...patternsOf(g)]));
  }
  for (const f of proposed.statements) {
    if (goldOf.has(f)) continue;
    const inFurniture = a.furniture.find((r) => f.start < r.end && r.start < f.end);
    const patterns = inFurniture ? [8] : [...(patternsByParagraph.get(paragraph(f.start)) ?? [])];
    errors.push({ type: inFurniture ? 'furniture' : 'spurious', kind: f.kind, text: short(f), patterns, expected: inFurniture ? `nothing (${inFurniture.what})` : null, found: f.speaker });
    overall = addTallies(overall, proposalTally(false));
    add(patterns, proposalTally(false));
  }
  // A paired proposal's own count (gold 0, proposed 1) was added with its gold statement's tally above.

  const goldMentions = mentionedIds(a.gold);
  const foundMentions = mentionedIds(proposed);
  return {
    overall,
    byPattern,
    metadata: scoreMetadata(a, proposed, byline),
    mentions: { gold: goldMentions.size, proposed: foundMentions.size, truePositives: [...foundMentions].filter((id) => goldMentions.has(id)).length },
    errors,
  };
}

export function combineFacts(all: readonly FactScores[]): FactScores {
  const byPattern = new Map<number, FactTally>(Object.keys(PATTERNS).map((p) => [Number(p), EMPTY_TALLY]));
  for (const s of all) for (const [p, t] of s.byPattern) byPattern.set(p, addTallies(byPattern.get(p) ?? EMPTY_TALLY, t));
  const sumRatio = (f: (m: MetadataScores) => Ratio): Ratio => all.reduce((acc, s) => addRatio(acc, f(s.metadata)), ratio(0, 0));
  return {
    overall: all.reduce((acc, s) => addTallies(acc, s.overall), EMPTY_TALLY),
    byPattern,
    metadata: { title: sumRatio((m) => m.title), publishedAt: sumRatio((m) => m.publishedAt), byline: sumRatio((m) => m.byline) },
    mentions: all.reduce((acc, s) => ({ gold: acc.gold + s.mentions.gold, proposed: acc.proposed + s.mentions.proposed, truePositives: acc.truePositives + s.mentions.truePositives }), { gold: 0, proposed: 0, truePositives: 0 }),
    errors: all.flatMap((s) => s.errors),
  };
}
