/** The id an article derives when its document gives none (src/ingest/identity.ts), and where the validator takes it from. */
import { derivedArticleId, MAX_SLUG } from '../../src/ingest/identity';
import { validateDocument } from '../../src/ingest/validate';

const TITLE = 'US Cuts Off Intelligence Sharing With Ukraine: Report';

describe('derivedArticleId', () => {
  it('comes from the url: host without www, path and query, tracking parameters, scheme and fragment left out', () => {
    expect(derivedArticleId({ title: TITLE, url: 'https://www.ft.com/content/abc-123?utm_source=x&page=2#comments' })).toBe('article:ft-com-content-abc-123-page-2');
    expect(derivedArticleId({ title: 'Another title', url: 'http://ft.com/content/abc-123?page=2&fbclid=y' })).toBe('article:ft-com-content-abc-123-page-2');
  });

  it('without a url, from publisher, day and title, so two outlets or two days with one headline get two ids', () => {
    expect(derivedArticleId({ title: TITLE, publisher: 'org:financial-times', publishedAt: '2025-03-05T14:00:00Z' })).toBe(
      'article:financial-times-2025-03-05-us-cuts-off-intelligence-sharing-with-ukraine-report',
    );
    expect(derivedArticleId({ title: TITLE, publisher: 'org:cnn', publishedAt: '2025-03-05' })).toBe('article:cnn-2025-03-05-us-cuts-off-intelligence-sharing-with-ukraine-report');
    expect(derivedArticleId({ title: TITLE, publishedAt: '2025-03-06' })).toBe('article:2025-03-06-us-cuts-off-intelligence-sharing-with-ukraine-report');
  });

  it('from a title alone, is the title slug that ids had before the rule', () => {
    expect(derivedArticleId({ title: TITLE })).toBe('article:us-cuts-off-intelligence-sharing-with-ukraine-report');
    expect(derivedArticleId({ title: '!!!' })).toBeNull();
  });

  it('is bounded, and two long urls that share their beginning still differ', () => {
    const base = `https://example.org/${'very-long-section/'.repeat(10)}`;
    const a = derivedArticleId({ title: TITLE, url: `${base}story-one` }) as string;
    const b = derivedArticleId({ title: TITLE, url: `${base}story-two` }) as string;
    expect(a).not.toBe(b);
    for (const id of [a, b]) {
      expect(id.length).toBeLessThanOrEqual('article:'.length + MAX_SLUG);
      expect(id).toMatch(/^article:example-org-very-long-section-[a-z0-9-]+-[0-9a-f]{8}$/);
    }
    expect(derivedArticleId({ title: TITLE, url: `${base}story-one` })).toBe(a);
  });
});

describe('validateDocument', () => {
  const document = (article: Record<string, unknown>) => ({ article: { title: TITLE, text: 'Words.', ...article }, entities: [], statements: [] });
  const idOf = (article: Record<string, unknown>): string | null => {
    const result = validateDocument(document(article));
    return result.ok ? result.document.article.id : null;
  };

  it('takes an explicit id over every other field', () => {
    expect(idOf({ id: 'article:my-own-id', url: 'https://example.org/a', publisher: 'org:cnn', publishedAt: '2025-03-05' })).toBe('article:my-own-id');
  });

  it('derives the id from the url, else from publisher, date and title', () => {
    expect(idOf({ url: 'https://example.org/a', publisher: 'org:cnn' })).toBe('article:example-org-a');
    expect(idOf({ publisher: 'org:cnn', publishedAt: '2025-03-05' })).toBe('article:cnn-2025-03-05-us-cuts-off-intelligence-sharing-with-ukraine-report');
  });
});
