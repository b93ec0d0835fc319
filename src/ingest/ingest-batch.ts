/**
 * Several article documents in one write transaction, for bulk loads. The documents go
 * through the same validator and the same writer as `ingestDocument` (which is a batch of
 * one): the writer plans them in order against the graph and an in-memory overlay of what
 * the earlier documents of the batch write, so entity resolution, shared quotes and
 * created/updated/unchanged come out exactly as if they had been loaded one by one, in
 * order, and then writes the whole batch with a fixed set of UNWIND queries. What changes
 * is the cost (a few queries per batch instead of twenty per document) and the commit: one
 * per batch, all-or-nothing. A document with any problem rejects the whole batch, and the
 * error names the document by its index.
 */
import type { RoundTrips, Neo4jGateway } from '../db/gateway';
import { BatchRejected, writeDocuments, type IngestResult, type ValidatedDocuments, type WriteOptions } from './ingest';
import { rejection } from './result';

/**
 * Documents per transaction for a bulk load (`npm run ingest` and the bench, both through
 * src/ingest/bulk-load.ts; BENCHMARKS.md has the other sizes measured): large enough that a
 * load is a few queries per batch, small enough to report progress often.
 */
export const INGEST_BATCH_SIZE = 100;

/**
 * Writes `documents` in order in one write transaction and returns one result per document.
 * Throws BAD_USER_INPUT (CONFLICT when every problem is an article conflict), with every
 * problem's path prefixed by `documents[i].`, when any is rejected (every rejected document
 * is listed, in order); nothing of the batch is written then.
 * `documents` may come already validated (`ValidatedDocuments`, as a bulk load prepares the
 * next batch while this one is written); indexes are then their order of validation.
 */
export async function ingestBatch(
  gateway: Neo4jGateway,
  documents: readonly unknown[] | ValidatedDocuments,
  trips?: RoundTrips,
  options: WriteOptions = {},
): Promise<IngestResult[]> {
  try {
    return await writeDocuments(gateway, documents, trips, undefined, options);
  } catch (error) {
    if (!(error instanceof BatchRejected)) throw error;
    throw rejection([...error.rejected].flatMap(([i, problems]) => problems.map((p) => ({ ...p, path: `documents[${i}].${p.path}` }))));
  }
}
