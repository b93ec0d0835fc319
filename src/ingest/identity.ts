/**
 * An article's id when its document gives none (an explicit `article.id` always wins, and an
 * id once published never changes: CONTRACT.md, "Identity"). Two different articles must not
 * meet at one id by accident, and the same article must always come to the same one:
 *
 * - with a url, from the url: host (without `www.`) and path, and the query without
 *   tracking parameters (`utm_*`, `fbclid`, `gclid`), slugged; scheme and fragment are left
 *   out, so `http://` and `https://` copies of a page, or a link to one of its paragraphs,
 *   are one article. `https://www.ft.com/content/abc-123` → `article:ft-com-content-abc-123`.
 * - else from publisher, publication day and title, each when given:
 *   `article:kyiv-independent-2025-03-06-kyiv-weighs-options`. Two outlets' articles with
 *   one headline, or one outlet's on two days, get two ids; a title alone gives the title's
 *   slug cut at 80 characters, as ids before this rule were.
 *
 * A slug longer than MAX_SLUG is cut at a word and ends in 8 hexadecimal digits of a hash of
 * the whole slug, so two long urls that share their first hundred characters still differ.
 * An id that exists with another text is refused at ingest (plan.ts, CONFLICT), never replaced
 * unless the loader asks to.
 */
import { createHash } from 'node:crypto';
import { articleId } from '../vocabulary';
import { slugify } from './text';

export interface ArticleIdentity {
  readonly title: string;
  readonly url?: string | null;
  /** An Organization id (`org:financial-times`) or, from the extractor, the outlet's name. */
  readonly publisher?: string | null;
  readonly publishedAt?: string | null;
}

export const MAX_SLUG = 120;

const TRACKING = /^(utm_.*|fbclid|gclid|mc_[a-z]+)$/i;

/** The id the document's article derives, or null when nothing in it has a letter or digit. */
export function derivedArticleId(article: ArticleIdentity): string | null {
  const slug = bounded(article.url ? urlSlug(article.url) : publicationSlug(article));
  return slug === '' ? null : articleId(slug);
}

function urlSlug(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return slugify(url, Infinity);
  }
  const params = [...parsed.searchParams].filter(([name]) => !TRACKING.test(name));
  const query = params.map(([name, value]) => `${name} ${value}`).join(' ');
  return slugify(`${parsed.hostname.replace(/^www\./, '')} ${parsed.pathname} ${query}`, Infinity);
}

function publicationSlug({ title, publisher, publishedAt }: ArticleIdentity): string {
  // The rule before publisher and date counted, kept so that those ids stay what they were.
  if (!publisher && !publishedAt) return slugify(title);
  return slugify([publisher?.replace(/^org:/, '') ?? '', publishedAt?.slice(0, 10) ?? '', title].join(' '), Infinity);
}

function bounded(slug: string): string {
  if (slug.length <= MAX_SLUG) return slug;
  const digest = createHash('sha256').update(slug).digest('hex').slice(0, 8);
  const head = slug.slice(0, MAX_SLUG - digest.length - 1);
  const cut = head.lastIndexOf('-');
  return `${cut > MAX_SLUG / 2 ? head.slice(0, cut) : head.replace(/-+$/, '')}-${digest}`;
}
