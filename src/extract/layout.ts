/**
 * The article as the extractor reads it: paragraphs (one per line), their quotes, words
 * with part-of-speech tags, and sentences. Every piece keeps its offsets into the
 * original text, because statements must point at exact spans.
 *
 * Words and tags come from `compromise` (tagging.ts), over the text with its asides blanked
 * (asides.ts: party tags, title dots, datelines); sentences are cut here, over the text with its quotes
 * masked, so that a quote of several sentences stays inside the sentence that reports it.
 * The title line and page furniture ("Leave a Comment", "Share this article") are marked
 * so that nothing in them becomes a statement.
 */
import { breaksInsideQuote, opensWithQuote, pairQuotes, type Quote, type StrayMark } from './quotes';
import { holding } from './sorted';
import { blankAsides } from './asides';
import { endsWithPhotoCredit, isFurniture, isHeadline } from './furniture';
import { taggedWords } from './tagging';

export { blankAsides } from './asides';

export interface Token {
  readonly index: number;
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly tags: ReadonlySet<string>;
  /** The innermost quote holding the word, or null outside quotes. */
  readonly quote: number | null;
  readonly paragraph: number;
  sentence: number;
}

export interface Sentence {
  readonly index: number;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  /** Indices into `Layout.tokens`, quoted words included. */
  readonly first: number;
  readonly last: number;
}

export type ParagraphKind = 'body' | 'title' | 'furniture';

export interface Paragraph {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly kind: ParagraphKind;
  readonly sentences: readonly number[];
  /** True when every word of the paragraph is inside quotation marks. */
  readonly quoteOnly: boolean;
  /**
   * How many paragraphs with words come before it: how far apart two paragraphs are read,
   * since some pages leave a blank line between every two paragraphs and some do not.
   */
  readonly ordinal: number;
}

export interface Layout {
  /** The text the rules read: the article with party tags and title dots blanked (see `blankAsides`). */
  readonly text: string;
  /** The article as given: statement texts are cut from it. */
  readonly source: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  /** Every quote, `quotes[q.id] === q`. */
  readonly quotes: readonly Quote[];
  readonly stray: readonly StrayMark[];
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen sen rep gov lt col capt sgt maj adm st jr sr inc corp co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec rev hon fig dept est approx'.split(' '),
);

const SPEECH_AFTER_QUOTE = /^(said|says|told|tells|added|adds|asked|asks|wrote|writes|continued|explained|insisted|warned|replied|noted|argued|recalled|declared)$/;

/**
 * The rules read a sentence as a whole, several times per quote and verb; a run of words
 * with no sentence end longer than any prose sentence is cut, so that their cost per word
 * stays bounded.
 */
const MAX_SENTENCE_WORDS = 250;

/**
 * The innermost quote around an offset, for offsets asked in ascending order: quotes nest,
 * so the ones still open form a stack, and each quote is pushed and popped once.
 */
function innermostQuotes(quotesOf: readonly (readonly Quote[])[]): (offset: number, paragraph: number) => number | null {
  let paragraph = -1;
  let next = 0;
  const open: Quote[] = [];
  const endOf = (q: Quote): number => q.close + (q.runsOn ? 1 : 0);
  return (offset, p) => {
    const list = quotesOf[p] ?? [];
    if (p !== paragraph) {
      paragraph = p;
      next = 0;
      open.length = 0;
    }
    while (next < list.length && (list[next] as Quote).open < offset) {
      const q = list[next] as Quote;
      while (open.length > 0 && endOf(open[open.length - 1] as Quote) <= q.open) open.pop();
      open.push(q);
      next += 1;
    }
    while (open.length > 0 && endOf(open[open.length - 1] as Quote) <= offset) open.pop();
    const top = open[open.length - 1];
    return top === undefined ? null : top.id;
  };
}

export function layOut(source: string, title: string | null = null): Layout {
  const text = blankAsides(source);
  const lines = linesOf(text);
  const { quotes, stray, quotesOf } = quotesByParagraph(text, lines);
  const tokens = tokensOf(text, lines, innermostQuotes(quotesOf));
  const { paragraphs, sentences } = paragraphsOf(source, text, title, lines, tokens, quotesOf);
  markCutOff(source, paragraphs, sentences, stray);
  markSummaryBullets(source, paragraphs);
  return { text, source, paragraphs, sentences, tokens, quotes, stray };
}

interface Line {
  readonly start: number;
  readonly end: number;
  /** Two lines of the text, broken inside a quote. */
  readonly joined?: boolean;
  /** Lines of one paragraph sent with hard line breaks (`wrapsOn`). */
  readonly wrapped?: boolean;
}

/**
 * One paragraph per line, its end before the newline; a line that breaks inside a quote
 * (`breaksInsideQuote`) is one paragraph with the next. Each line is looked at once.
 */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const current = { start: at, end: at + line.length };
    const previous = lines[lines.length - 1];
    if (previous !== undefined && !previous.joined && breaksInsideQuote(text, previous, current)) lines[lines.length - 1] = { start: previous.start, end: current.end, joined: true };
    else if (previous !== undefined && wrapsOn(text, previous, current)) lines[lines.length - 1] = { ...previous, end: current.end, wrapped: true };
    else lines.push(current);
    at += line.length + 1;
  }
  return lines;
}

/**
 * The fewest characters of a line that wraps: copy sent with hard line breaks fills its lines
 * to some sixty or seventy; a shorter line ends its paragraph, as a byline ("Willie Drye\nfor
 * National Geographic News") or a paragraph's last line does.
 */
const WRAP_WIDTH = 50;

/** Words a line cannot end a paragraph on: "the pilot of\nDanville". */
const WRAPPING_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'that']);

/**
 * Whether the break between two lines only wraps a paragraph, as wire copy sent with hard line
 * breaks does ("New York Gov. David Paterson\ntold a news conference"): the first line stops
 * mid-sentence, without a stop, colon or closing mark, and the second goes on in lower case,
 * or the first stops on a word no paragraph ends on, or the paragraph has wrapped before. Headlines, bylines and datelines start
 * their next line with a capital after a capitalised word, so they stay lines of their own.
 */
function wrapsOn(text: string, first: Line, second: Line): boolean {
  // The line the break follows: a paragraph that has wrapped holds several.
  const line = text.slice(Math.max(first.start, text.lastIndexOf('\n', first.end - 1) + 1), first.end);
  if (line.length < WRAP_WIDTH) return false;
  const tail = /([\p{L}\p{N}'’]+),?$/u.exec(line);
  const head = text.charAt(second.start);
  if (tail === null || !/[\p{L}\p{N}]/u.test(head)) return false;
  // Once a paragraph is seen to wrap, a line that stops mid-sentence goes on whatever comes next ("the Airbus\nA320").
  return first.wrapped === true || /\p{Ll}/u.test(head) || WRAPPING_WORDS.has(tail[1] as string);
}

/** The quotes of each paragraph, numbered across the article, and the marks left unpaired. */
function quotesByParagraph(text: string, lines: readonly Line[]): { quotes: Quote[]; stray: StrayMark[]; quotesOf: (readonly Quote[])[] } {
  const quotes: Quote[] = [];
  const stray: StrayMark[] = [];
  const nextWithText = nextLinesWithText(text, lines);
  const quotesOf: (readonly Quote[])[] = lines.map((line, n) => {
    // A blank line between the paragraphs of a long quote does not stop it running on.
    const next = nextWithText[n];
    const paired = pairQuotes(text, line.start, line.end, {
      runsOn: next !== undefined && opensWithQuote(text, next.start, next.end),
      firstId: quotes.length,
    });
    for (const q of paired.quotes) quotes.push(q);
    for (const mark of paired.stray) stray.push(mark);
    return paired.quotes;
  });
  return { quotes, stray, quotesOf };
}

/** For each line, the next line that holds more than spaces; one backward pass, so a long run of blank lines costs its length once. */
function nextLinesWithText(text: string, lines: readonly Line[]): (Line | undefined)[] {
  const next: (Line | undefined)[] = new Array<Line | undefined>(lines.length);
  let found: Line | undefined;
  for (let n = lines.length - 1; n >= 0; n -= 1) {
    next[n] = found;
    const line = lines[n] as Line;
    if (text.slice(line.start, line.end).trim() !== '') found = line;
  }
  return next;
}

/** The words, each with its paragraph and innermost quote; sentences are not cut yet. */
function tokensOf(text: string, lines: readonly Line[], innermost: (offset: number, paragraph: number) => number | null): Token[] {
  return taggedWords(text, lines).map((w, index) => {
    const paragraph = holding(lines, w.start);
    return {
      index,
      text: text.slice(w.start, w.end),
      lower: text.slice(w.start, w.end).toLowerCase(),
      start: w.start,
      end: w.end,
      tags: w.tags,
      quote: innermost(w.start, paragraph),
      paragraph,
      sentence: -1,
    };
  });
}

/** The paragraphs with their kinds, and their sentences; each token learns its sentence. */
function paragraphsOf(
  source: string,
  text: string,
  title: string | null,
  lines: readonly Line[],
  tokens: readonly Token[],
  quotesOf: readonly (readonly Quote[])[],
): { paragraphs: Paragraph[]; sentences: Sentence[] } {
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  let t = 0;
  let ordinal = 0;
  lines.forEach((line, p) => {
    const firstToken = t;
    while (t < tokens.length && (tokens[t] as Token).paragraph === p) t += 1;
    const own = tokens.slice(firstToken, t);
    const closes = new Set((quotesOf[p] ?? []).filter((q) => q.parent === null).map((q) => q.close));
    paragraphs.push({
      index: p,
      start: line.start,
      end: line.end,
      kind: paragraphKind(source.slice(line.start, line.end).trim(), own, title),
      sentences: cutSentences(text, own, line, p, closes, sentences),
      quoteOnly: own.length > 0 && own.every((w) => w.quote !== null),
      ordinal,
    });
    if (own.length > 0) ordinal += 1;
  });
  return { paragraphs, sentences };
}

function paragraphKind(lineText: string, own: readonly Token[], title: string | null): ParagraphKind {
  if (title !== null && lineText === title.trim()) return 'title';
  if (endsWithPhotoCredit(lineText) || isHeadline(lineText)) return 'furniture';
  return own.length > 0 && own.every((w) => w.quote === null) && isFurniture(lineText) ? 'furniture' : 'body';
}

/** Cuts paragraph `p`'s words `own` into sentences, appended to `sentences`; returns their indices. */
function cutSentences(text: string, own: readonly Token[], line: Line, p: number, closes: ReadonlySet<number>, sentences: Sentence[]): number[] {
  const sentenceIds: number[] = [];
  let from = 0;
  for (let k = 0; k < own.length; k += 1) {
    if (k === own.length - 1 || k - from + 1 >= MAX_SENTENCE_WORDS || endsSentence(text, own, k, closes)) {
      const first = own[from] as Token;
      const last = own[k] as Token;
      const sentence: Sentence = {
        index: sentences.length,
        paragraph: p,
        start: extendLeft(text, first.start, line.start),
        end: extendRight(text, last.end, line.end),
        first: first.index,
        last: last.index,
      };
      for (let w = from; w <= k; w += 1) (own[w] as Token).sentence = sentence.index;
      sentenceIds.push(sentence.index);
      sentences.push(sentence);
      from = k + 1;
    }
  }
  return sentenceIds;
}

/**
 * A page saved before it finished loading ends mid-sentence ("… from its reserve fu"): the
 * last body paragraph's last sentence, when it ends without a sentence's closing mark, is not
 * reporting; the whole sentences before it in that paragraph are, up to a quote the cut left
 * open (its words are not known in full).
 */
function markCutOff(source: string, paragraphs: Paragraph[], sentences: readonly Sentence[], stray: readonly StrayMark[]): void {
  for (let k = paragraphs.length - 1; k >= 0; k -= 1) {
    const p = paragraphs[k] as Paragraph;
    const line = source.slice(p.start, p.end).trim();
    if (line === '' || p.kind !== 'body') continue;
    if (/[.!?…:;"'”’)\]]$/.test(line)) return;
    const opened = stray.filter((mark) => mark.at >= p.start && mark.at < p.end).map((mark) => mark.at);
    const whole = p.sentences.slice(0, -1).filter((n) => opened.every((at) => (sentences[n] as Sentence).end <= at));
    paragraphs[k] = whole.length > 0 ? { ...p, sentences: whole } : { ...p, kind: 'furniture' };
    return;
  }
}

/** Marks that open the items of a bulleted list (doubts.ts reads the same marks). */
export const BULLETS = /^[•●▪►‣◦]\s/u;
/** How many prose paragraphs may come before a page's summary list: the lede, at most. */
const SUMMARY_AFTER_PARAGRAPHS = 1;

/**
 * "What You Need To Know" with its bullets under the lede, a standfirst's bullets under the
 * headline: a run of two or more bulleted paragraphs near the top of the page, before more
 * than a lede, sums up what the body reports in full, so its paraphrases and quoted words are
 * no statements.
 * A list further down (a live page's "Developments:") is the body's own reporting.
 */
function markSummaryBullets(source: string, paragraphs: Paragraph[]): void {
  let prose = 0;
  for (let k = 0; k < paragraphs.length && prose <= SUMMARY_AFTER_PARAGRAPHS; k += 1) {
    const p = paragraphs[k] as Paragraph;
    if (p.kind !== 'body' || p.sentences.length === 0) continue;
    if (!isBulleted(source, p)) {
      const line = source.slice(p.start, p.end).trim();
      // "Speaking in Corran, Varga said:", "Among them:": a list the body introduces is its own reporting.
      if (line.endsWith(':') && introducesBullets(source, paragraphs, k)) return;
      // A headline or a menu line ends on no stop; only a paragraph of sentences is the lede.
      if (/[.!?]["'”’)]*$/.test(line)) prose += 1;
      continue;
    }
    const run: number[] = [];
    for (let j = k; j < paragraphs.length; j += 1) {
      const q = paragraphs[j] as Paragraph;
      if (isBulleted(source, q)) run.push(j);
      else if (q.kind === 'body' && q.sentences.length > 0) break;
    }
    if (run.length < 2) return;
    for (const j of run) paragraphs[j] = { ...(paragraphs[j] as Paragraph), kind: 'furniture' };
    return;
  }
}

/** Whether a paragraph opens with a bullet mark. */
const isBulleted = (source: string, p: Paragraph): boolean => BULLETS.test(source.slice(p.start, p.end).trim());

/** Whether the first paragraph with words after paragraph `k` is a bullet's. */
function introducesBullets(source: string, paragraphs: readonly Paragraph[], k: number): boolean {
  for (let j = k + 1; j < paragraphs.length; j += 1) if ((paragraphs[j] as Paragraph).sentences.length > 0) return isBulleted(source, paragraphs[j] as Paragraph);
  return false;
}

/** Whether a sentence ends after `own[k]`, judged from the characters between it and the next word. */
function endsSentence(text: string, own: readonly Token[], k: number, topLevelCloses: ReadonlySet<number>): boolean {
  const word = own[k] as Token;
  const next = own[k + 1] as Token;
  const gap = text.slice(word.end, next.start);
  const stop = /[.!?]/.exec(gap);
  if (stop === null) return false;
  // The next word must start a sentence: a capital, a digit, or an opening quotation mark before it.
  // A straight mark followed by a space closes the quote before it ("today!" one resident …).
  const opensQuote = /\s[“"‘']$/.test(gap) || /[“‘]\s*$/.test(gap);
  if (!/^[\p{Lu}\p{N}]/u.test(next.text) && !opensQuote) return false;
  const glued = gap === '.' && /\p{Ll}{2}$/u.test(word.text) && /^\p{Lu}\p{Ll}/u.test(next.text);
  if (!/\s/.test(gap.slice(stop.index)) && !glued && !closedGlued(gap, stop.index, word.end, topLevelCloses)) return false;
  if (stop.index === 0 && gap[0] === '.' && (ABBREVIATIONS.has(word.lower) || /^\p{Lu}$/u.test(word.text))) return false;

  // A stop inside a quote ends the sentence only if the quote closes right there and what
  // follows is not its attribution ("“Why now?” Smith asked.").
  if (word.quote !== null) {
    let closing = -1;
    for (let at = word.end; at < next.start && closing === -1; at += 1) if (topLevelCloses.has(at)) closing = at;
    if (closing === -1) return false;
    const stopInside = word.end + stop.index < closing;
    if (stopInside && next.quote === null && looksLikeAttribution(own, k + 1)) return false;
  }
  return true;
}

/**
 * "… I take full responsibility."Cheatle described …": a page that lost its spaces between
 * paragraphs glues the next sentence to a quote's closing mark; the quote closing there
 * after its stop ends the sentence all the same.
 */
function closedGlued(gap: string, stopAt: number, from: number, topLevelCloses: ReadonlySet<number>): boolean {
  return /^[.!?]+["”]$/.test(gap.slice(stopAt)) && topLevelCloses.has(from + gap.length - 1);
}

function looksLikeAttribution(own: readonly Token[], k: number): boolean {
  for (let j = k; j < Math.min(own.length, k + 5); j += 1) {
    const w = own[j] as Token;
    if (SPEECH_AFTER_QUOTE.test(w.lower)) return true;
    if (!/^\p{Lu}/u.test(w.text) && !['he', 'she', 'they', 'i', 'we'].includes(w.lower)) return false;
  }
  return false;
}

function extendLeft(text: string, start: number, floor: number): number {
  let s = start;
  while (s > floor && /[“"‘'(]/.test(text[s - 1] ?? '')) s -= 1;
  return s;
}

function extendRight(text: string, end: number, ceiling: number): number {
  let e = end;
  while (e < ceiling && /[.!?,;:"'”’)…]/.test(text[e] ?? '')) e += 1;
  return e;
}

/** Whether quote `inner` lies inside quote `outer` at any depth. */
export function within(layout: Layout, inner: number | null, outer: number | null): boolean {
  if (outer === null) return true;
  let q = inner;
  while (q !== null) {
    if (q === outer) return true;
    q = (layout.quotes[q] as Quote).parent;
  }
  return false;
}
