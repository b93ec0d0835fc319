/**
 * The passes over an article's drafts once every sentence is drafted: venues and outlets
 * carried over from what a draft continues, the show a guest spoke on, and a standfirst's
 * quote dropped where the body quotes the same words in full.
 */
import type { Paragraph } from './layout';
import type { DocEntity } from './mentions';
import type { Speaker } from './frame';
import type { Draft, Drafter } from './drafts';

/**
 * Venues and outlets carry over: a continuation or "added" keeps the venue and outlets of
 * what it continues; the next statement by the same speaker keeps the outlets that report
 * the passage ("according to the FT"); a quote inside a quote keeps the outer one's outlets.
 * Returns the drafts in document order.
 */
export function carryOver(drafts: readonly Draft[]): Draft[] {
  const ordered = [...drafts].sort((a, b) => a.start - b.start || (a.parent === null ? -1 : 1));
  let previous: Draft | null = null;
  const lastBySpeakers = new Map<string, Draft>();
  const speakersKey = (d: Draft): string => d.speakers.map((s) => s.entity.serial).sort((a, b) => a - b).join(',');
  for (const d of ordered) {
    if (d.parent !== null) {
      d.outer = [...new Set([...d.parent.outer, ...d.parent.venueOutlets, ...d.outer])];
      if (d.outer.length > 0) d.flags.push('outlet-inherited');
      continue;
    }
    // The last draft whose speakers are among this one's: the same set, or one of them alone.
    const candidates = [speakersKey(d), ...d.speakers.map((s) => String(s.entity.serial))].flatMap((k) => lastBySpeakers.get(k) ?? []);
    const bySame = candidates.reduce<Draft | null>((a, b) => (a === null || b.start > a.start ? b : a), null);
    const lastBySpeaker = bySame !== null && d.paragraph - bySame.paragraph <= 2 ? bySame : null;
    const source = d.inherit === 'continuation' ? d.from : d.lemma === 'add' || d.lemma === 'continue' ? lastBySpeaker : null;
    if (source !== null) inheritFrom(d, source);
    else if (previous !== null && sameSpeakers(previous, d) && d.outer.length === 0 && d.venueOutlets.length === 0 && previous.outer.length > 0 && d.paragraph - previous.paragraph <= 1) {
      d.outer = [...previous.outer];
      d.flags.push('outlet-inherited');
    }
    lastBySpeakers.set(speakersKey(d), d);
    previous = d;
  }
  return ordered;
}

/**
 * An interview on a show: whoever speaks in the sentence that names the show, or in the next
 * sentence of its paragraph, said on that show what the article quotes them saying without
 * another venue.
 */
export function showVenues(drafts: readonly Draft[], shows: Drafter['shows']): void {
  const guests = new Map<DocEntity, string>();
  for (const show of shows) {
    for (const d of drafts) {
      if (d.sentence !== show.sentence && !(d.sentence === show.sentence + 1 && d.paragraph === show.paragraph)) continue;
      for (const s of d.speakers) if (!guests.has(s.entity)) guests.set(s.entity, show.title);
    }
  }
  for (const d of drafts) {
    const show = d.speakers.length === 1 ? guests.get((d.speakers[0] as Speaker).entity) : undefined;
    if (d.venue !== null || show === undefined) continue;
    d.venue = show;
    d.flags.push('venue-show');
  }
}

const sameSpeakers = (a: Draft, d: Draft): boolean => a.speakers.length > 0 && a.speakers.every((s) => d.speakers.some((t) => t.entity === s.entity));

function inheritFrom(d: Draft, source: Draft): void {
  if (d.venue === null && source.venue !== null) {
    d.venue = source.venue;
    d.flags.push('venue-inherited', ...source.flags.filter((f) => f === 'venue-aired'));
  }
  if (d.outer.length === 0 && d.venueOutlets.length === 0 && source.outer.length + source.venueOutlets.length > 0) {
    d.outer = [...source.outer];
    d.venueOutlets = [...source.venueOutlets];
    d.flags.push('outlet-inherited');
  }
}

/** A phrase shorter than this may be quoted twice on purpose: a lede weaves it in, the body gives the full sentence later. */
const REPEAT_MIN_WORDS = 10;

const quoteWords = (text: string): string => text.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim();

/**
 * A standfirst or summary that repeats words the body quotes again, in full, from the same
 * speaker is one statement, not two: the body's quote is kept, where the words are given in
 * their context. Short fragments may be quoted twice on purpose and are kept; a whole
 * quote with no closing punctuation, alone in its paragraph (a subheading: "‘They heard a
 * bang’"), is not a fragment woven into a sentence, and goes whatever its length.
 */
export function withoutRepeats(drafts: readonly Draft[], paragraphs: readonly Paragraph[]): Draft[] {
  const later = new Map<number, string[]>();
  const laterByAnyone: string[] = [];
  const repeated = new Set<Draft>();
  const within = (words: string) => (w: string): boolean => ` ${w} `.includes(` ${words} `);
  for (let k = drafts.length - 1; k >= 0; k -= 1) {
    const d = drafts[k] as Draft;
    if (d.quote === null || d.parent !== null) continue;
    const words = quoteWords(d.text);
    const serials = d.speakers.map((s) => s.entity.serial);
    const long = words.split(' ').length >= REPEAT_MIN_WORDS;
    // A subheading is nobody's statement, so whoever the rules gave it to does not matter.
    // Only a paragraph that is nothing but the quote: a quote in a sentence ('‘No’, she said')
    // may end without punctuation inside its marks and still be someone's words.
    const heading = d.kind === 'DIRECT' && paragraphs[d.paragraph]?.quoteOnly === true && /[\p{L}\p{N}]$/u.test(d.text);
    if ((heading && laterByAnyone.some(within(words))) || (long && serials.some((serial) => (later.get(serial) ?? []).some(within(words))))) repeated.add(d);
    for (const serial of serials) later.set(serial, [...(later.get(serial) ?? []), words]);
    laterByAnyone.push(words);
  }
  return drafts.filter((d) => !repeated.has(d) && !(d.parent !== null && repeated.has(d.parent)));
}
