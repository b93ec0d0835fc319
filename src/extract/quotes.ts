/**
 * Pairs quotation marks inside one paragraph: curly double (“ ”, or ‘‘ ’’ typed as two single
 * ones), curly single (‘ ’), straight double (") and straight single ('), nested to any depth. A mark between two
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

interface Found {
  readonly mark: QuoteMark;
  readonly open: number;
  readonly close: number;
  readonly runsOn: boolean;
}

/** The marks left open in a paragraph so far, innermost last, and what closing them has found. */
class Marks {
  readonly found: Found[] = [];
  readonly stray: StrayMark[] = [];
  readonly stack: Open[] = [];
  // Where each kind of mark sits in the stack, so that finding the last one is constant time.
  private readonly positions = new Map<QuoteMark, number[]>();

  open(mark: QuoteMark, at: number): void {
    const list = this.positions.get(mark) ?? [];
    this.positions.set(mark, list);
    list.push(this.stack.length);
    this.stack.push({ mark, at });
  }

  /** Closes the mark at stack `index`; the marks opened inside it and still open are stray. */
  closeAt(index: number, close: number): void {
    const opener = this.stack[index] as Open;
    for (let k = index; k < this.stack.length; k += 1) {
      const removed = this.stack[k] as Open;
      if (k > index) this.stray.push({ at: removed.at, mark: removed.mark });
      (this.positions.get(removed.mark) as number[]).pop();
    }
    this.stack.length = index;
    this.found.push({ mark: opener.mark, open: opener.at, close, runsOn: false });
  }

  /** The kind of the innermost open mark: a page that mixes kinds may close “ with " ("“… tomorrow.\""). */
  innermost(): QuoteMark | undefined {
    return this.stack[this.stack.length - 1]?.mark;
  }

  /** The stack index of the innermost open `mark`, or -1. */
  lastOpen(mark: QuoteMark): number {
    const list = this.positions.get(mark);
    return list === undefined || list.length === 0 ? -1 : (list[list.length - 1] as number);
  }
}

/**
 * The quotes of `text.slice(from, to)`, one paragraph. `runsOn` says whether the next
 * paragraph opens with a double quotation mark; ids start at `firstId`.
 */
export function pairQuotes(text: string, from = 0, to = text.length, options: { runsOn?: boolean; firstId?: number } = {}): PairedQuotes {
  const marks = new Marks();
  readMarks(marks, text, from, to);
  closeParagraph(marks, text, from, to, options.runsOn);
  const firstId = options.firstId ?? 0;
  // Ids must equal positions for callers that index by id; an empty quote ("") is dropped.
  return { quotes: renumber(nestQuotes(text, marks.found, firstId), firstId), stray: marks.stray.sort((a, b) => a.at - b.at) };
}

function readMarks(marks: Marks, text: string, from: number, to: number): void {
  const lastClosing = { '’': lastClosingMark(text, from, to, '’'), "'": lastClosingMark(text, from, to, "'") };
  for (let i = from; i < to; i += 1) {
    const c = text[i] as string;
    const prev = i > from ? text[i - 1] : undefined;
    const next = i + 1 < to ? text[i + 1] : undefined;
    switch (c) {
      case '“':
        marks.open('“', i);
        break;
      case '”': {
        const k = marks.lastOpen('“');
        if (k !== -1) marks.closeAt(k, i);
        else if (marks.innermost() === '"') marks.closeAt(marks.stack.length - 1, i);
        else marks.stray.push({ at: i, mark: c });
        break;
      }
      case '‘':
        if (isWordChar(prev) && isWordChar(next)) break;
        // ‘‘ and ’’ are one double mark each on pages typed with two single ones.
        if (next === '‘') {
          marks.open('“', i);
          i += 1;
          break;
        }
        marks.open('‘', i);
        break;
      case '`':
        // `` and '' are one double mark each on wire copy typed for typewriters ("``We trust …,'' said …").
        if (next === '`') {
          marks.open('“', i);
          i += 1;
        }
        break;
      case '’': {
        if (isWordChar(prev) && isWordChar(next)) break;
        if (next === '’' && !isSpace(prev)) {
          closeDouble(marks, i);
          i += 1;
          break;
        }
        const k = marks.lastOpen('‘');
        if (k !== -1 && !isSpace(prev) && !pluralPossessive(text, i, lastClosing['’'])) marks.closeAt(k, i);
        break;
      }
      case '"': {
        const k = marks.lastOpen('"');
        if (k !== -1) marks.closeAt(k, i);
        else if (isSpace(next) && !isSpace(prev) && marks.innermost() === '“') marks.closeAt(marks.stack.length - 1, i);
        else if (!isSpace(next)) marks.open('"', i);
        else marks.stray.push({ at: i, mark: c });
        break;
      }
      case "'": {
        if (isWordChar(prev) && isWordChar(next)) break;
        if (next === "'" && !isSpace(prev) && marks.lastOpen('“') !== -1) {
          closeDouble(marks, i);
          i += 1;
          break;
        }
        const k = marks.lastOpen("'");
        if (k !== -1 && !isSpace(prev) && !isWordChar(next) && !pluralPossessive(text, i, lastClosing["'"])) marks.closeAt(k, i);
        else if ((prev === undefined || OPENING_CONTEXT.test(prev)) && next !== undefined && /\p{L}/u.test(next)) marks.open("'", i);
        break;
      }
      default:
        break;
    }
  }
}

/**
 * ’’ closes the innermost double quote, whichever mark opened it: “…’’ and ‘‘…’’ both occur
 * on the same pages; with none open it is stray, as ” is.
 */
function closeDouble(marks: Marks, i: number): void {
  const k = Math.max(marks.lastOpen('“'), marks.lastOpen('"'));
  if (k !== -1) marks.closeAt(k, i);
  else marks.stray.push({ at: i, mark: '”' });
}

/** What is still open at the paragraph's end: the outermost double quote may run on into the next paragraph. */
function closeParagraph(marks: Marks, text: string, from: number, to: number, runsOn: boolean | undefined): void {
  const first = marks.stack[0];
  if (first !== undefined && (runsOn || endsUnclosed(marks, text, from, to)) && (first.mark === '“' || first.mark === '"')) {
    for (const dropped of marks.stack.slice(1)) marks.stray.push({ at: dropped.at, mark: dropped.mark });
    let end = to;
    while (end > first.at + 1 && isSpace(text[end - 1])) end -= 1;
    marks.found.push({ mark: first.mark, open: first.at, close: end, runsOn: true });
    if (!runsOn) marks.stray.push({ at: first.at, mark: first.mark });
  } else {
    for (const open of marks.stack) marks.stray.push({ at: open.at, mark: open.mark });
  }
}

/**
 * "Kurtz said his company had “been on with our customers all night.": a page that drops
 * the closing mark of a paragraph's last quote. The one mark left open, with the sentence
 * finished at the paragraph's end, closes there when the reporting words come before it; the
 * mark is still listed as stray, so the quote is checked in review.
 */
function endsUnclosed(marks: Marks, text: string, from: number, to: number): boolean {
  const open = marks.stack[0];
  if (marks.stack.length !== 1 || marks.stray.length > 0 || open === undefined) return false;
  // A quote that opens the paragraph more likely lost its mark before the attribution ("“…, the minister said.").
  let start = from;
  while (start < open.at && isSpace(text[start])) start += 1;
  if (start === open.at) return false;
  let end = to;
  while (end > 0 && isSpace(text[end - 1])) end -= 1;
  return /[.!?]/.test(text[end - 1] ?? '');
}

/** The quotes in the order of their opening marks, each with the quote around it; empty ones left out. */
function nestQuotes(text: string, found: Found[], firstId: number): Quote[] {
  found.sort((a, b) => a.open - b.open);
  const quotes: Quote[] = [];
  // Quotes nest, so the ones around the current one form a stack (each pushed and popped once).
  const around: number[] = [];
  found.forEach((q, n) => {
    // A double mark typed as two single ones (‘‘) is two characters wide.
    let start = text.startsWith('‘‘', q.open) || text.startsWith('``', q.open) ? q.open + 2 : q.open + 1;
    let end = q.close;
    while (start < end && isSpace(text[start])) start += 1;
    while (end > start && isSpace(text[end - 1])) end -= 1;
    while (around.length > 0 && (found[around[around.length - 1] as number] as Found).close <= q.open) around.pop();
    const enclosing = around[around.length - 1];
    const parent = enclosing !== undefined && (found[enclosing] as Found).close > q.close ? firstId + enclosing : null;
    around.push(n);
    if (start < end) quotes.push({ id: firstId + n, mark: q.mark, open: q.open, close: q.close, start, end, parent, runsOn: q.runsOn });
  });
  return quotes;
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
  return text[i] === '“' || text.startsWith('‘‘', i) || text.startsWith('``', i) || (text[i] === '"' && !isSpace(text[i + 1]));
}

const isOpeningDouble = (text: string, m: StrayMark): boolean => m.mark === '“' || (m.mark === '"' && !isSpace(text[m.at + 1]));
const isClosingDouble = (text: string, m: StrayMark): boolean => m.mark === '”' || (m.mark === '"' && isSpace(text[m.at + 1]));

/**
 * Whether the line break between two lines falls inside one quote, as in a page copied with
 * a break inside a paragraph: the first line leaves a double quote open, the second does not
 * open with a quotation mark (that would be a quote running on), and its first unpaired
 * double mark closes.
 */
export function breaksInsideQuote(text: string, first: { start: number; end: number }, second: { start: number; end: number }): boolean {
  if (opensWithQuote(text, second.start, second.end)) return false;
  const left = pairQuotes(text, first.start, first.end).stray.filter((m) => m.mark === '“' || m.mark === '”' || m.mark === '"');
  if (left.length !== 1 || !isOpeningDouble(text, left[0] as StrayMark)) return false;
  const right = pairQuotes(text, second.start, second.end).stray.find((m) => m.mark === '“' || m.mark === '”' || m.mark === '"');
  return right !== undefined && isClosingDouble(text, right);
}

/** Words after which capitalised words in marks are a name being given: "a teacher named “Bob.”", "a trader known as “Salt Cat”". */
const NAMING_WORDS = /\b(?:named|called|dubbed|nicknamed|known\sas)\s$/i;
/** "the ferry “Lifeline”": a common noun after "the", then capitalised words in marks, names the thing. */
const NAMING_NOUN = /\b[Tt]he\s\p{Ll}{3,}\s$/u;

/**
 * "the “Harbour Four”" names a group; "was the “Absolute Truth.”" quotes someone's words, so
 * after "the" only words without a closing stop are a name. "as" is left out: it is how a
 * one-word scare quote is most often brought in ("described the ruling as “Outrageous.”").
 */
const NAMING_ARTICLE = /\bthe\s$/i;
/** How many words a name in marks may have. */
const QUOTED_NAME_WORDS = 4;

/**
 * "a school teacher named “Bob.”", "the families of the “Harbour Four”", "the ferry
 * “Lifeline”": a few capitalised words in marks right after a word that gives a name are the
 * name, not anyone's words.
 */
export function isQuotedName(source: string, quote: Quote): boolean {
  const quoted = source.slice(quote.start, quote.end);
  const words = quoted.replace(/[.,]$/, '').split(/\s+/);
  if (words.length > QUOTED_NAME_WORDS || !words.every((w) => /^\p{Lu}[\p{Ll}'’-]*$/u.test(w))) return false;
  const before = source.slice(Math.max(0, quote.open - 24), quote.open);
  return NAMING_WORDS.test(before) || ((NAMING_ARTICLE.test(before) || NAMING_NOUN.test(before)) && !/[.,!?]$/.test(quoted));
}

/** Where the text goes on after a quote's closing mark: a ’’ (a double mark typed as two single ones) is two characters wide. */
export function pastClose(text: string, quote: Quote): number {
  return quote.close + (text.startsWith('’’', quote.close) || text.startsWith("''", quote.close) ? 2 : 1);
}

const SMALL_TITLE_WORDS = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'with', 'at']);

/**
 * "Speaking on "Harbour Matters" on Channel Seven": a few capitalised words in quotation
 * marks, with no closing punctuation, right after "on", before "on <Name>" or before "show", name a show,
 * a book or a film: nobody said them.
 */
export function isShowTitle(source: string, quote: Quote): boolean {
  const inside = source.slice(quote.start, quote.end);
  const words = inside.replace(/[.,]$/, '').split(/\s+/);
  if (words.length > 8 || !words.every((w) => /^[\p{Lu}\d]/u.test(w) || SMALL_TITLE_WORDS.has(w))) return false;
  const before = source.slice(Math.max(0, quote.open - 8), quote.open);
  const close = pastClose(source, quote);
  const after = source.slice(close, close + 5);
  // A title may take the sentence's full stop inside its marks ("on “Face the Nation.”").
  if (/[.,]$/.test(inside)) return /\bon\s$/i.test(before);
  if (/[!?]$/.test(inside)) return false;
  return /\bon\s$/i.test(before) || BROADCASTERS_TITLE.test(before) || /^\s?on\s\p{Lu}/u.test(after) || SHOW_NOUN.test(source.slice(close, close + 11));
}

/** "told ABC’s “This Week”", "said on CBS’ “Face the Nation”": a title owned by a broadcaster's initials. */
const BROADCASTERS_TITLE = /\b\p{Lu}{2,}(?:['’]s?)\s$/u;

/** "NBC’s “Today” show": a title in marks that the noun after it calls a show. */
const SHOW_NOUN = /^\s(?:show|program|programme|podcast|series)\b/i;
