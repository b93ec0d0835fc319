/**
 * A command about to bulk load (`npm run ingest`, the bench) opens the database with
 * `bulkLoad`: into an empty graph the indexes the load builds at its end go before the
 * writer's rehearsal, so the load starts with the rehearsed plans (src/db/connect.ts,
 * src/ingest/bulk-load.ts). What this must not cost: a graph that holds anything keeps its
 * indexes, and the indexes dropped at the start are back, online and complete, after the load.
 */
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { cypher } from '../../src/db/cypher';
import type { Row } from '../../src/db/gateway';
import { SEARCH } from '../../src/graph/analytics/analytics.cypher';
import { DEFERRED_INDEXES, deferIndexesIfEmpty, withSearchIndexDeferred } from '../../src/ingest/bulk-load';
import { ingestDocument } from '../../src/ingest/ingest';
import { readStory } from '../../src/ingest/seed';
import { patient, scratchGraphForFile, type ScratchGraph } from '../helpers/own-neo4j';

let graph: ScratchGraph;
scratchGraphForFile((opened) => (graph = opened));

/** The deferred indexes present, with their states, by name. */
const deferred = (): Promise<Row[]> =>
  graph.gateway.read(cypher('SHOW INDEXES YIELD name, state WHERE name IN $names RETURN name, state ORDER BY name', { names: [...DEFERRED_INDEXES] }));

const allOnline = [...DEFERRED_INDEXES].sort().map((name) => ({ name, state: 'ONLINE' }));

/** The database opened again, as a command about to bulk load opens it. */
const openForBulkLoad = (): Promise<Database> =>
  openDatabase(patient(loadConfig({ ...process.env, NEO4J_URI: graph.uri })), { log: () => undefined, rehearseWriter: true, bulkLoad: true });

describe('opening the database for a bulk load', () => {
  it('into an empty graph: the deferred indexes are away before the load, which builds them once it ends, and search finds what it loaded', async () => {
    await graph.empty();
    const database = await openForBulkLoad();
    try {
      expect(await deferred()).toEqual([]);
      // Nothing left to drop: the load keeps the plans the start-up's rehearsal made.
      expect(await deferIndexesIfEmpty(database.gateway)).toBe(0);
      const during = await withSearchIndexDeferred(database.gateway, async () => {
        await ingestDocument(database.gateway, readStory());
        return deferred();
      });
      expect(during).toEqual([]);
    } finally {
      await database.close();
    }
    expect(await deferred()).toEqual(allOnline);
    const hits = await graph.gateway.read(cypher(SEARCH, { query: 'Waltz', limit: 5 }));
    expect(hits.map((r) => (r.node as { id: string }).id)).toContain('person:mike-waltz');
  }, 120_000);

  it('into an empty graph someone else writes to before the load: the load still builds the indexes dropped at the start', async () => {
    await graph.empty();
    const database = await openForBulkLoad();
    try {
      expect(await deferred()).toEqual([]);
      await ingestDocument(graph.gateway, readStory());
      await withSearchIndexDeferred(database.gateway, () => Promise.resolve());
    } finally {
      await database.close();
    }
    expect(await deferred()).toEqual(allOnline);
  }, 120_000);

  it('into a graph that holds anything: every index stays', async () => {
    await graph.empty();
    await ingestDocument(graph.gateway, readStory());
    expect(await deferIndexesIfEmpty(graph.gateway)).toBeNull();
    const database = await openForBulkLoad();
    await database.close();
    expect(await deferred()).toEqual(allOnline);
  }, 120_000);
});
