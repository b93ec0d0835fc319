/**
 * How the attribution rules see a sentence: a *frame* of its words, with each quote inside
 * it folded into a single item, so that "“…,” Waltz told reporters" and "Ratcliffe told Fox
 * Business that Trump “…”" have the same shape however long the quote is; a nested quote is
 * read the same way with the outer quote's words as its frame. Also the scope the rules
 * share (layout, mentions, registry, who has spoken), the shapes they return, and the
 * speech verb at a position of a frame.
 */
import type { Layout, Token } from './layout';
import { BE_FORMS, NEGATIONS, VERB_MODIFIERS, isParticiple, speechVerb, type SpeechVerb } from './lexicon';
import type { DocEntity, Mention, Mentions, Registry, Via } from './mentions';
import { pastClose, type Quote } from './quotes';

export type Item =
  | { readonly kind: 'word'; readonly token: Token; readonly start: number; readonly end: number }
  | { readonly kind: 'quote'; readonly quote: Quote; readonly start: number; readonly end: number };

/** One sentence seen from one level: its own words, and each quote one level down as one item. */
export interface Frame {
  readonly sentence: number;
  /** The quote whose words these are; null for the sentence outside quotes. */
  readonly container: number | null;
  readonly items: readonly Item[];
  readonly itemOfToken: ReadonlyMap<number, number>;
}

export function frameOf(layout: Layout, sentence: number, container: number | null): Frame {
  const s = layout.sentences[sentence];
  const items: Item[] = [];
  const itemOfToken = new Map<number, number>();
  if (s === undefined) return { sentence, container, items, itemOfToken };
  for (let i = s.first; i <= s.last; i += 1) {
    const token = layout.tokens[i] as Token;
    if (token.quote === container) {
      itemOfToken.set(i, items.length);
      items.push({ kind: 'word', token, start: token.start, end: token.end });
      continue;
    }
    // The quote one level below the container that holds this word, if any.
    let q: number | null = token.quote;
    let child: number | null = null;
    while (q !== null) {
      const parent: number | null = (layout.quotes[q] as Quote).parent;
      if (parent === container) {
        child = q;
        break;
      }
      q = parent;
    }
    if (child === null) continue;
    const last = items[items.length - 1];
    if (last?.kind === 'quote' && last.quote.id === child) continue;
    const quote = layout.quotes[child] as Quote;
    items.push({ kind: 'quote', quote, start: quote.open, end: quote.runsOn ? quote.close : pastClose(layout.text, quote) });
  }
  return { sentence, container, items, itemOfToken };
}

/** What the rules need besides the frame: the text, its mentions, the registry, and who has spoken so far. */
export interface AttributionScope {
  readonly layout: Layout;
  readonly mentions: Mentions;
  readonly registry: Registry;
  /** Speakers of the statements made so far, oldest first. */
  readonly history: { readonly speaker: DocEntity; readonly paragraph: number; readonly sentence: number }[];
  readonly pronouns: Map<Mention, Speaker | null>;
}

export interface VerbUse {
  readonly verb: SpeechVerb;
  readonly index: number;
  readonly token: Token;
  readonly participle: boolean;
  /** "… and warned": the subject is the one of the verb before. */
  readonly coordinated: boolean;
}

export interface NounPhrase {
  readonly mentions: readonly Mention[];
  /** "officials", "analysts": somebody, but nobody in particular. */
  readonly generic: string | null;
  readonly firstItem: number;
  readonly lastItem: number;
  /** "a spokesperson for the agency": the words are the agency's. */
  readonly spokesperson: boolean;
  readonly how: 'before' | 'after' | 'appositive' | 'main-clause';
}

export interface Speaker {
  readonly entity: DocEntity;
  readonly via: Via;
  readonly mention: string;
  readonly flags: readonly string[];
}

export type Resolution =
  | { readonly ok: true; readonly speakers: readonly Speaker[] }
  | { readonly ok: false; readonly reason: 'generic' | 'unresolved' | 'outlet'; readonly mention: string | null; readonly outlets: readonly DocEntity[] };

export const text = (ctx: AttributionScope): string => ctx.layout.text;
export const wordAt = (frame: Frame, k: number): Token | null => {
  const item = frame.items[k];
  return item?.kind === 'word' ? item.token : null;
};
export const gapText = (ctx: AttributionScope, frame: Frame, a: number, b: number): string => {
  const x = frame.items[a];
  const y = frame.items[b];
  return x && y ? text(ctx).slice(x.end, y.start) : '';
};
export const spaced = (ctx: AttributionScope, frame: Frame, a: number, b: number): boolean => /^\s*$/.test(gapText(ctx, frame, a, b));
export const isModifier = (t: Token): boolean => VERB_MODIFIERS.has(t.lower) || (t.tags.has('Adverb') && !t.tags.has('QuestionWord')) || NEGATIONS.has(t.lower) || t.tags.has('Negative');

/** How far the words of `needsAfter` may follow their verb: "posted on his social media platform Truth Social that …". */
const NEEDS_AFTER_WINDOW = 10;

/**
 * The speech verb at item `k`, unless it is negated ("declined to say"), passive ("was told")
 * or a participle phrase opening the sentence ("Asked about …"). `afterQuote`: the verb
 * follows a quote in its sentence; `attributing`: it comes right after the quote it would
 * attribute.
 */
/** Words that only go before a noun: "38 other states", "its claims", "both reports". */
const BEFORE_NOUNS = new Set(['other', 'several', 'many', 'both', 'all', 'some', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'such', 'few', 'numerous', 'various']);

/**
 * "38 other U.S. states and the District of Columbia allow it", "its claims": a verb's form
 * that is also a plural noun ("states", "claims", "reports") is the noun after a number, a
 * word that goes before nouns, or a place ("U.S. states", "Gulf states").
 */
function nounAfter(ctx: AttributionScope, frame: Frame, k: number, token: Token): boolean {
  if (!/s$/.test(token.lower) || ['says', 'tells'].includes(token.lower)) return false;
  const prev = wordAt(frame, k - 1);
  if (prev === null || !spaced(ctx, frame, k - 1, k)) return false;
  if (BEFORE_NOUNS.has(prev.lower) || /^\d/.test(prev.text)) return true;
  const named = ctx.mentions.endingAt(prev.index);
  // Initials the text or the graph knows as an organisation ("The U.N. warns that …") are its
  // subject; other initials ("U.S. states") read as nobody's name here.
  if (named?.entity?.type === 'Organization') return false;
  return /^(?:\p{Lu}\.){2,3}$/u.test(prev.text) || named?.kind === 'place';
}

export function speechVerbAt(ctx: AttributionScope, frame: Frame, k: number, options: { afterQuote?: boolean; attributing?: boolean } = {}): VerbUse | null {
  const token = wordAt(frame, k);
  if (token === null) return null;
  const verb = speechVerb(token.lower);
  if (verb === null) return null;
  if (verb.afterQuoteOnly && !options.afterQuote) return null;
  const participle = isParticiple(token.lower);
  // compromise reads some -ing forms as adjectives ("telling"); after a comma they open a clause.
  const clauseOpening = participle && /,\s*$/.test(gapText(ctx, frame, k - 1, k));
  // "Describes the move as …": a summary line's opening verb, which compromise reads as a noun.
  const summaryOpening = k === 0 && !verb.reporting && /^\p{Lu}\p{Ll}+s$/u.test(token.text);
  if (!token.tags.has('Verb') && !clauseOpening && !summaryOpening && !['said', 'says', 'told'].includes(token.lower)) return null;

  let j = k - 1;
  let negated = false;
  while (j >= 0) {
    const w = wordAt(frame, j);
    if (w === null || !spaced(ctx, frame, j, j + 1)) break;
    if (NEGATIONS.has(w.lower) || w.tags.has('Negative')) negated = true;
    if (isModifier(w) || w.lower === 'to' || w.lower === 'declined' || w.lower === 'refused') j -= 1;
    else break;
  }
  if (negated) return null;
  const before = wordAt(frame, j);
  if (before !== null && spaced(ctx, frame, j, j + 1) && BE_FORMS.has(before.lower) && !participle) return null;
  const firstWord = frame.items.findIndex((i) => i.kind === 'word');
  if (k === firstWord && ['asked', 'told', 'pressed', 'questioned', 'reached', 'contacted'].includes(token.lower)) return null;
  if (nounAfter(ctx, frame, k, token)) return null;

  if (verb.needsAfter && !(options.attributing === true && verb.bareAfterQuote === true)) {
    let ok = false;
    for (let n = k + 1; n < Math.min(frame.items.length, k + NEEDS_AFTER_WINDOW); n += 1) {
      const item = frame.items[n] as Item;
      if (item.kind === 'quote') {
        // "booed and called a ‘tw*t’": with no one named between "called" and its article, the
        // subject is the one called the name, not the one who said it.
        ok = (verb.lemma === 'call' && !namedNothing(frame, k, n)) || verb.lemma === 'describe';
        break;
      }
      if (/[:;]/.test(gapText(ctx, frame, n - 1, n))) break;
      if (verb.needsAfter.includes(item.token.lower)) {
        ok = true;
        break;
      }
    }
    if (!ok) return null;
  }
  const prev = wordAt(frame, k - 1);
  const coordinated = prev !== null && ['and', 'but', 'or'].includes(prev.lower) && spaced(ctx, frame, k - 1, k);
  return { verb, index: k, token, participle, coordinated };
}

/** "called a “…”": only an article between the verb at `k` and the quote at `n`. */
function namedNothing(frame: Frame, k: number, n: number): boolean {
  return n === k + 2 && ['a', 'an'].includes(wordAt(frame, k + 1)?.lower ?? '');
}

/** The noun phrase that ends at item `j`: a name, pronoun, title or description; names joined by "and" count as several. */
