/**
 * Every repository and writer query, EXPLAINed on the real Neo4j of the test run: a lookup
 * by id or by filter must find its nodes through an index (NodeUniqueIndexSeek,
 * NodeIndexSeek), never by reading every node of a label (AllNodesScan, NodeByLabelScan).
 * The queries are the Cypher constants and translators themselves (test/helpers/query-plans.ts
 * imports them and holds the representative parameters); EXPLAIN plans without running, so
 * the writer's queries are checked without writing. A keyset page over an indexed order
 * must also read that index in order rather than sort what follows the cursor. Rankings
 * and totals that read a whole label on purpose are named, with their reason, in
 * FULL_SCANS_BY_DESIGN. The check itself is shown to catch what it looks for on queries
 * written wrong on purpose.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_MODULES, FULL_SCANS_BY_DESIGN, INDEX_ORDERED_PAGES, checkPlan, repositoryQueries, type CheckedQuery } from '../helpers/query-plans';
import type { Neo4jGateway } from '../../src/db/gateway';
import { testGateway } from '../helpers/graph';

const SRC = path.resolve(__dirname, '../../src');

function cypherFiles(folder: string, recursive: boolean): string[] {
  return readdirSync(path.join(SRC, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return recursive ? cypherFiles(relative, true) : [];
    return entry.name.endsWith('.cypher.ts') ? [relative] : [];
  });
}

let gateway: Neo4jGateway;
const queries: CheckedQuery[] = repositoryQueries();

beforeAll(async () => {
  // The planner picks from index statistics that Neo4j samples in the background; right after
  // the story is loaded they can still describe empty indexes, and an index scan then looks
  // as cheap as a seek. Global setup samples them once the story is in and drops what was
  // planned before, so every plan here, cached by an earlier file or made now, is the one
  // real data gets.
  gateway = testGateway();
});
afterAll(async () => {
  await gateway.close();
});

describe('query plans', () => {
  it('checks every *.cypher.ts file under src/graph, src/ingest, src/extract and src/check', () => {
    const files = [...cypherFiles('graph', true), ...cypherFiles('ingest', false), ...cypherFiles('extract', false), ...cypherFiles('check', false)].sort();
    expect(Object.keys(CYPHER_MODULES).sort()).toEqual(files);
  });

  it('names only real queries in its lists of exceptions', () => {
    const names = new Set(queries.map((q) => q.name));
    const listed = [...Object.keys(FULL_SCANS_BY_DESIGN), ...Object.keys(INDEX_ORDERED_PAGES)];
    expect(listed.filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(queries.map((q) => [q.name, q] as const))('%s finds its nodes through indexes', async (_name, query) => {
    const check = await checkPlan(gateway.driver, query);
    expect({ query: check.name, problem: check.problem }).toEqual({ query: query.name, problem: null });
  });
});

describe('the plan check catches', () => {
  const wrong = (name: string, text: string, params: Record<string, unknown> = {}): CheckedQuery => ({ name, cypher: text, params });

  it('a filter on a property no index covers (reads the whole label)', async () => {
    const check = await checkPlan(gateway.driver, wrong('text filter', 'MATCH (s:Statement) WHERE s.text = $text RETURN s.id', { text: 'x' }));
    expect(check.problem).toMatch(/reads a whole label/);
  });

  it('an id lookup the planner cannot seek (the id hidden in an expression)', async () => {
    const check = await checkPlan(gateway.driver, wrong('hidden id', 'MATCH (s:Statement {id: $id}) WITH s MATCH (a:Article) WHERE toLower(a.id) = $id RETURN a', { id: 'x' }));
    expect(check.problem).not.toBeNull();
  });

  it('a keyset page that hides its range behind OR and sorts the whole label', async () => {
    const page = wrong(
      'entity.LIST_BY_LABEL.Person',
      'MATCH (e:Person) WHERE $after IS NULL OR e.id > $after WITH e ORDER BY e.id LIMIT 10 RETURN e.id',
      { after: null },
    );
    const check = await checkPlan(gateway.driver, page);
    expect(check.problem).not.toBeNull();
  });
});
