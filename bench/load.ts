/**
 * Loads a corpus through the product's own ingest path (`ingestDocument`: the validator,
 * then one write transaction per document), several documents at a time, with a progress
 * bar and the rate in statements per second.
 *
 * The directory documents go first and one by one (everything else references them);
 * articles then go `concurrency` at a time. A document that fails stops the load: a
 * benchmark over a partly loaded graph would measure something else.
 */
import { ingestDocument, type IngestResult } from '../src/ingest/ingest';
import { ingestBatch } from '../src/ingest/ingest-batch';
import type { ArticleDocument } from '../src/ingest/document';
import { ProgressBar } from '../src/ingest/progress';
import type { Neo4jGateway } from '../src/db/gateway';

export interface LoadReport {
  readonly documents: number;
  readonly statements: number;
  /** Statements that became evidence for a statement already in the graph (a repeated quote). */
  readonly sharedQuotes: number;
  readonly seconds: number;
  readonly statementsPerSecond: number;
  readonly documentsPerSecond: number;
  readonly concurrency: number;
  readonly batch: number;
}

export interface LoadOptions {
  /** Transactions in flight at once; default 4. */
  readonly concurrency?: number;
  /** Documents per transaction (src/ingest/ingest-batch.ts); default 1, one transaction per document. */
  readonly batch?: number;
  /** How many statements the articles hold in all, for the progress bar. */
  readonly expectedStatements: number;
  readonly out?: NodeJS.WriteStream;
}

export async function loadCorpus(
  gateway: Neo4jGateway,
  directory: readonly ArticleDocument[],
  articles: Iterable<ArticleDocument>,
  options: LoadOptions,
): Promise<LoadReport> {
  const concurrency = options.concurrency ?? 4;
  const batch = options.batch ?? 1;
  const started = process.hrtime.bigint();
  const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
  for (const document of directory) await ingestDocument(gateway, document);

  const bar = new ProgressBar(options.expectedStatements, 'ingest', options.out);
  const articleStart = process.hrtime.bigint();
  let statements = 0;
  let sharedQuotes = 0;
  let documents = directory.length;
  const iterator = articles[Symbol.iterator]();
  const take = (): ArticleDocument[] => {
    const taken: ArticleDocument[] = [];
    while (taken.length < batch) {
      const next = iterator.next();
      if (next.done) break;
      taken.push(next.value);
    }
    return taken;
  };
  const worker = async (): Promise<void> => {
    for (let taken = take(); taken.length > 0; taken = take()) {
      const results: IngestResult[] = batch === 1 ? [await ingestDocument(gateway, taken[0])] : await ingestBatch(gateway, taken);
      for (const result of results) {
        documents += 1;
        statements += result.statements;
        sharedQuotes += result.evidenceAdded.length;
      }
      const elapsed = Number(process.hrtime.bigint() - articleStart) / 1e9;
      bar.tick(Math.min(statements, options.expectedStatements), `${Math.round(statements / Math.max(elapsed, 1e-3))} statements/s`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const total = seconds();
  return {
    documents,
    statements,
    sharedQuotes,
    seconds: total,
    statementsPerSecond: statements / total,
    documentsPerSecond: documents / total,
    concurrency,
    batch,
  };
}
