/**
 * When a statement was said, as against the occasion its speaker is known for: a sentence
 * that opens on a time of its own ("After the visit, she said …") or dates its verb to
 * another day than the occasion's sentence ("said early Saturday" after "Late Friday, … issued
 * video taped remarks") tells of words said some other time, which occasion.ts does not give
 * the occasion.
 */
import type { Draft } from './drafts';
import type { Layout, Token } from './layout';
import { holding } from './sorted';

/**
 * Words that, opening a sentence, set what it reports at a time of its own: "After the visit,
 * she said …", "Before the vote, …". Not "since", as often a reason ("Since the bridge was
 * closed, …") as a time.
 */
const OPENING_TIME = new Set(['after', 'afterwards', 'later', 'earlier', 'before', 'previously']);

/** Words after "after" that make it no time of its own: "After all, …", "After a pause, she said …" (at the same occasion). */
const NOT_A_TIME_AFTER = new Set(['all', 'a']);

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/**
 * Whether a statement is set apart from an occasion told of at `occasionStart`: its
 * attribution comes after an opening time of its own ("After the visit, she said: …"), or
 * its verb is dated to a day other than the one the occasion's sentence names ("Late Friday,
 * Prigozhin issued video taped remarks" before "Prigozhin said early Saturday …"). Said some
 * other time, the words may have been said anywhere.
 */
export function setApart(layout: Layout, d: Draft, occasionStart: number): boolean {
  const s = layout.sentences[d.sentence];
  const occasionSentence = sentenceAt(layout, occasionStart);
  if (s === undefined || d.verb === null || occasionSentence === d.sentence) return false;
  const opening = layout.tokens[s.first];
  // "Before they could assess the damage, crews were “…,” he added": an opening inside the words reported sets nothing apart.
  if (opening !== undefined && opening.quote === null && opensOnTime(layout, opening) && d.verb.start < d.start) return true;
  const day = dayAfterVerb(layout, d.verb);
  const other = day === null ? null : dayIn(layout, occasionSentence);
  return day !== null && other !== null && day !== other;
}

/** Whether a sentence's first word sets a time of its own: "After the visit", not "After all" or "After a pause". */
function opensOnTime(layout: Layout, opening: Token): boolean {
  if (!OPENING_TIME.has(opening.lower)) return false;
  const next = layout.tokens[opening.index + 1];
  return opening.lower !== 'after' || next === undefined || !NOT_A_TIME_AFTER.has(next.lower);
}

/** How many words after its verb a statement's day may come: "said early Saturday", "said on Monday". */
const DAY_AFTER_VERB = 3;

/** A weekday, not a day's possessive ("Saturday’s bloodshed" names another event's day). */
const weekday = (t: Token): boolean => t.quote === null && WEEKDAYS.has(t.lower);

/** The weekday right after a verb of saying ("said early Saturday"), or null. */
function dayAfterVerb(layout: Layout, verb: Token): string | null {
  for (let i = verb.index + 1; i <= verb.index + DAY_AFTER_VERB; i += 1) {
    const t = layout.tokens[i];
    if (t === undefined || t.sentence !== verb.sentence || t.quote !== null) return null;
    if (weekday(t)) return t.lower;
  }
  return null;
}

/**
 * The weekday a sentence names outside its quotes, or null; null too when it names two
 * ("X, who toured on Sunday, held a press conference on Monday"), since which is the
 * occasion's is not known.
 */
function dayIn(layout: Layout, sentence: number): string | null {
  const s = layout.sentences[sentence];
  if (s === undefined) return null;
  let day: string | null = null;
  for (let i = s.first; i <= s.last; i += 1) {
    const t = layout.tokens[i] as Token;
    if (!weekday(t) || t.lower === day) continue;
    if (day !== null) return null;
    day = t.lower;
  }
  return day;
}

/** The index of the sentence that holds offset `at`; -1 when `at` comes before every sentence. */
function sentenceAt(layout: Layout, at: number): number {
  const found = holding(layout.sentences, at);
  return (layout.sentences[found]?.start ?? Infinity) <= at ? found : -1;
}
