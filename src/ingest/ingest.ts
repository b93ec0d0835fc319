/**
 * Writes validated article documents, one or a whole batch, in one write transaction.
 * Every id reference is checked inside that transaction, so a batch in which any document
 * fails writes nothing. Writing is idempotent: nodes are merged on ids, and a content hash
 * per node tells created, updated and unchanged apart.
 *
 * Entity resolution: an entity whose normalised name (text.ts `nameKey`) is already the
 * name or alias of exactly one entity of the same type is merged into it, and every
 * reference in the document is rewritten to the existing id. A quote whose speaker and
 * normalised words match a statement already in the graph becomes a second piece of
 * evidence for that statement instead of a new one.
 *
 * A batch comes out exactly as if its documents had been written one by one, in order, but
 * costs a handful of reads and a fixed set of UNWIND writes instead of twenty queries per
 * document. The phases, in order, each in a file of its own: validate (validate.ts, before
 * the transaction); read what the graph holds for the batch (overlay.ts); plan each
 * document against it (plan.ts); write the plans (write.ts); report (result.ts).
 */
import type { Deadline, Neo4jGateway, RoundTrips, WriteTx } from '../db/gateway';
import type { Problem } from '../errors';
import { stampIngested } from '../graph/live/live.repository';
import { lockDocuments } from './lock';
import { planBatch, unresolvedReferenceProblems, type WriteOptions } from './plan';
import { cliAuthor, recordEdits, refuseRetired } from './provenance';
import { BatchRejected, rejection, type IngestResult } from './result';
import { validateDocument, type NormalizedDocument } from './validate';
import { writePlans } from './write';

export { BatchRejected, type IngestResult } from './result';
export type { WriteOptions } from './plan';

/** How to write: replace an article's text (plan.ts), and who the edits name (provenance.ts). */
export interface IngestOptions extends WriteOptions {
  /** An API key's name; the CLI's user when not given. */
  readonly author?: string;
}

/**
 * Validates, then writes. Throws a BAD_USER_INPUT GraphQLError listing every problem, or
 * CONFLICT when the graph holds the document's article id with another text (and
 * `options.replace` is not set). With a deadline (the request's), the write is cancelled and
 * rolled back when it passes.
 */
export async function ingestDocument(
  gateway: Neo4jGateway,
  input: unknown,
  trips?: RoundTrips,
  deadline?: Deadline,
  options: IngestOptions = {},
): Promise<IngestResult> {
  try {
    const [result] = await writeDocuments(gateway, [input], trips, deadline, options);
    return result as IngestResult;
  } catch (error) {
    if (error instanceof BatchRejected) throw rejection(error.rejected.get(0) ?? []);
    throw error;
  }
}

/**
 * Documents already through the validator, in order, ready for `writeDocuments`: a bulk
 * load validates the next batch while the current one is being written. Validation reads
 * nothing from the graph, so when it runs makes no difference to what it finds.
 */
export class ValidatedDocuments {
  readonly documents: (NormalizedDocument | null)[] = [];
  readonly rejected = new Map<number, readonly Problem[]>();
  /** The references of rejected documents, by index: the graph may not hold them either. */
  readonly unresolved = new Map<number, NormalizedDocument['external']>();

  static of(inputs: readonly unknown[]): ValidatedDocuments {
    const validated = new ValidatedDocuments();
    for (const input of inputs) validated.add(input);
    return validated;
  }

  /** Validates one more document; its index is the number added before it. */
  add(input: unknown): void {
    const validation = validateDocument(input);
    if (!validation.ok) {
      this.rejected.set(this.documents.length, validation.problems);
      if (validation.external.size > 0) this.unresolved.set(this.documents.length, validation.external);
    }
    this.documents.push(validation.ok ? validation.document : null);
  }

  get size(): number {
    return this.documents.length;
  }
}

/**
 * Validates every document (unless they come validated), then writes them all in one write
 * transaction, in order, and returns one result per document. Throws BatchRejected, having
 * written nothing, when any document is invalid or references what neither the graph nor
 * an earlier document holds.
 */
export async function writeDocuments(
  gateway: Neo4jGateway,
  inputs: readonly unknown[] | ValidatedDocuments,
  trips?: RoundTrips,
  deadline?: Deadline,
  options: IngestOptions = {},
): Promise<IngestResult[]> {
  const validated = inputs instanceof ValidatedDocuments ? inputs : ValidatedDocuments.of(inputs);
  const { documents: docs, rejected } = validated;
  // Without a valid document or a reference to look up there is nothing to check against the graph.
  if (docs.every((d) => d === null) && validated.unresolved.size === 0) throw new BatchRejected(rejected);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writeValidated(gateway, validated, options, trips, deadline);
    } catch (error) {
      // The locks (lock.ts) keep parallel ingests from meeting at a unique key; should one
      // still meet another writer there, its plan is stale: it is made again from the graph as it now is.
      if (attempt >= WRITE_ATTEMPTS || (error as { code?: string }).code !== CONSTRAINT_VALIDATION_FAILED) throw error;
    }
  }
}

const CONSTRAINT_VALIDATION_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';
const WRITE_ATTEMPTS = 3;

/**
 * One write transaction: locks first (lock.ts), then the reads the plans are made from, then
 * the writes. Neo4j runs a transaction's queries one after the other in the order sent, so
 * queries whose inputs are known go out together without waiting for each other's answers:
 * the lock query with the first reads (which still see the graph as it is once the locks are
 * held), and the check for retired ids with the writes and, when the writes' answers cannot
 * change the results, the edit record and the change stamp. A batch of new articles is then
 * two round trips and the commit.
 */
function writeValidated(gateway: Neo4jGateway, validated: ValidatedDocuments, options: IngestOptions, trips?: RoundTrips, deadline?: Deadline): Promise<IngestResult[]> {
  return gateway.write((tx) => writeInTransaction(tx, validated, options), trips, deadline);
}

/** The body of writeValidated's transaction; src/ingest/rehearsal.ts runs it in one it rolls back. */
export async function writeInTransaction(tx: WriteTx, validated: ValidatedDocuments, options: IngestOptions): Promise<IngestResult[]> {
  const { documents: docs, rejected, unresolved } = validated;
  const author = options.author ?? cliAuthor();
  const locked = lockDocuments(tx, docs);
  // Seen at once, so a failure is not reported as unhandled before it is awaited below.
  locked.catch(() => undefined);
  // When the reads fail because taking the locks did (a deadlock, a timeout), the locks' error is the one to retry on.
  const planned = await planBatch(tx, docs, options).catch(async (error: unknown) => {
    await locked;
    throw error;
  });
  await locked;
  const references = await unresolvedReferenceProblems(tx, docs, unresolved);
  const invalid = [...rejected].map(([i, found]): [number, readonly Problem[]] => [i, [...found, ...(references.get(i) ?? [])]]);
  const problems = new Map([...invalid, ...planned.rejected].sort(([a], [b]) => a - b));
  if (problems.size > 0) throw new BatchRejected(problems);
  const results = planned.plans.map((p) => p.result);
  // Ahead of the writes, answered with them; a refusal fails the transaction, so nothing stays.
  const retired = refuseRetired(tx, planned.plans);
  // The stamp last, so the change sequence's lock is held only for the commit (src/graph/live).
  const written = writePlans(tx, planned.plans, () => Promise.all([recordEdits(tx, planned.plans, author), stampIngested(tx, results)]));
  // A refused id is the error to report, also when a write failed after it.
  await written.catch(async (error: unknown) => {
    await retired;
    throw error;
  });
  await retired;
  return results;
}
