/**
 * The occasion of a passage: an article that quotes someone from an interview, a briefing
 * or a press conference names the occasion once ("Bessent told reporters", "said in an
 * interview with Fox News") and then goes on quoting without repeating it. A statement of
 * the same speaker with no venue of its own was said on the occasion the article named
 * last for that speaker, within a few paragraphs; the outlets the words were said to ("told
 * Fox Business") come with the occasion. Only a verb that goes on reporting the same
 * conversation carries it. A statement made before any occasion is named keeps none: the
 * lede's "X confirmed Wednesday" may well come from elsewhere. A sentence that only says a
 * person appeared on a show ("X spoke with Robert Costa on Face the Nation") names an
 * occasion too.
 *
 * A speaker's next occasion ends the one before, and so do someone else's words on an
 * occasion of their own; a statement quoted inside another keeps
 * its outer quote's venue rules (drafts.ts); a statement of several speakers is left alone.
 */
import type { Draft } from './drafts';
import type { Layout, Token } from './layout';
import type { DocEntity, Mentions } from './mentions';

/** How many paragraphs of reporting after a speaker's last statement on an occasion that occasion still holds. */
const AFTER = 4;

interface Occasion {
  readonly venue: string;
  readonly venueOutlets: readonly DocEntity[];
}

/**
 * The verbs that go on reporting one conversation ("he said", "she added", "he responded:",
 * "she noted"); a verb that
 * reports a new act of speech ("he also mentioned", "she announced", "he indicated") may
 * begin another occasion and takes none.
 */
const GOING_ON = new Set(['say', 'add', 'continue', 'tell', 'respond', 'reply', 'answer', 'note', 'explain']);

const goesOn = (d: Draft): boolean => !d.flags.includes('new-occasion') && (d.lemma === null || GOING_ON.has(d.lemma));

const speakerOf = (d: Draft): DocEntity | null => (d.parent === null && d.speakers.length === 1 ? (d.speakers[0] as { entity: DocEntity }).entity : null);

/** Gives each statement without a venue its speaker's occasion; `drafts` in document order. */
export function carryOccasions(drafts: readonly Draft[], layout: Layout, mentions: Mentions): void {
  const at = reportingIndex(layout);
  const last = new Map<DocEntity, { occasion: Occasion; paragraph: number }>();
  const previous = new Map<DocEntity, Draft>();
  const announced = appearances(layout, mentions);
  let next = 0;
  for (const d of drafts) {
    // "Criswell spoke with Robert Costa on Face the Nation": an occasion named before the words.
    for (; next < announced.length && (announced[next] as Appearance).start < d.start; next += 1) {
      const a = announced[next] as Appearance;
      last.set(a.guest, { occasion: { venue: a.show, venueOutlets: a.outlets }, paragraph: at(a) });
    }
    const speaker = speakerOf(d);
    if (speaker === null) continue;
    // Someone else's words on an occasion of their own end the passage: what the speaker says after them may come from anywhere.
    if (d.venue !== null) for (const other of last.keys()) if (other !== speaker) last.delete(other);
    if (d.venue !== null) {
      const occasion = { venue: d.venue, venueOutlets: d.venueOutlets };
      last.set(speaker, { occasion, paragraph: at(d) });
      previous.set(speaker, d);
      continue;
    }
    const held = last.get(speaker);
    const before = previous.get(speaker);
    previous.set(speaker, d);
    // "…, insisting the pause was needed": a second verb of the same sentence is the same act of speech.
    const sameSentence = before !== undefined && before.sentence === d.sentence && before.venue !== null;
    if (!goesOn(d) && !sameSentence) continue;
    if (held !== undefined && at(d) - held.paragraph <= AFTER) {
      attend(d, held.occasion);
      held.paragraph = at(d);
    }
  }
}

interface Appearance {
  readonly guest: DocEntity;
  readonly show: string;
  /** The show's outlet when the show is named by it ("an interview … had on Fox News"). */
  readonly outlets: readonly DocEntity[];
  readonly start: number;
  readonly paragraph: number;
}

/** The verbs of a guest's appearance on a show, and the preposition before the show's name. */
const APPEARED = new Set(['spoke', 'speaking', 'appeared', 'appearing', 'sat']);
/** The verbs of a witness before a body: "was testifying before a congressional committee". */
const TESTIFIED = new Set(['testifying', 'testified', 'testify', 'testifies']);
/** The verbs of a guest who gave an interview: "an interview X had on Fox News". */
const GAVE = new Set(['had', 'gave', 'did', 'conducted', 'granted']);
/** How many words after the verb the show's "on" may come ("spoke with Robert Costa on …"). */
const SHOW_WITHIN = 6;
/** How many words before "had" the interview it gave may be named. */
const INTERVIEW_WITHIN = 10;

/**
 * Sentences that say a person appeared somewhere the article goes on to quote them from: "X
 * spoke with Robert Costa on Face the Nation Sunday", "X appeared on Meet the Press", "an
 * interview X had on Fox News this morning", "while X was testifying before a congressional
 * committee". The guest is the person named nearest before the verb; the show, the
 * capitalised words after "on" (with "the" between them), or the body after "before".
 */
function appearances(layout: Layout, mentions: Mentions): Appearance[] {
  const out: Appearance[] = [];
  for (const sentence of layout.sentences) {
    if (layout.paragraphs[sentence.paragraph]?.kind !== 'body') continue;
    const words = layout.tokens.slice(sentence.first, sentence.last + 1).filter((t) => t.quote === null);
    const found = occasionIn(words);
    if (found === null) continue;
    const verbStart = (words[found.verb] as Token).start;
    const guest = mentions
      .inSentence(sentence.index)
      .filter((m) => m.kind === 'name' && m.entity?.type === 'Person' && m.end <= verbStart)
      .pop()?.entity;
    if (guest === undefined || guest === null) continue;
    const first = found.words[0] as Token;
    const named = mentions.startingAt(first.index)?.entity;
    const show = layout.source.slice(first.start, (found.words[found.words.length - 1] as Token).end);
    out.push({ guest, show: `${found.prefix}${show}`, outlets: named?.outlet === true ? [named] : [], start: sentence.start, paragraph: sentence.paragraph });
  }
  return out;
}

/** The appearance a sentence's words tell of: the verb's position, the show's or body's words, and how the venue reads. */
function occasionIn(words: readonly Token[]): { verb: number; words: Token[]; prefix: string } | null {
  for (let v = 0; v < words.length; v += 1) {
    const t = words[v] as Token;
    if (APPEARED.has(t.lower)) {
      const on = words.findIndex((o, i) => i > v && i <= v + SHOW_WITHIN && o.lower === 'on');
      const show = on === -1 ? [] : showAfter(words, on + 1);
      if (show.length > 0) return { verb: v, words: show, prefix: '' };
    } else if (TESTIFIED.has(t.lower) && ['before', 'to'].includes(words[v + 1]?.lower ?? '')) {
      const body = bodyAfter(words, v + 2);
      if (body.length > 0) return { verb: v, words: body, prefix: '' };
    } else if (GAVE.has(t.lower) && words[v + 1]?.lower === 'on' && words.slice(Math.max(0, v - INTERVIEW_WITHIN), v).some((o) => o.lower === 'interview')) {
      const show = showAfter(words, v + 2);
      if (show.length > 0) return { verb: v, words: show, prefix: 'interview on ' };
    }
  }
  return null;
}

/** The body a witness appears before, from word `i`: "a congressional committee", "the Senate Finance Committee". */
function bodyAfter(words: readonly Token[], i: number): Token[] {
  const body: Token[] = [];
  let k = ['a', 'an', 'the'].includes(words[i]?.lower ?? '') ? i + 1 : i;
  for (; k < words.length && body.length < 5; k += 1) {
    const t = words[k] as Token;
    if (!(t.tags.has('Noun') || t.tags.has('Adjective')) || t.tags.has('Date') || t.tags.has('Pronoun')) break;
    body.push(t);
  }
  return body;
}

/** The capitalised words of a show's name from word `i` ("Face the Nation"; a weekday ends it). */
function showAfter(words: readonly Token[], i: number): Token[] {
  const show: Token[] = [];
  for (let k = i; k < words.length; k += 1) {
    const t = words[k] as Token;
    const capital = /^\p{Lu}/u.test(t.text) && !t.tags.has('Date');
    if (!(capital || (t.lower === 'the' && show.length > 0))) break;
    show.push(t);
  }
  while (show.length > 0 && (show[show.length - 1] as Token).lower === 'the') show.pop();
  return show.length >= 2 ? show : [];
}

/** A draft's paragraph counted in paragraphs of reporting: blank lines, captions and other furniture do not part a passage. */
function reportingIndex(layout: Layout): (d: { readonly paragraph: number }) => number {
  const index: number[] = [];
  let n = 0;
  for (const p of layout.paragraphs) {
    if (p.kind === 'body' && p.end > p.start) n += 1;
    index.push(n);
  }
  return (d) => index[d.paragraph] ?? n;
}

function attend(d: Draft, occasion: Occasion): void {
  d.venue = occasion.venue;
  d.flags.push('venue-occasion');
  if (d.venueOutlets.length === 0 && d.outer.length === 0 && occasion.venueOutlets.length > 0) {
    d.venueOutlets = [...occasion.venueOutlets];
    d.flags.push('outlet-inherited');
  }
}
