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
 * bookmark. A kept answer is therefore never older than the graph that check saw, whoever
 * wrote last: this server, another instance, the ingest CLI or a Cypher shell. (On a cluster
 * the check, like every read, goes to whichever member routing picks, with no bookmark of the
 * client's own writes.)
 *
 * The check is a round trip of its own, as cheap as a read can be, so only reads that cost
 * far more than one are worth keeping; a lookup by id is not. A question without a kept
 * answer for the last state the gateway saw skips the check and is computed at once
 * (Neo4jGateway.readKept), so a miss costs one round trip, as the read alone would.
 */
import type { CypherQuery, Row } from './cypher';

interface Kept {
  readonly state: string;
  readonly rows: readonly Row[];
  readonly weight: number;
}

/** The key of a query: its text and its parameters, which our translations build in a fixed order. */
export function answerKey(query: CypherQuery): string {
  return `${query.cypher}\u0000${JSON.stringify(query.params)}`;
}

/** Freezes what is kept, so a caller that changed an answer would throw instead of changing it for the next one. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The size of a kept answer, its key's text and its rows' JSON, in characters, allowed per
 * answer on average: with the answer count, this bounds the memory kept. Attribution by
 * article can list every article, thousands of rows in a large graph; a paths query's text
 * alone is kilobytes; a count of rows would bound neither.
 */
export const CHARACTERS_PER_ANSWER = 16_384;

/** What a kept answer weighs against the bound: its key's text and its rows' JSON, in characters. */
export const weightOf = (key: string, rows: readonly Row[]): number => key.length + JSON.stringify(rows).length;

/**
 * At most `capacity` answers, one per query, weighing at most `maxCharacters` in all
 * (weightOf); the least recently used go first, and an answer heavier than that is not kept.
 * Capacity 0 keeps none.
 */
export class AnswerCache {
  private readonly kept = new Map<string, Kept>();
  private weight = 0;

  constructor(
    readonly capacity: number,
    readonly maxCharacters = capacity * CHARACTERS_PER_ANSWER,
  ) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`capacity must be a whole number of answers, 0 or more; received ${capacity}`);
    if (!Number.isInteger(maxCharacters) || maxCharacters < 0) throw new RangeError(`maxCharacters must be a whole number, 0 or more; received ${maxCharacters}`);
  }

  get size(): number {
    return this.kept.size;
  }

  /** What the kept answers weigh in all (weightOf). */
  get characters(): number {
    return this.weight;
  }

  /** The state the answer kept for `key` was computed at, without counting it as used. */
  stateOf(key: string): string | undefined {
    return this.kept.get(key)?.state;
  }

  /** The rows kept for `key` if they were computed at `state`. */
  get(key: string, state: string): readonly Row[] | undefined {
    const kept = this.kept.get(key);
    if (kept === undefined || kept.state !== state) return undefined;
    this.kept.delete(key);
    this.kept.set(key, kept);
    return kept.rows;
  }

  /** Keeps `rows` as the answer at `state`, in place of any older one, unless they weigh too much; returns them frozen either way. */
  set(key: string, state: string, rows: Row[]): readonly Row[] {
    deepFreeze(rows);
    if (this.capacity === 0) return rows;
    const weight = weightOf(key, rows);
    if (weight > this.maxCharacters) return rows;
    this.drop(key);
    this.kept.set(key, { state, rows, weight });
    this.weight += weight;
    while (this.kept.size > this.capacity || this.weight > this.maxCharacters) this.drop(this.kept.keys().next().value as string);
    return rows;
  }

  private drop(key: string): void {
    const kept = this.kept.get(key);
    if (kept === undefined) return;
    this.kept.delete(key);
    this.weight -= kept.weight;
  }
}
