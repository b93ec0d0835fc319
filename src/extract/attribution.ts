/**
 * Who said a quote, and how it is woven into its sentence. A quote is attributed, in order
 * of confidence, to the speaker named right after it ("“…,” Mulroy said", "“…,” said Henrik
 * Aalto"), to the subject of the nearest speech verb before it ("Mulroy warned the move
 * “…”", "…, telling Fox, “…”"), or to the person "according to" names. Its kind is DIRECT
 * when it stands as a sentence, after a colon or a speech verb, PARTIAL when woven in.
 */
import type { Token } from './layout';
import { BE_FORMS, CLAUSE_CONJUNCTIONS, TIME_WORDS, speechVerb } from './lexicon';
import type { DocEntity, Mention } from './mentions';
import { type Frame, type AttributionScope, type VerbUse, type NounPhrase, type Speaker, text, wordAt, gapText, speechVerbAt, isModifier } from './frame';
import { TEXT_NOUNS, textAuthor, textNounAt } from './texts';
import { subjectOf, subjectBefore, subjectAfter, resolvePhrase, outletLike, mentionAfter, authorOfTextAt, textAuthorBefore, openingVerbSpeaker } from './speakers';

/** "so-called" right before a quote's opening mark. */
const HELD_APART = /\bso-called\s$/i;

export interface QuoteAttribution {
  readonly phrase: NounPhrase | null;
  readonly verb: VerbUse | null;
  readonly rule: string;
  /** The text the words were read out from ("letter"), when someone else read them. */
  readonly readFrom?: string;
  /** Who put out the text that is the verb's subject ("…, the statement said"), found from context. */
  readonly author?: Speaker;
}

/** The attribution of the quote at item `qi`, by the first rule that applies. */
export function attributeQuote(ctx: AttributionScope, frame: Frame, qi: number, quoteSpeaker: DocEntity | null): QuoteAttribution | null {
  const n = frame.items.length;
  // "the so-called “blue zone”": words the writer holds at arm's length, whoever coined them, are left for the analyst.
  const held = frame.items[qi];
  if (held?.kind === 'quote' && HELD_APART.test(text(ctx).slice(Math.max(0, held.quote.open - 10), held.quote.open))) return null;
  // "“…,” Waltz told reporters" / "“…,” said Henrik Aalto": right after the quote.
  if (qi + 1 < n && /^[\s,—–-]*$/.test(gapText(ctx, frame, qi, qi + 1)) && !introducesNextQuote(ctx, frame, qi)) {
    const first = qi + 1;
    const written = invertedText(ctx, frame, first);
    if (written !== null) return written;
    const inverted = speechVerbAt(ctx, frame, first, { afterQuote: true, attributing: true });
    if (inverted !== null && !inverted.participle) {
      const np = subjectAfter(ctx, frame, first);
      if (np !== null) return { phrase: np, verb: inverted, rule: 'quote-then-verb-speaker' };
    }
    for (let v = first + 1; v < Math.min(n, first + 14); v += 1) {
      if (frame.items[v]?.kind === 'quote' || /[.;:!?]/.test(gapText(ctx, frame, v - 1, v))) break;
      const passive = quotedAsSaying(frame, v);
      const use = passive === null ? speechVerbAt(ctx, frame, v, { afterQuote: true, attributing: true }) : passiveUse(frame, v);
      if (use === null || (use.participle && passive === null)) continue;
      const np = subjectBefore(ctx, frame, passive ?? v);
      if (np !== null && inAdverbialClause(ctx, frame, np, v)) break;
      if (np !== null && np.firstItem >= first) return { phrase: np, verb: use, rule: 'quote-then-speaker-verb' };
      const author = np === null ? textAuthorBefore(ctx, frame, v) : null;
      if (author !== null) return { phrase: null, verb: use, rule: 'quote-then-text-author', author };
      break;
    }
    const manner = mannerAfterQuote(ctx, frame, qi);
    if (manner !== null) return manner;
  }
  // The nearest speech verb before the quote whose subject is not an outlet.
  for (let k = qi - 1; k >= 0; k -= 1) {
    const use = speechVerbAt(ctx, frame, k);
    if (use === null) continue;
    const np = subjectOf(ctx, frame, use) ?? (use.participle || use.coordinated ? null : subjectAcrossAside(ctx, frame, k));
    // "Ada Kerr, the union's president, who said": a title that names no one stands for the name before it.
    const named = np !== null && np.how === 'appositive' && wordAt(frame, k - 1)?.lower === 'who' && !resolvePhrase(ctx, np, quoteSpeaker).ok ? subjectAcrossAside(ctx, frame, k) : null;
    const rule = use.coordinated ? 'coordinated-verb' : use.participle ? 'participle-clause' : 'speaker-verb-quote';
    // The nearest speech verb governs the quote: when its subject cannot be read ("Her late
    // father, she recalled, used to tell her that “…”"), the quote stays unattributed.
    if (np === null) {
      if (use.participle) continue;
      const noun = textNounAt(frame, 0);
      const author = noun === -1 ? null : textAuthor(ctx, frame, noun);
      if (author !== null) return { phrase: null, verb: use, rule: 'text-author', author, readFrom: (wordAt(frame, noun) as Token).lower };
      const opening = openingVerbSpeaker(ctx, frame, k);
      return opening === null ? { phrase: null, verb: use, rule } : { phrase: null, verb: use, rule: 'subjectless-summary', author: opening };
    }
    if (named !== null) return { phrase: named, verb: use, rule };
    const res = resolvePhrase(ctx, np, quoteSpeaker);
    if (!res.ok && res.reason === 'outlet') continue;
    return { phrase: np, verb: use, rule };
  }
  const characterised = characterisedAs(ctx, frame, qi);
  if (characterised !== null) return characterised;
  const reads = qi > 0 && /^\s*[,:]\s*$/.test(gapText(ctx, frame, qi - 1, qi)) ? textReads(ctx, frame, qi - 1) : null;
  if (reads !== null) return reads;
  const put = putOutWith(ctx, frame, qi, quoteSpeaker);
  if (put !== null) return put;
  // "according to Smith": a source that is not an outlet.
  for (let k = 0; k + 1 < n; k += 1) {
    if (wordAt(frame, k)?.lower !== 'according' || wordAt(frame, k + 1)?.lower !== 'to') continue;
    const m = mentionAfter(ctx, frame, k + 2) ?? authorOfTextAt(ctx, frame, k + 2);
    if (m !== null && !outletLike(ctx, m)) {
      return { phrase: { mentions: [m], generic: null, firstItem: k, lastItem: frame.itemOfToken.get(m.last) ?? k + 2, spokesperson: false, how: 'after' }, verb: null, rule: 'according-to' };
    }
    const noun = m === null ? textNounAt(frame, k + 2) : -1;
    const author = noun === -1 ? null : textAuthor(ctx, frame, noun);
    if (author !== null) return { phrase: null, verb: null, rule: 'according-to-text', author, readFrom: (wordAt(frame, noun) as Token).lower };
  }
  const read = readOut(ctx, frame, qi);
  if (read !== null) return read;
  // A speech verb later in the sentence, with no other quote in between: "“Thin at best” was how Okafor put it" is rare; "“…” Okafor wrote in a letter" is not.
  for (let k = qi + 1; k < n; k += 1) {
    // "The attack was either ‘…’, or Russia ‘lost control’ of it, May said": words woven into
    // the same clause share its verb; a quote that stands as an utterance has its own.
    if (frame.items[k]?.kind === 'quote') {
      if (quoteKind(ctx, frame, k) === 'PARTIAL') continue;
      break;
    }
    const use = speechVerbAt(ctx, frame, k, { afterQuote: true });
    if (use === null) continue;
    const np = subjectOf(ctx, frame, use);
    if (np === null || inAdverbialClause(ctx, frame, np, k)) continue;
    const res = resolvePhrase(ctx, np, quoteSpeaker);
    if (!res.ok && res.reason === 'outlet') continue;
    return { phrase: np, verb: use, rule: 'verb-later-in-sentence' };
  }
  return null;
}

/**
 * "“…,” said the ads signed by Okafor", "“…,” read the letter": a text put out, after the
 * verb that follows the quote, speaks for its author (texts.ts).
 */
function invertedText(ctx: AttributionScope, frame: Frame, first: number): QuoteAttribution | null {
  const verb = wordAt(frame, first);
  if (verb === null || !(READ_VERBS.has(verb.lower) || speechVerb(verb.lower)?.lemma === 'say')) return null;
  const noun = textNounAt(frame, first + 1);
  const author = noun === -1 ? null : textAuthor(ctx, frame, noun);
  if (author === null) return null;
  const use: VerbUse = { verb: speechVerb('said') as NonNullable<ReturnType<typeof speechVerb>>, index: first, token: verb, participle: false, coordinated: false };
  return { phrase: null, verb: use, rule: 'text-author', author, readFrom: (wordAt(frame, noun) as Token).lower };
}

/**
 * Whether the subject `np` of the verb at `v` opens an adverbial clause: "“…,” as rains
 * continued to fall", "“…” was closed after the police said it was unsafe" tell of another
 * event, not of who spoke the words; "“…,” as Okafor said." is an attribution, its verb
 * ending the clause.
 */
function inAdverbialClause(ctx: AttributionScope, frame: Frame, np: NounPhrase, v: number): boolean {
  let k = np.firstItem - 1;
  if (['the', 'a', 'an'].includes(wordAt(frame, k)?.lower ?? '')) k -= 1;
  const conjunction = wordAt(frame, k)?.lower ?? '';
  if (!CLAUSE_CONJUNCTIONS.has(conjunction)) return false;
  return conjunction !== 'as' || !(endsClauseAt(ctx, frame, v) || tellsWhereAfter(frame, v));
}

/**
 * "as Governor Brooks said in a statement", "as Mayor Hale told reporters on Monday": after
 * "as", a speech verb followed by where, when or to whom the words were said still ends an
 * attribution; one followed by a clause ("as the police said it was unsafe") tells of
 * another event.
 */
function tellsWhereAfter(frame: Frame, v: number): boolean {
  const next = wordAt(frame, v + 1);
  if (next === null || next.lower === 'that') return false;
  return next.tags.has('Preposition') || TIME_WORDS.has(next.lower) || next.tags.has('Date') || ['reporters', 'journalists'].includes(next.lower);
}

/**
 * The subject of the verb at `k` across what stands between them, when the phrase right
 * before the verb names no one: a sentence that opens on a name or pronoun set off by an
 * aside ("Rep. Ada Kerr (D-Vt.), while praising the plan, criticized it as “…”", "Kerr,
 * known for her farm bill, says") or followed only by time words ("Kerr yesterday revealed"),
 * or the name before an aside that "who" follows ("we heard from Ada Kerr, the union's
 * president, who said “…”").
 */
function subjectAcrossAside(ctx: AttributionScope, frame: Frame, k: number): NounPhrase | null {
  const phrase = (m: Mention, firstItem: number, lastItem: number): NounPhrase => ({ mentions: [m], generic: null, firstItem, lastItem, spokesperson: false, how: 'appositive' });
  const person = (m: Mention | null): m is Mention => m !== null && m.quote === null && !m.possessive && (m.kind === 'name' || m.kind === 'pronoun');
  if (wordAt(frame, k - 1)?.lower === 'who' && /,\s*$/.test(gapText(ctx, frame, k - 2, k - 1))) {
    let s = k - 2;
    while (s > 0 && wordAt(frame, s - 1) !== null && !/[,;:“”"‘’]/.test(gapText(ctx, frame, s - 1, s))) s -= 1;
    const before = s > 0 && /^\s*,\s*$/.test(gapText(ctx, frame, s - 1, s)) ? wordAt(frame, s - 1) : null;
    const m = before === null ? null : ctx.mentions.endingAt(before.index);
    return person(m) && m.kind === 'name' ? phrase(m, frame.itemOfToken.get(m.first) ?? s - 1, s - 1) : null;
  }
  const opening = wordAt(frame, 0);
  const m = opening === null ? null : ctx.mentions.startingAt(opening.index);
  const last = m === null ? undefined : frame.itemOfToken.get(m.last);
  if (!person(m) || last === undefined || last >= k - 1 || frame.items.slice(last + 1, k).some((i) => i.kind === 'quote')) return null;
  const between = frame.items.slice(last + 1, k);
  const timeOnly = spacedRun(ctx, frame, last, k) && between.every((i) => i.kind === 'word' && (TIME_WORDS.has(i.token.lower) || isModifier(i.token)));
  const aside = /^\s*[,(]/.test(gapText(ctx, frame, last, last + 1)) && /,\s*$/.test(gapText(ctx, frame, k - 1, k));
  return timeOnly || aside ? phrase(m, 0, last) : null;
}

/** Whether items `a` to `b` follow one another with only spaces between. */
function spacedRun(ctx: AttributionScope, frame: Frame, a: number, b: number): boolean {
  for (let i = a; i < b; i += 1) if (!/^\s+$/.test(gapText(ctx, frame, i, i + 1))) return false;
  return true;
}

/** Whether the clause ends after item `j`: punctuation, a quote or the sentence's end follow it. */
function endsClauseAt(ctx: AttributionScope, frame: Frame, j: number): boolean {
  return j + 1 >= frame.items.length || frame.items[j + 1]?.kind === 'quote' || /[,.;:!?—–(]/.test(gapText(ctx, frame, j, j + 1));
}

/**
 * "“…,” Frank mocked.", "“…,” she chuckled.": a quote closed on a comma, then a name or a
 * pronoun and one verb in the past that ends the sentence (or only whom it was said to and
 * where follow it: "“…,” Pruitt gushed to the president at the ceremony."), is attributed
 * however the verb describes the saying; the shape, not the word, marks the speaker, so verbs
 * the lexicon does not list ("mocked", "chided", "gushed") count here and nowhere else.
 */
function mannerAfterQuote(ctx: AttributionScope, frame: Frame, qi: number): QuoteAttribution | null {
  const item = frame.items[qi];
  if (item?.kind !== 'quote' || !/,\s*$/.test(text(ctx).slice(item.quote.start, item.quote.end) + gapText(ctx, frame, qi, qi + 1))) return null;
  const np = subjectAfter(ctx, frame, qi);
  const m = np?.mentions[0];
  if (np === null || m === undefined || (m.kind !== 'name' && m.pronoun !== 'male' && m.pronoun !== 'female')) return null;
  const v = np.lastItem + 1;
  const token = wordAt(frame, v);
  if (token === null || !/^\p{Ll}+ed$/u.test(token.text) || !token.tags.has('PastTense')) return null;
  if (!/^\s+$/.test(gapText(ctx, frame, v - 1, v)) || !endsOnPlace(ctx, frame, v)) return null;
  return { phrase: np, verb: { verb: { lemma: token.lower, afterQuoteOnly: true }, index: v, token, participle: false, coordinated: false }, rule: 'quote-then-name-manner-verb' };
}

/** How many words may tell whom the words were said to, and where, after a verb of manner: "to Trump at the Rose Garden ceremony". */
const MANNER_TAIL_WORDS = 8;

/**
 * Whether the sentence ends after the verb at `v`, or after a short phrase that opens on a
 * preposition and holds no verb of its own ("gushed to Trump at the Rose Garden ceremony."):
 * whom the words were said to, and where, not a clause of their own.
 */
function endsOnPlace(ctx: AttributionScope, frame: Frame, v: number): boolean {
  const last = frame.items.length - 1;
  const lastItem = frame.items[last];
  if (lastItem === undefined || !/^[.!]/.test(text(ctx).slice(lastItem.end))) return false;
  if (v === last) return true;
  const tail = frame.items.slice(v + 1);
  const opener = wordAt(frame, v + 1);
  if (opener === null || !(opener.tags.has('Preposition') || opener.lower === 'to') || tail.length > MANNER_TAIL_WORDS || !/^\s+$/.test(gapText(ctx, frame, v, v + 1))) return false;
  return tail.every((i) => i.kind === 'word' && !(i.token.tags.has('Verb') && !i.token.tags.has('Gerund')));
}

/** How many words the thing characterised may take between the verb and "as": "the firm's new data technology". */
const AS_OBJECT_WORDS = 6;

/**
 * "Whitfield hailed the rescue as “a small miracle”", "he defended the firm's methods as “…”":
 * a named or pronoun subject, an active verb in the past or present, its object, then "as"
 * and the quote that characterises the object, are the subject's words whatever the verb
 * (the lexicon lists few of "hailed", "dismissed", "branded", "slammed"); the shape marks
 * the speaker. A passive ("was seen as “…”") names no one who said it.
 */
function characterisedAs(ctx: AttributionScope, frame: Frame, qi: number): QuoteAttribution | null {
  if (qi < 3 || wordAt(frame, qi - 1)?.lower !== 'as' || !/^\s+$/.test(gapText(ctx, frame, qi - 2, qi - 1))) return null;
  for (let v = qi - 3; v >= Math.max(1, qi - 2 - AS_OBJECT_WORDS); v -= 1) {
    const token = wordAt(frame, v);
    if (token === null || !/^\s+$/.test(gapText(ctx, frame, v, v + 1))) return null;
    if (!/^\p{Ll}+(?:ed|s)$/u.test(token.text) || !token.tags.has('Verb') || token.tags.has('Gerund')) continue;
    const before = wordAt(frame, v - 1);
    if (before !== null && (BE_FORMS.has(before.lower) || before.lower === 'been')) return null;
    // "… and defended the council's spending as “…”": the subject of the verb the "and" joins it to.
    const coordinated = before !== null && ['and', 'but'].includes(before.lower);
    const use: VerbUse = { verb: { lemma: token.lower }, index: v, token, participle: false, coordinated };
    const np = coordinated ? subjectOf(ctx, frame, use) : subjectBefore(ctx, frame, v);
    const m = np?.mentions[0];
    if (np === null || m === undefined || (m.kind !== 'name' && m.kind !== 'pronoun') || inAdverbialClause(ctx, frame, np, v)) return null;
    return { phrase: np, verb: use, rule: 'verb-object-as-quote' };
  }
  return null;
}

/**
 * "“…,” Gov. Ana Ruiz was quoted as saying by the Coast Gazette": the passive report names the
 * speaker before "was quoted as"; the item of "was" (or "is", "has been"), or null.
 */
function quotedAsSaying(frame: Frame, v: number): number | null {
  const lower = (k: number): string => wordAt(frame, k)?.lower ?? '';
  if (lower(v) !== 'saying' || lower(v - 1) !== 'as' || lower(v - 2) !== 'quoted') return null;
  if (['was', 'is', 'were'].includes(lower(v - 3))) return v - 3;
  return lower(v - 3) === 'been' && ['has', 'had', 'have'].includes(lower(v - 4)) ? v - 4 : null;
}

/** "saying" in "was quoted as saying", which compromise may not tag a verb. */
function passiveUse(frame: Frame, v: number): VerbUse | null {
  const token = wordAt(frame, v);
  const verb = speechVerb('saying');
  return token === null || verb === null ? null : { verb, index: v, token, participle: true, coordinated: false };
}

/**
 * "He reposted the clip with his own comments: “Not true.”": a quote after a colon whose
 * clause names what was put out (a statement, post, message, comments) belongs to the
 * clause's subject.
 */
function putOutWith(ctx: AttributionScope, frame: Frame, qi: number, quoteSpeaker: DocEntity | null): QuoteAttribution | null {
  if (qi === 0 || !/:\s*$/.test(gapText(ctx, frame, qi - 1, qi))) return null;
  let from = qi - 1;
  while (from > 0 && frame.items[from - 1]?.kind === 'word' && !/[.;:!?]/.test(gapText(ctx, frame, from - 1, from))) from -= 1;
  const clause = frame.items.slice(from, qi);
  if (!clause.some((i) => i.kind === 'word' && TEXT_NOUNS.has(i.token.lower))) return null;
  for (let k = from; k < qi; k += 1) {
    const w = wordAt(frame, k);
    const m = w === null ? null : ctx.mentions.startingAt(w.index);
    if (m === null || !m.subject || m.kind === 'place') continue;
    const phrase: NounPhrase = { mentions: [m], generic: null, firstItem: k, lastItem: frame.itemOfToken.get(m.last) ?? k, spokesperson: false, how: 'before' };
    const res = resolvePhrase(ctx, phrase, quoteSpeaker);
    return res.ok ? { phrase, verb: null, rule: 'statement-noun-colon' } : null;
  }
  return null;
}

/** How many words a text's subject may hold before "reads" ("A statement from OceanGate, per NBC News, reads:"). */
const TEXT_SUBJECT_WORDS = 12;

/**
 * "The statement read, “…”", "A statement from the canal authority reads:": a text that
 * opens its sentence and "reads" the words is its author's: the body or person named with
 * it ("from X", "X's statement"), or, for "the statement" told of before, whoever last spoke
 * (flagged). Word `k` is the verb; the text is the venue.
 */
export function textReads(ctx: AttributionScope, frame: Frame, k: number): QuoteAttribution | null {
  const verb = wordAt(frame, k);
  if (verb === null || !['read', 'reads'].includes(verb.lower)) return null;
  // The text opens the sentence: its noun is among the first three words.
  const noun = [0, 1, 2].find((n) => n < k && TEXT_NOUNS.has(wordAt(frame, n)?.lower ?? ''));
  if (noun === undefined || k - noun > TEXT_SUBJECT_WORDS || frame.items.slice(0, k).some((i) => i.kind === 'quote')) return null;
  const readFrom = (wordAt(frame, noun) as Token).lower.replace(/s$/, '');
  const owner = ctx.mentions.endingAt((wordAt(frame, noun) as Token).index - 1);
  const author = owner !== null && owner.possessive && owner.kind === 'name' ? owner : authorOfTextAt(ctx, frame, noun);
  if (author !== null && !outletLike(ctx, author)) {
    return { phrase: { mentions: [author], generic: null, firstItem: 0, lastItem: k, spokesperson: false, how: 'before' }, verb: null, rule: 'text-reads', readFrom };
  }
  const told = textAuthorBefore(ctx, frame, noun + 1);
  return told === null ? null : { phrase: null, verb: null, rule: 'text-reads', readFrom, author: told };
}

/** Verbs of reading a text out: the reader is not its author. */
const READ_VERBS = new Set(['read', 'reads', 'reading']);
/** Texts that are read out: the author is who speaks in them. */
const READ_TEXTS = new Set(['letter', 'statement', 'message', 'note', 'post', 'speech', 'remarks', 'testimony', 'will', 'diary', 'email']);
/** How many words may come between "from" and the author's name ("from the jailed editor Tomas Vrana"). */
const AUTHOR_WITHIN = 5;

/**
 * "“…,” she read from the letter": words read out by someone else are the author's, when
 * this sentence or the one before names the text with its author ("a letter from the jailed
 * editor Tomas Vrana", "Vrana's statement"). The reader is only the channel; with no author
 * named, the quote stays unattributed.
 */
function readOut(ctx: AttributionScope, frame: Frame, qi: number): QuoteAttribution | null {
  if (!frame.items.slice(qi + 1).some((i) => i.kind === 'word' && READ_VERBS.has(i.token.lower))) return null;
  const sentence = ctx.layout.sentences[frame.sentence];
  if (sentence === undefined) return null;
  const previous = ctx.layout.sentences[frame.sentence - 1];
  const from = previous !== undefined && previous.paragraph >= sentence.paragraph - 1 ? previous.first : sentence.first;
  for (let i = sentence.last; i >= from; i -= 1) {
    const t = ctx.layout.tokens[i] as Token;
    if (t.quote !== null || !READ_TEXTS.has(t.lower)) continue;
    const author = authorOf(ctx, i);
    if (author === null) continue;
    const phrase: NounPhrase = { mentions: [author], generic: null, firstItem: qi, lastItem: qi, spokesperson: false, how: 'after' };
    return { phrase, verb: null, rule: 'read-out', readFrom: t.lower };
  }
  return null;
}

/** The person who wrote the text named by token `i`: "Vrana's letter", "a letter from (the jailed editor) Tomas Vrana". */
function authorOf(ctx: AttributionScope, i: number): Mention | null {
  const isPerson = (m: Mention | null): m is Mention => m !== null && m.kind === 'name' && m.entity !== null && m.entity.type !== 'Organization';
  const owner = ctx.mentions.endingAt(i - 1);
  if (isPerson(owner) && owner.possessive) return owner;
  const tokens = ctx.layout.tokens;
  if (!['from', 'by'].includes(tokens[i + 1]?.lower ?? '')) return null;
  for (let k = i + 2; k < Math.min(tokens.length, i + 2 + AUTHOR_WITHIN); k += 1) {
    const m = ctx.mentions.startingAt(k);
    if (isPerson(m)) return m;
    // "the jailed editor": a participle describes the author; any other verb ends the phrase.
    const t = tokens[k] as Token;
    if (t.tags.has('Verb') && !(t.lower.endsWith('ed') && !BE_FORMS.has(tokens[k - 1]?.lower ?? ''))) return null;
  }
  return null;
}

/**
 * "‘Oh, we don’t like that law.’ I said, ‘Well, …’": after a quote that ends a sentence, a
 * speaker and verb (and its listener) followed by a comma or colon and another quote
 * introduce that quote.
 */
function introducesNextQuote(ctx: AttributionScope, frame: Frame, qi: number): boolean {
  const item = frame.items[qi];
  if (item?.kind !== 'quote' || !/[.!?…]$/.test(text(ctx).slice(item.quote.start, item.quote.end))) return false;
  for (let v = qi + 1; v < Math.min(frame.items.length, qi + 8); v += 1) {
    if (frame.items[v]?.kind === 'quote') return false;
    if (speechVerbAt(ctx, frame, v, { afterQuote: true }) === null) continue;
    // The verb's listener may come between ("I told them, ‘…’").
    for (let q = v + 1; q < Math.min(frame.items.length, v + 4); q += 1) {
      if (frame.items[q]?.kind === 'quote') return /^[,:]\s*$/.test(gapText(ctx, frame, q - 1, q));
      if (/[.;!?]/.test(gapText(ctx, frame, q - 1, q))) return false;
    }
    return false;
  }
  return false;
}

/**
 * DIRECT for a quote that is a whole utterance: it opens the sentence, follows a colon or a
 * speech verb ("he said ‘let’s pause …’", "telling Fox, “I think …”"); PARTIAL for words
 * woven into the reporting sentence ("warned the move “will have an immediate impact” on").
 */
export function quoteKind(ctx: AttributionScope, frame: Frame, qi: number): 'DIRECT' | 'PARTIAL' {
  const item = frame.items[qi];
  if (item === undefined || item.kind !== 'quote') return 'PARTIAL';
  const words = text(ctx).slice(item.quote.start, item.quote.end);
  if (!frame.items.slice(0, qi).some((i) => i.kind === 'word')) {
    if (qi + 1 >= frame.items.length || /[,.!?…—–-]$/.test(words) || /^\s*[,—–]/.test(gapText(ctx, frame, qi, qi + 1))) return 'DIRECT';
    return speechVerbAt(ctx, frame, qi + 1, { afterQuote: true }) !== null || ctx.mentions.startingAt((wordAt(frame, qi + 1) as Token | null)?.index ?? -1) !== null ? 'DIRECT' : 'PARTIAL';
  }
  const gap = gapText(ctx, frame, qi - 1, qi);
  if (/:/.test(gap)) return 'DIRECT';
  if (frame.items[qi - 1]?.kind === 'quote') return 'DIRECT';
  if (/,/.test(gap)) {
    for (let k = qi - 1; k >= Math.max(0, qi - 4); k -= 1) if (speechVerbAt(ctx, frame, k, { afterQuote: true }) !== null) return 'DIRECT';
    return /^\p{Lu}/u.test(words) ? 'DIRECT' : 'PARTIAL';
  }
  const prev = wordAt(frame, qi - 1);
  if (prev !== null && speechVerb(prev.lower) !== null && !['called', 'describe', 'described', 'describing', 'calling'].includes(prev.lower)) return 'DIRECT';
  return 'PARTIAL';
}

/** Where and through whom the words reached the article, as one sentence says it. */
