/**
 * Occasions in shapes met on real reporting (devset/heldout7 and devset/wild13-venue): words
 * said "on" a broadcaster ("Abbott said on Fox News Sunday", "told NBC News"), which hold the
 * sentence's words and the quote that goes on from them, not the rest of what the speaker is
 * reported saying; and a person met, whom the sentence describes by an office ("spoke to Dany
 * Cotton, the commissioner of …"), taken for neither a venue nor an outlet. Passages written for these tests (test/fixtures/extract/venue-said-on-air, venue-listener-with-office),
 * with fictional people and places.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR } from '../../src/extract/eval.cases';
import { extractText } from '../../src/extract/extract';
import { gazetteerOf } from '../../src/extract/gazetteer';
import type { ArticleDocument } from '../../src/ingest/document';

const fixture = (name: string): ArticleDocument => JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')) as ArticleDocument;

/** The venue and outlets proposed for each statement of a fixture's text, with or without its entities as the graph. */
function venuesOf(name: string, known: boolean): [string | null, string[]][] {
  const gold = fixture(name);
  const options = known ? { title: gold.article.title, gazetteer: gazetteerOf(gold.entities) } : { title: gold.article.title };
  return extractText(gold.article.text, options).document.statements.map((s) => [s.venue ?? null, s.reportedBy ?? []]);
}

/** The venues proposed for a passage from the text alone. */
const venues = (text: string): (string | null)[] => extractText(text, { title: text.split('\n')[0] as string }).document.statements.map((s) => s.venue ?? null);

describe('words said on a broadcaster', () => {
  const onAir: [string, string[]] = ['Fox News Sunday', ['org:fox-news']];
  it.each([true, false])('hold the quote said there and the one going on from it, not the speaker’s other words (graph: %s)', (known) => {
    expect(venuesOf('venue-said-on-air', known)).toEqual([[null, []], [null, []], onAir, onAir, [null, []]]);
  });

  it('"said on" a name that is no outlet is no broadcast', () => {
    const lede = 'Flood bill climbs\nGovernor Ilse Moran spoke after the vote.\n';
    expect(venues(`${lede}“The port stays shut,” Moran said on Capitol Hill.\n`)).toEqual([null]);
    expect(venues(`${lede}“The port stays shut,” Moran said on Monday.\n`)).toEqual([null]);
    expect(venues(`${lede}“The port stays shut,” Moran said on CNN.\n`)).toEqual(['CNN']);
  });

  it('name a programme up to a day of the week, through the small words of its title', () => {
    const lede = 'Flood bill climbs\nGovernor Ilse Moran spoke after the vote.\n';
    expect(venues(`${lede}“The port stays shut,” Moran said on CNN Monday.\n`)).toEqual(['CNN']);
    expect(venues(`${lede}“The port stays shut,” Moran said on NBC’s Meet the Press.\n`)).toEqual(['NBC’s Meet the Press']);
  });
});

describe('a person the speaker met', () => {
  it.each([true, false])('described by an office is no outlet, and meeting them is no venue (graph: %s)', (known) => {
    expect(venuesOf('venue-listener-with-office', known)).toEqual([[null, []], [null, []]]);
  });
});

describe('an outlet the speaker talked to, then the speaker by an office', () => {
  it('keeps the outlet: the office opens the main clause, not an aside about the outlet', () => {
    const text = 'Harbour budget passes\nTransport Minister Joel Lane backed the plan on Tuesday.\nSpeaking to CNN, the minister said the budget was "a fair deal for every town".\n';
    expect(extractText(text, { title: 'Harbour budget passes' }).document.statements.map((s) => [s.speaker, s.venue ?? null, s.reportedBy ?? []])).toEqual([
      ['person:joel-lane', 'speaking to CNN', ['org:cnn']],
    ]);
  });
});
