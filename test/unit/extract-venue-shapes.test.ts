/**
 * Occasions named in shapes met on real reporting of the 2010-2012 disasters and strikes
 * (devset/wild9-venue): "in a brief exchange with reporters", "told ABC News in an
 * interview", "Taking to Twitter, he wrote", a headline's "Fran Drescher’s Speech", the
 * occasion a speaker's own sentence names ("finished her speech by stating"), and a
 * headline's "rally shooting" that is what happened, not where anyone spoke. Passages
 * written for these tests (test/fixtures/extract/venue-*), with fictional people and places;
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

describe('the venues proposed', () => {
  it('an exchange with someone is an occasion, a stock exchange is not', () => {
    expect(venuesOf('venue-exchange-with')).toEqual(['brief exchange with reporters', 'brief exchange with reporters', null]);
  });

  it('an outlet told in an interview is the interview with that outlet, carried to the words that go on', () => {
    expect(venuesOf('venue-told-outlet-interview')).toEqual(['interview with the Kessel Courier', 'interview with the Kessel Courier', 'interview with the Kessel Courier']);
  });

  it('a platform taken to holds what was written there, not a later plain "said"', () => {
    expect(venuesOf('venue-took-to-platform')).toEqual(['taking to X', null]);
  });

  it('a headline’s named speech is the occasion of all its speaker’s words, "called" and "claimed" included', () => {
    expect(venuesOf('venue-headline-speech')).toEqual(['speech', 'speech', 'speech', 'speech']);
  });

  it('a headline’s "rally shooting" gives no one an occasion', () => {
    expect(venuesOf('venue-headline-event')).toEqual([null, null]);
  });
});

describe('a speaker on one occasion', () => {
  const venues = (text: string): (string | null)[] => extractText(text, { title: text.split('\n')[0] as string }).document.statements.map((s) => s.venue ?? null);

  it('is told of without the day: "told a council committee Thursday" names the committee', () => {
    expect(venues('Ferries late again\nHarbour director Ilse Moravec told a council committee Thursday that the ferries were late.\n')).toEqual(['told a council committee']);
  });

  it('keeps the occasion for a second verb of the same sentence ("…, acknowledging …")', () => {
    const text = 'Ferries late again\nHarbour director Ilse Moravec told a council committee Thursday that the ferries were late.\nShe said the yard was “behind”, acknowledging the delay had cost the port “a whole season”.\n';
    expect(venues(text)).toEqual(['told a council committee', 'told a council committee', 'told a council committee']);
  });
});
