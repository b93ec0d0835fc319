/**
 * Parallel ingests of overlapping documents (issue 21, failures 5 and 9). Documents that
 * share a quote, ingested all at once, must leave the graph that ingesting them one after
 * another leaves (one statement for the shared quote, with one evidence per article), and of
 * N identical ingests at once exactly one reports `created`. Through each door: the
 * `ingestArticle` mutation, the batch writer the bulk loader uses (ingestBatch), and parallel
 * `npm run ingest` processes. Every test ends with the integrity check (src/check) clean.
 * Last, the constraint that guards the quote key, on a store that cannot take it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkGraph, formatReport } from '../../src/check/check';
import { applyConstraints } from '../../src/db/constraints';
import { cypher } from '../../src/db/cypher';
import type { ArticleDocument } from '../../src/ingest/document';
import { ingestDocument, type IngestResult } from '../../src/ingest/ingest';
import { ingestBatch } from '../../src/ingest/ingest-batch';
import { GraphQLHarness, INGEST } from '../helpers/graph';
import { scratchGraph, type ScratchGraph } from '../helpers/own-neo4j';
import { QUILL, quotedArticle } from '../helpers/quoted-articles';
import { runFromSource } from '../helpers/typescript-node';

const KEY = 'test-key-0123456789abcdef';
const SHARED = 'the pause leaves everyone guessing';

let own: ScratchGraph;
let harness: GraphQLHarness;
let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'nkg-fault-parallel-'));
  // Writers at once wait on each other's locks, which on a machine shared with other work can
  // outlast the default transaction timeout: this file is about what they leave, not how fast.
  // (A write gets six times this read timeout: src/db/gateway.ts.)
  process.env.NEO4J_TRANSACTION_TIMEOUT_MS ??= '60000';
  own = await scratchGraph();
  harness = new GraphQLHarness(own.gateway);
}, 120_000);
afterEach(async () => {
  expect(formatReport(await checkGraph(own.gateway))).toMatch(/the graph holds every invariant\n$/);
});
afterAll(async () => {
  await harness.stop();
  await own.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** n articles by Ada Quill (defined by each), each with the shared quote and one of its own. */
const overlapping = (n: number): ArticleDocument[] =>
  Array.from({ length: n }, (_, i) =>
    quotedArticle(
      { title: `Reaction ${i + 1}`, url: `https://example.org/reaction-${i + 1}` },
      `Reaction ${i + 1}: Ada Quill said “${SHARED}” and that “point ${i + 1} stands” today.`,
      [
        { speaker: QUILL.id, words: SHARED },
        { speaker: QUILL.id, words: `point ${i + 1} stands` },
      ],
      [QUILL],
    ),
  );

const viaApi = async (document: ArticleDocument): Promise<IngestResult> => {
  const result = await harness.execute(INGEST, { document }, { authorization: `Bearer ${KEY}`, apiKeys: [KEY] });
  if (result.errors) throw new Error(`ingestArticle failed: ${JSON.stringify(result.errors)}`);
  return (result.data as { ingestArticle: IngestResult }).ingestArticle;
};
const viaBatchWriter = async (document: ArticleDocument): Promise<IngestResult> => (await ingestBatch(own.gateway, [document]))[0] as IngestResult;

/** What the graph holds, counted: equal for any order the same documents were ingested in. */
async function shape(): Promise<Record<string, unknown>> {
  const [row] = await own.gateway.read(
    cypher(`
CALL { MATCH (s:Statement) RETURN count(s) AS statements, count(DISTINCT s.quoteKey) AS quoteKeys }
CALL { MATCH (:Statement)-[e:APPEARS_IN]->(:Article) RETURN count(e) AS evidences }
CALL { MATCH (a:Article) RETURN count(a) AS articles }
CALL { MATCH (p:Person) RETURN count(p) AS people }
CALL { MATCH (s:Statement) WHERE s.text = $shared RETURN count(s) AS sharedStatements, COUNT { (s)-[:APPEARS_IN]->() } AS sharedEvidence }
RETURN statements, quoteKeys, evidences, articles, people, sharedStatements, sharedEvidence`, { shared: SHARED }),
  );
  return row as Record<string, unknown>;
}

/** What loading overlapping(n) in turn leaves, by n: measured once, for both doors' tests. */
const sequentialShapes = new Map<number, Promise<Record<string, unknown>>>();
const sequentialShape = (n: number): Promise<Record<string, unknown>> => {
  const measure = async (): Promise<Record<string, unknown>> => {
    await own.empty();
    for (const document of overlapping(n)) await ingestDocument(own.gateway, document);
    return shape();
  };
  if (!sequentialShapes.has(n)) sequentialShapes.set(n, measure());
  return sequentialShapes.get(n) as Promise<Record<string, unknown>>;
};

describe.each([3, 10])('%i parallel ingests of documents that share a quote', (n) => {
  const expected = { statements: n + 1, quoteKeys: n + 1, evidences: 2 * n, articles: n, people: 1, sharedStatements: 1, sharedEvidence: n };

  it.each([
    ['ingestArticle', viaApi],
    ['the batch writer', viaBatchWriter],
  ])('through %s, give the graph a sequential load gives, the shared quote one statement', async (_door, ingest) => {
    const sequential = await sequentialShape(n);
    expect(sequential).toEqual(expected);

    await own.empty();
    const results = await Promise.all(overlapping(n).map(ingest));
    expect(await shape()).toEqual(sequential);
    // One of them wrote the speaker and the shared statement; every other one added evidence to it.
    expect(results.filter((r) => r.created.includes(QUILL.id))).toHaveLength(1);
    expect(results.map((r) => r.evidenceAdded.length).sort()).toEqual([...Array<number>(n - 1).fill(1), 0].sort());
  }, 120_000);
});

describe.each([3, 10])('%i parallel identical ingests', (n) => {
  it.each([
    ['ingestArticle', viaApi],
    ['the batch writer', viaBatchWriter],
  ])('through %s: exactly one answers created, every other one unchanged', async (_door, ingest) => {
    await own.empty();
    const [document] = overlapping(1) as [ArticleDocument];
    const results = await Promise.all(Array.from({ length: n }, () => ingest(document)));
    const creators = results.filter((r) => r.created.length > 0);
    expect(creators).toHaveLength(1);
    const written = [...(creators[0] as IngestResult).created].sort();
    const statements = document.statements.map((s) => `statement:example-org-reaction-1:${s.start}-${s.end}`);
    expect(written).toEqual(['article:example-org-reaction-1', QUILL.id, ...statements].sort());
    for (const r of results.filter((x) => x !== creators[0])) {
      expect({ created: r.created, updated: r.updated, unchanged: [...r.unchanged].sort() }).toEqual({ created: [], updated: [], unchanged: written });
    }
    expect(await shape()).toEqual({ statements: 2, quoteKeys: 2, evidences: 2, articles: 1, people: 1, sharedStatements: 1, sharedEvidence: 1 });
  }, 120_000);
});

describe('npm run ingest, three processes at once', () => {
  it('load documents that share a quote as one process loading them in turn would', async () => {
    await own.empty();
    const files = overlapping(3).map((document, i) => {
      const file = path.join(folder, `reaction-${i + 1}.json`);
      writeFileSync(file, JSON.stringify(document));
      return file;
    });
    const env = { ...process.env, NEO4J_URI: own.uri };
    const runs = await Promise.all(files.map((file) => runFromSource(folder, 'src/ingest/ingest.cli.ts', [file], env)));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const created = runs.filter((r) => /✓ article:example-org-reaction-\d: 2 statements, 1 entities; 4 created/.test(r.stdout));
    expect(created).toHaveLength(1);
    expect(await shape()).toEqual({ statements: 4, quoteKeys: 4, evidences: 6, articles: 3, people: 1, sharedStatements: 1, sharedEvidence: 3 });
  }, 120_000);
});

/**
 * The unique quote key on a store that cannot take it: one written before the constraint,
 * already holding two statements with one key. Start-up must not fail there; the plain index
 * comes back instead, and the constraint is made at the first start after the duplicates are
 * gone. The test puts the scratch graph's schema back as it found it.
 */
describe('the unique quote key', () => {
  const schemaOf = async (): Promise<string[]> =>
    (await own.gateway.read(cypher("SHOW INDEXES YIELD name, type, owningConstraint WHERE name STARTS WITH 'statement_quote_key' RETURN name, type, owningConstraint IS NOT NULL AS constraint ORDER BY name")))
      .map((r) => `${r.name as string} ${r.type as string}${r.constraint ? ' (constraint)' : ''}`);

  it('a store with duplicate quote keys starts with the plain index, and gets the constraint once they are gone', async () => {
    expect(await schemaOf()).toEqual(['statement_quote_key_unique RANGE (constraint)']);
    await own.gateway.write((tx) => tx.run(cypher('DROP CONSTRAINT statement_quote_key_unique')));
    try {
      await own.gateway.write((tx) =>
        tx.run(cypher("UNWIND ['statement:old-a:1-5', 'statement:old-b:1-5'] AS id CREATE (:Statement {id: id, quoteKey: 'person:x|same words'})")),
      );
      await applyConstraints(own.gateway);
      expect(await schemaOf()).toEqual(['statement_quote_key RANGE']);
    } finally {
      await own.gateway.write((tx) => tx.run(cypher("MATCH (s:Statement) WHERE s.id IN ['statement:old-a:1-5', 'statement:old-b:1-5'] DELETE s")));
      await applyConstraints(own.gateway);
    }
    expect(await schemaOf()).toEqual(['statement_quote_key_unique RANGE (constraint)']);
  }, 120_000);
});
