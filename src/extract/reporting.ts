/**
 * How the words reached the article, read from the same frame and kept apart: the venue
 * ("told reporters", "in a televised address", "interview with …") and the outlets that
 * report them ("according to the FT", "CNN reported", "per FT", "told Fox Business").
 */
import type { Token } from './layout';
import { VENUE_NOUNS } from './lexicon';
import type { DocEntity, Mention } from './mentions';
import { type Item, type Frame, type AttributionScope, text, wordAt, gapText, spaced, speechVerbAt } from './frame';
import { subjectOf, outletLike, markOutlet, mentionAfter } from './speakers';

export interface Reporting {
  readonly venue: string | null;
  /** Outlets that report the words: "according to the FT", "CNN reported", "per FT". */
  readonly outer: readonly DocEntity[];
  /** Outlets the words were said to: "told Fox Business", "in an interview with …". */
  readonly venueOutlets: readonly DocEntity[];
}

const VENUE_STOP = new Set(['that', 'on', 'in', 'at', 'when', 'after', 'before', 'during', 'about', 'while', 'as', 'last', 'this', 'yesterday', 'today', 'how', 'what', 'why', 'if', 'whether', 'to', 'and', 'but', 'he', 'she', 'they', 'it', 'we', 'i']);

export function reportingOf(ctx: AttributionScope, frame: Frame): Reporting {
  let venue: string | null = null;
  const outer: DocEntity[] = [];
  const venueOutlets: DocEntity[] = [];
  const add = (list: DocEntity[], e: DocEntity): void => {
    if (!list.includes(e)) list.push(e);
  };
  const items = frame.items;
  for (let k = 0; k < items.length; k += 1) {
    const w = wordAt(frame, k);
    if (w === null) continue;
    // told reporters / telling Fox / told BBC Radio Lune
    if (['told', 'telling', 'tells', 'tell'].includes(w.lower) && speechVerbAt(ctx, frame, k, { afterQuote: true }) !== null) {
      const m = mentionAfter(ctx, frame, k + 1);
      if (m !== null && (m.kind === 'name' || m.kind === 'anaphor')) {
        venue ??= `told ${m.text.replace(/^(the|a|an)\s+/i, (d) => d.toLowerCase())}`;
        if (outletLike(ctx, m)) {
          const e = m.kind === 'anaphor' && m.head !== null ? ctx.registry.byAnaphor(m.head, m.start) : m.entity;
          if (e !== null) add(venueOutlets, markOutlet(e));
        }
        continue;
      }
      // The listener: "reporters", "the chamber", "the club's in-house channel".
      const object: Token[] = [];
      for (let n = k + 1; n < Math.min(items.length, k + 6); n += 1) {
        const o = wordAt(frame, n);
        const hyphenBefore = n > k + 1 && /^-$/.test(gapText(ctx, frame, n - 1, n));
        const hyphenAfter = /^-$/.test(gapText(ctx, frame, n, n + 1));
        if (o === null || !(spaced(ctx, frame, n - 1, n) || hyphenBefore)) break;
        if (!hyphenBefore && !hyphenAfter && (VENUE_STOP.has(o.lower) || ['me', 'him', 'her', 'us', 'them', 'you'].includes(o.lower))) break;
        object.push(o);
      }
      const verbal = object.some((o) => o.tags.has('Verb') && !/['’]s$/.test(o.text) && !/-$/.test(text(ctx).slice(o.end, o.end + 1)) && !/^-/.test(text(ctx).slice(o.start - 1, o.start)));
      if (object.length > 0 && !verbal) venue ??= `told ${text(ctx).slice((object[0] as Token).start, (object[object.length - 1] as Token).end)}`;
      continue;
    }
    // speaking to BBC Radio Dunmore / talking to reporters
    if (['speaking', 'talking', 'writing'].includes(w.lower) && ['to', 'with', 'in'].includes(wordAt(frame, k + 1)?.lower ?? '')) {
      const m = mentionAfter(ctx, frame, k + 2);
      if (m !== null && m.kind === 'name') {
        venue ??= `${w.lower} ${(wordAt(frame, k + 1) as Token).lower} ${m.text}`;
        if (outletLike(ctx, m) && m.entity !== null) add(venueOutlets, markOutlet(m.entity));
      }
      continue;
    }
    // in a televised address / in an interview with Deutschlandfunk / on the Terrace Talk podcast
    if (['in', 'during', 'at', 'on'].includes(w.lower)) {
      let n = k + 1;
      if (['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(wordAt(frame, n)?.lower ?? '')) n += 1;
      const from = n;
      while (n < Math.min(items.length, from + 4) && wordAt(frame, n) !== null && spaced(ctx, frame, n - 1, n) && !VENUE_NOUNS.has((wordAt(frame, n) as Token).lower)) n += 1;
      const noun = wordAt(frame, n);
      if (noun === null || !VENUE_NOUNS.has(noun.lower) || !spaced(ctx, frame, n - 1, n) || n === k + 1) continue;
      if (from < n && ((wordAt(frame, from) as Token).tags.has('Date') || (wordAt(frame, from) as Token).tags.has('Value'))) continue;
      let phrase = text(ctx).slice((items[from] as Item).start, noun.end);
      const prep = wordAt(frame, n + 1);
      if (prep !== null && ['with', 'on', 'to'].includes(prep.lower) && spaced(ctx, frame, n, n + 1)) {
        const m = mentionAfter(ctx, frame, n + 2);
        if (m !== null && m.kind === 'name') {
          const the = wordAt(frame, n + 2)?.lower === 'the' ? 'the ' : '';
          phrase = `${phrase} ${prep.lower} ${the}${m.text}`;
          if (['interview', 'broadcast'].includes(noun.lower) && outletLike(ctx, m) && m.entity !== null) add(venueOutlets, markOutlet(m.entity));
        } else {
          // "a statement on the club's website": up to four words, no verb, no new clause.
          const words: Token[] = [];
          for (let x = n + 2; x < Math.min(items.length, n + 6); x += 1) {
            const o = wordAt(frame, x);
            if (o === null || !spaced(ctx, frame, x - 1, x) || o.tags.has('Verb') || VENUE_STOP.has(o.lower) || o.tags.has('Date')) break;
            words.push(o);
          }
          const lastWord = words[words.length - 1];
          if (lastWord !== undefined && lastWord.tags.has('Noun')) phrase = `${phrase} ${prep.lower} ${text(ctx).slice((words[0] as Token).start, lastWord.end)}`;
        }
      }
      venue ??= phrase;
      continue;
    }
    // according to the FT / per FT
    if ((w.lower === 'according' && wordAt(frame, k + 1)?.lower === 'to') || w.lower === 'per') {
      const m = mentionAfter(ctx, frame, w.lower === 'per' ? k + 1 : k + 2);
      if (m !== null && outletLike(ctx, m)) {
        const e = m.kind === 'anaphor' && m.head !== null ? ctx.registry.byAnaphor(m.head, m.start) : m.entity;
        if (e !== null) add(outer, markOutlet(e));
      }
      continue;
    }
    // CNN reported / FT highlighted / as reported by Reuters
    const use = speechVerbAt(ctx, frame, k, { afterQuote: true });
    if (use !== null && use.verb.reporting) {
      const by = wordAt(frame, k + 1)?.lower === 'by' ? mentionAfter(ctx, frame, k + 2) : null;
      const np = by === null ? subjectOf(ctx, frame, use) : null;
      const m = by ?? (np !== null && np.mentions.length === 1 ? (np.mentions[0] as Mention) : null);
      if (m !== null && outletLike(ctx, m)) {
        const e = m.kind === 'anaphor' && m.head !== null ? ctx.registry.byAnaphor(m.head, m.start) : m.entity;
        if (e !== null) add(outer, markOutlet(e));
      }
    }
  }
  return { venue, outer, venueOutlets };
}

/** A paraphrase found in a frame: the speech verb, its speakers, and the words it reports. */
