/**
 * External identifiers on a scratch graph holding the story: ingest resolves an entity by an
 * identifier before its id and name, and refuses (CONFLICT, writing nothing) an identifier
 * that would name a second entity; entityByIdentifier finds an entity by one; the JSON-LD
 * export writes them as sameAs and reads them back; mergeEntities carries them to the entity
 * merged into. The identifiers of fictional entities here are made up for the test.
 */
import { checkGraph } from '../../src/check/check';
import { mergeEntities } from '../../src/graph/editorial/merge';
import { exportDocuments } from '../../src/ingest/export';
import { BatchRejected, ingestDocument } from '../../src/ingest/ingest';
import { documentsFromJsonLd, toJsonLd } from '../../src/ingest/jsonld';
import { census, storyScratch, type GraphQLHarness } from '../helpers/graph';
import type { ScratchGraph } from '../helpers/own-neo4j';

let graph: ScratchGraph;
let harness: GraphQLHarness;

storyScratch((opened) => ({ graph, harness } = opened));

/** Trump's identifiers as the story gives them (seed/README.md), by scheme then value. */
const TRUMP_IDENTIFIERS = [
  { scheme: 'URL', value: 'https://en.wikipedia.org/wiki/Donald_Trump', url: 'https://en.wikipedia.org/wiki/Donald_Trump' },
  { scheme: 'WIKIDATA', value: 'Q22686', url: 'https://www.wikidata.org/wiki/Q22686' },
];

const BY_IDENTIFIER = `query($scheme: IdentifierScheme!, $value: String!) {
  entityByIdentifier(scheme: $scheme, value: $value) { id name identifiers { scheme value url } }
}`;

const TEXT = 'Donald J. Trump said the pause would last "until we have a deal", the Example Gazette reported.';
/** A document that names Trump by another id and name, and an outlet of its own, each with an identifier. */
const gazetteDocument = (entities: unknown[] = []): Record<string, unknown> => ({
  article: { id: 'article:example-gazette-on-the-pause', title: 'Gazette on the pause', text: TEXT, publishedAt: '2025-03-07' },
  entities: [
    { id: 'person:donald-j-trump', type: 'Person', name: 'Donald J. Trump', identifiers: [{ scheme: 'WIKIDATA', value: 'Q22686' }] },
    { id: 'org:example-gazette', type: 'Organization', kind: 'NEWS_OUTLET', name: 'Example Gazette', identifiers: [{ scheme: 'WIKIDATA', value: 'Q999000001' }] },
    ...entities,
  ],
  statements: [
    {
      kind: 'PARTIAL',
      speaker: 'person:donald-j-trump',
      text: 'until we have a deal',
      start: TEXT.indexOf('until'),
      end: TEXT.indexOf('until') + 'until we have a deal'.length,
      about: ['policy:us-intelligence-sharing-pause'],
      reportedBy: ['org:example-gazette'],
    },
  ],
});

const conflictOf = async (document: unknown): Promise<{ code: unknown; message: string; paths: string[] }> => {
  try {
    await ingestDocument(graph.gateway, document);
  } catch (error) {
    const e = error as { extensions?: { code?: unknown; problems?: { path: string }[] }; message: string };
    if (error instanceof BatchRejected) throw error;
    return { code: e.extensions?.code, message: e.message, paths: (e.extensions?.problems ?? []).map((p) => p.path) };
  }
  throw new Error('expected the document to be refused');
};

describe('external identifiers', () => {
  it("finds an entity by an identifier the story gives it, with all of the entity's identifiers", async () => {
    expect(await harness.data(BY_IDENTIFIER, { scheme: 'WIKIDATA', value: 'Q22686' })).toEqual({
      entityByIdentifier: {
        id: 'person:donald-trump',
        name: 'Donald Trump',
        identifiers: TRUMP_IDENTIFIERS,
      },
    });
    expect(await harness.data(BY_IDENTIFIER, { scheme: 'URL', value: 'https://en.wikipedia.org/wiki/Mike_Waltz' })).toMatchObject({ entityByIdentifier: { id: 'person:mike-waltz' } });
    expect(await harness.data(BY_IDENTIFIER, { scheme: 'WIKIDATA', value: 'Q999999999' })).toEqual({ entityByIdentifier: null });
    const { entity } = await harness.data('{ entity(id: "org:cia") { identifiers { value } } }');
    expect(entity).toEqual({ identifiers: [] });
  });

  it('refuses a value that is not of its scheme', async () => {
    const result = await harness.execute(BY_IDENTIFIER, { scheme: 'WIKIDATA', value: 'donald-trump' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/expected a WIKIDATA identifier like Q22686 .*received "donald-trump"/);
  });

  it('resolves an entity by its identifier before its id and name, and adds the identifiers it brings', async () => {
    const result = await ingestDocument(graph.gateway, gazetteDocument());
    expect(result.merged).toEqual([{ from: 'person:donald-j-trump', into: 'person:donald-trump' }]);
    const { entity, node } = await harness.data(`{
      entity(id: "person:donald-trump") { aliases statements(first: 20) { edges { node { text } } } }
      node(id: "person:donald-j-trump") { id }
    }`);
    expect((entity as { aliases: string[] }).aliases).toContain('Donald J. Trump');
    expect((entity as { statements: { edges: { node: { text: string } }[] } }).statements.edges.map((e) => e.node.text)).toContain('until we have a deal');
    expect(node).toBeNull();
    // A later document names the outlet by another id, and no name of it: the identifier alone resolves it.
    const later = gazetteDocument([{ id: 'org:the-gazette-of-examples', type: 'Organization', kind: 'NEWS_OUTLET', name: 'The Gazette of Examples', identifiers: [{ scheme: 'WIKIDATA', value: 'Q999000001' }] }]);
    (later.article as Record<string, unknown>).id = 'article:example-gazette-again';
    (later.entities as unknown[]).splice(1, 1);
    (later.statements as { reportedBy: string[] }[])[0]!.reportedBy = ['org:the-gazette-of-examples'];
    expect((await ingestDocument(graph.gateway, later)).merged).toEqual([
      { from: 'person:donald-j-trump', into: 'person:donald-trump' },
      { from: 'org:the-gazette-of-examples', into: 'org:example-gazette' },
    ]);
    expect(await harness.data(BY_IDENTIFIER, { scheme: 'WIKIDATA', value: 'Q999000001' })).toMatchObject({ entityByIdentifier: { id: 'org:example-gazette', name: 'Example Gazette' } });
    expect((await checkGraph(graph.gateway)).ok).toBe(true);
  });

  it('refuses, writing nothing, an identifier that names another entity of the graph, or one of another type', async () => {
    const before = await census(graph.gateway);
    const waltzAsTrump = gazetteDocument([{ id: 'person:mike-waltz', type: 'Person', name: 'Mike Waltz', identifiers: [{ scheme: 'WIKIDATA', value: 'Q22686' }] }]);
    (waltzAsTrump.entities as unknown[]).splice(0, 1);
    (waltzAsTrump.statements as { speaker: string }[])[0]!.speaker = 'person:mike-waltz';
    const taken = await conflictOf(waltzAsTrump);
    expect(taken.code).toBe('CONFLICT');
    expect(taken.message).toMatch(/WIKIDATA:Q22686 names person:donald-trump; person:mike-waltz is another entity of the graph/);
    expect(taken.paths).toEqual(['entities[1].identifiers']);

    const outletAsPlace = gazetteDocument([{ id: 'place:gazette-town', type: 'Place', kind: 'CITY', name: 'Gazette Town', identifiers: [{ scheme: 'WIKIDATA', value: 'Q999000001' }] }]);
    (outletAsPlace.article as Record<string, unknown>).id = 'article:gazette-town';
    // The outlet is the graph's already: the document only refers to it.
    (outletAsPlace.entities as unknown[]).splice(1, 1);
    const typed = await conflictOf(outletAsPlace);
    expect(typed.code).toBe('CONFLICT');
    expect(typed.message).toMatch(/WIKIDATA:Q999000001 names org:example-gazette, a Organization; place:gazette-town is a Place/);
    expect(await census(graph.gateway)).toEqual(before);
  });

  it('exports identifiers as JSON-LD sameAs, and reads them back', async () => {
    const jsonld = toJsonLd(await exportDocuments(graph.gateway)) as { '@graph': Record<string, unknown>[] };
    const trump = jsonld['@graph'].find((n) => n['@id'] === 'person:donald-trump');
    expect(trump?.sameAs).toEqual(['https://en.wikipedia.org/wiki/Donald_Trump', 'https://www.wikidata.org/wiki/Q22686']);
    expect(jsonld['@graph'].find((n) => n['@id'] === 'place:ukraine')?.sameAs).toEqual(['https://www.wikidata.org/wiki/Q212']);
    expect(jsonld['@graph'].find((n) => n['@id'] === 'org:cia')).not.toHaveProperty('sameAs');
    const story = documentsFromJsonLd(jsonld).find((d) => d.article.id === 'article:us-cuts-off-intelligence-sharing-with-ukraine-report');
    expect(story?.entities.find((e) => e.id === 'person:donald-trump')?.identifiers).toEqual(TRUMP_IDENTIFIERS);
  });

  it('carries the identifiers of a merged entity to the entity it went into', async () => {
    await ingestDocument(graph.gateway, {
      article: { id: 'article:example-herald-note', title: 'Herald note', text: 'The Example Herald ran a note.', publishedAt: '2025-03-08' },
      entities: [{ id: 'org:example-herald', type: 'Organization', kind: 'NEWS_OUTLET', name: 'Example Herald', identifiers: [{ scheme: 'URL', value: 'https://herald.example.org/' }] }],
      statements: [],
    });
    await mergeEntities(graph.gateway, { from: 'org:example-herald', into: 'org:example-gazette', reason: 'the herald is the gazette', who: 'test' });
    expect(await harness.data(BY_IDENTIFIER, { scheme: 'URL', value: 'https://herald.example.org/' })).toEqual({
      entityByIdentifier: {
        id: 'org:example-gazette',
        name: 'Example Gazette',
        identifiers: [
          { scheme: 'URL', value: 'https://herald.example.org/', url: 'https://herald.example.org/' },
          { scheme: 'WIKIDATA', value: 'Q999000001', url: 'https://www.wikidata.org/wiki/Q999000001' },
        ],
      },
    });
    expect((await checkGraph(graph.gateway)).ok).toBe(true);
  });
});
