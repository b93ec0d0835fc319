/**
 * The twelfth round's rules on who a pronoun or a description is and where words were said
 * (issue 20), from shapes met on devset/heldout4, devset/heldout5 and devset/wild12-refer.
 * People, bodies and places are invented; the passages are written for these tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR } from '../../src/extract/eval.cases';
import { extractText } from '../../src/extract/extract';
import { gazetteerOf } from '../../src/extract/gazetteer';
import type { ArticleDocument } from '../../src/ingest/document';
import { said } from '../helpers/extraction';

const withHeadline = (...paragraphs: string[]): string => ['Harbour council weighs the ferry cuts', ...paragraphs].join('\n\n');

/** The venues proposed for a passage from the text alone, in document order. */
const venues = (text: string): (string | null)[] => extractText(text, { title: text.split('\n')[0] as string }).document.statements.map((s) => s.venue ?? null);

describe('a person named before "of" and a body', () => {
  it('is the subject of the verb after the body, not the body', () => {
    expect(said(withHeadline('Col. Ines Calder of the Portmere Harbour Board said on Monday that the pier would close.'))).toEqual([['INDIRECT', 'person:ines-calder', 'The pier would close.']]);
  });
});

describe('a pronoun after a person the paragraph only describes', () => {
  it('goes on with that person, whom no one named, not with a speaker named before', () => {
    const text = withHeadline('Councillor Brant Ovel said the cuts would hurt the islands.', 'The port manager said the pier would close at dusk. He added that the night crossings would stop.');
    expect(said(text)).toEqual([['INDIRECT', 'person:brant-ovel', 'The cuts would hurt the islands.']]);
  });

  it('after "a" and a description, may be someone else the paragraph names', () => {
    const text = withHeadline('Councillor Brant Ovel spoke to the island families. A teacher asked about the school boat. The boat will keep running, he said.');
    expect(said(text)).toEqual([['INDIRECT', 'person:brant-ovel', 'The boat will keep running.']]);
  });
});

describe('a paragraph that opens on “…,” she said', () => {
  it('goes on with the named subject the paragraph before ends on, when nobody spoke since', () => {
    const text = withHeadline('Mayor Ines Calder announced the cuts on Monday.', 'Councillor Brant Ovel said the cuts would hurt the islands.', 'A visibly tired Calder met the island families an hour later.', '“We did not choose this,” she said.');
    expect(said(text)).toEqual([
      ['INDIRECT', 'person:brant-ovel', 'The cuts would hurt the islands.'],
      ['DIRECT', 'person:ines-calder', 'We did not choose this,'],
    ]);
  });

  it('goes on with whoever spoke after that subject', () => {
    const text = withHeadline('Mayor Ines Calder met the island families.', 'Councillor Brant Ovel said the cuts would hurt the islands.', '“We will fight them,” he said.');
    expect(said(text).map(([, speaker]) => speaker)).toEqual(['person:brant-ovel', 'person:brant-ovel']);
  });
});

describe('a case’s title', () => {
  it('is nobody a pronoun stands for', () => {
    expect(said(withHeadline('Here is how the islands took the ruling in Marsh v. Tolland:', '“I will not rest until the crossings are back,” she said.'))).toEqual([]);
  });
});

describe('occasions', () => {
  it('"has said" tells of words said at some time or other, not at the hearing the passage names', () => {
    const text = 'Rail inquiry opens\nVelrail Company was not called to give evidence. A second hearing is set for Friday.\nVelrail Company has said it is replacing every signal.\n';
    expect(venues(text)).toEqual([null]);
  });

  it('an occasion the subject did something to by speaking is the subject’s', () => {
    const text = 'Rail inquiry opens\nTransport Minister Olga Brandt wrapped up the first day of the hearing by saying the line would reopen in May.\n';
    expect(venues(text)).toEqual(['hearing']);
  });

  it('words told of after they were said are no second occasion: the lede’s "said" takes the one interview', () => {
    const text =
      'Harbour chief stays\nHarbour Chief Mara Lind took the blame on Monday but said she would not resign.\n“It was my failure,” Lind told the Portmere Herald in an interview.\nLind’s statements were published hours after the board met.\n';
    expect(venues(text)).toEqual(['interview with the Portmere Herald', 'interview with the Portmere Herald']);
  });
});

describe('the fixtures of these shapes', () => {
  const fixture = (name: string): ArticleDocument => JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')) as ArticleDocument;
  const proposed = (name: string, known: boolean): [string, string, string | null][] => {
    const gold = fixture(name);
    return extractText(gold.article.text, { title: gold.article.title, gazetteer: gazetteerOf(known ? gold.entities : []) }).document.statements.map((s) => [s.speaker, s.text, s.venue ?? null]);
  };

  it.each([false, true])('pattern-7-pronoun-antecedents gives each statement its speaker (graph known: %s)', (known) => {
    expect(proposed('pattern-7-pronoun-antecedents', known).map(([speaker]) => speaker)).toEqual(fixture('pattern-7-pronoun-antecedents').statements.map((s) => s.speaker));
  });

  it.each([false, true])('venue-by-saying-and-perfect gives the hearing to the minister only (graph known: %s)', (known) => {
    expect(proposed('venue-by-saying-and-perfect', known).map(([, , venue]) => venue)).toEqual(['rail inquiry hearing', 'rail inquiry hearing', null]);
  });
});
