/**
 * Annotated articles kept in a folder: anyone's own articles, or the real-article
 * development set in devset/. The text of a real article belongs to its publisher, so its
 * annotation holds only the text's address and hash; the text lives beside it, in a
 * `texts/` subfolder, or wherever `source.text` says. A text whose hash no longer matches is
 * skipped, never scored against offsets that were made for other words.
 *
 * An annotation is the ingest document (src/ingest/document.ts) without `article.text`, plus:
 * `source` { url, outlet, event, sha256, text? }, `article.byline`, `statements[].patterns`
 * (the numbers of the reporting patterns of issue 20 a statement exercises) and `furniture`
 * (ranges of page furniture: menus, captions, credits, cut-off ends). An ingest document
 * with its text inside (test/fixtures/extract/*.json) is read as it is.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleDocument, StatementInput } from '../ingest/document';
import { validateDocument } from '../ingest/validate';

export interface ArticleSource {
  readonly url: string;
  readonly outlet: string;
  readonly event: string;
  /** Hex SHA-256 of the text's UTF-8 bytes. */
  readonly sha256: string;
  /** Path of the text, relative to the annotation. */
  readonly text?: string;
}

export interface Furniture {
  readonly start: number;
  readonly end: number;
  readonly what: string;
}

/** What the article's own metadata should come out as; null where the page shows none. */
export interface ExpectedMetadata {
  readonly title: string | null;
  readonly publishedAt: string | null;
  readonly byline: string | null;
  readonly publisher: string | null;
}

export interface AnnotatedArticle {
  readonly name: string;
  /** A valid ingest document with the text in it (a placeholder title where the page has none). */
  readonly gold: ArticleDocument;
  readonly expected: ExpectedMetadata;
  /** The patterns each gold statement exercises, by the statement object in `gold.statements`. */
  readonly patterns: ReadonlyMap<StatementInput, readonly number[]>;
  readonly furniture: readonly Furniture[];
  readonly source: ArticleSource | null;
}

export interface SkippedArticle {
  readonly name: string;
  readonly reason: string;
}

export interface AnnotatedFolder {
  readonly articles: readonly AnnotatedArticle[];
  readonly skipped: readonly SkippedArticle[];
}

type RawStatement = StatementInput & { patterns?: number[] };
type RawAnnotation = Omit<ArticleDocument, 'article' | 'statements'> & {
  source?: ArticleSource;
  furniture?: Furniture[];
  article: Omit<ArticleDocument['article'], 'text' | 'title'> & { text?: string; title?: string | null; byline?: string | null };
  statements: RawStatement[];
};

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Where the text of `<name>.json` is: `source.text`, else `<name>.txt` beside it, else `texts/<name>.txt`. */
function textPath(dir: string, name: string, source: ArticleSource): string | null {
  const candidates = source.text ? [path.resolve(dir, source.text)] : [path.join(dir, `${name}.txt`), path.join(dir, 'texts', `${name}.txt`)];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** The offsets a quote annotation claims must hold its words; anything else is a broken annotation, not a skip (so is a document ingest would refuse). */
function checkSpans(name: string, text: string, statements: readonly RawStatement[], furniture: readonly Furniture[]): void {
  const problems: string[] = [];
  statements.forEach((s, i) => {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length)) problems.push(`statements[${i}]: offsets ${s.start}-${s.end} outside the text (length ${text.length})`);
    else if (s.kind !== 'INDIRECT' && text.slice(s.start, s.end) !== s.text) problems.push(`statements[${i}]: text.slice(${s.start}, ${s.end}) is ${JSON.stringify(text.slice(s.start, s.end))}, expected ${JSON.stringify(s.text)}`);
    for (const p of s.patterns ?? []) if (!Number.isInteger(p) || p < 1 || p > 8) problems.push(`statements[${i}]: pattern ${p} is not one of 1-8`);
  });
  furniture.forEach((f, i) => {
    if (!(f.start >= 0 && f.start < f.end && f.end <= text.length)) problems.push(`furniture[${i}]: offsets ${f.start}-${f.end} outside the text (length ${text.length})`);
  });
  if (problems.length > 0) throw new Error(`annotation ${name} does not fit its text:\n  ${problems.join('\n  ')}`);
}

function toArticle(name: string, raw: RawAnnotation, text: string): AnnotatedArticle {
  const furniture = raw.furniture ?? [];
  checkSpans(name, text, raw.statements, furniture);
  const { byline, title, ...article } = raw.article;
  const statements = raw.statements.map(({ patterns: _patterns, ...s }) => s);
  const gold: ArticleDocument = {
    ...(raw.mentions ? { mentions: raw.mentions } : {}),
    ...(raw.sequences ? { sequences: raw.sequences } : {}),
    entities: raw.entities,
    article: { ...article, title: title ?? `(no title) ${name}`, text },
    statements,
  };
  const valid = validateDocument(gold);
  if (!valid.ok) throw new Error(`annotation ${name} is not a valid article document:\n  ${valid.problems.map((p) => `${p.path}: ${p.message}`).join('\n  ')}`);
  return {
    name,
    gold,
    expected: { title: title ?? null, publishedAt: raw.article.publishedAt ?? null, byline: byline ?? null, publisher: raw.article.publisher ?? null },
    patterns: new Map(statements.map((s, i) => [s, raw.statements[i]?.patterns ?? []])),
    furniture,
    source: raw.source ?? null,
  };
}

/** Every `*.json` annotation in `dir`, by name; those whose text is missing or changed are skipped with the reason. */
export function loadAnnotatedFolder(dir: string): AnnotatedFolder {
  const articles: AnnotatedArticle[] = [];
  const skipped: SkippedArticle[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const name = file.replace(/\.json$/, '');
    const raw = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as RawAnnotation;
    if (!raw.source) {
      if (typeof raw.article.text !== 'string') throw new Error(`annotation ${name} has neither source (url, sha256, text) nor article.text`);
      articles.push(toArticle(name, raw, raw.article.text));
      continue;
    }
    const where = textPath(dir, name, raw.source);
    if (!where) {
      skipped.push({ name, reason: `no text: expected ${raw.source.text ?? `${name}.txt beside the annotation or in texts/`}` });
      continue;
    }
    const text = readFileSync(where, 'utf8');
    const hash = sha256(text);
    if (hash !== raw.source.sha256) {
      skipped.push({ name, reason: `text changed: ${path.relative(dir, where)} has sha256 ${hash.slice(0, 12)}…, the annotation was made for ${raw.source.sha256.slice(0, 12)}…` });
      continue;
    }
    articles.push(toArticle(name, raw, text));
  }
  return { articles, skipped };
}
