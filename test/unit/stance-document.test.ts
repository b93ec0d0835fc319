/**
 * Stances in an ingest document (src/ingest/validate.ts): each entry names one of the
 * statement's about ids, once, with a stance of the vocabulary; links without one are UNCLEAR.
 */
import { validateDocument } from '../../src/ingest/validate';

const TEXT = 'Stance test\n“Tariffs are a tax,” Ann said.';
const document = (stances: unknown): unknown => ({
  article: { title: 'Stance test', text: TEXT, publishedAt: '2025-03-05' },
  entities: [
    { id: 'person:ann', type: 'Person', name: 'Ann' },
    { id: 'policy:tariff', type: 'Policy', name: 'Tariff' },
    { id: 'place:utopia', type: 'Place', name: 'Utopia' },
  ],
  statements: [{ kind: 'DIRECT', speaker: 'person:ann', text: 'Tariffs are a tax', start: 13, end: 30, about: ['policy:tariff', 'place:utopia'], stances }],
});

describe('stances in a document', () => {
  it('gives each about link its stance, UNCLEAR where none is given', () => {
    const result = validateDocument(document([{ about: 'policy:tariff', stance: 'OPPOSES', confidence: 0.8 }]));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.document.statements[0]?.stances).toEqual([
      { stance: 'OPPOSES', confidence: 0.8 },
      { stance: 'UNCLEAR', confidence: null },
    ]);
  });

  it('reports an entry for an id the statement is not about, a stance twice, an unknown stance and a bad confidence', () => {
    const result = validateDocument(
      document([
        { about: 'place:atlantis', stance: 'SUPPORTS' },
        { about: 'policy:tariff', stance: 'AGREES' },
        { about: 'place:utopia', stance: 'NEUTRAL', confidence: 2 },
        { about: 'place:utopia', stance: 'NEUTRAL' },
      ]),
    );
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'statements[0].stances[0].about',
      'statements[0].stances[1].stance',
      'statements[0].stances[2].confidence',
      'statements[0].stances[3].about',
    ]);
  });
});
