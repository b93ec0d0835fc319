/**
 * `npm run check` on the shared story graph: clean as ingest left it; and every invariant
 * reported when a node breaking it is written straight into a graph, past ingest (the test
 * removes exactly the nodes it wrote, by element id). That graph is a scratch graph: the
 * test drops a constraint to write what it forbids, and a schema change makes its Neo4j plan
 * every query again, which on the story's would be every later file's queries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkGraph, formatReport, type CheckReport } from '../../src/check/check';
import { applyConstraints } from '../../src/db/constraints';
import { cypher } from '../../src/db/cypher';
import type { Neo4jGateway } from '../../src/db/gateway';
import { testGateway } from '../helpers/graph';
import { scratchGraphForFile, type ScratchGraph } from '../helpers/own-neo4j';
import { runFromSource } from '../helpers/typescript-node';

let story: Neo4jGateway;
let scratch: ScratchGraph;
scratchGraphForFile((graph) => (scratch = graph));
beforeAll(() => {
  story = testGateway();
});
afterAll(async () => {
  await story.close();
});

const countsOf = (report: CheckReport): Record<string, number> => Object.fromEntries(report.invariants.map((i) => [i.name, i.count]));
const examplesOf = (report: CheckReport, name: string): readonly string[] => report.invariants.find((i) => i.name === name)?.examples ?? [];

/**
 * One node or relationship breaking each invariant. The article's text is "Hello world";
 * the person, the speaker of the two quotes, is well-formed; everything else is wrong once.
 */
const BREAK_THE_GRAPH = `
CREATE (a:Article {id: 'article:check-test', title: 'Check test', text: $text})
CREATE (p:Entity:Person {id: 'person:check-test', name: 'Check Test'})
CREATE (wrong:Statement {id: 'statement:check-test:0-5', kind: 'DIRECT', text: 'Howdy', quoteKey: 'person:check-test|hello', date: '2025-02-30'})
CREATE (right:Statement {id: 'statement:check-test:6-11', kind: 'DIRECT', text: 'world', quoteKey: 'person:check-test|hello'})
CREATE (orphan:Statement {id: 'statement:check-test:1', kind: 'INDIRECT', text: 'a paraphrase'})
CREATE (malformed:Entity:Organization {id: 'org:Check_Test', name: 'Malformed'})
CREATE (nameless:Entity:Policy {name: 'No id'})
CREATE (twin:Article {id: 'person:check-test', title: 'Twin', text: 'twin', publishedAt: '2025-13-01'})
CREATE (wrong)-[:APPEARS_IN {start: 0, end: 5}]->(a)
CREATE (right)-[:APPEARS_IN {start: 6, end: 11}]->(a)
CREATE (p)-[:SAID]->(right), (p)-[:SAID]->(orphan)
CREATE (shared:ExternalId {key: 'WIKIDATA:Q999000009', scheme: 'WIKIDATA', value: 'Q999000009'})
CREATE (shared)-[:IDENTIFIES]->(p), (shared)-[:IDENTIFIES]->(malformed)
RETURN [n IN [a, p, wrong, right, orphan, malformed, nameless, twin, shared] | elementId(n)] AS written`;

const REMOVE_WRITTEN = 'MATCH (n) WHERE elementId(n) IN $written DETACH DELETE n';

describe('npm run check', () => {
  it('finds the story graph clean, and the command says so with exit code 0', async () => {
    const report = await checkGraph(story);
    expect(report.invariants.filter((i) => i.count > 0)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.invariants.map((i) => i.name)).toEqual(['quotes', 'speaker', 'evidence', 'quoteKeys', 'wellFormedIds', 'uniqueIds', 'dates', 'retracted', 'merged', 'identifiers']);

    const folder = mkdtempSync(path.join(os.tmpdir(), 'nkg-check-'));
    try {
      const run = await runFromSource(folder, 'src/check/check.cli.ts', [], process.env);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('✓ no two statements share a quote key');
      expect(run.stdout).toContain('the graph holds every invariant');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reports each broken invariant with its count and examples, and the command exits 1', async () => {
    const gateway = scratch.gateway;
    // Neo4j itself keeps quote keys unique (schema/constraints.cypher); the check must still see a store where it could not.
    await gateway.write((tx) => tx.run(cypher('DROP CONSTRAINT statement_quote_key_unique')));
    let written: string[] = [];
    const folder = mkdtempSync(path.join(os.tmpdir(), 'nkg-check-'));
    try {
      const [row] = await gateway.write((tx) => tx.run(cypher(BREAK_THE_GRAPH, { text: 'Hello world' })));
      written = row?.written as string[];
      const report = await checkGraph(gateway, { examples: 10, articlePage: 1, idPage: 2 });
      expect(report.ok).toBe(false);
      expect(countsOf(report)).toEqual({ quotes: 1, speaker: 1, evidence: 1, quoteKeys: 1, wellFormedIds: 3, uniqueIds: 1, dates: 2, retracted: 0, merged: 0, identifiers: 1 });
      expect(examplesOf(report, 'identifiers')).toEqual(['WIKIDATA:Q999000009 names 2 nodes, 2 of them live entities']);
      expect(examplesOf(report, 'quotes')).toEqual(['statement:check-test:0-5 in article:check-test: at [0, 5) the article has "Hello", the statement says "Howdy"']);
      expect(examplesOf(report, 'speaker')).toEqual(['statement:check-test:0-5 has 0 speakers']);
      expect(examplesOf(report, 'evidence')).toEqual(['statement:check-test:1']);
      expect(examplesOf(report, 'quoteKeys')).toEqual([expect.stringMatching(/^person:check-test\|hello is the key of statement:check-test:(0-5, statement:check-test:6-11|6-11, statement:check-test:0-5)$/)]);
      expect(examplesOf(report, 'wellFormedIds')).toEqual(
        expect.arrayContaining(['Article "person:check-test"', 'Organization "org:Check_Test"', expect.stringMatching(/^:Entity:Policy node \S+$/)]),
      );
      expect(examplesOf(report, 'uniqueIds')).toEqual(['person:check-test is the id of 2 nodes']);
      expect(examplesOf(report, 'dates')).toEqual(
        expect.arrayContaining(['person:check-test publishedAt "2025-13-01"', 'statement:check-test:0-5 date "2025-02-30"']),
      );
      expect(formatReport(report)).toContain('✗ no two nodes share an id: 1 violation\n    person:check-test is the id of 2 nodes');

      const run = await runFromSource(folder, 'src/check/check.cli.ts', ['--json', '--examples', '1'], { ...process.env, NEO4J_URI: scratch.uri });
      expect(run.code).toBe(1);
      const printed = JSON.parse(run.stdout) as CheckReport;
      expect(countsOf(printed)).toEqual(countsOf(report));
      expect(printed.invariants.every((i) => i.examples.length === Math.min(1, i.count))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await gateway.write((tx) => tx.run(cypher(REMOVE_WRITTEN, { written })));
      await applyConstraints(gateway);
    }
    expect((await checkGraph(gateway)).ok).toBe(true);
  });
});
