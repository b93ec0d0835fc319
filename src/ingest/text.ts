/**
 * Text helpers the ingest path shares: slugs for ids, normalised keys for entity
 * resolution, and the sentence that holds a span.
 */

/** `US Cuts Off Intelligence Sharing: Report` → `us-cuts-off-intelligence-sharing-report`, cut at `max` characters. */
export function slugify(text: string, max = 80): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}

/**
 * The key two spellings of one name share: case, diacritics, punctuation and doubled
 * letters ignored, so "Zelenskyy", "ZELENSKY" and "Zelenský" meet.
 */
export function nameKey(name: string): string {
  // Every quote's words go through here while a bulk load validates (a third of the
  // validator's time went to the five passes below): plain ASCII, nearly every text, takes
  // one pass that gives the same key.
  return ASCII.test(name) ? asciiNameKey(name) : unicodeNameKey(name);
}

const ASCII = /^[\x00-\x7f]*$/;

function unicodeNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/(.)\1+/g, '$1');
}

/**
 * unicodeNameKey for a text of ASCII only, which NFKD leaves as it is: letters lowered,
 * each run of other characters one space (none at either end), and a letter or digit that
 * repeats the one before it left out (a space never follows a space).
 */
function asciiNameKey(name: string): string {
  let key = '';
  let last = -1;
  let gap = false;
  for (let i = 0; i < name.length; i += 1) {
    let c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && key.length > 0) {
        key += ' ';
        last = 32;
      }
      gap = false;
      if (c !== last) key += String.fromCharCode(c);
      last = c;
    } else {
      gap = true;
    }
  }
  return key;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

const CLOSERS = new Set(['"', '”', '’', "'", ')']);

/**
 * The sentence that holds `[start, end)`: it never crosses a line break (a paragraph), and
 * it ends at `.`, `!` or `?` (with any closing quotes) followed by white space, outside the
 * span itself.
 */
export function sentenceAround(text: string, span: Span): Span {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const nextBreak = text.indexOf('\n', span.end);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;

  let start = lineStart;
  for (let i = span.start - 1; i > lineStart; i -= 1) {
    if (isSpace(text, i) && isSentenceEnd(text, i - 1)) {
      start = i + 1;
      break;
    }
  }
  let end = lineEnd;
  for (let i = span.start; i < lineEnd; i += 1) {
    if (isStop(text, i)) {
      let j = i + 1;
      while (j < lineEnd && CLOSERS.has(text[j] ?? '')) j += 1;
      if (j >= lineEnd || isSpace(text, j)) {
        if (j >= span.end) {
          end = j;
          break;
        }
      }
    }
  }
  while (start < end && isSpace(text, start)) start += 1;
  return { start, end };
}

function isSentenceEnd(text: string, i: number): boolean {
  let j = i;
  while (j >= 0 && CLOSERS.has(text[j] ?? '')) j -= 1;
  return j >= 0 && isStop(text, j);
}

/** `.`, `!` or `?` at `i`. */
function isStop(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 46 || c === 33 || c === 63;
}

/** White space at `i` as `/\s/` has it, without a regular expression per character (the sentence of every statement is found this way). */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i] as string);
}

const SPACE = /\s/;
