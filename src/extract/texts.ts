/**
 * Who wrote a text that speaks in an article ("The ads said …", "“…,” read the ads signed by
 * Okafor", "according to a statement from the agency", "“…,” the statement said"): the one
 * named with it ("signed by X", "from X", "X's letter"), or else the one who put it out a few
 * sentences before ("Okafor took out full-page ads in six newspapers"), or, for a text told of
 * before ("the statement"), whoever spoke last. The author is the speaker; the text is only
 * how the words reached the page. One list of such texts serves every rule that reads one.
 */
import type { Token } from './layout';
import type { Mention } from './mentions';
import { type AttributionScope, type Frame, type Speaker, text, wordAt } from './frame';

/**
 * Texts a speaker issues in their own voice, which "the statement said" may give to whoever
 * spoke last (`textAuthorBefore`).
 */
const VOICED_TEXTS = new Set(
  `statement statements comment comments remarks message messages post posts tweet tweets letter letters note notes reply response caption words video warning`.split(/\s+/),
);
/**
 * Texts a person or body puts out, which then "say" or "read" their words ("the ads said",
 * "a statement from X reads"), or with which words are put out ("in a post on X: “…”"): the
 * voiced ones, and an article, essay, column, op-ed, ad or testimony, which told of before is
 * usually someone else's, so it speaks only for an author found for it.
 */
export const TEXT_NOUNS: ReadonlySet<string> = new Set([
  ...VOICED_TEXTS,
  ...`ad ads advert adverts advertisement advertisements op-ed op-eds article articles essay essays column columns testimony`.split(/\s+/),
]);
/** Words that point at a text: "the ads", "a letter", "its statement". */
const TEXT_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'its', 'his', 'her', 'their']);
/** Of those, the ones that point back at a text told of before: "the statement said", "that letter read". */
const TOLD_BEFORE = new Set(['the', 'that', 'this', 'these']);
/** How far back, in paragraphs, the sentence that brought the text in may be. */
const PUT_OUT_REACH = 3;
/** How many words may stand between the text and "by" or "from" its author ("the ads, signed by"). */
const AUTHOR_WITHIN = 3;

/** The item of the text's noun when items `k` on are a determiner and a text ("the ads"), or -1. */
export function textNounAt(frame: Frame, k: number): number {
  const det = wordAt(frame, k);
  const noun = wordAt(frame, k + 1);
  return det !== null && noun !== null && TEXT_DETERMINERS.has(det.lower) && TEXT_NOUNS.has(noun.lower) ? k + 1 : -1;
}

/** The author of the text whose noun is item `noun`: named with it, or who put it out before. */
export function textAuthor(ctx: AttributionScope, frame: Frame, noun: number): Speaker | null {
  const token = wordAt(frame, noun);
  if (token === null) return null;
  const named = namedWith(ctx, frame, noun) ?? whoPutOut(ctx, frame.sentence, token);
  return named === null || named.entity === null || named.entity.outlet ? null : { entity: named.entity, via: named.via ?? 'name', mention: named.text, flags: ['text-author'] };
}

function isAuthor(m: Mention | null): m is Mention {
  return m !== null && m.kind === 'name' && m.entity !== null && m.quote === null && !m.possessive;
}

/** "the ads signed by Okafor", "a letter from Okafor", "Okafor's letter". */
function namedWith(ctx: AttributionScope, frame: Frame, noun: number): Mention | null {
  const token = wordAt(frame, noun) as Token;
  const owner = ctx.mentions.endingAt(token.index - 2);
  if (owner !== null && owner.kind === 'name' && owner.possessive && owner.entity !== null) return owner;
  return signedBy(ctx, token.index);
}

/** "ads signed by Okafor", "a letter from Okafor": the author named right after the text at token `i`. */
function signedBy(ctx: AttributionScope, i: number): Mention | null {
  const m = authorAfter(ctx, i, AUTHOR_WITHIN);
  return isAuthor(m) ? m : null;
}

/**
 * Whoever "by" or "from", within `within` words after the text at token `i`, names: a name,
 * a title or a description ("from the mayor", "by the agency"), for the caller to resolve.
 */
function authorAfter(ctx: AttributionScope, i: number, within: number): Mention | null {
  const tokens = ctx.layout.tokens;
  for (let j = i + 1; j <= i + within; j += 1) {
    const w = tokens[j];
    if (w === undefined || w.quote !== null) return null;
    if (w.lower !== 'by' && w.lower !== 'from') continue;
    const article = ['the', 'a', 'an'].includes(tokens[j + 1]?.lower ?? '');
    const m = ctx.mentions.startingAt(j + 1) ?? (article ? ctx.mentions.startingAt(j + 2) : null);
    return m !== null && m.kind !== 'place' && m.kind !== 'pronoun' ? m : null;
  }
  return null;
}

/**
 * "according to a statement from U.S. Northern Command", "in a post by the mayor": the
 * author named right after a text put out, from word `k` (the determiner or the noun).
 */
export function authorOfTextAt(ctx: AttributionScope, frame: Frame, k: number): Mention | null {
  const n = TEXT_DETERMINERS.has(wordAt(frame, k)?.lower ?? '') ? k + 1 : k;
  const noun = wordAt(frame, n);
  return noun === null || !TEXT_NOUNS.has(noun.lower) ? null : authorAfter(ctx, noun.index, 1);
}

/** How far back, in paragraphs, "the statement" may point at the body or person who put it out. */
const TEXT_AUTHOR_REACH = 2;

/**
 * "…, the statement said": a text told of before, as the subject of the speech verb at `k`
 * (or of "read"), speaks for whoever put it out: its author as `textAuthor` finds one, or,
 * for a text its speaker voices (VOICED_TEXTS), the last speaker that is not an outlet, within
 * a couple of paragraphs (a guess from context, so flagged for review).
 */
export function textAuthorBefore(ctx: AttributionScope, frame: Frame, k: number): Speaker | null {
  const noun = wordAt(frame, k - 1);
  const det = wordAt(frame, k - 2);
  if (noun === null || det === null || !TEXT_NOUNS.has(noun.lower) || !TOLD_BEFORE.has(det.lower)) return null;
  const author = textAuthor(ctx, frame, k - 1);
  if (!VOICED_TEXTS.has(noun.lower)) return author;
  const last = lastSpeakerWithin(ctx, frame, TEXT_AUTHOR_REACH, text(ctx).slice(det.start, noun.end), ['description', 'last-speaker']);
  // The author who spoke last is the guess it always was, listed for review as such.
  return author === null || author.entity === last?.entity ? last : author;
}

/** The last speaker that is not an outlet, within `reach` paragraphs with words before the frame's. */
export function lastSpeakerWithin(ctx: AttributionScope, frame: Frame, reach: number, mention: string, flags: readonly string[]): Speaker | null {
  const ordinal = (p: number): number => ctx.layout.paragraphs[p]?.ordinal ?? p;
  const here = ordinal(ctx.layout.sentences[frame.sentence]?.paragraph ?? 0);
  for (let n = ctx.history.length - 1; n >= 0; n -= 1) {
    const h = ctx.history[n] as AttributionScope['history'][number];
    if (here - ordinal(h.paragraph) > reach) return null;
    if (!h.speaker.outlet) return { entity: h.speaker, via: 'anaphor', mention, flags };
  }
  return null;
}

/**
 * "Okafor took out full-page ads …": the subject of the latest sentence before sentence `s`
 * (within a few paragraphs) that names the same kind of text outside quotation marks and
 * has a subject before it.
 */
function whoPutOut(ctx: AttributionScope, s: number, text: Token): Mention | null {
  const stem = text.lower.replace(/s$/, '');
  const here = ctx.layout.sentences[s];
  if (here === undefined) return null;
  const ordinal = (p: number): number => ctx.layout.paragraphs[p]?.ordinal ?? p;
  for (let b = s - 1; b >= 0; b -= 1) {
    const sentence = ctx.layout.sentences[b];
    if (sentence === undefined || ordinal(here.paragraph) - ordinal(sentence.paragraph) > PUT_OUT_REACH) return null;
    for (let i = sentence.first; i <= sentence.last; i += 1) {
      const t = ctx.layout.tokens[i] as Token;
      if (t.quote !== null || t.lower.replace(/s$/, '') !== stem) continue;
      const signer = signedBy(ctx, i);
      if (signer !== null) return signer;
      // "“…,” read the ads" names the text but not who put it out: look further back.
      const subject = ctx.mentions.inSentence(b).find((m) => m.subject && !m.subordinate && m.quote === null && m.first < i) ?? null;
      if (subject !== null) return isAuthor(subject) ? subject : null;
      break;
    }
  }
  return null;
}
