/**
 * The only code that talks to Neo4j. Reads go out as read transactions (a cluster routes
 * them to followers, and Neo4j refuses a write in one), writes as one write transaction
 * each, so a failed write leaves nothing behind. Every call is one round trip, counted per
 * request so that tests and logs can see N+1 patterns.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { DEFAULT_ANSWER_CACHE_SIZE, type Neo4jConfig } from '../config';
import { transactionBudget, within, type Deadline } from '../deadline';
import { translateDriverError } from '../errors';
import { AnswerCache, answerKey, deepFreeze } from './answer-cache';
import { cypher, type CypherQuery, type Row } from './cypher';
import { tuneOutgoingSockets } from './socket';

export type { Row } from './cypher';

/**
 * How transactions that fail for a passing reason (Neo4j unreachable, a transient error) are
 * tried again: the driver's schedule, which the driver follows for writes and the gateway
 * for reads. Retries come about 1 s, then 3 s, then 7 s after the first try (±20 %), until
 * the retry time has passed.
 */
const RETRY = { firstDelayMs: 1_000, multiplier: 2, jitter: 0.2 } as const;
const DEFAULT_MAX_RETRY_TIME_MS = 500;

export interface DriverOptions {
  /**
   * Bounds how long a failing transaction is retried before giving up (see RETRY): 500 ms
   * means one retry, so an outage is reported in about 1 s; 2 000 means two, about 3 s.
   * The driver's own default, 30 s, would hold every request of an outage for half a minute.
   */
  readonly maxRetryTimeMs?: number;
  /** Opening one connection. */
  readonly connectionTimeoutMs?: number;
  /** The most connections open at once (NEO4J_MAX_POOL_SIZE); default: the driver's. */
  readonly maxPoolSize?: number;
  /** Waiting for a connection, a free one of the pool or a new one (NEO4J_ACQUISITION_TIMEOUT_MS); default: connectionTimeoutMs. */
  readonly acquisitionTimeoutMs?: number;
}

export interface GatewayOptions extends DriverOptions {
  /** A read's transaction timeout (NEO4J_TRANSACTION_TIMEOUT_MS); writes get six times it. */
  readonly transactionTimeoutMs?: number;
  /** How many answers `readKept` keeps (ANSWER_CACHE_SIZE); 0 keeps none. */
  readonly answerCacheSize?: number;
}

/** The cheapest read there is: its bookmark names the state of the database (answer-cache.ts). */
const STATE = cypher('RETURN 1 AS state');

/**
 * Neo4j sends no notifications (warnings about a query: a label or property key no node has
 * yet, say). Nothing here reads them, and a query that names what a graph may not hold yet
 * (a retracted article's reason, before any retraction) got them on every request: Neo4j made
 * them and the driver unpacked them into objects, a share of a lookup's CPU on both sides
 * (docs/bench-findings.md, "a computed answer's CPU in Node"). EXPLAIN and PROFILE still
 * give their plans.
 */
export const NO_NOTIFICATIONS = { minimumSeverityLevel: 'OFF' } as const;

export function createDriver(config: Neo4jConfig & { uri: string }, options: DriverOptions = {}): Driver {
  tuneOutgoingSockets();
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: true,
    notificationFilter: NO_NOTIFICATIONS,
    maxTransactionRetryTime: options.maxRetryTimeMs ?? DEFAULT_MAX_RETRY_TIME_MS,
    connectionTimeout: options.connectionTimeoutMs ?? 2_000,
    connectionAcquisitionTimeout: options.acquisitionTimeoutMs ?? options.connectionTimeoutMs ?? 2_000,
    ...(options.maxPoolSize === undefined ? {} : { maxConnectionPoolSize: options.maxPoolSize }),
    userAgent: 'news-knowledge-graph',
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `start()`, without the stack trace the driver records for every query it is given (it
 * shows the caller's frames on that query's error). Recording and formatting it was a
 * visible share of a lookup's CPU in the API (docs/bench-findings.md, finding 20). A
 * read's error still carries Neo4j's message, and the log gives the request id and the field's path.
 */
export function withoutCallSite<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Counts database round trips; one per request, or one per script run. */
export class RoundTrips {
  private n = 0;
  add(): void {
    this.n += 1;
  }
  get count(): number {
    return this.n;
  }
}

export type { Deadline };

/** Where a computation of a kept answer is found by the requests that would wait for it. */
const slotOf = (state: string, key: string): string => `${state}\u0000${key}`;

export class Neo4jGateway {
  private current: Driver;
  private driverGeneration = 0;

  constructor(
    driver: Driver,
    private readonly database: string | undefined,
    private readonly transactionTimeoutMs = 10_000,
    /** The driver's maxRetryTimeMs (DriverOptions), for the reads this gateway retries itself. */
    private readonly maxRetryTimeMs = DEFAULT_MAX_RETRY_TIME_MS,
    private readonly answers = new AnswerCache(DEFAULT_ANSWER_CACHE_SIZE),
  ) {
    this.current = driver;
  }

  get driver(): Driver {
    return this.current;
  }

  /** How many times the driver was replaced: a new one has met a Neo4j that has planned nothing yet. */
  get generation(): number {
    return this.driverGeneration;
  }

  /**
   * Points the gateway at a restarted Neo4j (a new Bolt address) and closes the old driver.
   * Sessions open on the old one fail as they would have anyway: its Neo4j is gone.
   */
  async replaceDriver(driver: Driver): Promise<void> {
    const old = this.current;
    this.current = driver;
    this.driverGeneration += 1;
    await old.close();
  }

  /** Kept answers being computed, by the database state they started from and their query (readKept). */
  private readonly computing = new Map<string, Promise<readonly Row[]>>();

  /**
   * The state of the database (a bookmark) that the last read or write of this gateway to
   * come back ended with; '' before the first. Never trusted to give a kept answer, only to
   * tell that one is stale, and as the state a computation started from (readKept).
   */
  private seen = '';

  /** A driver for `config` and the gateway over it, with one retry time for the driver's writes and the gateway's reads. */
  static connect(config: Neo4jConfig & { uri: string }, options: GatewayOptions = {}): Neo4jGateway {
    const answers = new AnswerCache(options.answerCacheSize ?? DEFAULT_ANSWER_CACHE_SIZE);
    return new Neo4jGateway(createDriver(config, options), config.database, options.transactionTimeoutMs, options.maxRetryTimeMs, answers);
  }

  /**
   * Runs one read query in a read transaction and returns its rows as plain objects. With a
   * deadline, Neo4j is told to cancel the transaction when the request's time is up (or at
   * the transaction timeout, if that comes first); past the deadline nothing is sent at all.
   *
   * The transaction is an auto-commit one in read mode: the query and its commit are one
   * exchange with Neo4j, where the driver's managed transactions (`executeQuery`) take two
   * (BEGIN, RUN and PULL; then COMMIT). For a statement by id that second exchange cost the
   * server a large share of its CPU (docs/bench-findings.md, finding 16). The driver does not retry
   * auto-commit queries, so this does, on the driver's schedule (RETRY) and within the same
   * retry time.
   */
  async read(query: CypherQuery, trips?: RoundTrips, deadline?: Deadline): Promise<Row[]> {
    return (await this.readAt(query, trips, deadline)).rows;
  }

  /**
   * `read`, for a query that costs far more than a round trip: its answer is kept, and given
   * again while the database has not changed (answer-cache.ts).
   *
   * A question that has no kept answer for the last state this gateway saw (asked for the
   * first time, or after a write this gateway saw: its own, or one a read of any request
   * came back from) is computed at once, in one round trip; its answer is kept when the query
   * ended at that same state, so nothing was committed between that state being seen and the
   * query's end. Otherwise one round trip checks the state: the kept answer is given when it
   * is still the state's, and a second computes it when it is not (a write this gateway had
   * not yet seen).
   *
   * Requests that ask for an answer while it is being computed (a dashboard's viewers after
   * an ingest) check the state and wait for that computation, when it started from the state
   * they see, instead of asking Neo4j again, each within its own deadline. If it fails (its
   * request's deadline, say), one of them computes it, and the others wait for that one.
   */
  async readKept(query: CypherQuery, trips?: RoundTrips, deadline?: Deadline): Promise<readonly Row[]> {
    if (this.answers.capacity === 0) return this.read(query, trips, deadline);
    const key = answerKey(query);
    const seen = this.seen;
    if (seen === '' || (this.answers.stateOf(key) !== seen && !this.computing.has(slotOf(seen, key)))) return this.compute(query, key, seen, trips, deadline);
    const { state } = await this.readAt(STATE, trips, deadline);
    if (state === '') return this.read(query, trips, deadline);
    for (;;) {
      const kept = this.answers.get(key, state);
      if (kept !== undefined) return kept;
      const underWay = this.computing.get(slotOf(state, key));
      if (underWay === undefined) break;
      // TIMEOUT at this request's deadline; undefined when the computation failed, to look again.
      const waited = await within(
        underWay.then((rows) => ({ rows }), () => undefined),
        deadline,
      );
      if (waited !== undefined) return waited.rows;
    }
    return this.compute(query, key, state, trips, deadline);
  }

  /**
   * Computes a kept answer, seen by the requests that ask for it meanwhile, and keeps it when
   * the query ended at `from`, a state seen before it began. Rows not kept (a write committed
   * meanwhile, or too many) are still shared with the waiters: frozen too (set freezes what it refuses).
   */
  private async compute(query: CypherQuery, key: string, from: string, trips?: RoundTrips, deadline?: Deadline): Promise<readonly Row[]> {
    const slot = slotOf(from, key);
    const computing = this.readAt(query, trips, deadline).then((computed) =>
      from !== '' && computed.state === from ? this.answers.set(key, from, computed.rows) : deepFreeze(computed.rows),
    );
    this.computing.set(slot, computing);
    try {
      return await computing;
    } finally {
      if (this.computing.get(slot) === computing) this.computing.delete(slot);
    }
  }

  /** The rows of one read, and the bookmark it ended with: the state of the database it saw ('' when Neo4j gave none). */
  private async readAt(query: CypherQuery, trips?: RoundTrips, deadline?: Deadline): Promise<{ rows: Row[]; state: string }> {
    trips?.add();
    let firstFailure: number | undefined;
    for (let delay: number = RETRY.firstDelayMs; ; delay *= RETRY.multiplier) {
      const budget = this.budget(deadline);
      try {
        const answer = await this.readOnce(query, budget.timeoutMs);
        if (answer.state !== '') this.seen = answer.state;
        return answer;
      } catch (error) {
        firstFailure ??= Date.now();
        if (!neo4j.isRetriableError(error) || Date.now() - firstFailure > this.maxRetryTimeMs) throw translateDriverError(error, budget);
        await sleep(delay * (1 - RETRY.jitter + 2 * RETRY.jitter * Math.random()));
      }
    }
  }

  private async readOnce(query: CypherQuery, timeoutMs: number): Promise<{ rows: Row[]; state: string }> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    let rows: Row[];
    try {
      const result = await withoutCallSite(() => session.run(query.cypher, query.params, { timeout: timeoutMs }));
      rows = result.records.map((record) => record.toObject() as Row);
    } finally {
      await session.close();
    }
    return { rows, state: session.lastBookmarks().join(',') };
  }

  /** The transaction timeout: the gateway's own (`ownMs`), or what the request has left if that is less. */
  private budget(deadline: Deadline | undefined, ownMs = this.transactionTimeoutMs): ReturnType<typeof transactionBudget> {
    return transactionBudget(deadline, { setting: 'NEO4J_TRANSACTION_TIMEOUT_MS', ms: ownMs });
  }

  /**
   * Runs `work` in one write transaction: it commits when `work` resolves and rolls back
   * when it throws. `work` may be retried on transient errors, so it must not have side
   * effects outside the transaction. Writes get six times a read's timeout; with a deadline
   * (a request's), no more than the request has left, so a request answered TIMEOUT has
   * had its transaction cancelled and rolled back, not left to commit later.
   */
  async write<T>(work: (tx: WriteTx) => Promise<T>, trips?: RoundTrips, deadline?: Deadline): Promise<T> {
    const budget = this.budget(deadline, this.transactionTimeoutMs * 6);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const done = await session.executeWrite((tx) => work(new WriteTx(tx, trips)), { timeout: budget.timeoutMs });
      const state = session.lastBookmarks().join(',');
      if (state !== '') this.seen = state;
      return done;
    } catch (error) {
      throw translateDriverError(error, budget);
    } finally {
      await session.close();
    }
  }

  async verify(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      throw translateDriverError(error);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

export class WriteTx {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly trips: RoundTrips | undefined,
  ) {}

  async run(query: CypherQuery): Promise<Row[]> {
    this.trips?.add();
    const result = await this.tx.run(query.cypher, query.params);
    return result.records.map((record) => record.toObject() as Row);
  }
}

/** What repositories need: reads, each round trip counted for the request. */
export interface Db {
  /** One round trip. */
  read(query: CypherQuery): Promise<Row[]>;
  /** For a query that works across the graph: its answer is kept while the database is unchanged (Neo4jGateway.readKept). */
  readKept(query: CypherQuery): Promise<readonly Row[]>;
}

export function requestDb(gateway: Neo4jGateway, trips: RoundTrips, deadline?: Deadline): Db {
  return {
    read: (query) => gateway.read(query, trips, deadline),
    readKept: (query) => gateway.readKept(query, trips, deadline),
  };
}
