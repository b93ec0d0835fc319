/**
 * Speakers named by a description rather than a name. "a Hartley Council spokesman", "the
 * ministry's spokeswoman": the words are the organisation's, as with "a spokesperson for X".
 * "a senior administration official", "a person familiar with the talks": somebody the
 * article does not name, who by the annotation's convention makes no statement, so the
 * phrase is read as a generic speaker (listed for review, never a guessed name).
 */
import type { Token } from './layout';
import type { Mention } from './mentions';
import { type AttributionScope, type Frame, type NounPhrase, spaced, wordAt } from './frame';

/** Who speaks for a body: "a Boeing spokesman", "the council's spokeswoman". */
const SPOKES_NOUNS = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'representative']);
/** Heads of a description of someone the article does not name. */
const ANONYMOUS_HEADS = new Set(['official', 'source', 'aide', 'adviser', 'advisor', 'insider', 'person', 'diplomat', 'staffer', 'officer', 'executive', 'employee']);
/** Determiners that open such a description: it is one of several, unnamed. */
const INDEFINITE = new Set(['a', 'an', 'one', 'another']);
/** How many words a description may have between its determiner and its head ("a senior White House budget official"). */
const DESCRIPTION_WORDS = 5;

/** The described speaker whose head word is item `j`, or null when the word heads no description. */
export function describedSpeaker(ctx: AttributionScope, frame: Frame, j: number): NounPhrase | null {
  const head = wordAt(frame, j);
  if (head === null) return null;
  if (SPOKES_NOUNS.has(head.lower)) return spokespersonOf(ctx, frame, j);
  if (ANONYMOUS_HEADS.has(head.lower)) return anonymous(ctx, frame, j, head);
  return null;
}

/** "a Hartley Council spokesman": the organisation named right before the noun. */
function spokespersonOf(ctx: AttributionScope, frame: Frame, j: number): NounPhrase | null {
  const before = wordAt(frame, j - 1);
  if (before === null || !spaced(ctx, frame, j - 1, j)) return null;
  const m: Mention | null = ctx.mentions.endingAt(before.index);
  if (m === null || m.kind !== 'name' || m.entity === null || m.entity.type !== 'Organization' || m.entity.outlet) return null;
  let first = frame.itemOfToken.get(m.first) ?? j - 1;
  if (['a', 'an', 'the'].includes(wordAt(frame, first - 1)?.lower ?? '')) first -= 1;
  return { mentions: [m], generic: null, firstItem: first, lastItem: j, spokesperson: true, how: 'before' };
}

/** "a senior administration official", "one person familiar with …": an unnamed speaker. */
function anonymous(ctx: AttributionScope, frame: Frame, j: number, head: Token): NounPhrase | null {
  for (let k = j - 1; k >= Math.max(0, j - DESCRIPTION_WORDS - 1); k -= 1) {
    const w = wordAt(frame, k);
    if (w === null || !spaced(ctx, frame, k, k + 1)) return null;
    if (INDEFINITE.has(w.lower)) {
      const words = ctx.layout.text.slice(w.start, head.end);
      return { mentions: [], generic: words, firstItem: k, lastItem: j, spokesperson: false, how: 'before' };
    }
    if (w.tags.has('Verb') || w.tags.has('Pronoun') || w.tags.has('Preposition')) return null;
  }
  return null;
}
