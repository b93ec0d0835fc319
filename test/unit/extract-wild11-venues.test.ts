/**
 * Occasions in shapes met on real reporting (devset/heldout5 and devset/wild11-venue): what a
 * speaker is told doing at their one news conference by verbs that do not go on reporting
 * ("also urged", "according to"), "spoke to reporters at a press conference", a quote that
 * goes on from one said before the gathering is named, "his first public remarks since", and
 * "issued a follow-up statement".
 * Passages written for these tests (test/fixtures/extract/venue-*), with fictional people and
 * places.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR } from '../../src/extract/eval.cases';
import { extractText } from '../../src/extract/extract';
import { gazetteerOf } from '../../src/extract/gazetteer';
import type { ArticleDocument } from '../../src/ingest/document';

const fixture = (name: string): ArticleDocument => JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')) as ArticleDocument;

/** The venues the extractor proposes for a fixture's text, with its entities as the graph, in document order. */
function venuesOf(name: string): (string | null)[] {
  const gold = fixture(name);
  return extractText(gold.article.text, { title: gold.article.title, gazetteer: gazetteerOf(gold.entities) }).document.statements.map((s) => s.venue ?? null);
}

/** The venues proposed for a passage from the text alone. */
const venues = (text: string): (string | null)[] => extractText(text, { title: text.split('\n')[0] as string }).document.statements.map((s) => s.venue ?? null);

describe('a speaker at one gathering', () => {
  it('said there what the next paragraphs tell them doing by any verb told as done, not what is set last month', () => {
    const c = 'Thursday news conference';
    expect(venuesOf('venue-acts-at-one-gathering')).toEqual([c, c, c, c, c, null]);
  });

  it('did not say there what an outlet passed on ("…, per the Herald")', () => {
    const lede = 'Fuel queues grow\nHarbour Minister Delia Marsh said at a news conference on Thursday that deliveries would resume within days.\n';
    expect(venues(`${lede}Marsh also mentioned that the ferry company had drawn up a winter plan.\n`)).toEqual(['news conference', 'news conference']);
    expect(venues(`${lede}Marsh also mentioned that the ferry company had drawn up a winter plan, per the Harbour Herald.\n`)).toEqual(['news conference', null]);
  });

  it('did not say there what is told after other matters came between', () => {
    const text =
      'Fuel queues grow\nHarbour Minister Delia Marsh said at a news conference on Thursday that deliveries would resume within days.\nThe islands have had no diesel for a week.\nTwo ferries broke down in March.\nThe port has one tanker.\nMarsh urged drivers to report price rises to the council.\n';
    expect(venues(text)).toEqual(['news conference', null]);
  });
});

describe('listeners at a gathering', () => {
  it('"spoke to reporters at a press conference" is one venue, and a quote that goes on from one said before it was named takes it', () => {
    const v = 'spoke to reporters at a press conference';
    expect(venuesOf('venue-listeners-at-gathering')).toEqual([v, v, v, v]);
  });

  it('"spoke to reporters" with no gathering after it stays the listeners', () => {
    expect(venues('Bridge closes\nMayor Ruth Calloway spoke to reporters after the vote.\n“The bridge stays shut,” Calloway said.\n')).toEqual(['spoke to reporters']);
  });
});

describe('listeners that are a gathering', () => {
  it('"told a news conference" is a gathering, which a plain "said" told before it was named takes', () => {
    expect(venuesOf('venue-told-a-news-conference')).toEqual(['told a news conference', 'told a news conference']);
  });

  it('"told the Baltic Herald" is a listener, which words told before it did not reach', () => {
    const text = 'Rail chief explains shutdown\nThe rail operator halted its trains last week.\nIts chief executive, Anton Reyes, said on Friday that the stop was needed.\nReyes told the Baltic Herald that he ordered it within an hour.\n';
    expect(venues(text)).toEqual([null, 'told the Baltic Herald']);
  });
});

describe('a text put out', () => {
  it('"issued a follow-up statement": a hyphened modifier is part of the text\'s name, and what the company said next is from it', () => {
    const v = 'follow-up statement';
    expect(venuesOf('venue-hyphened-statement')).toEqual([v, v, v]);
  });
});

describe('an ordinal before an occasion', () => {
  it('"in his first public remarks since the shutdown" names the occasion the words were said at', () => {
    expect(venuesOf('venue-first-remarks-since')).toEqual(['told the Baltic Herald', 'first public remarks', 'first public remarks', 'first public remarks']);
  });

  it('a year before one still dates an old occasion, which the words were not said at', () => {
    expect(venues('Bridge closes\n“The bridge stays shut,” Mayor Ruth Calloway said in a 2019 interview.\n')).toEqual([null]);
  });
});
