/**
 * The bulk loader behind `npm run ingest` and the bench: article documents through the
 * product's own ingest path (the validator, then the batch writer, which plans each document
 * in order and writes a whole batch in one transaction with a fixed set of UNWIND queries),
 * with a progress bar and the rate in statements per second.
 *
 * Documents go `batch` to a transaction, `concurrency` transactions at a time; a leading
 * batch (the bench's directory, which everything else references) can be given of its own
 * size. While a batch is being written, the next one is validated (the validator reads
 * nothing from the graph), a document at a time with a turn of the event loop between them,
 * so that Node's share of the work overlaps Neo4j's instead of alternating with it.
 *
 * A rejected document either stops the load ('stop': its whole batch is refused with
 * BAD_USER_INPUT naming it by its index in the batch, as `ingestBatch` does; the batches
 * before it stay written) or is reported and left out ('skip': the rest of its batch is
 * written without it, judged as if it had never been there).
 *
 * Into an empty graph, the full-text index and the plain indexes the writer does not use can
 * be built once at the end instead of at every commit (`withSearchIndexDeferred`); the time
 * reported runs until they are online.
 */
import { cypher } from '../db/cypher';
import { indexStatement, SEARCH_INDEX } from '../db/constraints';
import type { Neo4jGateway } from '../db/gateway';
import type { Problem } from '../errors';
import { BatchRejected, ValidatedDocuments, writeDocuments, type IngestResult, type WriteOptions } from './ingest';
import { INGEST_BATCH_SIZE, ingestBatch } from './ingest-batch';
import { ProgressBar, progressFromFirstTick } from './progress';
import { rehearseWriter } from './rehearsal';
import { isConflict } from './result';

/**
 * One transaction at a time, INGEST_BATCH_SIZE documents each: every article links to the
 * same few popular speakers, policies and outlets, so concurrent transactions mostly wait on
 * each other's locks (BENCHMARKS.md, Loading, has the sizes and concurrencies measured).
 */
export const DEFAULT_LOAD = { concurrency: 1, batch: INGEST_BATCH_SIZE } as const;

/** A document that could not be read (e.g. a file that is not JSON): reported, never written. */
export class Unreadable {
  constructor(readonly message: string) {}
}

/** What became of one document: its ingest result and its share of its batch's time, or why not. */
export type Outcome = { ok: true; result: IngestResult; ms: number } | { ok: false; message: string; problems?: readonly Problem[] };

export interface LoadReport {
  readonly documents: number;
  readonly statements: number;
  /** Statements that became evidence for a statement already in the graph (a repeated quote). */
  readonly sharedQuotes: number;
  /** Documents rejected (only with rejected: 'skip'). */
  readonly rejected: number;
  readonly seconds: number;
  readonly statementsPerSecond: number;
  readonly documentsPerSecond: number;
  readonly concurrency: number;
  readonly batch: number;
  /** Where `seconds` went, in order (wall seconds). */
  readonly phases: LoadPhases;
}

/**
 * The parts of a load's time: making ready (the deferred indexes dropped and the writer
 * rehearsed again), the leading batch (`firstBatch`), the other batches, and the deferred
 * indexes built at the end (zero when none were deferred).
 */
export interface LoadPhases {
  readonly ready: number;
  readonly firstBatch: number;
  readonly batches: number;
  readonly indexes: number;
}

export interface LoadOptions {
  /** Transactions in flight at once; default DEFAULT_LOAD.concurrency. */
  readonly concurrency?: number;
  /** Documents per transaction; default DEFAULT_LOAD.batch. */
  readonly batch?: number;
  /** Written first, as one batch of its own, before `documents`. */
  readonly firstBatch?: readonly unknown[];
  /** What a rejected document does (see above); default 'stop'. */
  readonly rejected?: 'stop' | 'skip';
  /** Documents replace stored articles of their id that have another text (WriteOptions, plan.ts); default false. */
  readonly replace?: boolean;
  /** Build the search index and the other DEFERRED_INDEXES once at the end when the graph is empty at the start; default true. */
  readonly deferSearchIndex?: boolean;
  /** The progress bar's end and what it counts. */
  readonly progress: { readonly total: number; readonly unit: 'documents' | 'statements' };
  /** Each batch's documents and outcomes, as it is written (in order with concurrency 1). */
  readonly onBatch?: (documents: readonly unknown[], outcomes: readonly Outcome[]) => void;
  readonly out?: NodeJS.WriteStream;
}

interface Counted {
  documents: number;
  statements: number;
  sharedQuotes: number;
  rejected: number;
  firstBatchSeconds: number;
}

/** Wall seconds since `from` (process.hrtime.bigint()). */
const secondsSince = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

export async function bulkLoad(gateway: Neo4jGateway, documents: Iterable<unknown>, options: LoadOptions): Promise<LoadReport> {
  const concurrency = options.concurrency ?? DEFAULT_LOAD.concurrency;
  const batch = options.batch ?? DEFAULT_LOAD.batch;
  const started = process.hrtime.bigint();
  const marks = { ready: 0, loaded: 0 };
  const load = async (): Promise<Counted> => {
    marks.ready = secondsSince(started);
    const loaded = await loadBatches(gateway, documents, options, batch, concurrency);
    marks.loaded = secondsSince(started);
    return loaded;
  };
  const { firstBatchSeconds, ...counted } =
    (options.deferSearchIndex ?? true) ? await withSearchIndexDeferred(gateway, load, progressFromFirstTick(100, 'search index', options.out)) : await load();
  const seconds = secondsSince(started);
  return {
    ...counted,
    seconds,
    phases: { ready: marks.ready, firstBatch: firstBatchSeconds, batches: marks.loaded - marks.ready - firstBatchSeconds, indexes: seconds - marks.loaded },
    statementsPerSecond: counted.statements / seconds,
    documentsPerSecond: counted.documents / seconds,
    concurrency,
    batch,
  };
}

/** A batch taken from the input: the documents as given, and the readable ones validated. */
interface Prepared {
  readonly documents: readonly unknown[];
  readonly validated: ValidatedDocuments;
}

async function loadBatches(gateway: Neo4jGateway, documents: Iterable<unknown>, options: LoadOptions, batch: number, concurrency: number): Promise<Counted> {
  const counted: Counted = { documents: 0, statements: 0, sharedQuotes: 0, rejected: 0, firstBatchSeconds: 0 };
  const write = async (prepared: Prepared): Promise<void> => {
    const outcomes = await writePrepared(gateway, prepared, options.rejected ?? 'stop', { replace: options.replace === true });
    for (const outcome of outcomes) {
      if (!outcome.ok) {
        counted.rejected += 1;
        continue;
      }
      counted.documents += 1;
      counted.statements += outcome.result.statements;
      counted.sharedQuotes += outcome.result.evidenceAdded.length;
    }
    options.onBatch?.(prepared.documents, outcomes);
  };
  if (options.firstBatch && options.firstBatch.length > 0) {
    const started = process.hrtime.bigint();
    await write(await prepare(options.firstBatch[Symbol.iterator](), options.firstBatch.length));
    counted.firstBatchSeconds = secondsSince(started);
  }

  const bar = new ProgressBar(options.progress.total, 'ingest', options.out);
  const from = { documents: counted.documents + counted.rejected, statements: counted.statements, at: process.hrtime.bigint() };
  const tick = (): void => {
    const elapsed = secondsSince(from.at);
    const done = options.progress.unit === 'statements' ? counted.statements - from.statements : counted.documents + counted.rejected - from.documents;
    const rate = Math.round((counted.statements - from.statements) / Math.max(elapsed, 1e-3));
    bar.tick(Math.min(done, options.progress.total), `${rate} statements/s`);
  };
  const iterator = documents[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    for (let taken = await prepare(iterator, batch); taken.documents.length > 0; ) {
      // A failed write fails the load at once; the batch being prepared is then dropped.
      const [, following] = await Promise.all([write(taken), prepare(iterator, batch)]);
      tick();
      taken = following;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return counted;
}

/** The next `size` documents, the readable ones validated, yielding to the event loop after each. */
async function prepare(iterator: Iterator<unknown>, size: number): Promise<Prepared> {
  const documents: unknown[] = [];
  const validated = new ValidatedDocuments();
  while (documents.length < size) {
    const next = iterator.next();
    if (next.done) break;
    documents.push(next.value);
    if (!(next.value instanceof Unreadable)) validated.add(next.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { documents, validated };
}

/** One outcome per document of the batch, in order. */
async function writePrepared(gateway: Neo4jGateway, prepared: Prepared, rejected: 'stop' | 'skip', options: WriteOptions): Promise<Outcome[]> {
  const readable = prepared.documents.flatMap((document, i) => (document instanceof Unreadable ? [] : [i]));
  const outcomes: Outcome[] = prepared.documents.map((document) => ({ ok: false, message: document instanceof Unreadable ? document.message : '' }));
  const t0 = Date.now();
  const written =
    rejected === 'stop'
      ? await ingestBatch(gateway, prepared.validated, undefined, options).then((results) =>
          results.map((result): Outcome => ({ ok: true, result, ms: Math.round((Date.now() - t0) / results.length) })),
        )
      : await writeSkippingRejected(gateway, readable.map((i) => prepared.documents[i]), options, prepared.validated);
  readable.forEach((i, k) => (outcomes[i] = written[k] as Outcome));
  return outcomes;
}

/**
 * Writes one batch and says what became of each document. Rejected documents are taken
 * out and the rest written again (the writer judges the others as if the rejected ones were
 * not there, so one retry normally does it). Any other failure, such as Neo4j refusing a
 * write, is narrowed down by writing the batch's documents one at a time.
 */
async function writeSkippingRejected(gateway: Neo4jGateway, documents: readonly unknown[], options: WriteOptions, validated?: ValidatedDocuments): Promise<Outcome[]> {
  const outcomes: (Outcome | undefined)[] = documents.map(() => undefined);
  let pending = documents.map((_, i) => i);
  let first = validated;
  while (pending.length > 0) {
    const t0 = Date.now();
    try {
      const results = await writeDocuments(gateway, first ?? pending.map((i) => documents[i]), undefined, undefined, options);
      const ms = Math.round((Date.now() - t0) / pending.length);
      pending.forEach((i, k) => (outcomes[i] = { ok: true, result: results[k] as IngestResult, ms }));
      pending = [];
    } catch (error) {
      if (error instanceof BatchRejected) {
        for (const [k, problems] of error.rejected) outcomes[pending[k] as number] = { ok: false, message: rejectedMessage(problems), problems };
        pending = pending.filter((i) => outcomes[i] === undefined);
      } else if (pending.length > 1) {
        for (const i of pending) outcomes[i] = (await writeSkippingRejected(gateway, [documents[i]], options))[0];
        pending = [];
      } else {
        outcomes[pending[0] as number] = { ok: false, message: (error as Error).message };
        pending = [];
      }
    }
    first = undefined;
  }
  return outcomes as Outcome[];
}

const rejectedMessage = (problems: readonly Problem[]): string =>
  problems.every(isConflict) ? 'CONFLICT, nothing written' : `${problems.length} problem(s), nothing written`;

/**
 * The indexes of schema/constraints.cypher a bulk load into an empty graph builds at its end:
 * the full-text index, and the plain indexes that serve the API's pages and filters. The
 * writer finds everything it touches by id or key, through the unique constraints, which
 * stay throughout (they are what keeps two nodes from having one id).
 */
export const DEFERRED_INDEXES = [
  SEARCH_INDEX,
  'statement_kind',
  'statement_sort',
  'statement_day_key',
  'entity_name',
  'article_published',
  'article_published_key',
] as const;

/**
 * Runs a bulk load (`load`) with the DEFERRED_INDEXES built once, after it, when the graph
 * is empty at the start: otherwise Neo4j updates each of them at every commit (for the
 * full-text index, a small Lucene segment per transaction, merged as the load goes on), a
 * cost that shows in a large load's CPU (BENCHMARKS.md; docs/bench-findings.md). A graph that
 * holds anything keeps its indexes, so search and pages never lose what they could already find.
 *
 * While the indexes are away, `search` answers SERVICE_UNAVAILABLE (translateDriverError in
 * errors.ts says why) and pages read without their index. They are built again whether the
 * load succeeds or fails, and `onBuild` is told their population percent (the least
 * advanced one's); a process killed in between leaves it to the next `applyConstraints`
 * (every start). Indexes already away (`deferIndexesIfEmpty` at start-up) are built the same way,
 * even when someone else's write reached the graph between the start-up and the load.
 */
export async function withSearchIndexDeferred<T>(
  gateway: Neo4jGateway,
  load: () => Promise<T>,
  onBuild: (percent: number) => void = () => undefined,
): Promise<T> {
  const deferred = await deferIndexesIfEmpty(gateway);
  // Indexes a command dropped at start-up stay away when someone else wrote to the graph before
  // its load began: the load then builds them like its own.
  if (deferred === null && (await presentIndexes(gateway)).length === DEFERRED_INDEXES.length) return load();
  // A schema change empties Neo4j's plan cache, the writer's rehearsed plans with it: without
  // this the first batches of the load would plan every writer query again. When the indexes
  // were already away (deferred before start-up's rehearsal), nothing changed and the plans stand.
  if (deferred !== null && deferred > 0) await rehearseWriter(gateway);
  let loaded: T;
  try {
    loaded = await load();
  } catch (error) {
    // The load's own failure is what the caller needs to see; the indexes are still rebuilt.
    await buildIndexes(gateway, onBuild).catch(() => undefined);
    throw error;
  }
  await buildIndexes(gateway, onBuild);
  return loaded;
}

/**
 * Drops the DEFERRED_INDEXES that exist when the graph is empty, for a bulk load to build at
 * its end; returns how many it dropped, or null when the graph holds anything (they stay).
 * A command about to bulk load calls it before it rehearses the writer (src/db/connect.ts
 * OpenOptions `bulkLoad`): the drops empty Neo4j's plan cache, so after them the rehearsal's
 * plans would be lost, and the load would pay for planning the writer again.
 */
export async function deferIndexesIfEmpty(gateway: Neo4jGateway): Promise<number | null> {
  const [count] = await gateway.read(cypher('MATCH (n) RETURN count(n) AS nodes'));
  if (count?.nodes !== 0) return null;
  const present = await presentIndexes(gateway);
  // Schema changes cannot share a transaction with each other in Neo4j, so one each.
  for (const { name } of present) await gateway.write((tx) => tx.run(cypher(`DROP INDEX ${String(name)} IF EXISTS`)));
  return present.length;
}

/** The DEFERRED_INDEXES that exist, in whatever state. */
function presentIndexes(gateway: Neo4jGateway): Promise<Record<string, unknown>[]> {
  return gateway.read(cypher('SHOW INDEXES YIELD name WHERE name IN $names RETURN name', { names: [...DEFERRED_INDEXES] }));
}

/** Creates the DEFERRED_INDEXES that are absent and waits until all are online, reporting the least advanced one's population. */
async function buildIndexes(gateway: Neo4jGateway, onBuild: (percent: number) => void): Promise<void> {
  for (const name of DEFERRED_INDEXES) await gateway.write((tx) => tx.run(cypher(indexStatement(name))));
  const names: readonly string[] = DEFERRED_INDEXES;
  for (;;) {
    const indexes = await gateway.read(
      cypher('SHOW INDEXES YIELD name, state, populationPercent, failureMessage WHERE name IN $names RETURN name, state, populationPercent, failureMessage', {
        names,
      }),
    );
    const missing = names.find((name) => !indexes.some((index) => index.name === name));
    if (missing !== undefined) throw new Error(`the index ${missing} was dropped while it was being built`);
    const failed = indexes.find((index) => index.state === 'FAILED');
    if (failed) throw new Error(`the index ${String(failed.name)} failed to build: ${String(failed.failureMessage)}`);
    onBuild(Math.min(...indexes.map((index) => Math.floor(Number(index.populationPercent)))));
    if (indexes.every((index) => index.state === 'ONLINE')) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
