/**
 * The eighth round's finding rules (issue 20), from shapes read in fresh reporting of many
 * outlets: an aside that gives a company's title after a name; "announced" with an object
 * the reader already knows of; "was quoted as saying by"; a linked name’s pop-up in the sentence;
 * a county sheriff or coroner as a title; "called a ‘…’" with nobody named before the article;
 * "according to the regional governor" when the next paragraph names the one governor.
 */
import { gazetteerOf } from '../../src/extract/gazetteer';
import { blankAsides } from '../../src/extract/layout';
import { proposeBody, said } from '../helpers/extraction';


describe('an aside that opens on an owner and holds a title', () => {
  it('says what the name before it is, so the name is the speaker', () => {
    expect(said('Ana Ruiz, Harbor Freight’s president and CEO, said the firm is “pausing every delivery.”')).toEqual([
      ['PARTIAL', 'person:ana-ruiz', 'pausing every delivery.'],
    ]);
    expect(said('Paul Cole, Tarrow Paper’s chief executive, said the mill would close in May.')).toEqual([
      ['INDIRECT', 'person:paul-cole', 'The mill would close in May.'],
    ]);
  });

  it('leaves a phrase after the verb that opens the clause said to it, not to the subject', () => {
    expect(said('Ana Ruiz, who ran the yard for a decade and more, said the company is “pausing every delivery.”').map(([, who]) => who)).not.toContain('person:company');
  });
});

describe('"announced" with an object', () => {
  it('is the reporter telling of a known thing when the object is definite', () => {
    expect(said('Mayor Elin Sand announced the closure of the pier on Monday.\n\nShe announced their findings at noon.')).toEqual([]);
  });

  it('gives what was said when the object is new, or a clause follows', () => {
    expect(said('Mayor Elin Sand announced new weight limits for the pier.\n\nSand announced that the pier would stay shut.')).toEqual([
      ['INDIRECT', 'person:elin-sand', 'Sand announced new weight limits for the pier.'],
      ['INDIRECT', 'person:elin-sand', 'Sand announced that the pier would stay shut.'],
    ]);
  });
});

describe('"was quoted as saying" after a quote', () => {
  it('gives the quote to the name before it, and the outlet after "by" reports it', () => {
    const doc = proposeBody('“The road is open again,” Mayor Elin Sand was quoted as saying by the Tarrow Courier.\n\n“We did it in a week,” Sand has been quoted as saying.', gazetteerOf([])).document;
    expect(doc.statements.map((s) => [s.kind, s.speaker, s.reportedBy ?? []])).toEqual([
      ['DIRECT', 'person:elin-sand', ['org:tarrow-courier']],
      ['DIRECT', 'person:elin-sand', []],
    ]);
  });
});

describe('a linked name’s pop-up printed inside the sentence', () => {
  const popup = 'Council leader Rosa PerrinRosa Anne PerrinPerrin: Council ‘broke its word’ on ferries Tolls to rise MORE said the vote would be held on Monday.';

  it('is blanked, so its headlines give no statement and the name keeps its verb', () => {
    expect(said(popup)).toEqual([['INDIRECT', 'person:rosa-perrin', 'The vote would be held on Monday.']]);
    expect(blankAsides(popup)).toHaveLength(popup.length);
  });

  it('is not read into a capitalised word that no pop-up follows', () => {
    const plain = 'She uses YouTube and PayPal MORE than most.';
    expect(blankAsides(plain)).toBe(plain);
  });

  it('is found in time linear in the text, however many glued words and "MORE"s a line has', () => {
    const line = `${'AbcDef '.repeat(30_000)}${' MORE x'.repeat(30_000)}`;
    expect(blankAsides(line)).toHaveLength(line.length);
  }, 10_000);
});

describe('a county sheriff or coroner before a name', () => {
  it('is a title, so the speaker is the person and "Sheriff Pike" is the same one', () => {
    expect(said('Orrin County Sheriff Dana Pike said the search would go on.\n\n“Every hour counts,” Sheriff Pike said.').map(([, who]) => who)).toEqual(['person:dana-pike', 'person:dana-pike']);
    expect(said('Deputy Coroner Ben Alder said no bodies had been found.').map(([, who]) => who)).toEqual(['person:ben-alder']);
  });
});

describe('"called a ‘…’" with no one named before the article', () => {
  it('is a name someone was called, not words of the subject', () => {
    expect(said('Nils Varga was booed and called a ‘coward’ at the quay.')).toEqual([]);
  });

  it('still quotes the subject when it names what it called so', () => {
    expect(said('Nils Varga called the protest “a fair warning.”')).toEqual([['PARTIAL', 'person:nils-varga', 'a fair warning.']]);
  });
});

describe('"according to the regional governor" with no name', () => {
  it('is the claim of the one governor who speaks in the next paragraph, flagged for review', () => {
    const proposal = proposeBody('Seven climbers have been reached by a rescue team, according to the regional governor.\n\n“Every one of them is alive,” Gov. Mira Sol told reporters.', gazetteerOf([]));
    expect(proposal.document.statements.map((s) => [s.kind, s.speaker])).toEqual([
      ['INDIRECT', 'person:mira-sol'],
      ['DIRECT', 'person:mira-sol'],
    ]);
    expect(proposal.document.review.find((r) => r.rule === 'indirect-according-to')?.flags).toEqual(expect.arrayContaining(['description', 'nearby-speaker']));
  });

  it('stays out when nobody with that title speaks nearby', () => {
    expect(said('Seven climbers have been reached by a rescue team, according to the regional governor.\n\n“Every one of them is alive,” Mira Sol, a guide, told reporters.').map(([kind]) => kind)).toEqual(['DIRECT']);
  });
});
