/**
 * Loads a corpus through the product's own ingest path (`ingestBatch`: the validator, then
 * the batch writer, which plans each document in order and writes a whole batch in one
 * transaction with a fixed set of UNWIND queries), several batches at a time, with a
 * progress bar and the rate in statements per second.
 *
 * The directory documents go first, as one batch (everything else references them);
 * articles then go `batch` to a transaction, `concurrency` transactions at a time. A
 * document that fails stops the load: a benchmark over a partly loaded graph would
 * measure something else.
 *
 * While a batch is being written, the next one is generated and validated (the validator
 * reads nothing from the graph), a document at a time with a turn of the event loop between
 * them, so that Neo4j's answers are not kept waiting: Node's share of the work overlaps
 * Neo4j's instead of alternating with it. The transactions themselves still run one after
 * the other per worker, in corpus order.
 *
 * Into an empty graph, the full-text index is built once at the end instead of at every
 * commit (`withSearchIndexDeferred`, as `npm run ingest` does); the time reported runs until
 * it is online, so the graph is whole and searchable when the load says it is done.
 */
import { INGEST_BATCH_SIZE, ingestBatch } from '../src/ingest/ingest-batch';
import { ValidatedDocuments } from '../src/ingest/ingest';
import type { ArticleDocument } from '../src/ingest/document';
import { ProgressBar, progressFromFirstTick } from '../src/ingest/progress';
import type { Neo4jGateway } from '../src/db/gateway';
import { withSearchIndexDeferred } from '../src/db/constraints';

/**
 * Measured on the 2-core bench machine, 100k corpus into a fresh database: one transaction
 * at a time, 100 articles (about 2000 statements) each. Two in flight were slower (74 s
 * against 64 s for the whole load): every article links to the same few hot speakers,
 * policies and outlets, so two transactions mostly wait on each other's locks until
 * commit. Batches of 50 and 200 came within a few seconds of 100; fewer than that and the
 * fixed cost per query shows.
 */
export const DEFAULT_LOAD = { concurrency: 1, batch: INGEST_BATCH_SIZE } as const;

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
  /** Transactions in flight at once; default DEFAULT_LOAD.concurrency. */
  readonly concurrency?: number;
  /** Documents per transaction (src/ingest/ingest-batch.ts); default DEFAULT_LOAD.batch. */
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
  const concurrency = options.concurrency ?? DEFAULT_LOAD.concurrency;
  const batch = options.batch ?? DEFAULT_LOAD.batch;
  const started = process.hrtime.bigint();
  const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
  const counted = await withSearchIndexDeferred(
    gateway,
    () => loadDocuments(gateway, directory, articles, options, batch, concurrency),
    progressFromFirstTick(100, 'search index', options.out),
  );
  const total = seconds();
  return {
    ...counted,
    seconds: total,
    statementsPerSecond: counted.statements / total,
    documentsPerSecond: counted.documents / total,
    concurrency,
    batch,
  };
}

interface Counted {
  readonly documents: number;
  readonly statements: number;
  readonly sharedQuotes: number;
}

async function loadDocuments(
  gateway: Neo4jGateway,
  directory: readonly ArticleDocument[],
  articles: Iterable<ArticleDocument>,
  options: LoadOptions,
  batch: number,
  concurrency: number,
): Promise<Counted> {
  if (directory.length > 0) await ingestBatch(gateway, directory);

  const bar = new ProgressBar(options.expectedStatements, 'ingest', options.out);
  const articleStart = process.hrtime.bigint();
  let statements = 0;
  let sharedQuotes = 0;
  let documents = directory.length;
  const iterator = articles[Symbol.iterator]();
  /** The next `batch` articles, validated, yielding to the event loop after each. */
  const prepare = async (): Promise<ValidatedDocuments> => {
    const prepared = new ValidatedDocuments();
    while (prepared.size < batch) {
      const next = iterator.next();
      if (next.done) break;
      prepared.add(next.value);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return prepared;
  };
  const worker = async (): Promise<void> => {
    for (let taken = await prepare(); taken.size > 0; ) {
      const writing = ingestBatch(gateway, taken);
      // A failed write fails the load at once; the batch being prepared is then dropped.
      const [results, following] = await Promise.all([writing, prepare()]);
      for (const result of results) {
        documents += 1;
        statements += result.statements;
        sharedQuotes += result.evidenceAdded.length;
      }
      const elapsed = Number(process.hrtime.bigint() - articleStart) / 1e9;
      bar.tick(Math.min(statements, options.expectedStatements), `${Math.round(statements / Math.max(elapsed, 1e-3))} statements/s`);
      taken = following;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { documents, statements, sharedQuotes };
}
