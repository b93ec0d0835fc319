/**
 * The one poller of a process: it reads the change sequence (live.cypher.ts) and tells the
 * subscriptions (stream.ts) how far changes are settled, so that every subscription of the
 * process costs Neo4j one small read per poll between them, whoever wrote the changes.
 *
 * Settled: Neo4j's read-committed isolation does not promise that a reader sees all of a
 * transaction or none of it while the transaction is being applied, so a sequence is handed
 * on only after the poll that follows the one that first read it: by then the transaction
 * that wrote it, and every one before it (they committed before it could take its numbers),
 * is visible in full. After a poll that found the sequence moved, the next one comes
 * `settleMs` later instead of `pollMs`, which bounds the delay from a commit to its delivery
 * by about `pollMs + settleMs` and a read.
 *
 * Polling runs only while a subscription is open, on an unref'd timer, so it never keeps
 * the process alive; when Neo4j does not answer, the poller waits twice as long each time
 * (up to `maxBackoffMs`) and carries on from the last sequence it settled, so nothing is lost.
 *
 * A counter that went back, or came back with another epoch (the database was emptied or
 * replaced under the server), starts a new `generation`: every subscription made in an
 * earlier one ends (stream.ts tells its client to start over), since its cursor counts in
 * a sequence that no longer exists.
 */
import type { Db } from '../../db/gateway';
import { changesBetween, sequenceState, type ChangeRow, type SequenceState } from './live.repository';
import type { StatementFilterValues } from '../statement/statement.cypher';

export interface FeedOptions {
  /** Between polls while nothing changes (LIVE_POLL_MS). */
  readonly pollMs: number;
  /** Between the poll that found a new sequence and the one that settles it. */
  readonly settleMs: number;
  /** The longest wait between polls while Neo4j fails. */
  readonly maxBackoffMs: number;
  readonly log: (entry: Record<string, unknown>) => void;
}

export const DEFAULT_FEED: Omit<FeedOptions, 'log'> = { pollMs: 250, settleMs: 50, maxBackoffMs: 5_000 };

/** How many changes one read of a subscription's changes brings at most. */
export const CHANGES_PER_READ = 200;

export class StatementFeed {
  /** Every change up to it is committed and visible in full; null until two polls have run. */
  private settledUpTo: number | null = null;
  /** What the last poll read; its sequence is settled by the next. */
  private lastRead: SequenceState | null = null;
  /** Moves on each time the counter is found to have been made anew. */
  private lineage = 0;
  private pruned = 0;
  private readonly waiters = new Set<() => void>();
  /** Reads of changes under way, shared by subscriptions that ask for the same ones. */
  private readonly reading = new Map<string, Promise<ChangeRow[]>>();
  private open = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly db: Pick<Db, 'read'>,
    private readonly options: FeedOptions,
  ) {}

  /** The counter as it is now, for a subscription to start from. */
  current(): Promise<SequenceState> {
    return sequenceState(this.db);
  }

  /** The sequence subscriptions made now count in; one made in an earlier generation is over. */
  get generation(): number {
    return this.lineage;
  }

  /** The highest sequence of a pruned deletion, as the last poll found it: a cursor below it could miss one. */
  get prunedUpTo(): number {
    return this.pruned;
  }

  /** A subscription opens: polling runs while any is open. */
  join(): void {
    this.open += 1;
    if (this.open === 1 && !this.stopped) this.schedule(0);
  }

  leave(): void {
    this.open = Math.max(0, this.open - 1);
    if (this.open === 0 && this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  /**
   * Resolves with the settled sequence once it is beyond `after`; null once the feed stops,
   * `signal` aborts, or the generation is no longer `generation`.
   */
  beyond(after: number, generation: number, signal: AbortSignal): Promise<number | null> {
    const now = this.answer(after, generation, signal);
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve) => {
      const check = (): void => {
        const answer = this.answer(after, generation, signal);
        if (answer === undefined) return;
        this.waiters.delete(check);
        signal.removeEventListener('abort', check);
        resolve(answer);
      };
      this.waiters.add(check);
      signal.addEventListener('abort', check);
    });
  }

  private answer(after: number, generation: number, signal: AbortSignal): number | null | undefined {
    if (this.stopped || signal.aborted || generation !== this.lineage) return null;
    return this.settledUpTo !== null && this.settledUpTo > after ? this.settledUpTo : undefined;
  }

  /** The changes in (`after`, `upto`] the filter selects, `filterKey` naming the filter; one read for every subscription asking the same. */
  changes(filter: StatementFilterValues, filterKey: string, after: number, upto: number): Promise<ChangeRow[]> {
    const key = `${after}|${upto}|${filterKey}`;
    let read = this.reading.get(key);
    if (read === undefined) {
      read = changesBetween(this.db, filter, after, upto, CHANGES_PER_READ);
      this.reading.set(key, read);
      const forget = (): void => void this.reading.delete(key);
      read.then(forget, forget);
    }
    return read;
  }

  /** Stops polling for good; every subscription waiting for changes ends. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.wake();
  }

  private schedule(ms: number): void {
    if (this.stopped || this.open === 0 || this.polling) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), ms);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    this.timer = null;
    this.polling = true;
    let next = this.options.pollMs;
    try {
      const read = await sequenceState(this.db);
      if (this.failures > 0) this.options.log({ level: 'info', msg: 'live feed resumed', failedPolls: this.failures });
      this.failures = 0;
      this.pruned = read.prunedUpTo;
      if (this.lastRead !== null && madeAnew(this.lastRead, read)) this.restart(this.lastRead, read);
      else if (this.lastRead !== null) this.settle(this.lastRead.sequence);
      if (read.sequence !== this.lastRead?.sequence) next = this.options.settleMs;
      this.lastRead = read;
    } catch (error) {
      this.failures += 1;
      next = Math.min(this.options.pollMs * 2 ** this.failures, this.options.maxBackoffMs);
      if (this.failures === 1) this.options.log({ level: 'error', msg: 'live feed cannot read the change sequence; retrying', error: (error as Error).message });
    } finally {
      this.polling = false;
    }
    this.schedule(next);
  }

  /** The database was emptied or replaced: what was settled says nothing about the new one. */
  private restart(from: SequenceState, to: SequenceState): void {
    this.options.log({ level: 'error', msg: 'live feed: the change sequence was made anew; ending its subscriptions', from: from.sequence, to: to.sequence, epoch: to.epoch });
    this.lineage += 1;
    this.settledUpTo = null;
    this.wake();
  }

  private settle(sequence: number): void {
    if (this.settledUpTo !== null && sequence <= this.settledUpTo) return;
    this.settledUpTo = sequence;
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/**
 * Whether the counter `now` is not the one `before` was read from: it went back, or it has
 * another epoch. A counter without one (none yet, or made before epochs) that gets one is the same counter.
 */
export function madeAnew(before: SequenceState, now: SequenceState): boolean {
  return now.sequence < before.sequence || (before.epoch !== null && now.epoch !== before.epoch);
}
