/**
 * Ingests that could see each other are serialised before either reads the graph, so any
 * interleaving of parallel ingests leaves the graph a sequential order would (issue 21).
 *
 * Neo4j reads committed data without locks: two transactions that both read "no statement
 * has this quote" before either commits would both create one. So the first query of every
 * ingest transaction takes exclusive locks on what its plan will depend on, and only then
 * reads. A parallel transaction over any of the same things waits at its own first query
 * until the first commits, then reads what it wrote.
 *
 * What is locked, per document: its article id, every entity id it defines or references,
 * the name keys its new entities may be resolved by, their external identifiers, and the normalised words of its quotes
 * (without the speaker, whose id name resolution may still change). Keys are hashed into a
 * fixed set of LOCK_BUCKET_COUNT lock nodes (`:IngestLock {bucket}`, unique by constraint, so
 * two transactions cannot both create one), taken in ascending order so that two ingests
 * never wait on each other in a cycle. Two unrelated keys in one bucket only make two
 * ingests wait for each other; the graph holds at most LOCK_BUCKET_COUNT such nodes.
 */
import { createHash } from 'node:crypto';
import type { WriteTx } from '../db/gateway';
import { batchQuery } from '../db/cypher';
import * as Q from './ingest.cypher';
import { resolutionKeys, resolvedByName } from './overlay';
import { identifierKey } from '../vocabulary';
import type { NormalizedDocument } from './validate';

export const LOCK_BUCKET_COUNT = 1024;

/** The keys a document's plan depends on (see the header). */
export function lockKeys(doc: NormalizedDocument): string[] {
  return [
    doc.article.id,
    ...doc.entities.map((e) => e.id),
    ...doc.external.keys(),
    ...doc.entities.filter(resolvedByName).flatMap((e) => resolutionKeys(e).map((key) => `name:${e.type}|${key}`)),
    ...doc.entities.flatMap((e) => (e.identifiers ?? []).map((i) => `identifier:${identifierKey(i.scheme, i.value)}`)),
    ...doc.statements.flatMap((s) => (s.kind === 'INDIRECT' ? [] : [`quote:${s.words}`])),
  ];
}

export const bucketOf = (key: string): number => createHash('sha256').update(key).digest().readUInt32BE(0) % LOCK_BUCKET_COUNT;

/** Takes the locks of every document of a batch; must be the transaction's first query. */
export async function lockDocuments(tx: WriteTx, docs: readonly (NormalizedDocument | null)[]): Promise<void> {
  const buckets = new Set(docs.flatMap((doc) => (doc === null ? [] : lockKeys(doc).map(bucketOf))));
  if (buckets.size === 0) return;
  await tx.run(batchQuery(Q.TAKE_LOCKS, { buckets: [...buckets].sort((a, b) => a - b) }));
}
