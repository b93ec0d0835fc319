/**
 * Who a pronoun and a double-barrelled name stand for (issue 20, fifth round): "it said" after
 * a body's statement, "she said" after a sentence about her and a town, "Holt-Baring" as one
 * surname. The extractor runs from the text alone (no graph).
 */
import { layOut } from '../../src/extract/layout';
import { gazetteerOf } from '../../src/extract/gazetteer';
import { proposeBody, said } from '../helpers/extraction';


describe('a double-barrelled name', () => {
  it('is one word, so the full name and the surname alone are the same person', () => {
    expect(layOut('Chief Annika Holt-Baring spoke.').tokens.map((t) => t.text)).toEqual(['Chief', 'Annika', 'Holt-Baring', 'spoke']);
    expect(said('Fire Chief Annika Holt-Baring toured the lock.\n“Nobody had a chance,” Holt-Baring said.')).toEqual([['DIRECT', 'person:annika-holt-baring', 'Nobody had a chance,']]);
  });

  it('leaves a hyphenated common word and a lower-case half alone', () => {
    expect(layOut('A well-known Anglo-saxon name.').tokens.map((t) => t.text)).toEqual(['A', 'well', 'known', 'Anglo', 'saxon', 'name']);
  });
});

describe('"it" as a speaker', () => {
  it('is the body the sentence before was about, and "it added" goes on with it', () => {
    expect(said('The Wexmoor Canal Authority issued a statement on Monday.\nIt said that the crew had “almost certainly been lost.”\n“They knew these waters,” it added.')).toEqual([
      ['PARTIAL', 'org:wexmoor-canal-authority', 'almost certainly been lost.'],
      ['DIRECT', 'org:wexmoor-canal-authority', 'They knew these waters,'],
    ]);
  });

  it('is the main clause’s body, not one named in a clause after it', () => {
    const found = said('The Wexmoor Canal Authority issued a statement after the Harbour Police found the boat.\n“They knew these waters,” it said.');
    expect(found).toContainEqual(['DIRECT', 'org:wexmoor-canal-authority', 'They knew these waters,']);
  });

  it('is never a person', () => {
    expect(said('Mayor Ilse Varga visited the lock on Monday.\n“They knew these waters,” it said.')).toEqual([]);
  });
});

describe('"she" after a sentence about her', () => {
  it('is the subject of the sentence before, not a town named after her', () => {
    expect(said('Fire Chief Annika Holt-Baring walked the flooded locks of Emberly on Tuesday.\nFrom what she saw, she said the water had risen fast.')).toEqual([
      ['INDIRECT', 'person:annika-holt-baring', 'The water had risen fast.'],
    ]);
  });
});

describe('a company’s statement read out paragraph by paragraph', () => {
  it('gives "The statement read, “…”" and the quote-only paragraphs after it, past blank lines, to the company', () => {
    expect(said('Brightwater Ferry Company issued a statement on Sunday.\n\n“We have lost three of our own,” the company said.\n\nThe statement read, “They were the best of us.”\n\n“Our thoughts are with their families.”')).toEqual([
      ['DIRECT', 'org:brightwater-ferry-company', 'We have lost three of our own,'],
      ['DIRECT', 'org:brightwater-ferry-company', 'They were the best of us.'],
      ['DIRECT', 'org:brightwater-ferry-company', 'Our thoughts are with their families.'],
    ]);
  });

  it('gives the paragraphs after "A statement from X reads:" to X, a short line ending in a colon being no heading', () => {
    expect(said('A statement from the Coastwatch Trust reads:\n\n“We will keep searching.\n\n“Every boat has offered to help.”')).toEqual([
      ['DIRECT', 'org:coastwatch-trust', 'We will keep searching.'],
      ['DIRECT', 'org:coastwatch-trust', 'Every boat has offered to help.'],
    ]);
  });

  it('reads the subject past an aside that names a thing: "X, the firm that ran the boat known as the Gannet, which …, says"', () => {
    expect(said('Brightwater Ferry Company, the firm that ran the boat known as the Gannet, which vanished on Sunday, says the crew is presumed dead.')).toEqual([
      ['INDIRECT', 'org:brightwater-ferry-company', 'The crew is presumed dead.'],
    ]);
  });

  it('does not give a quote to the last speaker when a straight closing mark is followed by its own attribution', () => {
    expect(said('“We are sorry,” Mayor Ilse Varga said.\n\n"Get them home now!" one neighbour shouted. "People are suffering!"')).toEqual([['DIRECT', 'person:ilse-varga', 'We are sorry,']]);
  });
});

describe('a statement announced through an outlet', () => {
  it('gives the outlet of "A statement from X, per the Y Gazette, reads:" to the paragraphs that follow', () => {
    const doc = proposeBody('A statement from the Coastwatch Trust, per the Harbour Gazette, reads:\n\n“We will keep searching.”', gazetteerOf([])).document;
    expect(doc.statements.map((s) => [s.speaker, s.reportedBy])).toEqual([['org:coastwatch-trust', ['org:harbour-gazette']]]);
  });
});
