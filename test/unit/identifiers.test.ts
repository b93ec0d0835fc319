import type { ArticleDocument } from '../../src/ingest/document';
import { readStory } from '../../src/ingest/seed';
import { validateDocument } from '../../src/ingest/validate';
import { identifierKey, identifierUrl, identifierValueProblem } from '../../src/vocabulary';

const story = (): ArticleDocument => JSON.parse(JSON.stringify(readStory())) as ArticleDocument;
const problemsOf = (doc: unknown) => {
  const result = validateDocument(doc);
  return result.ok ? [] : result.problems;
};
const indexOf = (doc: ArticleDocument, id: string): number => doc.entities.findIndex((e) => e.id === id);

describe('external identifiers', () => {
  it('checks a value against its scheme', () => {
    expect(identifierValueProblem('WIKIDATA', 'Q22686')).toBeNull();
    expect(identifierValueProblem('URL', 'https://en.wikipedia.org/wiki/Mike_Waltz')).toBeNull();
    for (const value of ['22686', 'Q0', 'q22686', 'Q22686 ', 'Q-1', 7]) expect(identifierValueProblem('WIKIDATA', value)).toMatch(/^expected a WIKIDATA identifier like Q22686/);
    for (const value of ['ftp://example.org/x', 'en.wikipedia.org/wiki/X', 'https://a b', '']) expect(identifierValueProblem('URL', value)).toMatch(/^expected a URL identifier/);
    expect(identifierUrl('WIKIDATA', 'Q30')).toBe('https://www.wikidata.org/wiki/Q30');
    expect(identifierKey('WIKIDATA', 'Q30')).toBe('WIKIDATA:Q30');
  });

  it("keeps the story's identifiers, each with the address its value derives", () => {
    const result = validateDocument(story());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const trump = result.document.entities.find((e) => e.id === 'person:donald-trump');
    expect(trump?.identifiers).toEqual([
      { scheme: 'WIKIDATA', value: 'Q22686', url: 'https://www.wikidata.org/wiki/Q22686' },
      { scheme: 'URL', value: 'https://en.wikipedia.org/wiki/Donald_Trump', url: 'https://en.wikipedia.org/wiki/Donald_Trump' },
    ]);
    // An entity without any has no identifiers field, so its content hash is what it was before identifiers existed.
    expect(result.document.entities.find((e) => e.id === 'org:cia')).not.toHaveProperty('identifiers');
  });

  it('reports an unknown scheme, a malformed value, a url that is not the value’s, and an unknown field, all at once', () => {
    const doc = story();
    const i = indexOf(doc, 'org:cia');
    (doc.entities[i] as { identifiers: unknown }).identifiers = [
      { scheme: 'VIAF', value: '123' },
      { scheme: 'WIKIDATA', value: 'CIA' },
      { scheme: 'WIKIDATA', value: 'Q37230', url: 'https://example.org/Q37230' },
      { scheme: 'URL', value: 'https://www.cia.gov/', note: 'x' },
    ];
    expect(problemsOf(doc)).toEqual([
      { path: `entities[${i}].identifiers[0].scheme`, message: 'expected one of WIKIDATA, URL; received "VIAF"' },
      { path: `entities[${i}].identifiers[1].value`, message: expect.stringMatching(/^expected a WIKIDATA identifier like Q22686 .*received "CIA"$/) },
      { path: `entities[${i}].identifiers[2].url`, message: 'expected https://www.wikidata.org/wiki/Q37230 (the address of WIKIDATA Q37230) or no url; received "https://example.org/Q37230"' },
      { path: `entities[${i}].identifiers[3].note`, message: expect.stringMatching(/^unknown field/) },
    ]);
  });

  it('refuses one identifier on two entities of a document: it names one entity', () => {
    const doc = story();
    const i = indexOf(doc, 'person:mike-waltz');
    doc.entities[i]!.identifiers = [{ scheme: 'WIKIDATA', value: 'Q22686' }];
    expect(problemsOf(doc)).toEqual([
      { path: `entities[${i}].identifiers[0]`, message: `WIKIDATA Q22686 is given to entities[${indexOf(doc, 'person:donald-trump')}] already; an identifier names one entity` },
    ]);
  });
});
