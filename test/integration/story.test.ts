/**
 * Loading the story into a real Neo4j: idempotent, and all-or-nothing when a document is
 * wrong. On a scratch graph the story is loaded into first (storyScratch): a load, even one
 * that changes nothing or is rejected, may commit (ingest's lock nodes), and a commit would
 * end the kept answers of the files reading the shared story database meanwhile.
 */
import type { ArticleDocument } from '../../src/ingest/document';
import { ingestDocument } from '../../src/ingest/ingest';
import { readStory, seedStory } from '../../src/ingest/seed';
import type { Neo4jGateway } from '../../src/db/gateway';
import { census, storyScratch } from '../helpers/graph';
import { cypher } from '../../src/db/cypher';

let gateway: Neo4jGateway;
storyScratch((opened) => (gateway = opened.graph.gateway));

const story = (): ArticleDocument => JSON.parse(JSON.stringify(readStory())) as ArticleDocument;

async function rejection(doc: unknown): Promise<{ message: string; problems: unknown }> {
  try {
    await ingestDocument(gateway, doc);
  } catch (error) {
    const e = error as { message: string; extensions?: { code?: string; problems?: unknown } };
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
    return { message: e.message, problems: e.extensions?.problems };
  }
  throw new Error('expected the document to be rejected');
}

describe('loading the story', () => {
  it('a second load changes nothing: the same counts of every label and relationship', async () => {
    const before = await census(gateway);
    const result = await seedStory(gateway);
    expect(await census(gateway)).toEqual(before);
    expect(result.created).toEqual([]);
    expect(result.updated).toEqual([]);
    expect(result.unchanged).toHaveLength(1 + 31 + 24);
  });

  it('has the counts worked out from the annotation', async () => {
    const counts = await census(gateway);
    expect(counts).toMatchObject({
      ':Article': 1,
      ':Statement': 24,
      ':Person': 7,
      ':Organization': 9,
      ':Place': 6,
      ':Policy': 4,
      ':Event': 5,
      '[SAID]': 24,
      '[APPEARS_IN]': 24,
      '[QUOTED_IN]': 2,
      '[HOLDS_ROLE]': 8,
    });
  });

  it('rejects a wrong span and leaves the database exactly as it was', async () => {
    const before = await census(gateway);
    const doc = story();
    doc.statements[1]!.end += 1;
    const { problems } = await rejection(doc);
    expect(problems).toEqual([{ path: 'statements[1].text', message: expect.stringContaining("expected the article's words at") }]);
    expect(await census(gateway)).toEqual(before);
  });

  it('rejects a dangling speaker id inside the write transaction and leaves nothing behind', async () => {
    const before = await census(gateway);
    const doc = story();
    doc.article.id = 'article:a-document-that-must-not-land';
    for (const s of doc.statements) s.quotedIn = s.quotedIn?.replace('us-cuts-off-intelligence-sharing-with-ukraine-report', 'a-document-that-must-not-land') ?? null;
    doc.statements[2]!.speaker = 'person:nobody-at-all';
    const { problems } = await rejection(doc);
    expect(problems).toEqual([
      { path: 'statements[2].speaker', message: 'expected an entity defined in this document or already in the graph; person:nobody-at-all is neither' },
    ]);
    expect(await census(gateway)).toEqual(before);
    const leftovers = await gateway.read(cypher('MATCH (a:Article {id: $id}) RETURN a', { id: doc.article.id }));
    expect(leftovers).toEqual([]);
  });

  it('reports a bad span and an unknown speaker of one document together, writing nothing', async () => {
    const before = await census(gateway);
    const doc = story();
    doc.statements[1]!.end += 1;
    doc.statements[2]!.speaker = 'person:nobody-at-all';
    const { problems } = await rejection(doc);
    expect(problems).toEqual([
      { path: 'statements[1].text', message: expect.stringContaining("expected the article's words at") },
      { path: 'statements[2].speaker', message: 'expected an entity defined in this document or already in the graph; person:nobody-at-all is neither' },
    ]);
    expect(await census(gateway)).toEqual(before);
  });

  it('rejects an unknown kind and a duplicate id together, writing nothing', async () => {
    const before = await census(gateway);
    const doc = story();
    (doc.statements[3] as { kind: string }).kind = 'RUMOUR';
    doc.entities.push({ ...doc.entities[1]! });
    const { problems } = await rejection(doc);
    expect(problems).toEqual([
      { path: `entities[${doc.entities.length - 1}].id`, message: 'duplicate id person:volodymyr-zelensky; each entity is defined once' },
      { path: 'statements[3].kind', message: 'expected one of DIRECT, PARTIAL, INDIRECT; received "RUMOUR"' },
    ]);
    expect(await census(gateway)).toEqual(before);
  });
});
