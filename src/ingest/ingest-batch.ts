/**
 * Several article documents in one write transaction, for bulk loads. Each document goes
 * through `ingestDocument` unchanged (the same validator, the same Cypher, the same entity
 * resolution and quote matching), one after the other inside the shared transaction, so
 * each sees what the ones before it wrote: the graph ends up exactly as if they had been
 * loaded one by one, in order. What changes is the commit: one per batch instead of one per
 * document, and the batch is all-or-nothing: a document with any problem rolls back the
 * whole batch, and the error names the document by its index.
 */
import { GraphQLError } from 'graphql';
import type { CypherQuery } from '../db/cypher';
import { Neo4jGateway, type RoundTrips, type Row, type WriteTx } from '../db/gateway';
import { invalidDocument, type Problem } from '../errors';
import { ingestDocument, type IngestResult } from './ingest';

/**
 * A gateway whose reads and writes all run in one transaction that is already open: each
 * `write` joins it instead of opening its own, and the outer `write` commits once.
 */
class JoinedTransaction extends Neo4jGateway {
  constructor(
    outer: Neo4jGateway,
    private readonly tx: WriteTx,
  ) {
    super(outer.driver, undefined);
  }

  override read(query: CypherQuery): Promise<Row[]> {
    return this.tx.run(query);
  }

  override write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return work(this.tx);
  }
}

/**
 * Writes `documents` in order in one write transaction and returns one result per document.
 * Throws BAD_USER_INPUT, with every problem's path prefixed by `documents[i].`, when one is
 * invalid; nothing of the batch is written then.
 */
export async function ingestBatch(gateway: Neo4jGateway, documents: readonly unknown[], trips?: RoundTrips): Promise<IngestResult[]> {
  return gateway.write(async (tx) => {
    const joined = new JoinedTransaction(gateway, tx);
    const results: IngestResult[] = [];
    for (const [i, document] of documents.entries()) {
      try {
        results.push(await ingestDocument(joined, document));
      } catch (error) {
        const problems = error instanceof GraphQLError ? (error.extensions.problems as readonly Problem[] | undefined) : undefined;
        if (problems === undefined) throw error;
        throw invalidDocument(problems.map((p) => ({ path: `documents[${i}].${p.path}`, message: p.message })));
      }
    }
    return results;
  }, trips);
}
