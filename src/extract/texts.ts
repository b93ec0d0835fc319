/**
 * Who wrote a text that speaks in an article ("The ads said …", "“…,” read the ads signed by
 * Okafor", "according to the letter"): the one named with it ("signed by X", "from X", "X's
 * letter"), or else the one who put it out a few sentences before ("Okafor took out
 * full-page ads in six newspapers"). The author is the speaker; the text is only how the
 * words reached the page.
 */
import type { Token } from './layout';
import type { Mention } from './mentions';
import { type AttributionScope, type Frame, type Speaker, wordAt } from './frame';

/** Texts a person or body puts out, which then "say" or "read" their words. */
const PUT_OUT_TEXTS = new Set(
  `ad ads advert adverts advertisement advertisements op-ed article essay column letter statement post tweet message note
  testimony`.split(/\s+/),
);
/** Words that point at a text: "the ads", "a letter", "its statement". */
const TEXT_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'its', 'his', 'her', 'their']);
/** How far back, in paragraphs, the sentence that brought the text in may be. */
const PUT_OUT_REACH = 3;
/** How many words may stand between the text and "by" or "from" its author ("the ads, signed by"). */
const AUTHOR_WITHIN = 3;

/** The item of the text's noun when items `k` on are a determiner and a text ("the ads"), or -1. */
export function textNounAt(frame: Frame, k: number): number {
  const det = wordAt(frame, k);
  const noun = wordAt(frame, k + 1);
  return det !== null && noun !== null && TEXT_DETERMINERS.has(det.lower) && PUT_OUT_TEXTS.has(noun.lower) ? k + 1 : -1;
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
  const tokens = ctx.layout.tokens;
  for (let j = i + 1; j <= i + AUTHOR_WITHIN; j += 1) {
    const w = tokens[j];
    if (w === undefined || w.quote !== null) return null;
    if (w.lower !== 'by' && w.lower !== 'from') continue;
    const m = ctx.mentions.startingAt(j + 1);
    return isAuthor(m) ? m : null;
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
