/**
 * The article's own metadata as the page gives it, when the caller does not: the headline
 * (the first line that reads as one: not a menu, a breadcrumb, a date stamp, a byline or a
 * paragraph of reporting), the byline ("By Jane Doe") and the date stamp.
 */
import { isPageFurniture } from './furniture';
import { readsAsPersonName } from './person-name';

export interface PageMetadata {
  readonly title: string | null;
  readonly byline: string | null;
  /** ISO date (YYYY-MM-DD) from a date stamp line. */
  readonly publishedAt: string | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_PREFIX = new Map(MONTHS.flatMap((m, i) => [[m, i + 1] as const, [m.slice(0, 3), i + 1] as const, ['sept', 9] as const]));

/** How many lines from the top the headline, byline and date stamp are looked for in. */
const HEAD_LINES = 12;

const BREADCRUMB = /\s(?:>|›|»|\/|\|)\s/;
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/;
const DAY_MONTH_YEAR = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/;

export function readMetadata(text: string): PageMetadata {
  const lines = text.split('\n', HEAD_LINES * 4).map((l) => l.trim()).filter((l) => l !== '').slice(0, HEAD_LINES);
  let title: string | null = null;
  let byline: string | null = null;
  let publishedAt: string | null = null;
  // A standfirst may stand between the headline and the byline: one line of reporting right after the headline does not end the page's head.
  let previous: string | null = null;
  let pastStandfirst = false;
  for (const line of lines) {
    const last = previous;
    previous = line;
    // A date stamp glued to the first paragraph ("date 2025-04-09 U.S. Secretary …"), or to the byline ("date 2017-08-25 By Don Morgan").
    const glued = leadingDate(line);
    publishedAt ??= glued;
    // The reporting has begun: what follows is not the page's head.
    if (isReporting(line) && !(title !== null && last === title && byline === null)) break;
    if (isReporting(line)) {
      pastStandfirst = true;
      continue;
    }
    if (isNavigation(line)) continue;
    const date = dateStamp(line);
    if (date !== null) {
      publishedAt ??= date;
      byline ??= bylineOf(afterLeadingDate(line));
      continue;
    }
    const by = bylineOf(line);
    if (by !== null) {
      byline ??= by;
      continue;
    }
    // A line the date stamp is glued to is the first paragraph or a caption, never the headline.
    if (glued !== null) continue;
    // A sentence after the page's date or byline, with no headline above it, is the first paragraph ("An update from Governor … on the storm.").
    if (title === null && (publishedAt !== null || byline !== null) && /[.]["'”’)]?$/.test(line)) break;
    // A line that is only a name, below the headline: the author ("Jack Phillips", "Gopal Ratnam, CQ-Roll Call on"), unless the headline names them (a photo's caption: "Keith Ellison" under "Keith Ellison: …").
    // Below a standfirst, a bare name is more often a photo's caption than the author; a name with its outlet ("Jeffrey Doe, Capital Bureau") is the byline.
    const author = title !== null && line !== title && !(pastStandfirst && !line.includes(',')) ? authorLine(line) : null;
    if (author !== null && title !== null && !title.toLowerCase().includes(author.toLowerCase())) {
      byline ??= author;
      continue;
    }
    if (author !== null) continue;
    if (title === null && isHeadline(line)) title = line;
  }
  return { title, byline, publishedAt };
}

/**
 * A page's menu rather than its words: a screen reader's "Skip to main content" link, or a
 * line that holds a site's path ("/marketintelligence/en/news-insights/…").
 */
const isNavigation = (line: string): boolean => /^skip to\b/i.test(line) || line.split(/\s+/).some((w) => /^\/[\w-]+\/[\w/-]/.test(w));

/** What follows a date stamp at the head of a line ("By Don Morgan" in "date 2017-08-25 By Don Morgan"). */
function afterLeadingDate(line: string): string {
  const words = line.split(/\s+/);
  const at = words.slice(0, 2).findIndex((w) => ISO_DAY.test(w));
  return at === -1 ? '' : words.slice(at + 1).join(' ');
}

/** How many words a line that names only its author may have (the name, a comma, the outlet). */
const AUTHOR_LINE_WORDS = 7;

/** The name of a line that holds only a person's name, or one followed by a comma and the outlet; else null. */
function authorLine(line: string): string | null {
  if (line.split(/\s+/).length > AUTHOR_LINE_WORDS) return null;
  const name = (line.split(',')[0] ?? '').trim();
  const words = name.split(/\s+/);
  // "Nolan D. McCaskill": an initial may stand between the first name and the surname.
  const initial = (w: string, k: number): boolean => k > 0 && k < words.length - 1 && /^\p{Lu}\.$/u.test(w);
  if (words.length < 2 || words.length > 3 || !words.every((w, k) => /^\p{Lu}\p{Ll}/u.test(w) || initial(w, k))) return null;
  return readsAsPersonName(name) ? name : null;
}

/** The day of an ISO date among a line's first two words ("date 2025-04-09 …", "2025-04-09 — …"), else null. */
function leadingDate(line: string): string | null {
  const head = line.split(/\s+/, 2).join(' ');
  const iso = ISO_DAY.exec(head);
  return iso === null ? null : valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
}

const isReporting = (line: string): boolean => /[.!?]["'”’)]?$/.test(line) && line.split(/\s+/).length > 14;

/** "By Jane Doe and John Roe, Reuters" gives "Jane Doe and John Roe"; so does "From CNN’s Jane Doe". */
function bylineOf(line: string): string | null {
  if (line.split(/\s+/).length > 12) return null;
  const by = /^by\s/i.test(line) ? line.slice(3) : /^from\s\S+['’]s\s/i.test(line) ? line.replace(/^from\s\S+['’]s\s/i, '') : null;
  if (by === null) return null;
  const names = (by.split(/[,|–]/)[0] ?? '').trim();
  const words = names.split(/\s+/);
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w) || w === 'and') ? names : null;
}

function isHeadline(line: string): boolean {
  const words = line.split(/\s+/);
  if (isPageFurniture(line)) return false;
  if (words.length < 3 || words.length > 30 || line.length > 200) return false;
  if (BREADCRUMB.test(line)) return false;
  // A line that ends with a full stop and runs long is the first paragraph, not a headline.
  if (/[.]["'”’)]?$/.test(line) && words.length > 14) return false;
  return /\p{Ll}/u.test(line);
}

/** The date of a line that is only a date stamp ("Published March 5, 2025 at 3:14 p.m."), else null. */
export function dateStamp(line: string): string | null {
  if (line.split(/\s+/).length > 12) return null;
  const iso = ISO_DAY.exec(line);
  if (iso !== null) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const mdy = MONTH_DAY_YEAR.exec(line);
  if (mdy !== null) return valid(Number(mdy[3]), MONTH_PREFIX.get((mdy[1] as string).toLowerCase()) ?? 0, Number(mdy[2]));
  const dmy = DAY_MONTH_YEAR.exec(line);
  if (dmy !== null) return valid(Number(dmy[3]), MONTH_PREFIX.get((dmy[2] as string).toLowerCase()) ?? 0, Number(dmy[1]));
  return null;
}

function valid(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return Number.isNaN(Date.parse(iso)) || new Date(iso).getUTCDate() !== day ? null : iso;
}
