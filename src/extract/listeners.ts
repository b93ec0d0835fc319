/**
 * Who the words were said to, as a venue: "told reporters", "told BBC Radio Lune", "speaking
 * to CNN", "confirmed to Congress"; an outlet listening is also one the words were given to
 * (reporting.ts reads the other venues and the outlets that report).
 */
import type { Token } from './layout';
import { speechVerb, TITLE_WORDS } from './lexicon';
import type { DocEntity, Mention } from './mentions';
import { type Frame, type AttributionScope, text, wordAt, gapText, spaced, speechVerbAt } from './frame';
import { outletLike, markOutlet, mentionAfter, entityOf } from './speakers';

export const VENUE_STOP = new Set(['that', 'on', 'in', 'at', 'when', 'after', 'before', 'during', 'about', 'while', 'as', 'last', 'this', 'yesterday', 'today', 'how', 'what', 'why', 'if', 'whether', 'to', 'and', 'but', 'he', 'she', 'they', 'it', 'we', 'i']);

/** What the readers of a sentence's venue have found so far. */
export interface Found {
  venue: string | null;
  /**
   * The venue is one a more telling one later in the sentence replaces: a time frame ("During
   * the news conference, X announced on Facebook"), or the person the words were told to
   * ("told correspondent Jacob Soboroff in an interview on MSNBC").
   */
  replaceable: boolean;
  /** The venue is the verb's own ("posted on Facebook during the town hall"): no occasion named elsewhere replaces it. */
  bound: boolean;
  /**
   * The venue is a plain listener ("told reporters"): the item right after it, where an
   * occasion ("during a Wednesday briefing") would join it; null otherwise.
   */
  listenerNext: number | null;
  /** The outlet of a "told ABC News", for an interview the sentence names after it ("told ABC News in an interview"). */
  toldOutlet: string | null;
  backReference: string | null;
  aired: boolean;
  readonly outer: DocEntity[];
  readonly venueOutlets: DocEntity[];
}

export function addOnce(list: DocEntity[], e: DocEntity): void {
  if (!list.includes(e)) list.push(e);
}

/** "told reporters", "telling Fox", "told BBC Radio Lune"; true when word `k` is such a "told". */
export function toldAt(ctx: AttributionScope, frame: Frame, k: number, w: Token, found: Found): boolean {
  if (!['told', 'telling', 'tells', 'tell'].includes(w.lower) || speechVerbAt(ctx, frame, k, { afterQuote: true }) === null) return false;
  const m = mentionAfter(ctx, frame, k + 1);
  if (m !== null && (m.kind === 'name' || m.kind === 'anaphor')) {
    const outlet = outletLike(ctx, m);
    if (found.venue === null) {
      found.venue = `told ${listenerName(ctx, w, m)}`;
      found.replaceable = !outlet;
      if (outlet) found.toldOutlet = listenerName(ctx, w, m);
    }
    if (outlet) {
      const e = entityOf(ctx, m);
      if (e !== null) addOnce(found.venueOutlets, markOutlet(e));
    }
    return true;
  }
  const object = listenerAfter(ctx, frame, k);
  if (object.length > 0 && !isClause(ctx, frame, k, object) && found.venue === null) {
    found.venue = `told ${text(ctx).slice((object[0] as Token).start, (object[object.length - 1] as Token).end)}`;
    found.listenerNext = k + 1 + object.length;
  }
  return true;
}

/**
 * The listener as the venue names it: "the Washington Examiner" with the article the text
 * gives it, "Radio Corran" without the possessive of "Radio Corran's Anna Pike".
 */
function listenerName(ctx: AttributionScope, told: Token, m: Mention): string {
  const the = /^\s+the\s+$/i.test(text(ctx).slice(told.end, m.start)) ? 'the ' : '';
  return `${the}${m.text.replace(/^(the|a|an)\s+/i, (d) => d.toLowerCase())}`.replace(/['’]s$/, '');
}

/** Determiners that open a new noun phrase, and so the clause told, once a listener has begun. */
const CLAUSE_OPENERS = new Set(['the', 'a', 'an', 'his', 'its', 'their', 'our', 'my', 'your', 'this', 'these', 'those', 'some', 'no', 'all', 'there']);
/** Words that place a listener and take a determiner after them, whatever the tagger calls them: "a crowd outside the stadium". */
const PLACE_WORDS_BEFORE = new Set(['outside', 'inside', 'near', 'at', 'in', 'on', 'of', 'from', 'behind', 'beside']);
/** Object pronouns: "told him the bridge would …". */
const OBJECT_PRONOUNS = new Set(['me', 'him', 'her', 'us', 'them', 'you']);

/**
 * The item where what "told" at `k` reports begins when no "that" marks it: after the
 * listener ("told reporters the bridge would …", "told CNN the pumps …", "told him it …").
 */
export function afterListener(ctx: AttributionScope, frame: Frame, k: number): number {
  const m = mentionAfter(ctx, frame, k + 1);
  if (m !== null && (m.kind === 'name' || m.kind === 'anaphor')) return (frame.itemOfToken.get(m.last) ?? k) + 1;
  if (OBJECT_PRONOUNS.has(wordAt(frame, k + 1)?.lower ?? '')) return k + 2;
  const object = listenerAfter(ctx, frame, k);
  return isClause(ctx, frame, k, object) ? k + 1 : k + 1 + object.length;
}

/**
 * Whether the words after "told" at `k` hold a verb, and so are what was told rather than who
 * listened: a gerund only when it takes an object ("told residents fleeing the fire to …"),
 * not as a noun ("told the media briefing today …"); a possessive or a hyphenated word is no verb.
 */
function isClause(ctx: AttributionScope, frame: Frame, k: number, object: readonly Token[]): boolean {
  const after = wordAt(frame, k + 1 + object.length);
  return object.some((o, i) => {
    if (!o.tags.has('Verb') || /['’]s$/.test(o.text) || /-$/.test(text(ctx).slice(o.end, o.end + 1)) || /^-/.test(text(ctx).slice(o.start - 1, o.start))) return false;
    return !o.tags.has('Gerund') || (i === object.length - 1 && CLAUSE_OPENERS.has(after?.lower ?? ''));
  });
}

/** The listener after "told" at `k`: "reporters", "the chamber", "the club's in-house channel". */
function listenerAfter(ctx: AttributionScope, frame: Frame, k: number): Token[] {
  const object: Token[] = [];
  for (let n = k + 1; n < Math.min(frame.items.length, k + 6); n += 1) {
    const o = wordAt(frame, n);
    const hyphenBefore = n > k + 1 && /^-$/.test(gapText(ctx, frame, n - 1, n));
    const hyphenAfter = /^-$/.test(gapText(ctx, frame, n, n + 1));
    if (o === null || !(spaced(ctx, frame, n - 1, n) || hyphenBefore)) break;
    if (!hyphenBefore && !hyphenAfter && (VENUE_STOP.has(o.lower) || OBJECT_PRONOUNS.has(o.lower))) break;
    // "told a congressional committee Thursday": the day is when, not who listened; "told
    // reporters the bridge would …": a determiner after the listener opens what was said, but
    // not after a preposition ("told a meeting of the board").
    const last = object[object.length - 1];
    const afterPreposition = last !== undefined && (last.tags.has('Preposition') || PLACE_WORDS_BEFORE.has(last.lower));
    if (object.length > 0 && (o.tags.has('Date') || (CLAUSE_OPENERS.has(o.lower) && !afterPreposition))) break;
    object.push(o);
  }
  return object;
}

/** Verbs of talking to someone: "speaking to BBC Radio Dunmore", "talking to reporters". */
const TALKING = new Set(['speaking', 'talking', 'writing']);
/**
 * Finite forms, which are as often what a statement reports ("he had spoken with Xi") as how
 * it was made: only a plain listener ("Trump spoke to reporters") or an outlet makes them a venue.
 */
const TALKED = new Set(['spoke', 'talked']);
/** Listeners named by a plain noun: "spoke to reporters", "talking with the press". */
const LISTENERS = new Set(['reporters', 'journalists', 'press', 'media', 'supporters', 'crowd', 'residents', 'lawmakers', 'students', 'workers', 'members']);

/** "speaking to BBC Radio Dunmore", "talking to reporters", "spoke with the press"; true when word `k` starts one. */
export function speakingToAt(ctx: AttributionScope, frame: Frame, k: number, w: Token, found: Found): boolean {
  if (!(TALKING.has(w.lower) || TALKED.has(w.lower)) || !['to', 'with', 'in'].includes(wordAt(frame, k + 1)?.lower ?? '')) return false;
  const prep = (wordAt(frame, k + 1) as Token).lower;
  const m = mentionAfter(ctx, frame, k + 2);
  const outlet = m !== null && !describedByOffice(ctx, m) && outletLike(ctx, m);
  if (m !== null && m.kind === 'name' && (TALKING.has(w.lower) || outlet)) {
    found.venue ??= `${w.lower} ${prep} ${m.text}`;
    if (outlet && m.entity !== null) addOnce(found.venueOutlets, markOutlet(m.entity));
    return true;
  }
  const plain = prep === 'in' ? null : plainListenerAt(ctx, frame, k + 2);
  if (plain !== null && found.venue === null) {
    found.venue = `${w.lower} ${prep} ${plain.words}`;
    // "spoke to reporters at a press conference": the listeners and the occasion, one venue, as "told reporters at …" is.
    found.listenerNext = plain.next;
  }
  return true;
}

/** A listener named by a plain noun from item `at` ("reporters", "the press"): its words and the item after it; null when there is none. */
function plainListenerAt(ctx: AttributionScope, frame: Frame, at: number): { words: string; next: number } | null {
  const the = wordAt(frame, at)?.lower === 'the' ? 1 : 0;
  const listener = wordAt(frame, at + the);
  if (listener === null || !LISTENERS.has(listener.lower) || !spaced(ctx, frame, at - 1 + the, at + the)) return null;
  return { words: `${the === 1 ? 'the ' : ''}${listener.lower}`, next: at + 1 + the };
}

/** How many words an appositive's office may come after its article: "the (deputy) commissioner", "the head of the fire brigade". */
const OFFICE_WITHIN = 3;

/**
 * "spoke to Dany Cotton, the commissioner of the London Fire Brigade": a name the sentence
 * goes on to describe by an office is someone who holds it, a person the speaker met, not an
 * outlet that carried the words, however unknown the name.
 */
function describedByOffice(ctx: AttributionScope, m: Mention): boolean {
  const tokens = ctx.layout.tokens;
  // The appositive may follow the name or be read into its mention ("Dany Cotton, the commissioner of the London Fire Brigade").
  for (let j = m.first + 1; j <= m.last + 1 && j < tokens.length; j += 1) {
    const article = tokens[j] as Token;
    if (!/^\s*,\s*$/.test(ctx.layout.text.slice((tokens[j - 1] as Token).end, article.start))) continue;
    if (!['the', 'a', 'an'].includes(article.lower)) return false;
    for (let x = j + 1; x <= j + OFFICE_WITHIN && x < tokens.length; x += 1) {
      const t = tokens[x] as Token;
      if (t.sentence !== article.sentence) return false;
      if (TITLE_WORDS.has(t.lower)) return closedAfter(ctx, x);
    }
    return false;
  }
  return false;
}

/**
 * Whether the office at token `x` ends an aside: a comma or the sentence's end comes before
 * any speech verb. "Speaking to CNN, the minister said" has the office as the main clause's
 * subject, and CNN stays the outlet.
 */
function closedAfter(ctx: AttributionScope, x: number): boolean {
  const tokens = ctx.layout.tokens;
  const office = tokens[x] as Token;
  for (let y = x + 1; y < tokens.length; y += 1) {
    const t = tokens[y] as Token;
    if (t.sentence !== office.sentence || /,/.test(ctx.layout.text.slice((tokens[y - 1] as Token).end, t.start))) return true;
    if (t.tags.has('Verb') && speechVerb(t.lower) !== null) return false;
  }
  return true;
}

/**
 * Speech verbs whose "to" does not name a listener: a reply or a letter is to someone but is
 * not said in their hearing ("responded to Trump", "wrote to the Senate"), and the rest take
 * an infinitive ("vowed to rebuild") or name where a thing goes ("added to the list").
 */
const NOT_TO_A_LISTENER = new Set(['tell', 'write', 'post', 'tweet', 'testify', 'add', 'continue', 'promise', 'pledge', 'vow', 'threaten', 'respond', 'reply', 'report']);

/**
 * "confirmed to Congress", "suggested to NBC News", "explained to lawmakers": a verb of saying
 * right before "to" and a name or a plain listener names who heard the words, as "told" does;
 * an outlet there is one the words were given to. True when word `k` is such a verb.
 */
export function saidToAt(ctx: AttributionScope, frame: Frame, k: number, w: Token, found: Found): boolean {
  if (wordAt(frame, k + 1)?.lower !== 'to' || !spaced(ctx, frame, k, k + 1)) return false;
  const use = speechVerbAt(ctx, frame, k, { afterQuote: true });
  if (use === null || use.verb.takesObject === true || NOT_TO_A_LISTENER.has(use.verb.lemma)) return false;
  const m = mentionAfter(ctx, frame, k + 2);
  if (m !== null && m.kind === 'name') {
    const outlet = outletLike(ctx, m);
    if (found.venue === null) {
      found.venue = `${w.lower} to ${listenerName(ctx, wordAt(frame, k + 1) as Token, m)}`;
      found.replaceable = !outlet;
    }
    const e = outlet ? entityOf(ctx, m) : null;
    if (e !== null) addOnce(found.venueOutlets, markOutlet(e));
    return true;
  }
  const plain = plainListenerAt(ctx, frame, k + 2);
  if (plain === null) return false;
  if (found.venue === null) {
    found.venue = `${w.lower} to ${plain.words}`;
    found.listenerNext = plain.next;
  }
  return true;
}
