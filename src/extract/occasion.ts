/**
 * The occasion of a passage: an article that quotes someone from an interview, a briefing
 * or a press conference names the occasion once ("Bessent told reporters", "said in an
 * interview with Fox News") and then goes on quoting without repeating it. A statement of
 * the same speaker with no venue of its own was said on the occasion the article named
 * last for that speaker, within a few paragraphs; the outlets the words were said to ("told
 * Fox Business") come with the occasion. Only a verb that goes on reporting the same
 * conversation carries it. A statement made before any occasion is named keeps none: the
 * lede's "X confirmed Wednesday" may well come from elsewhere.
 *
 * A speaker's next occasion ends the one before; a statement quoted inside another keeps
 * its outer quote's venue rules (drafts.ts); a statement of several speakers is left alone.
 */
import type { Draft } from './drafts';
import type { Layout } from './layout';
import type { DocEntity } from './mentions';

/** How many paragraphs of reporting after a speaker's last statement on an occasion that occasion still holds. */
const AFTER = 4;

interface Occasion {
  readonly venue: string;
  readonly venueOutlets: readonly DocEntity[];
}

/**
 * The verbs that go on reporting one conversation ("he said", "she added"); a verb that
 * reports a new act of speech ("he also mentioned", "she announced", "he indicated") may
 * begin another occasion and takes none.
 */
const GOING_ON = new Set(['say', 'add', 'continue', 'tell']);

const goesOn = (d: Draft): boolean => d.lemma === null || GOING_ON.has(d.lemma);

const speakerOf = (d: Draft): DocEntity | null => (d.parent === null && d.speakers.length === 1 ? (d.speakers[0] as { entity: DocEntity }).entity : null);

/** Gives each statement without a venue its speaker's occasion; `drafts` in document order. */
export function carryOccasions(drafts: readonly Draft[], layout: Layout): void {
  const at = reportingIndex(layout);
  const last = new Map<DocEntity, { occasion: Occasion; paragraph: number }>();
  const previous = new Map<DocEntity, Draft>();
  for (const d of drafts) {
    const speaker = speakerOf(d);
    if (speaker === null) continue;
    // Someone else's words end the passage: what the speaker says after them may come from anywhere.
    for (const other of last.keys()) if (other !== speaker) last.delete(other);
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

/** A draft's paragraph counted in paragraphs of reporting: blank lines, captions and other furniture do not part a passage. */
function reportingIndex(layout: Layout): (d: Draft) => number {
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
