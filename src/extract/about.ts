/**
 * What each statement is about: the policies, events and places its sentence names (found
 * by topics.ts against the gazetteer), the people it names besides its speakers, and the
 * organisations named in its own words. A statement whose sentence names no policy or event
 * takes those of what it continues, of the quote it sits in, of the sentence before it in
 * the paragraph, or of its speaker's previous statement, each less surely; failing all of
 * them, the policy or event the article as a whole reports on (topics.ts, `mainTopic`).
 *
 * A place the text names that the gazetteer does not know is proposed as a new place,
 * flagged for review; a policy or event is never invented from the text.
 */
import { nameKey } from '../ingest/text';
import type { GazetteerEntry } from './gazetteer';
import { readsAsPersonName } from './person-name';
import type { Layout, Token } from './layout';
import { PLATFORM_NAMES, SENTENCE_OPENERS, TITLE_WORDS } from './lexicon';
import type { DocEntity, Mention, Mentions } from './mentions';
import { firstIndex } from './sorted';
import type { TopicHit, TopicsBySentence } from './topics';

export type AboutTarget =
  | { readonly kind: 'entity'; readonly entity: DocEntity }
  | { readonly kind: 'graph'; readonly entry: GazetteerEntry }
  | { readonly kind: 'new-place'; readonly name: string };

export interface AboutLink {
  readonly target: AboutTarget;
  /** 0 to 1: how sure the link is. */
  readonly confidence: number;
  /** named: in the statement's sentence; article-topic: what the whole article reports on; the others: taken from the context. */
  readonly how: 'named' | 'continued' | 'quoted-in' | 'previous-sentence' | 'same-speaker' | 'section' | 'article-topic';
  readonly words: string;
}

/** What about.ts needs of a statement draft. */
export interface AboutSubject {
  readonly sentence: number;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly kind: 'DIRECT' | 'PARTIAL' | 'INDIRECT';
  readonly speakers: readonly { readonly entity: DocEntity }[];
  /** Where the words were said ("televised address"): the occasion, not the topic. */
  readonly venue: string | null;
  /** The draft this one continues, or the quote it is nested in. */
  readonly from: AboutSubject | null;
  readonly parent: AboutSubject | null;
  about: AboutLink[];
}

/** Words that open a relative clause about someone named before them. */
const RELATIVES = new Set(['who', 'whose', 'whom']);
/** Conjunctions that open a clause of its own after a dash or a semicolon. */
const CLAUSE_OPENERS = new Set(['but', 'while', 'whereas', 'although', 'though', 'yet']);
const CONTEXT_DISCOUNT = { continued: 0.95, 'quoted-in': 0.95, 'previous-sentence': 0.9, 'same-speaker': 0.85 } as const;

/** An organisation named in the statement's own words. */
const OWN_BODY_CONFIDENCE = 0.7;

/** Below this, an about link stays in the review and out of the statement (extract.ts). */
export const ABOUT_THRESHOLD = 0.5;

/** A name or place the graph does not know, against a graph that knows the article: listed in the review, below the link threshold. */
const NEW_AGAINST_GRAPH = 0.45;

/** The topic a subheading names, for the statements under it that name none. */
const SECTION_CONFIDENCE = 0.65;

/** The article's own topic, for a statement nothing nearer names one for: a guess worth proposing, not a certainty. */
const ARTICLE_TOPIC_CONFIDENCE = 0.6;

const isPolicyOrEvent = (l: AboutLink): boolean => l.target.kind === 'graph' && (l.target.entry.type === 'Policy' || l.target.entry.type === 'Event');

export class AboutLinker {
  /** Speakers of each span: a co-speaker ("both Waltz and Ratcliffe suggested") is not what the statement is about. */
  private readonly speakersOf = new Map<string, Set<DocEntity>>();
  private readonly lastBySpeaker = new Map<DocEntity, AboutSubject>();
  /** Links to a body the statement's own words name as what is acted on ("discussed TikTok"), not as who acts. */
  private readonly ownObjects = new WeakSet<AboutLink>();

  constructor(
    private readonly layout: Layout,
    private readonly mentions: Mentions,
    private readonly topics: TopicsBySentence,
    /** Names and aliases of the places the gazetteer knows: never proposed as new. */
    private readonly placeKeys: ReadonlySet<string>,
    /** Whether the names were resolved against a graph that knows something of the article (not from the text alone). */
    private readonly graph = false,
    /** A paragraph's index counted in paragraphs of reporting (blank lines and furniture between do not part them). */
    private readonly reportingAt: (paragraph: number) => number = (p) => p,
  ) {}

  /** Links every subject, in document order (carry-over reads the ones before). */
  linkAll(subjects: readonly AboutSubject[]): void {
    for (const s of subjects) {
      const set = this.speakersOf.get(spanKey(s)) ?? new Set<DocEntity>();
      for (const sp of s.speakers) set.add(sp.entity);
      this.speakersOf.set(spanKey(s), set);
    }
    for (const s of subjects) {
      s.about = this.link(s);
      for (const sp of s.speakers) this.lastBySpeaker.set(sp.entity, s);
    }
  }

  private link(s: AboutSubject): AboutLink[] {
    const links = [...this.topicsOf(s), ...this.namesIn(s), ...this.appsIn(s)];
    // A continuation, or a quote inside a quote, is the same passage: it keeps what that is about,
    // unless it names a policy or event of its own ("… a really complicated recovery").
    if (!links.some(isPolicyOrEvent)) links.push(...inherit(s.from?.about ?? [], 'continued'), ...inherit(s.parent?.about ?? [], 'quoted-in'));
    if (!links.some(isPolicyOrEvent)) links.push(...this.fromContext(s));
    // "RESCUE EFFORTS" over a passage: what is said under a subheading is about what it names, before the article's topic.
    const section = this.topics.sections.get(s.paragraph);
    if (!links.some(isPolicyOrEvent) && section !== undefined) links.push({ target: { kind: 'graph', entry: section }, confidence: SECTION_CONFIDENCE, how: 'section', words: section.name });
    const main = this.topics.main;
    if (main !== null) {
      // A statement that names a place or a body of its own is about that ("the US will stay at our side", "discussed
      // TikTok with Xi"), unless the article reports an event: a place then says where, not what ("we will get East
      // Palestine back on its feet").
      const placed = links.some((l) => l.target.kind !== 'entity' || this.ownObjects.has(l));
      const untopical = !links.some(isPolicyOrEvent) && (!placed || main.type === 'Event');
      // A topic carried from the context that is also the article's own rests on two cues: it is no less sure than the article's topic alone.
      const carried = links.some((l) => l.how !== 'named' && keyOf(l.target) === main);
      if (untopical || carried) links.push({ target: { kind: 'graph', entry: main }, confidence: ARTICLE_TOPIC_CONFIDENCE, how: 'article-topic', words: main.name });
    }
    return dedupe(withoutLooseWords(links));
  }

  /**
   * The topics the statement's sentence names; a paraphrase keeps to its own clause when
   * that names any (a sentence may hold two: "announced a meeting … and called for …"),
   * and the venue is the occasion, not a topic.
   */
  private topicsOf(s: AboutSubject): AboutLink[] {
    const names = this.mentions.inSentence(s.sentence).filter((m) => m.kind === 'name' && /^\p{Lu}/u.test(m.text) && (m.entity?.type === 'Organization' || m.entity?.type === 'Person'));
    // "Radio Corran", "the Corran Courier": a place inside the name of a body or a title is not a topic.
    const insideName = (h: TopicHit): boolean => h.entry.type === 'Place' && names.some((m) => m.start <= h.start && h.end <= m.end && m.end - m.start > h.end - h.start);
    const all = (this.topics.hits.get(s.sentence) ?? []).filter(
      (h) => (s.venue === null || !s.venue.toLowerCase().includes(h.words.toLowerCase())) && !insideName(h) && !(h.entry.type === 'Place' && this.inRelativeClause(h, s.sentence, s)),
    );
    const own = all.filter((h) => h.start >= s.start && h.end <= s.end);
    // A quote whose own words name a policy or event is about that, not about one its attribution's aside names
    // ("“We’re going to have about 90 days,” he said, without … the tariff hike for China").
    const ownSubject = own.filter((h) => h.entry.type === 'Policy' || h.entry.type === 'Event');
    const chosen = s.kind === 'INDIRECT' && own.length > 0 ? own : ownSubject.length > 0 ? all.filter((h) => h.entry.type === 'Place' || ownSubject.includes(h)) : all;
    // "the decision to pause tariffs …, insisting the pause was needed": a word several policies share ("tariffs")
    // is a word of the policy the sentence names by a cue of its own, not a second topic.
    const subject = (h: TopicHit): boolean => h.entry.type !== 'Place';
    const named = chosen.some((h) => subject(h) && !h.shared);
    return chosen
      .filter((h) => !(named && subject(h) && h.shared))
      .map((h) => ({ target: { kind: 'graph', entry: h.entry }, confidence: round(h.weight), how: 'named', words: h.words }));
  }

  private topicsNamed(sentence: number): AboutLink[] {
    return (this.topics.hits.get(sentence) ?? []).map((h) => ({ target: { kind: 'graph', entry: h.entry }, confidence: round(h.weight), how: 'named', words: h.words }));
  }

  /**
   * Whether the words at `at`, outside the statement's own words, stand in a relative clause
   * set off by a comma ("…, who remained in the White House"), which the next comma or the
   * statement ends.
   */
  private inRelativeClause(at: { readonly start: number; readonly end: number }, sentenceIndex: number, s: AboutSubject): boolean {
    const sentence = this.layout.sentences[sentenceIndex];
    if (sentence === undefined || (at.start >= s.start && at.end <= s.end)) return false;
    const tokens = this.layout.tokens;
    for (let k = sentence.last; k > sentence.first; k -= 1) {
      const t = tokens[k] as Token;
      if (t.start >= at.start) continue;
      if (t.start < s.end && t.end > s.start) return false;
      const gap = this.layout.text.slice((tokens[k - 1] as Token).end, t.start);
      if (RELATIVES.has(t.lower)) return gap.includes(',');
      if (/[,;:—–]/.test(gap)) return false;
    }
    return false;
  }

  /**
   * Whether the words at `at` come after the statement in a clause of their own, set off by a
   * dash or a semicolon and a conjunction ("… went as planned — but Jane Doe has another
   * view"): someone else's part of the sentence, not what the words concern.
   */
  private inLaterClause(at: { readonly start: number; readonly sentence: number }, s: AboutSubject): boolean {
    const sentence = this.layout.sentences[at.sentence];
    if (sentence === undefined || at.start < s.end) return false;
    const tokens = this.layout.tokens;
    for (let k = sentence.last; k > sentence.first; k -= 1) {
      const t = tokens[k] as Token;
      if (t.start >= at.start) continue;
      if (t.end <= s.end) return false;
      if (CLAUSE_OPENERS.has(t.lower) && /[—–;]/.test(this.layout.text.slice((tokens[k - 1] as Token).end, t.start))) return true;
    }
    return false;
  }

  /** People named in the sentence, organisations named in the statement's own words, places the gazetteer lacks. */
  private namesIn(s: AboutSubject): AboutLink[] {
    const excluded = new Set([...(this.speakersOf.get(spanKey(s)) ?? []), ...(s.parent?.speakers ?? []).map((sp) => sp.entity)]);
    const knownPlaces = new Set((this.topics.hits.get(s.sentence) ?? []).filter((h) => h.entry.type === 'Place').map((h) => h.words.toLowerCase()));
    const links: AboutLink[] = [];
    const inSentence = this.mentions.inSentence(s.sentence);
    for (const [i, m] of inSentence.entries()) {
      // "CBS News's Margaret Brennan": the journalist the words were said to, not a topic.
      if (journalistOf(inSentence[i - 1], m)) continue;
      // "European", "Ukrainian": an adjective, not a place or a body.
      if (this.layout.tokens.slice(m.first, m.last + 1).every((t) => t.tags.has('Demonym') || !/^\p{Lu}/u.test(t.text))) continue;
      if (s.kind === 'INDIRECT' && (m.start < s.start || m.end > s.end) && m.kind === 'place') continue;
      // "…,” tweeted the president, who remained in the White House": what describes someone is not what the words are about.
      if (this.inRelativeClause(m, m.sentence, s) || this.inLaterClause(m, s)) continue;
      if (m.kind === 'place') {
        const name = this.placeName(m);
        if (name === null) continue;
        if (!knownPlaces.has(name.toLowerCase()) && !this.placeKeys.has(nameKey(name)) && /^\p{Lu}/u.test(name)) links.push({ target: { kind: 'new-place', name }, confidence: this.graph ? NEW_AGAINST_GRAPH : 0.6, how: 'named', words: m.text });
        continue;
      }
      const e = m.entity;
      if (m.kind !== 'name' || e === null || excluded.has(e) || e.outlet || !isSubstantial(e)) continue;
      const inOwnWords = m.start >= s.start && m.end <= s.end;
      const link = (confidence: number): AboutLink => {
        const made: AboutLink = { target: { kind: 'entity', entity: e }, confidence: this.unknownToGraph(e) ? NEW_AGAINST_GRAPH : confidence, how: 'named', words: m.text };
        links.push(made);
        return made;
      };
      if (e.type === 'Person' || e.type === 'Unknown') link(inOwnWords ? 0.85 : 0.75);
      else if (inOwnWords) {
        const made = link(OWN_BODY_CONFIDENCE);
        if (!m.subject && made.confidence >= ABOUT_THRESHOLD) this.ownObjects.add(made);
      }
      // "Kelly said TikTok “has a national security risk to it”": a fragment's sentence is its paraphrase.
      else if (s.kind === 'PARTIAL' && m.subject) link(0.6);
    }
    return links;
  }

  /**
   * "the app “has a national security risk to it”", "an equal stake in the app": the platform
   * an app is, named before, is what the words speak of, when "the app" is in the statement's
   * own words or is the subject a quoted fragment completes.
   */
  private appsIn(s: AboutSubject): AboutLink[] {
    const sentence = this.layout.sentences[s.sentence];
    if (sentence === undefined) return [];
    const links: AboutLink[] = [];
    for (let k = sentence.first + 1; k <= sentence.last; k += 1) {
      const t = this.layout.tokens[k] as Token;
      const det = this.layout.tokens[k - 1] as Token;
      if (!APP_WORDS.has(t.lower.replace(/['’]s$/, '')) || !APP_DETERMINERS.has(det.lower)) continue;
      const inOwnWords = det.start >= s.start && t.end <= s.end;
      const completed = s.kind === 'PARTIAL' && t.end <= s.start && this.wordsBetween(k, s.start) <= FRAGMENT_SUBJECT_REACH;
      if (!inOwnWords && !completed) continue;
      const platform = this.platformBefore(det.start);
      if (platform === null || s.speakers.some((sp) => sp.entity === platform)) continue;
      const link: AboutLink = { target: { kind: 'entity', entity: platform }, confidence: inOwnWords ? OWN_BODY_CONFIDENCE : 0.6, how: 'named', words: this.layout.text.slice(det.start, t.end) };
      if (inOwnWords) this.ownObjects.add(link);
      links.push(link);
    }
    return links;
  }

  /** How many words lie between token `k` and offset `at`. */
  private wordsBetween(k: number, at: number): number {
    let n = 0;
    for (let j = k + 1; j < this.layout.tokens.length && (this.layout.tokens[j] as Token).end <= at; j += 1) n += 1;
    return n;
  }

  /** The platform ("TikTok") the article named last before `at`, a bounded walk back. */
  private platformBefore(at: number): DocEntity | null {
    const all = this.mentions.all;
    let k = firstIndex(all, (m) => m.start >= at) - 1;
    for (let steps = 0; k >= 0 && steps < PLATFORM_REACH; k -= 1, steps += 1) {
      const e = (all[k] as Mention).entity;
      if (e !== null && e.type === 'Organization' && !e.outlet && [e.name, ...e.aliases].some((n) => PLATFORM_NAMES.has(n.toLowerCase()))) return e;
    }
    return null;
  }

  /**
   * A name the graph was asked about and does not know: with a graph that knows the article's
   * story, such a name is as often a misread run ("U.S. multiple"), a room or a platform ("Oval
   * Office", "Truth Social") or someone the words are said to, as a topic; it stays a proposal
   * in the review, not a link.
   */
  private unknownToGraph(e: DocEntity): boolean {
    return this.graph && e.graph === null;
  }

  /**
   * The name of a place mention without the words a run of capitals picked up before it:
   * "But Maryland", "Under Chinese law", "President United States"; null when no place is
   * left ("Chinese" alone is an adjective).
   */
  private placeName(m: Mention): string | null {
    const tokens = this.layout.tokens.slice(m.first, m.last + 1);
    let k = 0;
    while (k < tokens.length - 1 && LEADING_NON_PLACE(tokens[k] as Token)) k += 1;
    const rest = tokens.slice(k);
    if (rest.every((t) => t.tags.has('Demonym'))) return null;
    return this.layout.text.slice((rest[0] as Token).start, m.end).replace(/['’]s$/, '');
  }

  /** The policies and events of the context, for a statement whose sentence names none. */
  private fromContext(s: AboutSubject): AboutLink[] {
    // The sentence before speaks for a statement only when the statement names nothing itself;
    // the speaker's previous quote, when it was said in the same passage.
    const namesNothing = (this.topics.hits.get(s.sentence) ?? []).length === 0;
    const candidates: [readonly AboutLink[], keyof typeof CONTEXT_DISCOUNT][] = [[namesNothing ? this.previousSentence(s) : [], 'previous-sentence']];
    const previous = s.speakers.length === 1 ? this.lastBySpeaker.get((s.speakers[0] as { entity: DocEntity }).entity) : undefined;
    if (previous !== undefined && previous.kind !== 'INDIRECT' && this.reportingAt(s.paragraph) - this.reportingAt(previous.paragraph) <= 1) candidates.push([previous.about, 'same-speaker']);
    for (const [source, how] of candidates) {
      const inherited = inherit(source, how);
      if (inherited.length > 0) return inherited;
    }
    return [];
  }

  /** The topics of the body sentence before, in this paragraph or the one before it. */
  private previousSentence(s: AboutSubject): AboutLink[] {
    for (let k = s.sentence - 1; k >= 0; k -= 1) {
      const sentence = this.layout.sentences[k];
      if (sentence === undefined || this.reportingAt(s.paragraph) - this.reportingAt(sentence.paragraph) > 1) return [];
      if (this.layout.paragraphs[sentence.paragraph]?.kind === 'body') return this.topicsNamed(k);
    }
    return [];
  }
}

/**
 * A name worth linking: one the graph knows, or of two words or more. A single capitalised
 * word the graph does not know is as likely a sentence opener or a show's title ("Face",
 * "Whether") as a surname, and is left out rather than proposed; so is a new person whose
 * name does not read as one (`readsAsPersonName`).
 */
export function isSubstantial(e: DocEntity): boolean {
  if (e.graph !== null) return true;
  if (!/\s/.test(e.name.trim())) return false;
  // An entity of no type yet becomes a person unless it is an outlet (extract.ts).
  const person = e.type === 'Person' || (e.type === 'Unknown' && !e.outlet);
  return !person || readsAsPersonName(e.name);
}

/** Whether `m` is a journalist named after an outlet's possessive ("CBS News's Margaret Brennan"). */
function journalistOf(before: Mention | undefined, m: Mention): boolean {
  return before !== undefined && before.possessive && before.entity?.outlet === true && m.start - before.end <= 1 && m.entity?.type !== 'Organization';
}

/** The words an article refers back to a platform by: "the app", "the platform". */
const APP_WORDS = new Set(['app', 'platform']);
const APP_DETERMINERS = new Set(['the', 'this', 'that']);
/** How many words may stand between "the app" and the fragment it is the subject of ("the app would in effect “go dark”"). */
const FRAGMENT_SUBJECT_REACH = 4;
/** How many mentions back "the app" looks for the platform it means. */
const PLATFORM_REACH = 40;

/** How far below the surest policy or event a loose word's topic may be and still be linked. */
const LOOSE_MARGIN = 0.15;
/** At or below this, a policy or event was found by one word alone: a word cut from a name, a one-word alias, a word several topics share. */
const LOOSE_WEIGHT = 0.7;

/**
 * "… insisting the pause was needed to pause tariffs", "Trump's 90-day pause on tariffs": one
 * word of another policy ("tariffs") is no second topic beside one the sentence names by a
 * surer cue; it is a word of the first one's story.
 */
function withoutLooseWords(links: readonly AboutLink[]): AboutLink[] {
  const named = links.filter((l) => isPolicyOrEvent(l) && l.how === 'named');
  const best = Math.max(0, ...named.map((l) => l.confidence));
  return links.filter((l) => !(isPolicyOrEvent(l) && l.how === 'named' && l.confidence <= LOOSE_WEIGHT && l.confidence < best - LOOSE_MARGIN + 1e-9 && named.some((o) => o !== l && o.confidence === best && keyOf(o.target) !== keyOf(l.target))));
}

/** A word that opens a run of capitals but is no part of a place's name: a function word, a title, a demonym before a noun. */
const LEADING_NON_PLACE = (t: Token): boolean =>
  SENTENCE_OPENERS.has(t.lower) || TITLE_WORDS.has(t.lower) || t.tags.has('Preposition') || t.tags.has('Conjunction') || t.tags.has('Determiner') || t.tags.has('Honorific');

function inherit(source: readonly AboutLink[], how: keyof typeof CONTEXT_DISCOUNT): AboutLink[] {
  return source.filter(isPolicyOrEvent).map((l) => ({ ...l, confidence: round(l.confidence * CONTEXT_DISCOUNT[how]), how }));
}

const spanKey = (s: AboutSubject): string => `${s.start}-${s.end}`;

const round = (x: number): number => Math.round(x * 100) / 100;

const keyOf = (t: AboutTarget): string | DocEntity | GazetteerEntry => (t.kind === 'entity' ? t.entity : t.kind === 'graph' ? t.entry : `new:${t.name.toLowerCase()}`);

/** One link per target, the surest kept, surest first. */
function dedupe(links: readonly AboutLink[]): AboutLink[] {
  const best = new Map<string | DocEntity | GazetteerEntry, AboutLink>();
  for (const l of links) {
    const key = keyOf(l.target);
    const held = best.get(key);
    if (held === undefined || held.confidence < l.confidence) best.set(key, l);
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}
