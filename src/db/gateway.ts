/**
 * The only code that talks to Neo4j. Reads go out as read transactions (a cluster routes
 * them to followers), writes as one write transaction each, so a failed write leaves
 * nothing behind. Every call is one round trip, counted per request so that tests and
 * logs can see N+1 patterns.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Neo4jConfig } from '../config';
import { timedOut, translateDriverError, type Budget } from '../errors';
import type { CypherQuery } from './cypher';
import { tuneOutgoingSockets } from './socket';

export type Row = Record<string, unknown>;

export interface DriverOptions {
  /**
   * Bounds how long the driver retries a failing transaction before giving up. Its retries
   * come about 1 s, then 3 s, then 7 s after the first try (±20 %), and it stops once this
   * much time has passed: 500 ms means one retry, so an outage is reported in about 1 s;
   * 2 000 means two, about 3 s. The driver's own default, 30 s, would hold every request
   * of an outage for half a minute.
   */
  readonly maxRetryTimeMs?: number;
  /** Opening one connection, and waiting for a free one in the pool. */
  readonly connectionTimeoutMs?: number;
}

export function createDriver(config: Neo4jConfig & { uri: string }, options: DriverOptions = {}): Driver {
  tuneOutgoingSockets();
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: options.maxRetryTimeMs ?? 500,
    connectionTimeout: options.connectionTimeoutMs ?? 2_000,
    connectionAcquisitionTimeout: options.connectionTimeoutMs ?? 2_000,
    userAgent: 'news-knowledge-graph',
  });
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

/** When a request must be answered by (epoch ms), and the whole budget it had. */
export interface Deadline {
  readonly at: number;
  readonly ms: number;
}

export class Neo4jGateway {
  constructor(
    readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly transactionTimeoutMs = 10_000,
  ) {}

  /**
   * Runs one read query in a read transaction and returns its rows as plain objects. With a
   * deadline, Neo4j is told to cancel the transaction when the request's time is up (or at
   * the transaction timeout, if that comes first); past the deadline nothing is sent at all.
   */
  async read(query: CypherQuery, trips?: RoundTrips, deadline?: Deadline): Promise<Row[]> {
    const budget = this.budget(deadline);
    trips?.add();
    try {
      const result = await this.driver.executeQuery(query.cypher, query.params, {
        routing: neo4j.routing.READ,
        database: this.database,
        transactionConfig: { timeout: budget.timeoutMs },
      });
      return result.records.map((record) => record.toObject() as Row);
    } catch (error) {
      throw translateDriverError(error, budget);
    }
  }

  private budget(deadline: Deadline | undefined): Budget & { timeoutMs: number } {
    const own = { setting: 'NEO4J_TRANSACTION_TIMEOUT_MS', ms: this.transactionTimeoutMs, timeoutMs: this.transactionTimeoutMs };
    if (deadline === undefined) return own;
    const left = Math.floor(deadline.at - Date.now());
    const request = { setting: 'REQUEST_TIMEOUT_MS', ms: deadline.ms };
    // A timeout of 0 would mean "none" to Neo4j, so an exhausted budget never reaches it.
    if (left < 1) throw timedOut(request);
    return left < this.transactionTimeoutMs ? { ...request, timeoutMs: left } : own;
  }

  /**
   * Runs `work` in one write transaction: it commits when `work` resolves and rolls back
   * when it throws. `work` may be retried on transient errors, so it must not have side
   * effects outside the transaction.
   */
  async write<T>(work: (tx: WriteTx) => Promise<T>, trips?: RoundTrips): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) => work(new WriteTx(tx, trips)), {
        timeout: this.transactionTimeoutMs * 6,
      });
    } catch (error) {
      throw translateDriverError(error);
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

/** What repositories need: one read round trip per call, counted for the request. */
export interface Db {
  read(query: CypherQuery): Promise<Row[]>;
}

export function requestDb(gateway: Neo4jGateway, trips: RoundTrips, deadline?: Deadline): Db {
  return { read: (query) => gateway.read(query, trips, deadline) };
}
