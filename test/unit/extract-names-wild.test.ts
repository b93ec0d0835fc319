/**
 * Names as real 2015-2019 reporting wrote them, read for the eighth round: party words and
 * titles the shared lexicon lacks before a name, a double surname used alone, contractions
 * and sentence-opening prepositions that are no names, a title's "of" place. Passages
 * written for these tests, with fictional people and places.
 */
import { proposeBody } from '../helpers/extraction';

const propose = (text: string) => proposeBody(text).document;
const ids = (text: string): string[] => propose(text).entities.map((e) => e.id);
const speakers = (text: string): string[] => propose(text).statements.map((s) => s.speaker);

describe('words before a name that say what the person is', () => {
  it('takes a party word before a first name as a title, and leaves a party’s own bodies whole', () => {
    expect(speakers('Democrat Anna Fenwick said the board would review the permit.')).toEqual(['person:anna-fenwick']);
    expect(ids('The Republican National Committee said the vote was fair.')).toContain('org:republican-national-committee');
  });

  it('takes "Sheriff" and "Special Counsel" as titles', () => {
    expect(speakers('“We turn nobody away,” said Kell County Sheriff Tomas Brandt.')).toEqual(['person:tomas-brandt']);
    expect(speakers('Special Counsel Mira Dahl said her inquiry would end in May.')).toEqual(['person:mira-dahl']);
  });

  it('gives a name right after a title to a person, never a place', () => {
    expect(ids('He said he and Secretary of State Okonjo should compare notes, Mayor Ilse Varga said.').some((id) => id.startsWith('place:'))).toBe(false);
  });

  it('reads the name after a title’s "of" as where the title holds, not as the person', () => {
    expect(ids('Carmen Yulin Ortega, the mayor of Port Anselm, said the shelter would open.')).not.toContain('person:port-anselm');
  });
});

describe('a double surname used alone', () => {
  it('is the person named in full before', () => {
    const text = 'Carmen Yulin Ortega, the mayor, opened the shelter.\n“The building passed every inspection,” Yulin Ortega said.';
    expect(speakers(text)).toEqual(['person:carmen-yulin-ortega']);
    expect(ids(text)).not.toContain('person:yulin-ortega');
  });
});

describe('capitals that are no names', () => {
  it('skips a contraction inside a quote', () => {
    expect(ids('“If we went to a rally, they’ll say, ‘Oh, poor Bernie.’ They’ll lock you up,” Mayor Ilse Varga said.')).not.toContain('person:theyll');
  });

  it('skips a preposition opening a sentence, also right after a closing quote', () => {
    expect(ids('Among other things, Mayor Ilse Varga said the shelter had no fire exit.')).not.toContain('place:among');
    expect(ids('Mayor Ilse Varga spoke from “the middle of Harbour Country.” Among other things, Varga said the shelter had no fire exit.')).not.toContain('place:among');
  });

  it('makes no person of a thing after a bare "of", for a later "he" to land on', () => {
    const text = 'Coast Guard Rear Admiral Jon Maddox said the debris was the tail of the Kestrel.\nHe added that the search was over.';
    expect(ids(text)).not.toContain('person:kestrel');
    expect(speakers(text)).toEqual(['person:jon-maddox', 'person:jon-maddox']);
  });

  it('makes no entity of a nickname that is a whole quotation, but keeps a name inside a longer quote', () => {
    const text = 'Mayor Ilse Varga called her rival “Little Tomas Brandt” and “Horseface.”\n“Tomas Brandt never built a thing,” Varga said.';
    expect(ids(text)).not.toContain('person:little-tomas-brandt');
    expect(ids(text)).toContain('person:tomas-brandt');
  });
});
