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
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/(.)\1+/g, '$1');
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
    if (/\s/.test(text[i] ?? '') && isSentenceEnd(text, i - 1)) {
      start = i + 1;
      break;
    }
  }
  let end = lineEnd;
  for (let i = span.start; i < lineEnd; i += 1) {
    if (/[.!?]/.test(text[i] ?? '')) {
      let j = i + 1;
      while (j < lineEnd && CLOSERS.has(text[j] ?? '')) j += 1;
      if (j >= lineEnd || /\s/.test(text[j] ?? '')) {
        if (j >= span.end) {
          end = j;
          break;
        }
      }
    }
  }
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  return { start, end };
}

function isSentenceEnd(text: string, i: number): boolean {
  let j = i;
  while (j >= 0 && CLOSERS.has(text[j] ?? '')) j -= 1;
  return /[.!?]/.test(text[j] ?? '');
}
