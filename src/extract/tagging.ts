/**
 * Words with their part-of-speech tags, from `compromise` (its lexicon knows first names,
 * honorifics, organisations and verb forms), fed a paragraph at a time; each word keeps its
 * offsets into the text. layout.ts gives the words their paragraphs, quotes and sentences.
 */
import nlp from 'compromise';

/** A word as the tagger read it: its offsets and its tags. */
export interface TaggedWord {
  start: number;
  end: number;
  readonly tags: Set<string>;
}

/** A stretch of the text the tagger reads on its own: a paragraph's line. */
interface Span {
  readonly start: number;
  readonly end: number;
}

interface CompromiseTerm {
  readonly text: string;
  readonly tags: readonly string[];
  readonly offset: { readonly start: number; readonly length: number };
}
interface CompromiseSentence {
  readonly terms: readonly CompromiseTerm[];
}

/**
 * compromise's sentence splitter grows a candidate sentence piece by piece and re-tests it,
 * so its cost is quadratic in the length of a run with no sentence end ("Mr. Mr. Mr. …").
 * It is fed one paragraph at a time, and a paragraph longer than this in pieces cut at the
 * last full stop (or else the last space) before the limit, so its cost stays linear.
 */
const TAGGER_CHUNK = 4_000;

/** Words with their tags; the zero-width words of expanded contractions lend their tags to the word they came from. */
export function taggedWords(text: string, lines: readonly Span[]): TaggedWord[] {
  const out: TaggedWord[] = [];
  for (const line of lines) {
    for (let from = line.start; from < line.end; ) {
      const to = chunkEnd(text, from, line.end);
      tagChunk(text, from, to, out);
      from = to;
    }
  }
  return out;
}

function chunkEnd(text: string, from: number, end: number): number {
  if (end - from <= TAGGER_CHUNK) return end;
  const limit = from + TAGGER_CHUNK;
  const stop = text.lastIndexOf('. ', limit);
  if (stop > from + TAGGER_CHUNK / 2) return stop + 2;
  const space = text.lastIndexOf(' ', limit);
  return space > from ? space + 1 : limit;
}

function tagChunk(text: string, from: number, to: number, out: TaggedWord[]): void {
  // The tagger reads a mark glued between a stop and a capital ("lapse."Cheatle") as a word's
  // inside; it is given a space there (the same length, so offsets hold).
  // A page that lost the space after a stop ("in Texas.Abbott has") gets one in its place.
  const chunk = text.slice(from, to).replace(GLUED_CLOSE, (m) => `${m.charAt(0)} `).replace(GLUED_STOP, '$1 ');
  const sentences = nlp(chunk).json({ offset: true, terms: { offset: true } }) as CompromiseSentence[];
  for (const sentence of sentences) {
    for (const term of sentence.terms) {
      const start = from + term.offset.start;
      const { length } = term.offset;
      const last = out[out.length - 1];
      if (length === 0 || (last !== undefined && start < last.end)) {
        if (last) for (const tag of term.tags) last.tags.add(tag);
        continue;
      }
      // compromise keeps a trailing dot on some abbreviations; a word never ends in a quote mark.
      let end = start + length;
      while (end > start + 1 && QUOTE_CHAR.test(text[end - 1] ?? '')) end -= 1;
      if (!/[\p{L}\p{N}]/u.test(text.slice(start, end))) continue;
      if (last !== undefined && joinsName(text, last, start, end)) {
        last.end = end;
        for (const tag of term.tags) last.tags.add(tag);
        continue;
      }
      out.push({ start, end, tags: new Set(term.tags) });
    }
  }
}

const QUOTE_CHAR = /["'“”‘’]/;
const GLUED_CLOSE = /[.!?]["”](?=\p{Lu})/gu;
/**
 * "… in Texas.Abbott has …": a stop between a word of two lower-case letters or more and a
 * capitalised word, with no space, is a sentence's end whose space the page lost (a web
 * address, "Amazon.com", has no capital after its dot; initials, "U.S.", no lower case before it).
 */
const GLUED_STOP = /(\p{Ll}{2})\.(?=\p{Lu}\p{Ll})/gu;

/**
 * compromise cuts a double-barrelled name in two ("Moore-Merrell"); the rules read a name as
 * a run of capitalised words, so the two halves would be a name and a surname of their own.
 * Two capitalised words joined by a bare hyphen are one word.
 */
function joinsName(text: string, previous: { end: number; start: number }, start: number, end: number): boolean {
  return text.slice(previous.end, start) === '-' && /^\p{Lu}\p{Ll}/u.test(text.slice(previous.start, previous.end)) && /^\p{Lu}\p{Ll}+$/u.test(text.slice(start, end));
}
