/**
 * Occasions that do not carry, in shapes met on real reporting (devset/heldout9, heldout8,
 * heldout7): a gathering a headline or sentence only mentions ("as extradition debate turns
 * violent", "postponed the debate over the bill"), words set apart in time from the
 * speaker's occasion ("After the visit, she said: …", "said early Saturday" after a video put
 * out late Friday), and a "saying" that goes with a verb in the perfect ("has focused her
 * criticism on …, saying …").
 * Passages written for these tests (test/fixtures/extract/venue-sources16-*), with fictional
 * people and places.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR } from '../../src/extract/eval.cases';
import { extractText } from '../../src/extract/extract';
import { gazetteerOf } from '../../src/extract/gazetteer';
import type { ArticleDocument } from '../../src/ingest/document';

const fixture = (name: string): ArticleDocument => JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')) as ArticleDocument;

/** The venues proposed for a fixture's text, from the text alone and with its entities as the graph. */
function venuesOf(name: string): { offline: (string | null)[]; known: (string | null)[] } {
  const gold = fixture(name);
  const run = (known: boolean): (string | null)[] =>
    extractText(gold.article.text, { title: gold.article.title, ...(known ? { gazetteer: gazetteerOf(gold.entities) } : {}) }).document.statements.map((s) => s.venue ?? null);
  return { offline: run(false), known: run(true) };
}

/** The venues proposed for a passage from the text alone, its first line the headline. */
const venues = (text: string): (string | null)[] => extractText(text, { title: text.split('\n')[0] as string }).document.statements.map((s) => s.venue ?? null);

describe('a gathering only mentioned', () => {
  it('is nobody’s occasion when a headline tells of it turning bitter or a sentence of its being postponed', () => {
    const { offline, known } = venuesOf('venue-sources16-mentioned-debate');
    expect(offline).toEqual([null, null, null, null]);
    expect(known).toEqual([null, null, null, null]);
  });

  it('is still the occasion when a sentence places words at it or someone attends it', () => {
    const body = 'Councillor Mara Quist spoke first.\n“The fares must fall,” Quist said.\n';
    expect(venues(`Ferry fares\nThese were the main moments of Tuesday’s council debate.\n${body}`)).toEqual(['council debate']);
    expect(venues(`Ferry fares\nThe mayor did not attend a Velmar, Arlen County, town hall meeting on the fares.\n${body}`)).toEqual(['town hall meeting']);
  });
});

describe('words set apart from the speaker’s occasion', () => {
  it('take no occasion when the sentence opens on another time or dates the verb to another day', () => {
    const { offline, known } = venuesOf('venue-sources16-set-apart');
    expect(offline).toEqual(['press conference', null, null]);
    expect(known).toEqual(['press conference', null, null]);
  });

  it('take none for a quote that goes on from words said apart', () => {
    const text = 'Flood visit\nPremier Ilse Varga held a press conference in Corran on Monday.\n“The waters are falling,” Varga said.\nAfter her visit to the valley, she said: “I have seen the damage with my own eyes.”\n“Every family will be housed before the winter comes.”\n';
    expect(venues(text)).toEqual(['press conference', null, null]);
  });

  it('keep it when the opening time is inside the words reported', () => {
    const text = 'Storm update\nPremier Ilse Varga held a press conference in Corran on Monday.\n“The waters are falling,” Varga said.\nBefore the crews could reach the valley, families were “already clearing the roads,” Varga added.\n';
    expect(venues(text)).toEqual(['press conference', 'press conference']);
  });
});

describe('a saying that goes with a verb in the perfect', () => {
  it('is a stance held over time, which takes no occasion', () => {
    const { offline, known } = venuesOf('venue-sources16-held-saying');
    expect(offline).toEqual(['told Radio Velmar', null]);
    expect(known).toEqual(['told Radio Velmar', null]);
  });
});
