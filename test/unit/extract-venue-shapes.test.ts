/**
 * Occasions named in shapes met on real reporting of the 2010-2012 disasters and strikes
 * (devset/wild9-venue): "in a brief exchange with reporters", "told ABC News in an
 * interview", "Taking to Twitter, he wrote", a headline's "Fran Drescher’s Speech", the
 * occasion a speaker's own sentence names ("finished her speech by stating"), and a
 * headline's "rally shooting" that is what happened, not where anyone spoke. Passages
 * written for these tests (test/fixtures/extract/venue-*), with fictional people and places.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { matchStatements } from '../../src/extract/eval';
import { FIXTURE_DIR } from '../../src/extract/eval.cases';
import { extractText } from '../../src/extract/extract';
import { gazetteerOf } from '../../src/extract/gazetteer';
import type { ArticleDocument, StatementInput } from '../../src/ingest/document';

const fixture = (name: string): ArticleDocument => JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')) as ArticleDocument;

const facts = (s: StatementInput): unknown => ({ speaker: s.speaker, venue: s.venue ?? null, reportedBy: s.reportedBy ?? [] });

/** The proposal's statements in the gold's order, paired by span as the eval pairs them; null where none is. */
function proposedFor(gold: ArticleDocument): unknown[] {
  const proposal = extractText(gold.article.text, { title: gold.article.title, gazetteer: gazetteerOf(gold.entities) }).document;
  const pairs = matchStatements(gold.statements, proposal.statements);
  const partner = new Map([...pairs.quotes, ...pairs.indirect]);
  return gold.statements.map((g) => {
    const f = partner.get(g);
    return f === undefined ? null : facts(f);
  });
}

/** The venues the extractor proposes for a fixture's text, in document order. */
function venuesOf(name: string): (string | null)[] {
  const gold = fixture(name);
  return extractText(gold.article.text, { title: gold.article.title, gazetteer: gazetteerOf(gold.entities) }).document.statements.map((s) => s.venue ?? null);
}

describe.each(['venue-exchange-with', 'venue-told-outlet-interview', 'venue-took-to-platform', 'venue-headline-speech', 'venue-headline-event'])('the fixture %s', (name) => {
  it('gives every statement the speaker, venue and outlets of the gold', () => {
    const gold = fixture(name);
    expect(proposedFor(gold)).toEqual(gold.statements.map(facts));
  });
});

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
