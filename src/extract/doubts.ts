/**
 * Doubts the review list names (issue 20: "the review list is for what is really uncertain"):
 * what the extractor knew, when it proposed a statement, that makes its speaker a guess a
 * reviewer can check. Each is a flag on the statement's review item; extract.ts's
 * `needsReview` says which of them list the statement to check first.
 */
import type { Draft } from './drafts';
import type { Speaker } from './frame';
import { BULLETS, type Layout, type Token } from './layout';
import { isParticiple, ORG_ANAPHORS, PRONOUNS, SENTENCE_OPENERS, speechVerb } from './lexicon';
import type { Mention, Mentions } from './mentions';
import { sameRun } from './name-titles';
import { afterOf, isBodyHead, isCapital, isTitleWord, POSSESSIVE } from './name-words';
import type { DocEntity } from './registry';
import { readsAsPersonName } from './person-name';

export interface DoubtScope {
  readonly layout: Layout;
  readonly mentions: Mentions;
  readonly drafts: readonly Draft[];
}

/** The flags of the doubts `speaker` of `d` raises, in a fixed order. */
export function doubtsOf(scope: DoubtScope, d: Draft, speaker: Speaker): string[] {
  const out: string[] = [];
  if (rivalAntecedent(scope, d, speaker)) out.push('rival-antecedent');
  if (nameMayHoldTitle(scope, speaker.entity)) out.push('name-bounds');
  if (/^of\s/u.test(speaker.mention)) out.push('affiliation-speaker');
  if (anaphorOfOtherType(speaker)) out.push('anaphor-type');
  if (rivalAttribution(scope, d, speaker.entity)) out.push('rival-attribution');
  if (spelledOtherwise(scope.layout.tokens, speaker.entity)) out.push('name-variant');
  if (claimBeforeColon(scope.layout, d)) out.push('colon-after-verb');
  if (relayedBefore(scope, d, speaker.entity)) out.push('relayed-before');
  if (leadInToQuote(scope, d, speaker.entity)) out.push('lead-in');
  if (speaker.via !== 'pronoun' && fullerNameElsewhere(scope, speaker.entity)) out.push('fuller-name');
  if (personalPronounForThing(speaker)) out.push('pronoun-type');
  if (outletWithThe(speaker.entity)) out.push('outlet-the');
  if (paraphraseOfOneWord(d, speaker.entity)) out.push('one-word-paraphrase');
  if (quoteOfOneWord(d)) out.push('one-word-quote');
  if (inCaption(scope.layout, d)) out.push('caption');
  if (underBullet(scope.layout, d)) out.push('bullet');
  if (partOfLongerName(scope, speaker.entity)) out.push('longer-name');
  return out;
}

/** How a pronoun was resolved when no subject of its own sentence or paragraph was there to take. */
const GUESSED_ANTECEDENT = new Set(['last-speaker', 'last-named', 'earlier-subject', 'previous-sentence']);

/**
 * Whether a pronoun resolved to an earlier speaker ("…,” she said" after two paragraphs on
 * the same person) has a rival: another person it could stand for, named outside quotes
 * since the speaker was last named, as the subject of a clause or as a speaker. With none,
 * the guess is the reading any reader makes; a name in an aside ("on behalf of President
 * Biden") is no one a pronoun goes on with.
 */
function rivalAntecedent(scope: DoubtScope, draft: Draft, speaker: Speaker): boolean {
  if (speaker.via !== 'pronoun' || !speaker.flags.some((f) => GUESSED_ANTECEDENT.has(f))) return false;
  const d = origin(draft);
  const pronoun = pronounOf(scope, d, speaker);
  if (pronoun === null) return true;
  const lastSeen = [...speaker.entity.seen].reverse().find((at) => at < pronoun.start);
  const from = lastSeen ?? windowStart(scope.layout, pronoun);
  const spoke = new Set(scope.drafts.filter((o) => o.start > from && o.start < pronoun.start).flatMap((o) => o.speakers.map((s) => s.entity)));
  // A name after the speaker's own verb of saying ("She noted that Idalia is …") is what the speaker spoke of, not someone else who spoke.
  const ownVerbs = scope.drafts.filter((o) => o.verb !== null && o.verb.start > from && o.verb.start < pronoun.start && o.speakers.some((s) => s.entity === speaker.entity)).map((o) => o.verb as Token);
  const afterOwnVerb = (m: Mention): boolean => ownVerbs.some((v) => v.sentence === m.sentence && v.end <= m.start);
  return scope.mentions.all.some(
    (m) =>
      m.start > from &&
      m.start < pronoun.start &&
      m.kind === 'name' &&
      m.quote === null &&
      m.entity !== null &&
      m.entity !== speaker.entity &&
      ((m.subject && !m.subordinate) || spoke.has(m.entity)) &&
      couldBe(m.entity, speaker.entity) &&
      !afterOwnVerb(m),
  );
}

/**
 * The draft whose speaker a quote that goes on from another took ("“…,” he said." then a
 * paragraph that is only a quote): its pronoun is in that draft's sentence, and that draft is
 * listed when the pronoun has a rival.
 */
function origin(d: Draft): Draft {
  let at = d;
  for (let hops = 0; at.inherit === 'continuation' && at.from !== null && hops < MAX_CONTINUATIONS; hops += 1) at = at.from;
  return at;
}

/** A bound on a chain of quotes that go on from one another, against a cycle. */
const MAX_CONTINUATIONS = 50;

/** The pronoun the speaker was found from: in the draft's sentence, outside quotes, nearest the draft. */
function pronounOf(scope: DoubtScope, d: Draft, speaker: Speaker): Mention | null {
  const candidates = scope.mentions.inSentence(d.sentence).filter((m) => m.kind === 'pronoun' && m.quote === null && m.text === speaker.mention);
  let best: Mention | null = null;
  for (const m of candidates) if (best === null || Math.abs(m.start - d.start) < Math.abs(best.start - d.start)) best = m;
  return best;
}

/** Three paragraphs with words before the pronoun's, as far as its resolution looks. */
function windowStart(layout: Layout, m: Mention): number {
  const paragraph = layout.paragraphs[layout.sentences[m.sentence]?.paragraph ?? 0];
  const ordinal = paragraph?.ordinal ?? 0;
  const first = layout.paragraphs.find((p) => p.ordinal >= ordinal - 3);
  return first?.start ?? 0;
}

/** Whether `other` could be whom a pronoun for `e` stands for: a person (or a name that reads as one) of no other gender. */
function couldBe(other: DocEntity, e: DocEntity): boolean {
  if (other.outlet) return false;
  const person = other.type === 'Person' || (other.type === 'Unknown' && readsAsPersonName(other.name));
  if (!person) return false;
  return other.gender === null || e.gender === null || other.gender === e.gender;
}

/**
 * A new person's name whose first word is no first name while a later one is ("Minnesota
 * Keith Ellison", "System Operations Dan Woodfin"): the words before the first name may be
 * the end of a title or a place the name was read with.
 */
function nameMayHoldTitle(scope: DoubtScope, e: DocEntity): boolean {
  if (e.graph !== null || e.type !== 'Person') return false;
  const tokens = nameTokens(scope, e);
  if (tokens.length < 3) return false;
  const first = tokens[0] as Token;
  return !first.tags.has('FirstName') && tokens.slice(1, -1).some((t) => t.tags.has('FirstName'));
}

/** The tokens of the entity's full name where the text first gives it. */
function nameTokens(scope: DoubtScope, e: DocEntity): Token[] {
  const words = e.name.split(/\s+/).length;
  for (const at of e.seen) {
    const m = scope.mentions.all.find((x) => x.kind === 'name' && x.entity === e && x.end >= at && x.start <= at);
    if (m === undefined) continue;
    const tokens = scope.layout.tokens.slice(m.first, m.last + 1).filter((t) => /\p{L}/u.test(t.text));
    if (tokens.length >= words) return tokens.slice(tokens.length - words);
  }
  return [];
}

/** "the company" resolved to a person, or a person's title to a body. */
function anaphorOfOtherType(speaker: Speaker): boolean {
  if (speaker.via !== 'anaphor') return false;
  const head = speaker.mention.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
  return ORG_ANAPHORS[head] !== undefined && speaker.entity.type !== 'Organization';
}

/**
 * Whether the statement's sentence credits words to someone else too: another name, outside
 * quotes, that is the subject of a verb of saying ("President Joe Biden said … “immediately”
 * as soon as DeSantis declared") or follows "according to" ("According to Abbott, … ERCOT had
 * said"). The rules chose one attribution; the other may be the one that holds the words.
 * An outlet that reports is the statement's source, not a rival speaker.
 */
function rivalAttribution(scope: DoubtScope, d: Draft, e: DocEntity): boolean {
  const tokens = scope.layout.tokens;
  const word = (i: number): string => tokens[i]?.lower ?? '';
  // "X, chair of the Transportation Safety Board, said": the body after "of", or the appositive
  // right after the speaker's own name, is the speaker's, not a rival.
  const affiliation = (m: Mention): boolean =>
    afterOf(tokens, m.first) || scope.mentions.all.some((o) => o.entity === e && o.last === m.first - 1);
  return scope.mentions.inSentence(d.sentence).some((m) => {
    if (m.kind !== 'name' || m.quote !== null || m.entity === null || m.entity === e || m.entity.outlet || affiliation(m) || (m.start >= d.start && m.end <= d.end)) return false;
    const according = word(m.first - 2) === 'according' && word(m.first - 1) === 'to';
    const says = m.subject && !m.subordinate && speechVerb(word(m.last + 1)) !== null;
    return according || says;
  });
}


/**
 * A new person's surname the text also spells another way, one letter apart ("Governor Jim
 * Pilen" under the headline "Gov. Pillen"), at least as often: which spelling the id should
 * take is a guess. A variant the text uses less often than the speaker's is a slip the id
 * already outvotes.
 */
function spelledOtherwise(tokens: readonly Token[], e: DocEntity): boolean {
  if (e.graph !== null || e.type !== 'Person') return false;
  const surname = e.name.split(/\s+/).pop() ?? '';
  if (surname.length < MIN_VARIANT_LETTERS) return false;
  const counts = new Map<string, number>();
  for (const t of tokens) if (/^\p{Lu}/u.test(t.text)) counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
  const own = counts.get(surname) ?? 0;
  return [...counts].some(([word, n]) => n >= own && oneLetterApart(word, surname));
}

/** Shorter names than this differ by a letter from too many ordinary words. */
const MIN_VARIANT_LETTERS = 4;

/** Whether two spellings differ by one letter changed, added or dropped, other than case or a plural's "s". */
function oneLetterApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || a.toLowerCase() === b.toLowerCase()) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length === short.length + 1 && long.startsWith(short) && long.endsWith('s')) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return short.length === long.length ? short.slice(i + 1) === long.slice(i + 1) : short.slice(i) === long.slice(i + 1);
}

/**
 * A paraphrase whose verb of saying a colon follows ("When asked to sum up the findings,
 * Robin states:"): the verb announces the words after the colon, so a claim read from the
 * sentence around the verb is the question or the setting, not what was said.
 */
function claimBeforeColon(layout: Layout, d: Draft): boolean {
  if (d.kind !== 'INDIRECT' || d.verb === null) return false;
  return /^\s*:/u.test(layout.text.slice(d.verb.end, d.verb.end + COLON_REACH));
}

/** How far after a verb its colon may stand (spaces between). */
const COLON_REACH = 3;

/**
 * A quote whose verb of saying follows it ("…, the colonel said") but that sits in the
 * "that"-clause of another verb of saying before it, whose subject is not the speaker
 * ("someone called 911, telling police that there were still “eight to nine” alive, the
 * colonel said"): the words may be the first sayer's, relayed by the speaker. The other
 * verb is the speaker's own when the speaker's mention ends at most a word (an adverb)
 * before it, or, for a participle, opens the sentence.
 */
function relayedBefore(scope: DoubtScope, d: Draft, e: DocEntity): boolean {
  if (d.kind === 'INDIRECT' || d.verb === null || d.verb.start < d.end) return false;
  const tokens = scope.layout.tokens;
  const sentence = scope.layout.sentences[d.sentence];
  if (sentence === undefined) return false;
  const before = tokens.slice(sentence.first, sentence.last + 1).filter((t) => t.quote === null && t.end <= d.start);
  const inner = before.find((t) => speechVerb(t.lower) !== null && before.some((u) => u.index > t.index && u.lower === 'that'));
  if (inner === undefined) return false;
  const mentions = scope.mentions.inSentence(d.sentence).filter((m) => m.entity === e && m.quote === null);
  const own = isParticiple(inner.lower) ? mentions.some((m) => m.first === sentence.first) : mentions.some((m) => m.last < inner.index && m.last >= inner.index - 2);
  return !own;
}

/**
 * A paraphrase that is its whole sentence, the speaker its subject ("Trump also criticized the
 * protesters."), with a quote after it that takes its speaker from it: the sentence may be
 * the article's lead-in to the quote rather than a claim of its own.
 */
function leadInToQuote(scope: DoubtScope, d: Draft, e: DocEntity): boolean {
  if (d.kind !== 'INDIRECT') return false;
  return scope.mentions.all.some((m) => m.entity === e && m.start === d.start) && scope.drafts.some((o) => o.from === d && o.kind !== 'INDIRECT');
}

/**
 * A new speaker known only by one word ("Cruz", "Theresa") while the text gives that word
 * elsewhere inside a longer name, another name's word before it ("Mayor Carmen Yulín Cruz")
 * or, for a first name, after it ("Theresa May"), and the id did not take that name: whether
 * the one word is that person is the reviewer's call. (A surname the text gives in full
 * nowhere is the best id the text allows; a title before it is no fuller name.) doubtsOf asks
 * it of a speaker found by name: a pronoun for the same speaker is listed, when it is doubtful,
 * for its antecedent, and the id the reviewer settles on the named statements is the pronoun's.
 */
function fullerNameElsewhere(scope: DoubtScope, e: DocEntity): boolean {
  if (e.graph !== null || !e.surnameOnly) return false;
  const { tokens, text } = scope.layout;
  const nameWord = (t: Token | undefined, of: Token): boolean =>
    t !== undefined && isCapital(t) && !isTitleWord(t) && !POSSESSIVE.test(t.text) && sameRun(text, t.index < of.index ? t : of, t.index < of.index ? of : t);
  return tokens.some((t) => {
    if (t.text.replace(POSSESSIVE, '') !== e.name) return false;
    const before = tokens[t.index - 1];
    // At a sentence's opening, a word before the name may be the sentence's ("Yesterday Sánchez …"); one that reads as no other part of speech is a first name ("Ivanka Trump, …").
    const sentenceOpening = before !== undefined && tokens[before.index - 1]?.sentence !== before.sentence && !opensAsName(before);
    // A headline's capitals are its style, not a name's words ("… Despite Trump Comments").
    const body = scope.layout.paragraphs[t.paragraph]?.kind === 'body';
    // After a first name, a capitalised word that names no body ("Theresa May", not "Trump Administration").
    const after = tokens[t.index + 1];
    const firstName = (t.tags.has('FirstName') || t.tags.has('Person')) && nameWord(after, t) && !isBodyHead(after?.lower ?? '');
    return (body && nameWord(before, t) && !sentenceOpening) || firstName;
  });
}

/**
 * "he" or "she" resolved to a new name that does not read as a person's ("Hurricane Maria")
 * and that the text never gives a person's title: the pronoun may be someone else's.
 */
function personalPronounForThing(speaker: Speaker): boolean {
  if (speaker.via !== 'pronoun' || speaker.entity.graph !== null) return false;
  const gender = PRONOUNS[speaker.mention.toLowerCase()];
  return (gender === 'male' || gender === 'female') && speaker.entity.titles.size === 0 && !readsAsPersonName(speaker.entity.name);
}

/** A new outlet whose name the text gives with "The" ("The New York Times"): the graph may hold it without, so the id is a guess. */
const outletWithThe = (e: DocEntity): boolean => e.graph === null && e.outlet && /^the\s/iu.test(e.name);

/**
 * A paraphrase credited to a new speaker known by one word ("Equifax announced …",
 * "Authorities said …", "As Spencer noted, …"): no quote marks vouch for the words and no
 * fuller name for the speaker, who may be a body, a word that opens the sentence, or a writer
 * the article cites.
 */
const paraphraseOfOneWord = (d: Draft, e: DocEntity): boolean => d.kind === 'INDIRECT' && e.graph === null && e.surnameOnly;

/** Tags of a sentence's first word that make it something other than the first word of a name. */
const NOT_NAME_TAGS = ['Date', 'Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Adjective', 'Verb', 'Value'];

/** Whether a sentence's first word, before a name's word, reads as a first name rather than the sentence's own word. */
const opensAsName = (t: Token): boolean => !SENTENCE_OPENERS.has(t.lower) && !isTitleWord(t) && !NOT_NAME_TAGS.some((tag) => t.tags.has(tag));

/**
 * A quote of one word ("acknowledged “shortcomings”", "made Russia "weaker""): whether the word
 * is the speaker's statement or the article's echo of a term, inside its own paraphrase, is a
 * call the annotations make both ways.
 */
function quoteOfOneWord(d: Draft): boolean {
  if (d.kind === 'INDIRECT') return false;
  const words = d.text.trim().split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  return words.length === 1;
}

/** The text of the paragraph that holds the draft. */
function paragraphText(layout: Layout, d: Draft): string {
  const p = layout.paragraphs[d.paragraph];
  return p === undefined ? '' : layout.text.slice(p.start, p.end);
}

/**
 * A photograph's credit ("ST PHOTO: LIM YAOHUI", "Photo: AP", "(AP Photo/Evan Vucci)",
 * "Getty Images"): the paragraph that carries one is a caption, which restates the story in
 * the picture's words, not where the speaker's words are reported. Looser than
 * furniture.ts's credit, which drops a line from the article and so must be sure; a doubt
 * only lists it. A capital after the mark keeps out a link's "images/" and prose.
 */
const PHOTO_CREDIT = /\b(?:PHOTOS?|Photos?|PICTURES?|Pictures?|IMAGES?|Images?)\s?[:/]\s?\p{Lu}|\bGetty Images\b/u;

/** A statement whose paragraph is a picture's caption. */
const inCaption = (layout: Layout, d: Draft): boolean => PHOTO_CREDIT.test(paragraphText(layout, d));

/**
 * A paragraph opened by a bullet mark in the article's first half: a summary box or a
 * standfirst's points ("What You Need To Know"), which restate the story's claims in the
 * article's words before the body reports them. Bullets further down are the body's own list.
 */
function underBullet(layout: Layout, d: Draft): boolean {
  const p = layout.paragraphs[d.paragraph];
  const last = layout.paragraphs.reduce((n, q) => Math.max(n, q.ordinal), 0);
  return p !== undefined && p.ordinal * 2 < last && BULLETS.test(paragraphText(layout, d).trim());
}

/**
 * A new body's speaker of several words whose name the text also gives inside a longer one, a name's
 * word before it in the same run ("The Hurricane Center" and "the National Hurricane Center"):
 * the shorter name may be the longer one's, or another's. (`fullerNameElsewhere` does this for
 * a one-word name.)
 */
function partOfLongerName(scope: DoubtScope, e: DocEntity): boolean {
  // A person's name after a capital is an office's ("Secretary of State Antony Blinken"): `name-bounds` judges those.
  if (e.graph !== null || e.surnameOnly || e.type === 'Person') return false;
  const words = e.name.split(/\s+/u);
  if (words.length < 2) return false;
  const { tokens, text } = scope.layout;
  return tokens.some((t) => {
    if (t.text !== words[0]) return false;
    if (!words.every((w, k) => tokens[t.index + k]?.text.replace(POSSESSIVE, '') === w.replace(POSSESSIVE, ''))) return false;
    const before = tokens[t.index - 1];
    return before !== undefined && before.sentence === t.sentence && isCapital(before) && !isTitleWord(before) && !POSSESSIVE.test(before.text) && !SENTENCE_OPENERS.has(before.lower) && sameRun(text, before, t) && scope.layout.paragraphs[t.paragraph]?.kind === 'body';
  });
}
