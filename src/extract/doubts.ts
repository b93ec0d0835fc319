/**
 * Doubts the review list names (issue 20: "the review list is for what is really uncertain"):
 * what the extractor knew, when it proposed a statement, that makes its speaker a guess a
 * reviewer can check. Each is a flag on the statement's review item; extract.ts's
 * `needsReview` says which of them list the statement to check first.
 */
import type { Draft } from './drafts';
import type { Speaker } from './frame';
import type { Layout, Token } from './layout';
import { ORG_ANAPHORS, speechVerb } from './lexicon';
import type { Mention, Mentions } from './mentions';
import { afterOf } from './name-words';
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
  return out;
}

/** How a pronoun was resolved when no subject of its own sentence or paragraph was there to take. */
const GUESSED_ANTECEDENT = new Set(['last-speaker', 'last-named', 'earlier-subject']);

/**
 * Whether a pronoun resolved to an earlier speaker ("…,” she said" after two paragraphs on
 * the same person) has a rival: another person it could stand for, named outside quotes
 * since the speaker was last named, as the subject of a clause or as a speaker. With none,
 * the guess is the reading any reader makes; a name in an aside ("on behalf of President
 * Biden") is no one a pronoun goes on with.
 */
function rivalAntecedent(scope: DoubtScope, d: Draft, speaker: Speaker): boolean {
  if (speaker.via !== 'pronoun' || !speaker.flags.some((f) => GUESSED_ANTECEDENT.has(f))) return false;
  const pronoun = pronounOf(scope, d, speaker);
  if (pronoun === null) return true;
  const lastSeen = [...speaker.entity.seen].reverse().find((at) => at < pronoun.start);
  const from = lastSeen ?? windowStart(scope.layout, pronoun);
  const spoke = new Set(scope.drafts.filter((o) => o.start > from && o.start < pronoun.start).flatMap((o) => o.speakers.map((s) => s.entity)));
  return scope.mentions.all.some(
    (m) => m.start > from && m.start < pronoun.start && m.kind === 'name' && m.quote === null && m.entity !== null && m.entity !== speaker.entity && ((m.subject && !m.subordinate) || spoke.has(m.entity)) && couldBe(m.entity, speaker.entity),
  );
}

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
