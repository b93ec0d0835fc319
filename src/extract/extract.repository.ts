/**
 * The extractor's access to the graph: one read query for the gazetteer, on the thread that
 * holds the database connection (the extraction itself may run in a worker, extract.pool.ts).
 * Nothing here writes; ingest stays the only write path.
 */
import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import * as Q from './extract.cypher';
import type { GazetteerEntry } from './gazetteer';
import type { LookupKeys } from './lookup';

/** How many policies and events the full-text index may add: the ones it ranks first. */
const TOPIC_LIMIT = 50;

/** The graph's entities an article with these lookup keys may name, keyed the way ingest keys names (text.ts `nameKey`). */
export async function readGazetteer(db: Db, keys: LookupKeys): Promise<GazetteerEntry[]> {
  const rows = await db.read(cypher(Q.GAZETTEER, { ...keys, topicLimit: TOPIC_LIMIT }));
  return rows.map(
    (r): GazetteerEntry => ({
      id: r.id as string,
      type: r.type as GazetteerEntry['type'],
      name: r.name as string,
      aliases: (r.aliases as string[] | null) ?? [],
      kind: (r.kind as string | null) ?? null,
      titles: (r.titles as string[] | null) ?? [],
      description: (r.description as string | null) ?? null,
    }),
  );
}
