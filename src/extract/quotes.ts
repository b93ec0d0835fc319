/**
 * Pairs quotation marks inside one paragraph: curly double (“ ”), curly single (‘ ’),
 * straight double (") and straight single ('), nested to any depth. A mark between two
 * letters ("let’s", "Ukraine’s", "don't") is an apostrophe, never a closing mark; a closing
 * single mark with no single quote open ("the players’ union", "’90s") is one too.
 *
 * A paragraph that leaves a double quote open and is followed by a paragraph that opens
 * one again is the newspaper convention for a quote running over several paragraphs: the
 * quote then ends at the end of its paragraph (`runsOn`). Any other mark left unpaired is
 * reported as `stray`, so the caller can flag it instead of guessing a span.
 */

export type QuoteMark = '“' | '‘' | '"' | "'";

export interface Quote {
  readonly id: number;
  readonly mark: QuoteMark;
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark; the paragraph's end for a quote that runs on. */
  readonly close: number;
  /** The quoted words: `[start, end)`, inside the marks, without surrounding white space. */
  readonly start: number;
  readonly end: number;
  /** The id of the quote this one sits inside, or null at the top level. */
  readonly parent: number | null;
  readonly runsOn: boolean;
}

export interface StrayMark {
  readonly at: number;
  readonly mark: string;
}

export interface PairedQuotes {
  readonly quotes: readonly Quote[];
  readonly stray: readonly StrayMark[];
}

const LETTER = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && LETTER.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const OPENING_CONTEXT = /[\s([{“‘"'—–-]/;

interface Open {
  readonly mark: QuoteMark;
  readonly at: number;
}

/**
 * The quotes of `text.slice(from, to)`, one paragraph. `runsOn` says whether the next
 * paragraph opens with a double quotation mark; ids start at `firstId`.
 */
export function pairQuotes(text: string, from = 0, to = text.length, options: { runsOn?: boolean; firstId?: number } = {}): PairedQuotes {
  const found: { mark: QuoteMark; open: number; close: number; runsOn: boolean }[] = [];
  const stray: StrayMark[] = [];
  const stack: Open[] = [];
  // Where each kind of mark sits in the stack, so that finding the last one is constant time.
  const positions = new Map<QuoteMark, number[]>();
  const open = (mark: QuoteMark, at: number): void => {
    const list = positions.get(mark) ?? [];
    positions.set(mark, list);
    list.push(stack.length);
    stack.push({ mark, at });
  };
  const closeAt = (index: number, close: number): void => {
    const opener = stack[index] as Open;
    for (let k = index; k < stack.length; k += 1) {
      const removed = stack[k] as Open;
      if (k > index) stray.push({ at: removed.at, mark: removed.mark });
      (positions.get(removed.mark) as number[]).pop();
    }
    stack.length = index;
    found.push({ mark: opener.mark, open: opener.at, close, runsOn: false });
  };
  const lastOpen = (mark: QuoteMark): number => {
    const list = positions.get(mark);
    return list === undefined || list.length === 0 ? -1 : (list[list.length - 1] as number);
  };
  const lastClosing = { '’': lastClosingMark(text, from, to, '’'), "'": lastClosingMark(text, from, to, "'") };

  for (let i = from; i < to; i += 1) {
    const c = text[i] as string;
    const prev = i > from ? text[i - 1] : undefined;
    const next = i + 1 < to ? text[i + 1] : undefined;
    switch (c) {
      case '“':
        open('“', i);
        break;
      case '”': {
        const k = lastOpen('“');
        if (k === -1) stray.push({ at: i, mark: c });
        else closeAt(k, i);
        break;
      }
      case '‘':
        if (isWordChar(prev) && isWordChar(next)) break;
        open('‘', i);
        break;
      case '’': {
        if (isWordChar(prev) && isWordChar(next)) break;
        const k = lastOpen('‘');
        if (k !== -1 && !isSpace(prev) && !pluralPossessive(text, i, lastClosing['’'])) closeAt(k, i);
        break;
      }
      case '"': {
        const k = lastOpen('"');
        if (k !== -1) closeAt(k, i);
        else if (!isSpace(next)) open('"', i);
        else stray.push({ at: i, mark: c });
        break;
      }
      case "'": {
        if (isWordChar(prev) && isWordChar(next)) break;
        const k = lastOpen("'");
        if (k !== -1 && !isSpace(prev) && !isWordChar(next) && !pluralPossessive(text, i, lastClosing["'"])) closeAt(k, i);
        else if ((prev === undefined || OPENING_CONTEXT.test(prev)) && next !== undefined && /\p{L}/u.test(next)) open("'", i);
        break;
      }
      default:
        break;
    }
  }

  // What is still open: the outermost double quote may run on into the next paragraph.
  const first = stack[0];
  if (first !== undefined && options.runsOn && (first.mark === '“' || first.mark === '"')) {
    for (const dropped of stack.slice(1)) stray.push({ at: dropped.at, mark: dropped.mark });
    let end = to;
    while (end > first.at + 1 && isSpace(text[end - 1])) end -= 1;
    found.push({ mark: first.mark, open: first.at, close: end, runsOn: true });
  } else {
    for (const open of stack) stray.push({ at: open.at, mark: open.mark });
  }

  found.sort((a, b) => a.open - b.open);
  const firstId = options.firstId ?? 0;
  const quotes: Quote[] = [];
  // Quotes nest, so the ones around the current one form a stack (each pushed and popped once).
  const around: number[] = [];
  found.forEach((q, n) => {
    let start = q.open + 1;
    let end = q.close;
    while (start < end && isSpace(text[start])) start += 1;
    while (end > start && isSpace(text[end - 1])) end -= 1;
    while (around.length > 0 && (found[around[around.length - 1] as number] as (typeof found)[number]).close <= q.open) around.pop();
    const enclosing = around[around.length - 1];
    const parent = enclosing !== undefined && (found[enclosing] as (typeof found)[number]).close > q.close ? firstId + enclosing : null;
    around.push(n);
    if (start < end) quotes.push({ id: firstId + n, mark: q.mark, open: q.open, close: q.close, start, end, parent, runsOn: q.runsOn });
  });
  // Ids must equal positions for callers that index by id; an empty quote ("") is dropped.
  return { quotes: renumber(quotes, firstId), stray: stray.sort((a, b) => a.at - b.at) };
}

/**
 * "The players' effort was …": a closing single mark after an "s", followed by a word, is a
 * plural possessive when a later mark of the same kind can still close the quote.
 */
function pluralPossessive(text: string, i: number, lastClosing: number): boolean {
  if (text[i - 1] !== 's' || !/^ \p{L}/u.test(text.slice(i + 1, i + 3))) return false;
  return lastClosing > i;
}

/** The last offset in the paragraph where `mark` could close a quote (-1 if none). */
function lastClosingMark(text: string, from: number, to: number, mark: string): number {
  for (let j = to - 1; j > from; j -= 1) {
    if (text[j] === mark && !isSpace(text[j - 1]) && !isWordChar(text[j + 1])) return j;
  }
  return -1;
}

function renumber(quotes: Quote[], firstId: number): Quote[] {
  const ids = new Map(quotes.map((q, n) => [q.id, firstId + n]));
  return quotes.map((q, n) => ({ ...q, id: firstId + n, parent: q.parent === null ? null : (ids.get(q.parent) ?? null) }));
}

/** Whether a paragraph starts (after white space) with an opening double quotation mark. */
export function opensWithQuote(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isSpace(text[i])) i += 1;
  return text[i] === '“' || (text[i] === '"' && !isSpace(text[i + 1]));
}
