/**
 * Answers to reads that work across the whole graph (search, paths, timelines,
 * attribution), kept while the database stays as it was when they were computed.
 *
 * Neo4j ends every transaction, a read too, with a bookmark that names the last transaction
 * committed to the database: two reads with the same bookmark saw the same graph (checked
 * in test/integration/answer-cache.test.ts). So the gateway files an answer under the
 * bookmark of the read that computed it, and only when a read that finished before that
 * one began returned the same bookmark: then nothing was committed while it ran. A request
 * is given a kept answer only when its own check of the database's state returns that
 * bookmark. A kept answer is therefore never older than the graph, whoever wrote last: this
 * server, another instance, the ingest CLI or a Cypher shell.
 *
 * The check is a round trip of its own, as cheap as a read can be, so only reads that cost
 * far more than one are worth keeping; a lookup by id is not.
 */
import type { CypherQuery } from './cypher';
import type { Row } from './gateway';

interface Kept {
  readonly state: string;
  readonly rows: readonly Row[];
}

/** The key of a query: its text and its parameters, which our translations build in a fixed order. */
export function answerKey(query: CypherQuery): string {
  return `${query.cypher}\u0000${JSON.stringify(query.params)}`;
}

/** Freezes what is kept, so a caller that changed an answer would throw instead of changing it for the next one. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** At most `capacity` answers, one per query, the least recently used dropped first; 0 keeps none. */
export class AnswerCache {
  private readonly kept = new Map<string, Kept>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`capacity must be a whole number of answers, 0 or more; received ${capacity}`);
  }

  get size(): number {
    return this.kept.size;
  }

  /** The rows kept for `key` if they were computed at `state`. */
  get(key: string, state: string): readonly Row[] | undefined {
    const kept = this.kept.get(key);
    if (kept === undefined || kept.state !== state) return undefined;
    this.kept.delete(key);
    this.kept.set(key, kept);
    return kept.rows;
  }

  /** Keeps `rows` as the answer at `state`, in place of any older one; returns them frozen. */
  set(key: string, state: string, rows: Row[]): readonly Row[] {
    if (this.capacity === 0) return rows;
    this.kept.delete(key);
    this.kept.set(key, { state, rows: deepFreeze(rows) });
    if (this.kept.size > this.capacity) this.kept.delete(this.kept.keys().next().value as string);
    return rows;
  }
}
