/**
 * `openDatabase`: the one way main, the command-line tools, the bench and the tests open
 * Neo4j. It uses the server NEO4J_URI names; when that is unset, the embedded Neo4j of the
 * data directory: the one a running `npm start` serves (its address file names it), or a
 * new one started here. It then checks that the database answers and applies the
 * constraints. Every way this fails becomes one DatabaseUnreachable, whose message names
 * the URI or the data directory and what to do.
 *
 * An embedded Neo4j started here is supervised (src/launcher/supervisor.ts): when its JVM
 * dies, it is started again and the gateway moves to its new Bolt address, so the API
 * recovers without a restart of its own. With NEO4J_URI the driver's own reconnection does that.
 */
import type { Config } from '../config';
import { withTimeout } from '../deadline';
import { runningNeo4jAddress } from '../launcher/address-file';
import { EmbeddedNeo4jError, startEmbeddedNeo4j, type Collector, type EmbeddedNeo4j } from '../launcher/embedded-neo4j';
import { SupervisedNeo4j, type SupervisionEvent, type SupervisionState, type SupervisorOptions } from '../launcher/supervisor';
import { applyConstraints } from './constraints';
import { deferIndexesIfEmpty } from '../ingest/bulk-load';
import { rehearseWriter } from '../ingest/rehearsal';
import { createDriver, Neo4jGateway, type DriverOptions } from './gateway';

/** What opening a database reads of the configuration. */
export type DatabaseConfig = Pick<Config, 'neo4j' | 'pool' | 'embedded' | 'lifecycle' | 'timeouts' | 'answerCacheSize'>;

export interface Database {
  readonly gateway: Neo4jGateway;
  /** Where the gateway points now (a restarted embedded Neo4j has a new one). */
  readonly uri: string;
  /** The embedded Neo4j this handle started and stops on close (the one serving now); null for one it only uses. */
  readonly embedded: EmbeddedNeo4j | null;
  /** 'failed' once a dead embedded Neo4j could not be restarted; always 'serving' for a Neo4j this handle does not own. */
  health(): SupervisionState;
  close(): Promise<void>;
}

export class DatabaseUnreachable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnreachable';
  }
}

export interface OpenOptions {
  /** Progress lines (starting Neo4j, its address); default: stderr. */
  readonly log?: (line: string) => void;
  /** The supervisor's lines (a dead Neo4j, each restart); default: one JSON line each on stdout. */
  readonly events?: (entry: SupervisionEvent) => void;
  /**
   * Write the story in a transaction rolled back before returning, so the first real write
   * does not pay for planning the ingest writer's queries: for the commands that write (the
   * API, ingest, seed, the bench's load). Commands that only read, and tests, skip the cost.
   */
  readonly rehearseWriter?: boolean;
  /**
   * The command is about to bulk load (src/ingest/bulk-load.ts): into an empty graph the
   * indexes the load builds at its end are dropped before the writer is rehearsed, since
   * dropping them after would empty the plan cache the rehearsal filled.
   */
  readonly bulkLoad?: boolean;
  /**
   * A Neo4j this starts serves only the command's own writes and stops with it (`npm run
   * ingest`, the bench's load alone): its JVM takes the parallel collector instead of G1
   * (src/launcher/process.ts). A Neo4j already running is used as it is.
   */
  readonly loadOnly?: boolean;
}

interface Located {
  readonly uri: string;
  /** Started here, so supervised, and stopped by the handle's close. */
  readonly embedded: SupervisedNeo4j | null;
}

const VERIFY_TIMEOUT_MS = 10_000;
const defaultLog = (line: string): void => console.error(line);
const defaultEvents = (entry: SupervisionEvent): void => void process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);

/** The gateway to the Neo4j at `uri`, with the configured pool, timeouts, retry time and answer cache. */
export function gatewayFor(config: Pick<DatabaseConfig, 'neo4j' | 'pool' | 'timeouts' | 'answerCacheSize'>, uri: string): Neo4jGateway {
  return Neo4jGateway.connect({ ...config.neo4j, uri }, { ...driverOptions(config), transactionTimeoutMs: config.timeouts.transactionMs, answerCacheSize: config.answerCacheSize });
}

/**
 * A query that finds every connection of the pool busy waits for one up to the acquisition
 * timeout, then fails with OVERLOADED (errors.ts): the pool bounds how much this process
 * asks of Neo4j at once, and the wait how long a request queues for it (config.ts, PoolSettings).
 */
function driverOptions(config: Pick<DatabaseConfig, 'pool' | 'timeouts'>): DriverOptions {
  return {
    maxRetryTimeMs: config.timeouts.retryMs,
    connectionTimeoutMs: config.timeouts.connectionMs,
    acquisitionTimeoutMs: config.pool.acquisitionMs,
    maxPoolSize: config.pool.maxSize,
  };
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const log = options.log ?? defaultLog;
  const found = await locateRunning(config, log);
  if (found !== null) return connect(config, found, options);
  // The gateway is made once Neo4j has started; a restart moves it to the new address.
  const opened: { gateway?: Neo4jGateway } = {};
  const supervised = await startEmbedded(config, log, options.loadOnly === true ? 'Parallel' : 'G1', {
    restarted: async (neo4j) => {
      await opened.gateway?.replaceDriver(createDriver({ ...config.neo4j, uri: neo4j.uri }, driverOptions(config)));
    },
    event: options.events ?? defaultEvents,
  });
  const database = await connect(config, { uri: supervised.current.uri, embedded: supervised }, options);
  opened.gateway = database.gateway;
  return database;
}

/**
 * Like openDatabase, but starts nothing: null when NEO4J_URI is unset and no embedded Neo4j
 * serves the data directory (for commands that can do without the graph).
 */
export async function openRunningDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database | null> {
  const found = await locateRunning(config, options.log ?? defaultLog);
  return found === null ? null : connect(config, found);
}

async function connect(config: DatabaseConfig, { uri, embedded }: Located, options: OpenOptions = {}): Promise<Database> {
  const gateway = gatewayFor(config, uri);
  const close = async (): Promise<void> => {
    await embedded?.stop();
    await gateway.close();
  };
  try {
    await withTimeout(gateway.verify(), VERIFY_TIMEOUT_MS);
    await applyConstraints(gateway);
    if (options.bulkLoad === true) await deferIndexesIfEmpty(gateway);
    if (options.rehearseWriter === true) await rehearseWriter(gateway);
  } catch (error) {
    await close().catch(() => undefined);
    const hint =
      config.neo4j.uri === null
        ? `The embedded Neo4j of ${config.embedded.dataDir} does not answer: stop what runs it, or set NEO4J_URI`
        : 'Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or unset NEO4J_URI to use the embedded Neo4j';
    throw new DatabaseUnreachable(`Cannot reach Neo4j at ${uri}: ${reasonOf(error)}. ${hint}.`, { cause: error });
  }
  return {
    gateway,
    get uri() {
      return embedded?.current.uri ?? uri;
    },
    get embedded() {
      return embedded?.current ?? null;
    },
    health: () => embedded?.status ?? 'serving',
    close,
  };
}

/** NEO4J_URI's server, or the embedded Neo4j a running process serves on the data directory; null when neither. */
async function locateRunning(config: DatabaseConfig, log: (line: string) => void): Promise<Located | null> {
  if (config.neo4j.uri !== null) return { uri: config.neo4j.uri, embedded: null };
  const { dataDir } = config.embedded;
  const running = await runningNeo4jAddress(dataDir);
  if (running === null) return null;
  log(`NEO4J_URI is unset: using the embedded Neo4j already serving ${dataDir} at ${running.uri} (pid ${running.pid})`);
  return { uri: running.uri, embedded: null };
}

async function startEmbedded(
  config: DatabaseConfig,
  log: (line: string) => void,
  collector: Collector,
  supervision: Pick<SupervisorOptions, 'restarted' | 'event'>,
): Promise<SupervisedNeo4j> {
  const { dataDir, port, heap, pageCache, startTimeoutMs } = config.embedded;
  log(`NEO4J_URI is unset: starting the embedded Neo4j on ${dataDir}`);
  let supervised: SupervisedNeo4j;
  try {
    supervised = await SupervisedNeo4j.start({
      start: () => startEmbeddedNeo4j({ dataDir, port, heap, pageCache, startTimeoutMs, collector, log }),
      attempts: config.lifecycle.restartAttempts,
      backoffMs: config.lifecycle.restartBackoffMs,
      ...supervision,
    });
  } catch (error) {
    const hint =
      error instanceof EmbeddedNeo4jError && error.code === 'DATA_DIR_IN_USE'
        ? '. Its owner publishes no address (a test run, or a server still starting): wait for it, or set NEO4J_DATA_DIR or NEO4J_URI'
        : error instanceof EmbeddedNeo4jError && error.code === 'START_TIMEOUT'
          ? `. Set NEO4J_START_TIMEOUT_MS above ${startTimeoutMs} when this machine is slow to start it`
          : '';
    throw new DatabaseUnreachable(`Cannot start the embedded Neo4j on ${dataDir}: ${reasonOf(error)}${hint}`, { cause: error });
  }
  const embedded = supervised.current;
  log(`embedded Neo4j ${embedded.version} serves Bolt at ${embedded.uri} (pid ${embedded.pid}); other commands on ${dataDir} use it while it runs`);
  return supervised;
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}

