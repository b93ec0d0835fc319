/**
 * The occasions an article names, and whose they are: besides the venues of its statements,
 * sentences that only tell of an occasion ("Abbott said in a news conference on Tuesday",
 * "He started his speech thanking the crews", "Trump spoke to reporters about the protests",
 * "X spoke with Robert Costa on Face the Nation"), and occasions named with nobody's name on
 * them, which everyone quoted may have spoken at ("Participating in a CNN town hall, the
 * residents …", a headline's "… blasted in CNN town hall", a live blog's "Press conference
 * ends."). occasion.ts decides which statements were said there.
 */
import type { Draft } from './drafts';
import { frameOf, type AttributionScope, type Frame, type NounPhrase } from './frame';
import type { Token } from './layout';
import { speechVerb, VENUE_NOUNS } from './lexicon';
import type { DocEntity, Mention } from './mentions';
import { reportingOf } from './reporting';
import { resolvePhrase, subjectOf } from './speakers';
import { firstIndex } from './sorted';
import { speechVerbAt } from './frame';

export interface NamedOccasion {
  /** Whose occasion it is; null when the article names it without anyone's name on it. */
  readonly holder: DocEntity | null;
  readonly venue: string;
  /** Outlets that carried the occasion ("told MSNBC", "a CNN town hall"). */
  readonly outlets: readonly DocEntity[];
  readonly start: number;
  readonly paragraph: number;
}

/** How a venue is compared: "the news conference" and "News conference" are one occasion. */
export const occasionKey = (venue: string): string =>
  venue
    .toLowerCase()
    .replace(/^(a|an|the|his|her|their|its)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Occasions several people speak at, so that one named with nobody's name on it may be
 * everyone's: "town hall", "news conference", "hearing". An interview, a post or a statement
 * is always somebody's.
 */
const SHARED = /\b(conference|hall|hearing|briefing|debate|forum|roundtable|rally|summit|vigil|ceremony)\b/;
export const isSharedOccasion = (venue: string): boolean => SHARED.test(occasionKey(venue));

/** Verbs by which a subject puts out a text named after them: "sent out two tweets", "released a statement". */
const PUTTING_OUT = ['sent', 'released', 'issued', 'posted', 'published'];
/** Texts several of which may be put out at once. */
const TEXT_NOUNS = new Set(['tweet', 'post', 'statement', 'message', 'letter', 'video']);
/** Possessives that give an occasion its holder: "his speech", "her news conference". */
const POSSESSIVE_GENDER: Readonly<Record<string, 'male' | 'female' | null>> = { his: 'male', her: 'female', their: null };
/** Verbs by which a subject holds an occasion named after them: "Abbott held a news conference". */
const HOLDING = new Set(['held', 'holds', 'hold', 'holding', 'hosted', 'hosts', 'gave', 'gives', 'delivered', 'delivers', 'started', 'began', 'opened', 'led', 'addressed', 'attended', 'joined', ...PUTTING_OUT]);
/** How many of the occasions named last a back-reference ("in the interview") is looked for among. */
const EARLIER_KEPT = 20;
/** How many paragraphs back the holder of "his speech" may have been named. */
const POSSESSOR_REACH = 3;

/** The occasions named in the article's body sentences and headline, in document order; those of its drafts are not repeated. */
export function namedOccasions(scope: AttributionScope, drafts: readonly Draft[]): NamedOccasion[] {
  // A sentence whose statements name their own venue names no other; one whose statements name none may name their speaker's ("Drescher finished her speech by stating, …").
  const voiced = new Set(drafts.filter((d) => d.venue !== null).map((d) => d.sentence));
  // "reposted a clip of the debate with her own comments": an occasion nobody holds, in a statement's sentence, is what was spoken of.
  const spoken = new Set(drafts.map((d) => d.sentence));
  const out: NamedOccasion[] = [];
  const earlier: string[] = [];
  for (const sentence of scope.layout.sentences) {
    const kind = scope.layout.paragraphs[sentence.paragraph]?.kind;
    if (kind !== 'body' && kind !== 'title') continue;
    const frame = frameOf(scope.layout, sentence.index, null);
    const found = occasionOf(scope, frame, earlier, kind === 'title');
    if (found === null) continue;
    earlier.push(found.venue);
    if (earlier.length > EARLIER_KEPT) earlier.shift();
    if (voiced.has(sentence.index) || (spoken.has(sentence.index) && found.holder === null)) continue;
    if (found.holder === null ? !isSharedOccasion(found.venue) : kind !== 'title' && captionLike(frame)) continue;
    out.push({ ...found, outlets: [...new Set([...found.outlets, ...outletsNamedIn(scope, found.venue)])], start: sentence.start, paragraph: sentence.paragraph });
  }
  return out;
}

/** Words that put what follows still to come: "will give", "is expected to hold", "is set to address". */
const FUTURE = new Set(['will', '’ll', "'ll", 'shall']);
const SCHEDULED = new Set(['expected', 'scheduled', 'set', 'due', 'plans', 'planning', 'going', 'intends', 'poised']);
/** Verbs of taking part in an occasion, besides those of holding one: "will speak at", "is to testify before". */
const TAKING_PART = new Set(['give', 'host', 'deliver', 'speak', 'appear', 'testify', 'address', 'attend', 'join', 'lead', 'open', 'brief', 'meet']);

/** How many words after its verb an occasion still to come is named: "will give a press conference", "will speak at the annual conference". */
const OCCASION_AFTER_VERB = 5;

/**
 * "Dovic will give a press conference on Friday", "officials are expected to hold a briefing":
 * an occasion still to come is where nothing the article reports was said yet. True when a
 * verb of holding or taking part in one follows "will" or a "scheduled to" within two words
 * and the occasion is that verb's: "held a news conference, and the city will open three
 * shelters" still names where words were said.
 */
function stillToCome(words: readonly Token[]): boolean {
  return words.some((t, k) => {
    if (!HOLDING.has(t.lower) && !TAKING_PART.has(t.lower)) return false;
    const back = words.slice(Math.max(0, k - 3), k).map((w) => w.lower);
    const future = back.some((w) => FUTURE.has(w)) || (back[back.length - 1] === 'to' && SCHEDULED.has(back[back.length - 2] ?? ''));
    if (!future) return false;
    const last = Math.min(words.length - 1, k + OCCASION_AFTER_VERB);
    for (let j = k + 1; j <= last; j += 1) if (occasionNounAt(words, j) !== null) return true;
    return false;
  });
}

function occasionOf(scope: AttributionScope, frame: Frame, earlier: readonly string[], title: boolean): { holder: DocEntity | null; venue: string; outlets: readonly DocEntity[] } | null {
  const words = frame.items.flatMap((i) => (i.kind === 'word' ? [i.token] : []));
  if (!title && stillToCome(words)) return null;
  const reporting = reportingOf(scope, frame);
  // "Kurtz said in the interview that …": the interview named before.
  const pointed = reporting.backReference === null ? undefined : [...earlier].reverse().find((v) => occasionKey(v).split(' ').includes(reporting.backReference as string));
  const held = reporting.venue === null ? heldOccasion(words, scope.layout.text) : null;
  const venue = pointed ?? reporting.venue ?? held?.venue ?? null;
  if (venue === null) return null;
  // "Fran Drescher’s Speech Goes Viral": the person whose occasion a headline names.
  const owner = held?.owner ? ownerOf(scope, held.owner, frame.sentence) : null;
  if (owner !== null) return { holder: owner, venue: title ? headlineCase(venue) : venue, outlets: reporting.venueOutlets };
  const unheld = held !== null && !held.possessive && !held.holding && held.owner === null;
  // "… as extradition debate turns violent", "postponed the debate over a bill": a gathering only mentioned, not named as where anyone spoke.
  // A headline keeps "Town Hall Meeting: X Promises Homes", which names where X spoke.
  if (unheld && !held.placed && (title ? held.actedOn || !held.subject : !held.subject)) return null;
  if (title) return { holder: null, venue, outlets: reporting.venueOutlets };
  const holder = held?.possessive ? possessor(scope, held.possessive, frame.sentence) : holderOf(scope, frame);
  // "Press conference ends.", "officials are expected to hold a news conference": an occasion nobody holds by name.
  return { holder: held !== null && !held.possessive && !held.holding ? null : holder, venue, outlets: reporting.venueOutlets };
}

/**
 * An occasion named without a preposition: "his speech", "her news conference", "held a town
 * hall", or a shared occasion on its own ("Press conference ends."). `possessive`: the
 * pronoun that owns it; `holding`: a verb of holding it comes before; `subject`: no verb
 * comes before it, so that the sentence tells of the occasion itself ("Press conference
 * ends.") rather than of something done to it ("postponed the debate over the bill");
 * `actedOn`: a verb follows it right away ("debate turns violent"), so the sentence tells of
 * what became of it; `placed`: a preposition puts words there ("moments from Thursday’s press
 * briefing").
 */
function heldOccasion(words: readonly Token[], text: string): { venue: string; possessive: Token | null; holding: boolean; owner: Token | null; subject: boolean; actedOn: boolean; placed: boolean } | null {
  const joined = (a: Token, b: Token): boolean => /^\s+$/.test(text.slice(a.end, b.start));
  const hyphened = (a: Token, b: Token): boolean => text.slice(a.end, b.start) === '-';
  for (let k = 0; k < words.length; k += 1) {
    const end = occasionNounAt(words, k);
    // "session lows", "the statement's wording": a noun that describes another is not the occasion.
    const after = end === null ? undefined : words[end + 1];
    if (end === null || (after !== undefined && joined(words[end] as Token, after) && describes(after, words[end + 2], text)) || /['’]s$/.test((words[end] as Token).text)) continue;
    let first = k;
    while (first > 0 && first > k - 2 && joined(words[first - 1] as Token, words[first] as Token)) {
      const before = words[first - 1] as Token;
      if (isModifierWord(before)) first -= 1;
      // "issued a follow-up statement": a word joined to the one before it by a hyphen is one modifier with it.
      else if (first > 1 && hyphened(words[first - 2] as Token, before)) first -= 2;
      else break;
    }
    // "Drescher’s speech": a name's possessive before the noun owns the occasion and is no part of it.
    const ownerAt = k > first && /['’]s$/.test((words[k - 1] as Token).text) ? k - 1 : null;
    if (ownerAt !== null) first = k;
    const det = words[first - 1];
    const possessive = ownerAt === null && det !== undefined && POSSESSIVE_GENDER[det.lower] !== undefined ? det : null;
    const venue = words
      .slice(first, end + 1)
      .map((t, i, all) => `${i === 0 ? '' : hyphened(all[i - 1] as Token, t) ? '-' : ' '}${t.text.replace(/['’]s$/, '')}`)
      .join('');
    const holding = words.slice(Math.max(0, first - 3), first).some((t) => HOLDING.has(t.lower)) || doneBySaying(words, end);
    // "joined together to deliver a united briefing", "did not attend an East Palestine, Ohio, town hall meeting": an occasion someone takes part in is named as one spoken at.
    const verbBefore = words.slice(0, first).filter((t) => t.tags.has('Verb')).pop();
    const takenPart = verbBefore !== undefined && (TAKING_PART.has(verbBefore.lower) || HOLDING.has(verbBefore.lower));
    const owner = ownerAt === null ? null : (words[ownerAt] as Token);
    const subject = verbBefore === undefined || takenPart;
    const actedOn = after !== undefined && joined(words[end] as Token, after) && after.tags.has('Verb');
    if (possessive !== null || holding || owner !== null || isSharedOccasion(venue)) return { venue, possessive, holding, owner, subject, actedOn, placed: placedAfterPreposition(words, first) };
  }
  return null;
}

/**
 * Whether the occasion whose words start at `first` comes after a preposition, past its
 * article and a day's possessive: "moments of Thursday’s press briefing", "from the town hall".
 */
function placedAfterPreposition(words: readonly Token[], first: number): boolean {
  let k = first - 1;
  while (k >= 0 && (['a', 'an', 'the'].includes((words[k] as Token).lower) || (words[k] as Token).tags.has('Date'))) k -= 1;
  return k >= 0 && PLACING.has((words[k] as Token).lower);
}

/** Prepositions that put words at an occasion or take them from it; "as" ("as extradition debate turns violent") opens a clause. */
const PLACING = new Set(['at', 'in', 'during', 'from', 'of', 'on', 'after', 'throughout', 'following']);

/** How many words after an occasion's noun its "by saying" may come: "the hearing on Tuesday by saying". */
const BY_SAYING_WITHIN = 4;

/**
 * "wrapped up the first day of the hearing by saying …", "closed the briefing by telling …":
 * an occasion the subject did something to by speaking is the subject's, as one held is.
 */
function doneBySaying(words: readonly Token[], end: number): boolean {
  for (let k = end + 1; k <= Math.min(words.length - 2, end + BY_SAYING_WITHIN); k += 1) {
    const next = words[k + 1] as Token;
    if ((words[k] as Token).lower === 'by' && next.tags.has('Gerund')) return speechVerb(next.lower) !== null;
  }
  return false;
}

/**
 * Whether the word `after` an occasion's noun makes the noun describe another: "session lows",
 * or an -ing noun that ends the clause ("failures in Trump rally shooting"); "his speech
 * thanking the crews" is the speech itself.
 */
function describes(after: Token, next: Token | undefined, text: string): boolean {
  if (after.tags.has('Date')) return false;
  if (after.tags.has('Noun') && !after.tags.has('Gerund')) return true;
  return after.tags.has('Gerund') && (next === undefined || !/^\s+$/.test(text.slice(after.end, next.start)));
}

/** The last word of an occasion's noun starting at `k` ("speech", "town hall", "news conference"), or null. */
function occasionNounAt(words: readonly Token[], k: number): number | null {
  const w = words[k] as Token;
  if (w.lower === 'town' && words[k + 1]?.lower === 'hall') return words[k + 2]?.lower === 'meeting' ? k + 2 : k + 1;
  if (w.tags.has('Verb') && !w.tags.has('Noun') && !gerundOccasion(words, k)) return null;
  // "two tweets", "three posts": several texts put out at once are one occasion.
  return VENUE_NOUNS.has(w.lower) || (w.lower.endsWith('s') && TEXT_NOUNS.has(w.lower.slice(0, -1))) ? k : null;
}

/** Occasions whose noun compromise may read as a verb's -ing form: "Tuesday’s press briefing", "the hearing". */
const GERUND_OCCASIONS = new Set(['briefing', 'hearing']);

/** "press briefing", "the hearing", "his briefing": a noun, an article or a possessive before the -ing word makes it the occasion; "was hearing" does not. */
function gerundOccasion(words: readonly Token[], k: number): boolean {
  const prev = words[k - 1];
  if (!GERUND_OCCASIONS.has((words[k] as Token).lower) || prev === undefined) return false;
  return prev.tags.has('Determiner') || POSSESSIVE_GENDER[prev.lower] !== undefined || (prev.tags.has('Noun') && !prev.tags.has('Pronoun') && !prev.tags.has('Verb'));
}

/** Words that may stand before an occasion's noun inside its name: "news", "CNN", "televised". */
const isModifierWord = (t: Token): boolean => (t.tags.has('Noun') || t.tags.has('Adjective') || /^\p{Lu}/u.test(t.text)) && !t.tags.has('Date') && !t.tags.has('Pronoun') && !t.tags.has('Determiner');

/**
 * "Treasury Secretary Scott Bessent speaks to the press outside the West Wing …": a photo
 * caption tells of a person in the present tense; reporting tells of them in the past.
 */
function captionLike(frame: Frame): boolean {
  const verb = frame.items.find((i) => i.kind === 'word' && i.token.tags.has('Verb'));
  return verb?.kind === 'word' && verb.token.tags.has('PresentTense') && /[^s]s$/.test(verb.token.lower) && !['says', 'is', 'has', 'does'].includes(verb.token.lower);
}

/** Whose the sentence's occasion is: the subject of its speech verb, else of its first clause. */
function holderOf(scope: AttributionScope, frame: Frame): DocEntity | null {
  const at = scopeBefore(scope, frame.sentence);
  for (let k = 0; k < frame.items.length; k += 1) {
    const use = speechVerbAt(at, frame, k);
    if (use === null) continue;
    const inverted = invertedSpeaker(scope, frame, k);
    if (inverted !== null) return inverted;
    const np = subjectOf(at, frame, use);
    if (np === null) continue;
    const res = resolvePhrase(at, np, null);
    return res.ok && res.speakers.length === 1 ? (res.speakers[0] as { entity: DocEntity }).entity : null;
  }
  const subject = scope.mentions.inSentence(frame.sentence).find((m) => m.quote === null && m.subject && !m.subordinate && (m.kind === 'name' || m.kind === 'pronoun'));
  if (subject === undefined) return null;
  if (subject.kind === 'name') return subject.entity !== null && !subject.entity.outlet ? subject.entity : null;
  const res = resolvePhrase(at, phraseOf(subject), null);
  return res.ok && res.speakers.length === 1 ? (res.speakers[0] as { entity: DocEntity }).entity : null;
}

/** How many words a title may take between an inverted verb and the speaker's name ("said D.C. Fire and EMS Chief John Donnelly"). */
const TITLE_WORDS_WITHIN = 6;

/**
 * "…, said D.C. Fire and EMS Chief John Donnelly during a news conference": after a comma the
 * verb may come before its subject, and the person named right after it, before any
 * punctuation, is whose the occasion is.
 */
function invertedSpeaker(scope: AttributionScope, frame: Frame, k: number): DocEntity | null {
  const verb = frame.items[k];
  const prev = frame.items[k - 1];
  const text = scope.layout.text;
  if (verb === undefined || prev === undefined || !/,\s*$/.test(text.slice(prev.end, verb.start))) return null;
  const name = scope.mentions.inSentence(frame.sentence).find((m) => m.start >= verb.end && m.quote === null && m.kind === 'name' && m.entity?.type === 'Person');
  if (name === undefined || name.entity === null) return null;
  const between = text.slice(verb.end, name.start);
  return /^[\s\p{L}.&'’-]*$/u.test(between) && between.trim().split(/\s+/).length <= TITLE_WORDS_WITHIN ? name.entity : null;
}

const phraseOf = (m: Mention): NounPhrase => ({ mentions: [m], generic: null, firstItem: 0, lastItem: 0, spokesperson: false, how: 'before' });

/** The scope as it stood when sentence `s` was read: who had spoken before it, not after. */
function scopeBefore(scope: AttributionScope, s: number): AttributionScope {
  const paragraph = scope.layout.sentences[s]?.paragraph ?? 0;
  // The history is in document order: cut it where the paragraphs after this one begin.
  return { ...scope, history: scope.history.slice(0, firstIndex(scope.history, (h) => h.paragraph > paragraph)) };
}

/** A headline's "Speech" or "Town Hall" as a sentence would write it; names ("CNN") keep their capitals. */
const headlineCase = (venue: string): string =>
  venue
    .split(' ')
    .map((w) => (VENUE_NOUNS.has(w.toLowerCase()) || HEADLINE_OCCASION_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : w))
    .join(' ');
/** Words of an occasion's name besides the venue nouns that a headline capitalises. */
const HEADLINE_OCCASION_WORDS = new Set(['town', 'hall', 'meeting', 'news', 'press']);

/**
 * "Fran Drescher’s speech": the person named by the possessive word `owner`, or null when it
 * names no one person. A headline has no mentions of its own: there the one person of the
 * article whose name ends in the word is the owner.
 */
function ownerOf(scope: AttributionScope, owner: Token, s: number): DocEntity | null {
  const m = scope.mentions.inSentence(s).find((x) => x.kind === 'name' && x.quote === null && x.start <= owner.start && x.end >= owner.start);
  if (m !== undefined) return m.entity?.type === 'Person' && !m.entity.outlet ? m.entity : null;
  const surname = owner.lower.replace(/['’]s$/, '');
  const people = scope.registry.entities.filter((e) => e.type === 'Person' && !e.outlet && [e.name, ...e.aliases].some((n) => n.toLowerCase().split(/\s+/).pop() === surname));
  return people.length === 1 ? (people[0] as DocEntity) : null;
}

/** "He started his speech …": the last person named before the possessive, of its gender, a few paragraphs back at most. */
function possessor(scope: AttributionScope, pronoun: Token, s: number): DocEntity | null {
  const gender = POSSESSIVE_GENDER[pronoun.lower] ?? null;
  const paragraph = scope.layout.sentences[s]?.paragraph ?? 0;
  const all = scope.mentions.all;
  for (let n = firstIndex(all, (m) => m.start >= pronoun.start) - 1; n >= 0; n -= 1) {
    const m = all[n] as Mention;
    if (m.quote !== null) continue;
    if (paragraph - (scope.layout.sentences[m.sentence]?.paragraph ?? 0) > POSSESSOR_REACH) return null;
    const e = m.entity;
    if (m.kind === 'name' && e !== null && e.type === 'Person' && (gender === null || e.gender === null || e.gender === gender)) return e;
  }
  return null;
}

/** Outlets of the article whose name is in the venue's words ("CNN town hall", "interview on MSNBC"). */
function outletsNamedIn(scope: AttributionScope, venue: string): DocEntity[] {
  const words = ` ${venue.toLowerCase().replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return scope.registry.entities.filter((e) => e.outlet && [e.name, ...e.aliases].some((n) => n.length > 1 && words.includes(` ${n.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `)));
}
