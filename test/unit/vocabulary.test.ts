/**
 * The id grammar of CONTRACT.md ("Identity"), as the server, ingest and the explorer read
 * it from src/vocabulary.ts.
 */
import { parseId } from '../../src/graph/ids';
import { articleSlug, derivedStatementId, ENTITY_TYPES, ID_PREFIX, NODE_TYPES, typeOfId } from '../../src/vocabulary';

describe('the vocabulary', () => {
  it('reads the type of every id the contract lists, and of nothing else', () => {
    expect(
      [
        'person:mike-waltz',
        'org:financial-times',
        'place:ukraine',
        'policy:us-intelligence-sharing-pause',
        'event:oval-office-meeting-2025-02-28',
        'article:us-cuts-off-intelligence-sharing-with-ukraine-report',
        'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:259-294',
        'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:3',
      ].map(typeOfId),
    ).toEqual(['Person', 'Organization', 'Place', 'Policy', 'Event', 'Article', 'Statement', 'Statement']);
    expect(
      ['Person:mike-waltz', 'person:Mike-Waltz', 'person:mike--waltz', 'person:', 'org:cia:1', 'statement:x', 'statement:x:1-', 'article:a b', 'country:france', 'mike-waltz'].map(typeOfId),
    ).toEqual([null, null, null, null, null, null, null, null, null, null]);
  });

  it('gives every node type its own prefix', () => {
    const prefixes = NODE_TYPES.map((type) => ID_PREFIX[type]);
    expect(new Set(prefixes).size).toBe(NODE_TYPES.length);
    expect(ENTITY_TYPES.map((type) => typeOfId(`${ID_PREFIX[type]}:x`))).toEqual([...ENTITY_TYPES]);
  });

  it('derives a quote id from its span and a paraphrase id from its 1-based position', () => {
    const slug = articleSlug('article:us-cuts-off-intelligence-sharing-with-ukraine-report');
    expect(slug).toBe('us-cuts-off-intelligence-sharing-with-ukraine-report');
    expect(derivedStatementId(slug, { kind: 'DIRECT', start: 259, end: 294 }, 4)).toBe(`statement:${slug}:259-294`);
    expect(derivedStatementId(slug, { kind: 'PARTIAL', start: 10, end: 20 }, 0)).toBe(`statement:${slug}:10-20`);
    expect(derivedStatementId(slug, { kind: 'INDIRECT', start: 10, end: 20 }, 4)).toBe(`statement:${slug}:5`);
  });

  it('parseId answers BAD_USER_INPUT for an id of another type, naming what it expected', () => {
    expect(parseId('org:cia', ENTITY_TYPES)).toBe('Organization');
    expect(() => parseId('article:x', ENTITY_TYPES, 'filter.speaker')).toThrow(
      'filter.speaker must be an id like person:mike-waltz, org:cia, place:ukraine; received "article:x"',
    );
    expect(() => parseId('person:x', ['Article'])).toThrow('id must be an Article id like article:us-cuts-off-intelligence-sharing-with-ukraine-report; received "person:x"');
  });
});
