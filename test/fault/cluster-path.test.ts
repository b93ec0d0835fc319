/**
 * The path a cluster or Aura deployment takes: NEO4J_URI with the neo4j:// scheme, so the
 * driver asks Neo4j for a routing table and sends reads and writes where it says. A single
 * Neo4j Community answers that request with itself, so the API runs on that path here: a
 * write (an ingest) and a read through the HTTP server, and the check clean after.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkGraph, formatReport } from '../../src/check/check';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { seedStory } from '../../src/ingest/seed';
import { scratchGraph, type ScratchGraph } from '../helpers/own-neo4j';
import { startTestServer, type TestServer } from '../helpers/server';
import { keyring } from '../../src/auth/api-keys';

const KEY = 'cluster-path-test-key-0123456789';
const DOCUMENT: unknown = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/second-article.json'), 'utf8'));

let graph: ScratchGraph;
let database: Database;
let api: TestServer;

beforeAll(async () => {
  graph = await scratchGraph();
  database = await openDatabase(loadConfig({ NEO4J_URI: graph.uri.replace(/^bolt:/, 'neo4j:') }), { log: () => undefined });
  // The story, which the second article refers to, is written through the routing driver too.
  await seedStory(database.gateway);
  api = await startTestServer(database.gateway, { apiKeys: keyring([KEY]) });
}, 240_000);

afterAll(async () => {
  await api?.stop();
  await database?.close();
  await graph?.stop();
}, 60_000);

it('writes and reads through a routing driver', async () => {
  expect(database.uri).toMatch(/^neo4j:\/\/127\.0\.0\.1:\d+$/);
  const written = await api.post(
    'mutation Ingest($document: ArticleDocumentInput!) { ingestArticle(document: $document) { article statements } }',
    { document: DOCUMENT },
    { authorization: `Bearer ${KEY}` },
  );
  expect(written.body.errors).toBeUndefined();
  const { article, statements } = (written.body.data as { ingestArticle: { article: string; statements: number } }).ingestArticle;
  expect(statements).toBeGreaterThan(0);

  const read = await api.post('query Article($id: ID!) { statements(filter: { article: $id }, first: 100) { totalCount } }', { id: article });
  expect(read).toMatchObject({ status: 200, body: { data: { statements: { totalCount: statements } } } });

  const report = await checkGraph(database.gateway);
  expect(report.ok ? '' : formatReport(report)).toBe('');
});
