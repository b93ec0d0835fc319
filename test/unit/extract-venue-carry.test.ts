/**
 * How a speaker's occasion reaches the words the article reports without naming one, in
 * shapes met on real reporting of the 2018-2022 disasters and collapses (devset/wild10-venue)
 * and on heldout4: a verb that answers within the same exchange ("she denied …", "he
 * described …"), words reported before the occasion is named, a body's named meeting, and an occasion
 * the words were denied ("a pledge he had not made in remarks …"). Passages written for these
 * tests (test/fixtures/extract/venue-*), with fictional people and places;
 * extract-about.test.ts checks each fixture's statements against its gold whole.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR } from '../../src/extract/eval.cases';
import { extractText } from '../../src/extract/extract';
import { gazetteerOf } from '../../src/extract/gazetteer';
import type { ArticleDocument } from '../../src/ingest/document';

const fixture = (name: string): ArticleDocument => JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')) as ArticleDocument;

/** The venues the extractor proposes for a fixture's text, in document order. */
function venuesOf(name: string): (string | null)[] {
  const gold = fixture(name);
  return extractText(gold.article.text, { title: gold.article.title, gazetteer: gazetteerOf(gold.entities) }).document.statements.map((s) => s.venue ?? null);
}

describe('the occasion carried', () => {
  it('to a verb that answers within the exchange ("denied"), not to a stance held over time ("has argued")', () => {
    expect(venuesOf('venue-answering-verb')).toEqual(['told a council committee', 'told a council committee', 'told a council committee', null]);
  });

  it('back to plain "said" reported before the occasion is named, not to words set at another time ("said last month")', () => {
    expect(venuesOf('venue-said-before-occasion')).toEqual(['news conference', 'news conference', 'news conference', null, 'news conference']);
  });

  it('from a body’s named meeting ("at the Harbour Board meeting"), while a meeting talked about is no occasion', () => {
    expect(venuesOf('venue-named-meeting')).toEqual(['Kessel Harbour Board meeting', null]);
  });

  it('past an occasion the words were denied ("a pledge he had not made in remarks …"), which is not theirs', () => {
    expect(venuesOf('venue-denied-occasion')).toEqual(['address', 'address', 'address']);
  });
});
