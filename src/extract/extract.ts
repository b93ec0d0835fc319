/**
 * From raw article text to a proposed article document: the ingest shape
 * (src/ingest/document.ts), ready for an analyst to review and load with `npm run ingest`,
 * plus a `review` list that says, for every statement, how sure the extractor is, which rule
 * produced it and what to check. Quotes whose speaker cannot be resolved are listed in
 * `review` with no speaker and left out of `statements`: the extractor never guesses one.
 *
 * The work is pure: the caller supplies the gazetteer (entities already in the graph, read
 * by extract.repository.ts), so the same text and gazetteer always give the same proposal.
 */
import type { AboutStance, ArticleDocument, EntityInput, StatementInput } from '../ingest/document';
import { articleSlug as slugOfArticle, typeOfPrefix, type StatementKind } from '../vocabulary';
import { derivedArticleId } from '../ingest/identity';
import { nameKey, slugify } from '../ingest/text';
import { ABOUT_THRESHOLD, AboutLinker, isSubstantial, type AboutLink } from './about';
import { stanceCue } from './stance';
import type { Speaker } from './frame';
import { carryOver, showVenues, withoutRepeats } from './draft-passes';
import { Drafter, type Draft } from './drafts';
import { NO_GAZETTEER, type Gazetteer } from './gazetteer';
import { layOut, type Layout } from './layout';
import { documentMentions, findMentions, Registry, type DocEntity, type Via } from './mentions';
import { readMetadata, type PageMetadata } from './metadata';
import { carryOccasions } from './occasion';
import { findTopics } from './topics';
import { holding } from './sorted';
import { readsAsPersonName } from './person-name';
import { doubtsOf, type DoubtScope } from './doubts';

/** One line of the review: a proposed statement, or a quote left out for want of a speaker. */
export interface ReviewItem {
  /** Index into `document.statements`; null when the quote was left out. */
  readonly statement: number | null;
  readonly kind: StatementKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker: string | null;
  /** The words the speaker was found from: "he", "the CIA director", "Waltz". */
  readonly speakerMention: string | null;
  /** 0 to 1: how likely the statement is right as proposed (span, kind and speaker). */
  readonly confidence: number;
  readonly rule: string;
  readonly flags: readonly string[];
  /** What the statement is about, surest first, with how each link was found. */
  readonly about: readonly AboutReview[];
}

export interface AboutReview {
  readonly id: string;
  readonly confidence: number;
  readonly how: AboutLink['how'];
  readonly words: string;
  /** A place the graph lacks, proposed by this document. */
  readonly proposed: boolean;
}

/** The caller's metadata; what it leaves out is read from the page where the page gives it. */
export interface ArticleMetadata {
  readonly id?: string | null;
  readonly title?: string | null;
  readonly url?: string | null;
  /** The publisher's organisation id (org:…) or name. */
  readonly publisher?: string | null;
  readonly publishedAt?: string | null;
}

export interface ProposedDocument extends ArticleDocument {
  readonly review: readonly ReviewItem[];
}

export interface ExtractionProposal {
  readonly document: ProposedDocument;
  /** Ids of the entities the document defines because the graph does not have them. */
  readonly newEntities: readonly string[];
  /** Ids of the graph's entities the statements point at. */
  readonly knownEntities: readonly string[];
  /** The byline the page gives, if any (the document has no field for it). */
  readonly byline: string | null;
}

export interface Prepared {
  readonly text: string;
  readonly title: string;
  readonly layout: Layout;
  readonly page: PageMetadata;
}

/** Normalises line ends and reads the article's layout; the title defaults to the page's headline. */
export function prepareArticle(raw: string, title?: string | null): Prepared {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const page = readMetadata(text);
  const chosen = (title ?? '').trim() || page.title || 'Untitled article';
  return { text, title: chosen, layout: layOut(text, chosen), page };
}

const VIA_CONFIDENCE: Readonly<Record<Via, number>> = {
  name: 1,
  alias: 0.97,
  surname: 0.95,
  graph: 0.95,
  'graph-title': 0.8,
  title: 0.88,
  anaphor: 0.85,
  pronoun: 0.85,
  new: 0.95,
  'new-surname': 0.7,
};

/** Proposes the article document for `prepared`, resolving names against `gazetteer`. */
export function extractArticle(prepared: Prepared, gazetteer: Gazetteer = NO_GAZETTEER, options: ArticleMetadata = {}): ExtractionProposal {
  const { layout } = prepared;
  const registry = new Registry(gazetteer);
  const mentions = findMentions(layout, registry);
  const scope = { layout, mentions, registry, history: [], pronouns: new Map() };
  const drafter = new Drafter(scope);
  drafter.run();
  const ordered = withoutRepeats(carryOver(drafter.drafts), layout.paragraphs);
  showVenues(ordered, drafter.shows);
  carryOccasions(ordered, scope);
  const placeKeys = new Set(gazetteer.topics.filter((t) => t.type === 'Place').flatMap((t) => [t.name, ...t.aliases].map(nameKey)));
  new AboutLinker(layout, mentions, findTopics(layout, gazetteer.topics), placeKeys, gazetteer.entries.length > 0).linkAll(ordered);
  const mentioned = mentions.all.flatMap((m) => (m.kind === 'name' && m.entity !== null && isSubstantial(m.entity) ? [m.entity] : []));
  return assemble(prepared, registry, mentioned, { layout, mentions, drafts: ordered }, drafter.left, options);
}


/** Ids: the graph's, or one from the name; two new entities never share one. */
class EntityIds {
  private readonly ids = new Map<DocEntity, string>();
  private readonly taken = new Set<string>();
  /** Places the graph lacks that statements are about: id to name. */
  readonly newPlaces = new Map<string, string>();
  /** Entities no mention gave a type, typed here by default. */
  readonly defaulted = new Set<DocEntity>();

  constructor(private readonly registry: Registry) {}

  /** The entity a surname-only person stands for, when the text names exactly one person in full with that surname. */
  fullNameOf(e: DocEntity): DocEntity {
    return this.registry.fullName(e);
  }

  of(entity: DocEntity): string {
    const e = this.fullNameOf(entity);
    const known = this.ids.get(e);
    if (known !== undefined) return known;
    if (e.type === 'Unknown') {
      e.type = e.outlet ? 'Organization' : 'Person';
      this.defaulted.add(e);
    }
    let id = this.registry.idOf(e);
    if (e.graph === null) {
      for (let n = 2; this.taken.has(id); n += 1) id = `${this.registry.idOf(e)}-${n}`;
    }
    this.taken.add(id);
    this.ids.set(e, id);
    return id;
  }

  /** The id of a place the graph lacks; `linked`: a statement is about it, so the document defines it. */
  place(name: string, linked: boolean): string {
    const id = `place:${slugify(name) || 'unnamed'}`;
    if (linked && !this.newPlaces.has(id)) this.newPlaces.set(id, name);
    return id;
  }
}

function confidenceOf(d: Draft, speaker: Speaker, flags: readonly string[]): number {
  // One word is a body's whole name ("Equifax"), but only a person's surname.
  const via = speaker.via === 'new-surname' && speaker.entity.type === 'Organization' ? 'new' : speaker.via;
  let confidence = d.base * VIA_CONFIDENCE[via];
  if (flags.includes('ambiguous')) confidence *= 0.7;
  if (flags.includes('last-speaker') || flags.includes('last-named') || flags.includes('previous-sentence')) confidence *= 0.95;
  if (flags.includes('outer-unattributed')) confidence *= 0.8;
  return Math.round(confidence * 100) / 100;
}

/** The about links of a draft as ids, each noted for the review. */
function aboutOf(d: Draft, speaker: DocEntity, ids: EntityIds, used: Set<DocEntity>): AboutReview[] {
  const out: AboutReview[] = [];
  for (const link of d.about) {
    const t = link.target;
    if (t.kind === 'entity' && t.entity === speaker) continue;
    if (t.kind === 'entity') used.add(t.entity);
    const id = t.kind === 'entity' ? ids.of(t.entity) : t.kind === 'graph' ? t.entry.id : ids.place(t.name, link.confidence >= ABOUT_THRESHOLD);
    if (!out.some((a) => a.id === id)) out.push({ id, confidence: link.confidence, how: link.how, words: link.words, proposed: t.kind === 'new-place' });
  }
  return out;
}

interface Proposed {
  readonly statements: StatementInput[];
  readonly review: ReviewItem[];
  readonly used: Set<DocEntity>;
  readonly topics: Set<string>;
}

/** A stance proposed from an explicit cue of the statement's sentence (stance.ts), on the policies and events it is linked to. */
function proposedStances(sentence: string, linked: readonly string[]): AboutStance[] {
  const cue = stanceCue(sentence);
  if (cue === null) return [];
  return linked.filter((id) => id.startsWith('policy:') || id.startsWith('event:')).map((about) => ({ about, stance: cue.stance, confidence: cue.confidence }));
}

/** Quote marks a phrase's other use may open with: then it is quoted there too, not the article's own words. */
const OPENING_MARKS = new Set(['"', '“', '‘', "'"]);
/** The most words a quoted phrase may have to be read as a term the article names rather than words someone said. */
const TERM_WORDS = 3;

/**
 * Whether a partial quote is a short phrase the article also uses in its own words,
 * unquoted (a plane's "door plug", a forecast's "wind event"): such a phrase is as likely a
 * term the writer marked, or words another speaker said, as words of the speaker found.
 */
function echoedTerm(d: Draft, source: string): boolean {
  const phrase = d.text.trim().toLowerCase();
  if (d.kind !== 'PARTIAL' || phrase.split(/\s+/).length > TERM_WORDS) return false;
  const lower = source.toLowerCase();
  // Offsets into the lower-cased text are the source's only while lower-casing keeps every length.
  if (lower.length !== source.length) return false;
  const letter = (at: number): boolean => /\p{L}/u.test(source[at] ?? '');
  for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
    const inside = at >= d.start - 1 && at <= d.end;
    if (!inside && !letter(at - 1) && !letter(at + phrase.length) && !OPENING_MARKS.has(source[at - 1] ?? '')) return true;
  }
  return false;
}

/**
 * "called them “disgusting” for saying “…”", "faulted the agency for claiming “…”": the words
 * after "for saying" are those of whom the sentence faults, not of its subject, who is the
 * speaker the rules find there.
 */
const FOR_SAYING = /\bfor (?:saying|claiming|suggesting|insisting|arguing|calling \S+)[,:]?\s*$/i;

/** Whether the words of a quote are reported as someone else's by its speaker: "… for saying “…”". */
const saidByTheFaulted = (d: Draft, source: string): boolean => d.kind !== 'INDIRECT' && FOR_SAYING.test(source.slice(Math.max(0, d.start - 40), d.start - 1));

/**
 * Whether a new speaker's type is a guess against the way its name reads: no mention typed it
 * and the default makes a person of a name that does not read as one ("US Coastguard"), or
 * one mention's context made a body of a name that reads as a person's ("from Ohtani’s bank
 * account" for "Shohei Ohtani").
 */
function typeGuessed(e: DocEntity, ids: EntityIds): boolean {
  if (e.graph !== null || e.typedByName) return false;
  const person = e.type === 'Person' || (e.type === 'Unknown' && !e.outlet);
  const guessed = e.type === 'Unknown' || ids.defaulted.has(e) || e.type === 'Organization';
  return guessed && person !== readsAsPersonName(e.name);
}

function proposeStatements(scope: DoubtScope, ids: EntityIds, articleSlug: string, sentenceOf: (d: Draft) => string, source: string): Proposed {
  const out: Proposed = { statements: [], review: [], used: new Set(), topics: new Set() };
  const statementIdOf = new Map<Draft, string>();
  for (const d of scope.drafts) {
    for (const speaker of d.speakers) {
      out.used.add(speaker.entity);
      const reportedBy = [...new Set([...d.outer, ...d.venueOutlets])].filter((o) => o !== speaker.entity);
      reportedBy.forEach((o) => out.used.add(o));
      const about = aboutOf(d, speaker.entity, ids, out.used);
      const linked = about.filter((a) => a.confidence >= ABOUT_THRESHOLD).map((a) => a.id);
      linked.forEach((id) => out.topics.add(id));
      const stances = proposedStances(sentenceOf(d), linked);
      const flags = [...new Set([...d.flags, ...speaker.flags, ...(speaker.entity.graph === null ? ['new-entity'] : []), ...(speaker.entity.surnameOnly ? ['surname-only'] : []), ...(about.some((a) => a.proposed && a.confidence >= ABOUT_THRESHOLD) ? ['new-topic'] : []), ...(stances.length > 0 ? ['stance-cue'] : []), ...(echoedTerm(d, source) ? ['echoed-term'] : []), ...(saidByTheFaulted(d, source) ? ['said-by-the-faulted'] : []), ...doubtsOf(scope, d, speaker), ...(typeGuessed(speaker.entity, ids) ? ['type-guessed'] : [])])];
      const statement: StatementInput = {
        kind: d.kind,
        speaker: ids.of(speaker.entity),
        text: d.text,
        start: d.start,
        end: d.end,
        ...(linked.length > 0 ? { about: linked } : {}),
        ...(stances.length > 0 ? { stances } : {}),
        ...(d.venue !== null ? { venue: d.venue } : {}),
        ...(reportedBy.length > 0 ? { reportedBy: reportedBy.map((o) => ids.of(o)) } : {}),
        ...(d.parent !== null && statementIdOf.has(d.parent) ? { quotedIn: statementIdOf.get(d.parent) as string } : {}),
      };
      if (d.kind !== 'INDIRECT' && !statementIdOf.has(d)) statementIdOf.set(d, `statement:${articleSlug}:${d.start}-${d.end}`);
      out.review.push({ statement: out.statements.length, kind: d.kind, start: d.start, end: d.end, text: d.text, speaker: statement.speaker, speakerMention: speaker.mention, confidence: confidenceOf(d, speaker, flags), rule: d.rule, flags, about });
      out.statements.push(statement);
    }
  }
  return out;
}

/** Quotes left out for want of a speaker, and quotation marks that pair with nothing. */
function leftOut(layout: Layout, left: readonly Draft[]): ReviewItem[] {
  const items: ReviewItem[] = left.map((d) => ({ statement: null, kind: d.kind, start: d.start, end: d.end, text: d.text, speaker: null, speakerMention: d.mention, confidence: 0, rule: d.rule, flags: [...new Set(d.flags)], about: [] }));
  for (const mark of layout.stray) {
    if (layout.paragraphs[holding(layout.paragraphs, mark.at)]?.kind !== 'body') continue;
    items.push({ statement: null, kind: 'DIRECT', start: mark.at, end: mark.at + 1, text: mark.mark, speaker: null, speakerMention: null, confidence: 0, rule: 'stray-quote-mark', flags: ['stray-quote-mark'], about: [] });
  }
  return items;
}

/** The entities the document defines: every person and organisation named in the body that the graph lacks, and the new places. */
function entitiesOf(used: ReadonlySet<DocEntity>, ids: EntityIds): { entities: EntityInput[]; known: string[] } {
  const entities: EntityInput[] = [];
  const known: string[] = [];
  for (const e of [...new Set([...used].map((x) => ids.fullNameOf(x)))].sort((a, b) => ids.of(a).localeCompare(ids.of(b)))) {
    const id = ids.of(e);
    if (e.graph !== null) {
      known.push(id);
      continue;
    }
    const aliases = [...e.aliases].filter((a) => a !== e.name).sort();
    if (e.type === 'Organization') {
      entities.push({ id, type: 'Organization', name: e.name, aliases, kind: e.outlet ? 'NEWS_OUTLET' : 'OTHER' });
    } else {
      const title = [...e.titles][0];
      entities.push({ id, type: 'Person', name: e.name, aliases, ...(title !== undefined ? { description: title } : {}) });
    }
  }
  for (const [id, name] of ids.newPlaces) entities.push({ id, type: 'Place', name, aliases: [] });
  return { entities, known };
}

/** The publisher as an id: an id given as such, else the outlet of that name (known or new). */
function publisherOf(publisher: string | null | undefined, registry: Registry, used: Set<DocEntity>, ids: EntityIds): string | null {
  const value = (publisher ?? '').trim();
  if (value === '') return null;
  if (/^org:\S+$/.test(value)) return value;
  const { entity } = registry.resolve(value, { type: 'Organization', at: -1, outlet: true });
  used.add(entity);
  return ids.of(entity);
}

function assemble(prepared: Prepared, registry: Registry, mentioned: readonly DocEntity[], scope: DoubtScope, left: readonly Draft[], metadata: ArticleMetadata): ExtractionProposal {
  const { text, title, layout, page } = prepared;
  const publishedAt = metadata.publishedAt ?? page.publishedAt;
  // The id ingest would derive for the document (src/ingest/identity.ts), which the statement ids begin with.
  const id = metadata.id ?? derivedArticleId({ title, url: metadata.url, publisher: metadata.publisher, publishedAt }) ?? 'article:untitled';
  const articleSlug = slugOfArticle(id);
  const ids = new EntityIds(registry);
  const sentenceOf = (d: Draft): string => {
    const sentence = layout.sentences[d.sentence];
    return sentence === undefined ? d.text : layout.source.slice(sentence.start, sentence.end);
  };
  const { statements, review, used, topics } = proposeStatements(scope, ids, articleSlug, sentenceOf, layout.source);
  for (const e of mentioned) used.add(e);
  const publisher = publisherOf(metadata.publisher, registry, used, ids);
  const all = review.concat(leftOut(layout, left)).sort((a, b) => a.start - b.start || (a.statement ?? Infinity) - (b.statement ?? Infinity));
  const { entities, known } = entitiesOf(used, ids);
  for (const id of topics) {
    const type = typeOfPrefix(id);
    if (type !== 'Person' && type !== 'Organization' && !ids.newPlaces.has(id)) known.push(id);
  }
  const mentions = documentMentions(entities, statements, known);
  return {
    document: {
      article: {
        id,
        title,
        text,
        publisher,
        url: metadata.url ?? null,
        publishedAt,
      },
      entities,
      ...(mentions !== undefined ? { mentions } : {}),
      statements,
      review: all,
    },
    newEntities: entities.map((e) => e.id),
    knownEntities: [...new Set(known)].sort(),
    byline: page.byline,
  };
}

/** Flags that mark a guess an analyst should check, whatever the confidence (doubts.ts names the later ones). */
const DOUBTFUL_FLAGS = ['unclosed', 'relayed', 'ambiguous', 'last-speaker', 'last-named', 'previous-sentence', 'outer-unattributed', 'multiple-speakers', 'unattributed', 'nearby-speaker', 'echoed-term', 'said-by-the-faulted', 'rival-antecedent', 'name-bounds', 'type-guessed', 'affiliation-speaker', 'anaphor-type', 'rival-attribution', 'name-variant', 'colon-after-verb', 'relayed-before', 'lead-in', 'fuller-name', 'pronoun-type', 'outlet-the', 'one-word-paraphrase', 'one-word-quote', 'caption', 'bullet', 'longer-name'];
/**
 * A pronoun given to the last speaker, the last person named or the previous sentence's
 * subject is doubtful only when someone else it could stand for was named since
 * (`rival-antecedent`): with no rival, the guess is the one every reader makes. A quote given
 * to the context's speaker is too: that rule (drafts.ts) already refuses one with a rival.
 */
const PRONOUN_GUESSES = ['last-speaker', 'last-named', 'previous-sentence'];
/**
 * Below this, a statement is listed for review: two guesses at once, such as a paraphrase
 * credited to a person known by one word. A pronoun's paraphrase (0.7 × 0.85) stays above:
 * `rival-antecedent` judges its pronoun.
 */
const REVIEW_BELOW = 0.55;

/**
 * What lists a statement to check first: `low-confidence`, then its doubtful flags in their
 * order, then its weak doubts when there are at least WEAK_TO_LIST of them; none when it is
 * not listed.
 */
export function reviewReasons(r: ReviewItem): string[] {
  const pronoun = r.flags.includes('pronoun') || r.flags.includes('context-speaker');
  const doubts = r.flags.filter((f) => DOUBTFUL_FLAGS.includes(f) && !(pronoun && PRONOUN_GUESSES.includes(f)));
  const weak = weakDoubtsOf(r);
  return [...(r.confidence < REVIEW_BELOW ? [LOW_CONFIDENCE] : []), ...doubts, ...(weak.length >= WEAK_TO_LIST ? weak : [])];
}

/**
 * Guesses too common to list a statement by themselves (most statements that carry one are
 * right) but that two at once make worth a reviewer's look: a guess about the words and one
 * about the speaker, or two about the speaker. Each is read from what the extractor knew (the
 * rule, the kind, the speaker's id and flags), never from the words of a particular text.
 */
const WEAK_DOUBTS: readonly (readonly [string, (r: ReviewItem) => boolean])[] = [
  // No quote marks vouch for a paraphrase's words: where the claim starts and ends, and whether it is one, are the rules' reading.
  ['paraphrase', (r) => r.kind === 'INDIRECT' && !r.flags.includes('outlet-speaker')],
  // One or two words in quote marks may be a term the article echoes rather than words the speaker said.
  ['short-quote', (r) => r.kind === 'PARTIAL' && r.text.trim().split(/\s+/u).length <= SHORT_QUOTE_WORDS],
  // A new speaker known by one word: whom the id stands for is a guess.
  ['surname-only', (r) => r.flags.includes('surname-only')],
  // A body's words are a spokesperson's or a document's, or the article's summary of what the body did.
  ['body-speaker', (r) => r.speaker !== null && typeOfPrefix(r.speaker) === 'Organization' && !r.flags.includes('outlet-speaker')],
  // "According to X" credits X with no verb of X's own: X may be the source of a figure, not the one who said the claim.
  ['according-to', (r) => r.rule === 'indirect-according-to' && !r.flags.includes('outlet-speaker')],
  // An outlet is the source the article cites, not always the one whose words these are.
  ['outlet-speaker', (r) => r.flags.includes('outlet-speaker')],
  // A speaker found by a title or a description ("the king", "the company"), not by name.
  ['titled-speaker', (r) => r.flags.includes('title') || r.flags.includes('description')],
  // A stance read from one cue word of the sentence ("criticized", "warned"): the cue is explicit, so the stance is checked with the statement's other doubts, not alone.
  ['stance-cue', (r) => r.flags.includes('stance-cue')],
];

/** How many weak doubts list a statement. */
const WEAK_TO_LIST = 2;

/** A quoted fragment this short may be an echoed term. */
const SHORT_QUOTE_WORDS = 2;

/** Whether a reason `reviewReasons` gives is a weak doubt, which lists a statement only with another. */
export const isWeakDoubt = (reason: string): boolean => WEAK_DOUBTS.some(([name]) => name === reason);

/** The weak doubts of a review item, in WEAK_DOUBTS' order. */
function weakDoubtsOf(r: ReviewItem): string[] {
  return WEAK_DOUBTS.filter(([, holds]) => holds(r)).map(([name]) => name);
}

/** The reason `reviewReasons` gives for a confidence below REVIEW_BELOW. */
export const LOW_CONFIDENCE = 'low-confidence';

/** Whether a review item is really uncertain: a quote left out, a low confidence, or a resolution by guesswork. */
export function needsReview(r: ReviewItem): boolean {
  return r.statement === null || reviewReasons(r).length > 0;
}

/** Convenience for callers with text in hand: prepare, then extract. */
export function extractText(raw: string, options: ArticleMetadata & { gazetteer?: Gazetteer } = {}): ExtractionProposal {
  return extractArticle(prepareArticle(raw, options.title), options.gazetteer ?? NO_GAZETTEER, options);
}
