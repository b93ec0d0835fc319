/**
 * The article as the extractor reads it: paragraphs (one per line), their quotes, words
 * with part-of-speech tags, and sentences. Every piece keeps its offsets into the
 * original text, because statements must point at exact spans.
 *
 * Words and tags come from `compromise` (its lexicon knows first names, honorifics,
 * organisations and verb forms); sentences are cut here, over the text with its quotes
 * masked, so that a quote of several sentences stays inside the sentence that reports it.
 * The title line and page furniture ("Leave a Comment", "Share this article") are marked
 * so that nothing in them becomes a statement.
 */
import nlp from 'compromise';
import { TITLE_WORDS } from './lexicon';
import { LEXICON } from './person-name';
import { breaksInsideQuote, opensWithQuote, pairQuotes, type Quote, type StrayMark } from './quotes';
import { holding } from './sorted';

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

/** Lines that are the page around the article, not the article. */
const FURNITURE = [
  /^leave a (comment|reply)\b/i,
  /^scroll down\b/i,
  /\bshare (this|your thoughts|on)\b/i,
  /^sign up\b/i,
  /^subscribe\b/i,
  /^(read more|related|see also|more on this|recommended|advertisement|sponsored)\b/i,
  /^(click|tap) here\b/i,
  /^skip to (main )?content\b/i,
  /^select an ai action\b/i,
  /^follow us\b/i,
  /^\d+\s+comments?$/i,
  /^(image|photo|picture|video) (caption|credit)?:?/i,
  // A note the editors add about the article ("Editor's Note: On July 23, … resigned") is
  // no one's statement, and the names in it must not become the next pronoun's antecedent.
  /^editors?['’]?s? note\b/i,
  // A caption that ends on its credit in brackets ("… on Monday. (photo: Jo Roe / Getty Images)").
  /\((photo|image|picture|video)( credit)?: [^()]*\)$/i,
  /^(copyright|©)/i,
  /all rights reserved/i,
];

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen sen rep gov lt col capt sgt maj adm st jr sr inc corp co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec rev hon fig dept est approx'.split(' '),
);

const SPEECH_AFTER_QUOTE = /^(said|says|told|tells|added|adds|asked|asks|wrote|writes|continued|explained|insisted|warned|replied|noted|argued|recalled|declared)$/;

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

/**
 * The rules read a sentence as a whole, several times per quote and verb; a run of words
 * with no sentence end longer than any prose sentence is cut, so that their cost per word
 * stays bounded.
 */
const MAX_SENTENCE_WORDS = 250;

/** Words with their tags; the zero-width words of expanded contractions lend their tags to the word they came from. */
function words(text: string, lines: readonly Line[]): { start: number; end: number; tags: Set<string> }[] {
  const out: { start: number; end: number; tags: Set<string> }[] = [];
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

function tagChunk(text: string, from: number, to: number, out: { start: number; end: number; tags: Set<string> }[]): void {
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

/** "(D-Ore.)", ", R-Tex.,": a party and state tag after a name, set off by brackets or commas. */
const PARTY_TAG = /\s?\(\s?[DRI]-[A-Z][A-Za-z.]{1,6}\s?\)|,\s?[DRI]-[A-Z][A-Za-z.]{1,6},/g;
/** The dot of a title abbreviated before a name ("Sen. Marta Kellison", "Dr. Kwame Asante"). */
const TITLE_DOT = /\b(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Capt|Sgt|Adm|Rev|Hon|Supt|Insp|Atty)\.(?= \p{Lu})/gu;
/**
 * A name's initial before a capitalised word ("E. Martin Estrada", "Harold J. Whitlock said");
 * the next word is kept to tell a sentence's end, and whether a second capitalised word follows.
 */
const INITIAL_DOT = /\b\p{Lu}\.(?= (\p{Lu}\p{Ll}+)( \p{Lu}\p{Ll})?)/gu;
/** Words that open a sentence after a single capital that ends one ("… Plan B. The council said"). */
const AFTER_SENTENCE_END = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'As', 'For', 'But', 'And', 'He', 'She', 'It', 'They', 'We', 'This', 'That', 'After', 'When', 'If', 'Its', 'His', 'Her', 'Their']);
/** compromise's tags of a first name ("Michael S. Regan"): what a middle initial follows. */
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/**
 * Whether the single capital at `at` is a name's initial rather than a sentence's last word:
 * it is when the word before it is a first name or a title ("Attorney E. Martin Estrada"), or
 * when no word comes before it in its clause; after any other word ("Plan B. Harbour Master
 * Ann Lee said") the dot ends a sentence, so that two sentences do not run into one name.
 */
function isNameInitial(all: string, at: number, next: string, surnameOnly: boolean): boolean {
  if (AFTER_SENTENCE_END.has(next) || /[\p{L}\p{N}.'’]/u.test(all.charAt(at - 1))) return false;
  const before = /(\p{L}+)[ \t]$/u.exec(all.slice(Math.max(0, at - 40), at))?.[1];
  const firstName = before !== undefined && FIRST_NAME_TAGS.has(LEXICON[before.toLowerCase()] as string);
  // "Harold J. Whitlock said": one capitalised word after the initial is a surname only after a first name.
  if (surnameOnly) return firstName;
  return before === undefined || firstName || TITLE_WORDS.has(before.toLowerCase());
}

/** "LINCOLN, NE – ", "WASHINGTON (AP) — ": the place (and agency) a paragraph is filed from, in capitals before a dash. */
const DATELINE = /^\p{Lu}{2}[\p{Lu}.,' ()]{0,24}[–—-] /gmu;

/**
 * The text the rules read, offset for offset the same as the source: party and state tags
 * after a name become spaces, so that "Sen. Marta Kellison (D-Ore.) said" reads as a name
 * followed by its verb; a title's abbreviation dot and a name's initial's dot become a
 * space, so that the title and the name stay one run; a dateline becomes spaces, so that the place is not read as the
 * paragraph's first name.
 */
export function blankAsides(source: string): string {
  const blank = (m: string): string => ' '.repeat(m.length);
  return source
    .replace(PARTY_TAG, blank)
    .replace(TITLE_DOT, (m) => `${m.slice(0, -1)} `)
    // Not the last letter of "U.S." nor of "D.C.".
    .replace(INITIAL_DOT, (m, next: string, second: string | undefined, at: number, all: string) => (isNameInitial(all, at, next, second === undefined) ? `${m.slice(0, -1)} ` : m))
    .replace(DATELINE, blank)
    .replace(LINE, blankNamePopup);
}

const LINE = /[^\n]+/g;

/** A capitalised word glued to the capital that follows it: "McConnell|Addison". */
const GLUED_NAME = /\p{Lu}\p{Ll}{2,}(?=\p{Lu})/gu;

/** How many glued words before a " MORE" are tried as the start of a pop-up. */
const POPUP_TRIES = 3;

/**
 * "Jane DoeJane (Janie) Marie DoeSenator says … MORE (D-Ore.)" (an invented instance of the shape):
 * a page that links a name may print the link's pop-up inside the sentence: the full name,
 * glued to the surname before it, then the headlines of related stories up to "MORE". The
 * pop-up becomes spaces, so that the name goes on to its own sentence. Each stretch of a line
 * up to a " MORE" is read once, and a few glued words in it are tried.
 */
function blankNamePopup(line: string): string {
  let out = '';
  let from = 0;
  for (let more = line.indexOf(' MORE'); more !== -1; more = line.indexOf(' MORE', from)) {
    const stretch = line.slice(from, more);
    const junction = /\p{L}/u.test(line.charAt(more + 5)) ? null : popupStart(stretch);
    out += junction === null ? line.slice(from, more + 5) : stretch.slice(0, junction) + ' '.repeat(more + 5 - from - junction);
    from = more + 5;
  }
  return from === 0 ? line : out + line.slice(from);
}

/** Where a pop-up starts in `stretch`: right after a glued word that its rest names again. */
function popupStart(stretch: string): number | null {
  let tries = 0;
  for (const m of stretch.matchAll(GLUED_NAME)) {
    const junction = (m.index ?? 0) + m[0].length;
    if (stretch.includes(m[0], junction)) return junction;
    tries += 1;
    if (tries >= POPUP_TRIES) return null;
  }
  return null;
}

export function layOut(source: string, title: string | null = null): Layout {
  const text = blankAsides(source);
  const lines = linesOf(text);
  const { quotes, stray, quotesOf } = quotesByParagraph(text, lines);
  const tokens = tokensOf(text, lines, innermostQuotes(quotesOf));
  const { paragraphs, sentences } = paragraphsOf(source, text, title, lines, tokens, quotesOf);
  markCutOff(source, paragraphs, sentences, stray);
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
  return words(text, lines).map((w, index) => {
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

/**
 * "(By Mario Rossi -- Getty Images)", "(Jane Roe/AP)": a credit in brackets after a caption's
 * last full stop, a photographer and an agency joined by a dash or a slash.
 */
const BRACKETED_CREDIT = /[.!?]\s*\((?:By |Photo by |Photo: )?\p{Lu}[\p{L}.' ]*(?:--|—|–|\/)\s*\p{Lu}[\p{L}.' ]*\)$/u;

/**
 * A photo caption ends with its credit, a photographer and an agency joined by a slash and
 * no full stop after them ("… Sen. Jane Doe said Friday. John Roe/AP", "Saul Loeb/Getty
 * Images", "Petra Lund/Westmark Post"): whatever it quotes, the article quotes again in its
 * body.
 */
function endsWithPhotoCredit(line: string): boolean {
  if (BRACKETED_CREDIT.test(line)) return true;
  const words = line.split(/\s+/);
  if (words.length <= 3 || /[.!?"”’)]$/.test(line)) return false;
  for (let k = words.length - 1; k >= words.length - 3; k -= 1) {
    const word = words[k] as string;
    if (word.includes('/')) return /^\p{Lu}[\p{L}'.-]*\/\p{Lu}[\p{L}]*$/u.test(word);
    if (!/^\p{Lu}/u.test(word)) return false;
  }
  return false;
}

const HEADLINE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'to', 'for', 'and', 'or', 'at', 'by', 'with', 'as', 'from', 'vs', 'after']);

/**
 * A headline inside the page (another story's, a press release's): six words or more, every
 * word but the small ones capitalised, no full stop at the end ("Ricketts Comments on Supreme
 * Court Upholding TikTok Law: “America’s National Security Comes First”").
 */
function isHeadline(line: string): boolean {
  const words = line.split(/\s+/).map((w) => w.replace(/^[“"‘'(]+/, '')).filter((w) => /\p{L}/u.test(w));
  if (words.length < 6 || /[.!?]$/.test(line.replace(/[”"’')]+$/, ''))) return false;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) || HEADLINE_SMALL_WORDS.has(w.toLowerCase()));
}

/** Whether a line is one of the page's own words: buttons, prompts, captions, credits. */
export function isPageFurniture(line: string): boolean {
  return FURNITURE.some((re) => re.test(line));
}

function isFurniture(line: string): boolean {
  if (isPageFurniture(line)) return true;
  // A short line without a full stop is a heading or a button, not reporting; one of four
  // words or more ending in a colon introduces what follows ("A statement from the trust reads:").
  const words = line.split(/\s+/).length;
  if (words >= 4 && /:$/.test(line)) return false;
  return words <= 8 && !/[.!?]["'”’)]*$/.test(line) && !/["“”]/.test(line);
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
