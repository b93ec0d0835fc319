/**
 * One subscription's changes, as the async iterator graphql-js maps to responses. It walks
 * the sequence from the one it started after, in rounds: each round takes what the feed
 * (feed.ts) has settled, reads the changes of that range its filter selects, a page at a
 * time, and hands them on in sequence order; its cursor moves only past what it has read,
 * so a failed read is read again and nothing is skipped or given twice.
 *
 * A statement changed twice since the stream last read is read once, as its latest write
 * left it, at that write's sequence: the stream delivers states, not every write.
 *
 * When the stream can no longer promise that (the feed's counter was made anew, or the
 * deletions its cursor would need were pruned), `next` rejects with a SEQUENCE_LOST error,
 * which the socket side sends as the subscription's last result.
 */
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors';
import type { StatementFilterValues } from '../statement/statement.cypher';
import { CHANGES_PER_READ, type StatementFeed } from './feed';
import type { ChangeRow } from './live.repository';
import type { StatementChangeKind, StatementChangeRecord } from './live.type';

/**
 * What a row means to a stream whose round started after `since`: DELETED when only its
 * tombstone is left; RETRACTED when the statement is out of the live graph; CREATED when it
 * was created after `since` (whatever happened to it since, the subscriber has not seen
 * it); UPDATED otherwise.
 */
export function changeOf(row: ChangeRow, since: number): StatementChangeRecord {
  const sequence = String(row.sequence);
  if (row.statement === null) return { sequence, change: 'DELETED', statement: null, deletedId: row.deletedId };
  const change: StatementChangeKind = row.retracted ? 'RETRACTED' : row.createdSeq !== null && row.createdSeq > since ? 'CREATED' : 'UPDATED';
  return { sequence, change, statement: row.statement };
}

export type SequenceLostReason = 'SEQUENCE_MADE_ANEW' | 'DELETIONS_PRUNED';

/** The changes after `after` can no longer be told without gaps: the client must start over. */
export function sequenceLost(reason: SequenceLostReason, after: number, prunedUpTo?: number): GraphQLError {
  const why =
    reason === 'SEQUENCE_MADE_ANEW'
      ? `the change sequence was made anew (the database was emptied or replaced) after sequence ${after}`
      : `deletions up to sequence ${prunedUpTo ?? '?'} were pruned, and this subscription resumes after ${after}`;
  return new GraphQLError(`statementChanges cannot go on without gaps: ${why}. Subscribe again without afterSequence, and read afresh what you show.`, {
    extensions: { code: ErrorCode.SEQUENCE_LOST, reason },
  });
}

export interface StreamOptions {
  readonly filter: StatementFilterValues;
  /** Names the filter: streams with the same key and cursor share their reads. */
  readonly filterKey: string;
  /** The sequence to start after. */
  readonly after: number;
  /** The feed's generation that `after` counts in. */
  readonly generation: number;
  /** Called before each change is handed on (the subscription's context starts afresh for it). */
  readonly onChange?: () => void;
  /** The wait before a failed read is tried again. */
  readonly retryMs: number;
  readonly log: (entry: Record<string, unknown>) => void;
}

export class ChangeStream implements AsyncIterableIterator<StatementChangeRecord> {
  private cursor: number;
  private roundStart: number;
  private roundEnd: number;
  private queue: StatementChangeRecord[] = [];
  private readonly closing = new AbortController();

  constructor(
    private readonly feed: StatementFeed,
    private readonly options: StreamOptions,
  ) {
    this.cursor = this.roundStart = this.roundEnd = options.after;
    feed.join();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The next change; rejects (and ends the stream) when the changes can no longer be told without gaps. */
  async next(): Promise<IteratorResult<StatementChangeRecord>> {
    try {
      return await this.advance();
    } catch (error) {
      await this.return();
      throw error;
    }
  }

  private async advance(): Promise<IteratorResult<StatementChangeRecord>> {
    while (this.queue.length === 0) {
      this.checkLineage();
      if (this.cursor >= this.roundEnd) {
        const settled = await this.feed.beyond(this.cursor, this.options.generation, this.closing.signal);
        if (settled === null) {
          this.checkLineage();
          return this.return();
        }
        this.roundStart = this.cursor;
        this.roundEnd = settled;
      }
      const rows = await this.read();
      if (rows === null) return this.return();
      // Rows read across a reset would belong to the new database.
      this.checkLineage();
      this.queue = rows.map((row) => changeOf(row, this.roundStart));
      const last = rows[rows.length - 1];
      this.cursor = rows.length === CHANGES_PER_READ && last !== undefined ? last.sequence : this.roundEnd;
    }
    this.options.onChange?.();
    return { value: this.queue.shift() as StatementChangeRecord, done: false };
  }

  private checkLineage(): void {
    if (this.closing.signal.aborted) return;
    if (this.feed.generation !== this.options.generation) throw sequenceLost('SEQUENCE_MADE_ANEW', this.cursor);
    if (this.cursor < this.feed.prunedUpTo) throw sequenceLost('DELETIONS_PRUNED', this.cursor, this.feed.prunedUpTo);
  }

  /** Ends the stream: a pending `next` resolves done. */
  async return(): Promise<IteratorResult<StatementChangeRecord>> {
    if (!this.closing.signal.aborted) {
      this.closing.abort();
      this.feed.leave();
    }
    this.queue = [];
    return { value: undefined, done: true };
  }

  /** The next page of the round, read again after a pause until it succeeds; null once the stream closes. */
  private async read(): Promise<ChangeRow[] | null> {
    const { filter, filterKey, retryMs, log } = this.options;
    for (let failures = 0; !this.closing.signal.aborted; failures += 1) {
      try {
        return await this.feed.changes(filter, filterKey, this.cursor, this.roundEnd);
      } catch (error) {
        if (failures === 0) log({ level: 'error', msg: 'live subscription cannot read its changes; retrying', after: this.cursor, error: (error as Error).message });
        await pause(Math.min(retryMs * 2 ** failures, 5_000), this.closing.signal);
      }
    }
    return null;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts; keeps no process alive. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done);
  });
}
