/**
 * The eighth round's finding rules (issue 20), from shapes read in fresh reporting of many
 * outlets: an aside that gives a company's title after a name; "announced" with an object
 * the reader already knows of.
 */
import { gazetteerOf } from '../../src/extract/gazetteer';
import { proposeBody } from '../helpers/extraction';

const said = (text: string, gazetteer = gazetteerOf([])): [string, string, string][] =>
  proposeBody(text, gazetteer).document.statements.map((s) => [s.kind, s.speaker, s.text]);

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
