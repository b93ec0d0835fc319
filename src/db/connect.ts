/**
 * `openDatabase`: the one way main, the command-line tools, the bench and the tests open
 * Neo4j. It uses the server NEO4J_URI names; when that is unset, the embedded Neo4j of the
 * data directory: the one a running `npm start` serves (its address file names it), or a
 * new one started here. It then checks that the database answers and applies the
 * constraints. Every way this fails becomes one DatabaseUnreachable, whose message names
 * the URI or the data directory and what to do.
 */
import type { Config } from '../config';
import { withTimeout } from '../deadline';
import { runningNeo4jAddress } from '../launcher/address-file';
import { EmbeddedNeo4jError, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../launcher/embedded-neo4j';
import { applyConstraints } from './constraints';
import { Neo4jGateway } from './gateway';

/** What opening a database reads of the configuration. */
export type DatabaseConfig = Pick<Config, 'neo4j' | 'embedded' | 'timeouts' | 'answerCacheSize'>;

export interface Database {
  readonly gateway: Neo4jGateway;
  readonly uri: string;
  /** The embedded Neo4j this handle started and stops on close; null for one it only uses. */
  readonly embedded: EmbeddedNeo4j | null;
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
}

interface Located {
  readonly uri: string;
  /** Started here, so stopped by the handle's close. */
  readonly embedded: EmbeddedNeo4j | null;
}

const VERIFY_TIMEOUT_MS = 10_000;
const defaultLog = (line: string): void => console.error(line);

/** The gateway to the Neo4j at `uri`, with the configured timeouts, retry time and answer cache. */
export function gatewayFor(config: DatabaseConfig, uri: string): Neo4jGateway {
  const { retryMs, connectionMs, transactionMs } = config.timeouts;
  return Neo4jGateway.connect(
    { ...config.neo4j, uri },
    { maxRetryTimeMs: retryMs, connectionTimeoutMs: connectionMs, transactionTimeoutMs: transactionMs, answerCacheSize: config.answerCacheSize },
  );
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const log = options.log ?? defaultLog;
  return connect(config, (await locateRunning(config, log)) ?? (await startEmbedded(config, log)));
}

/**
 * Like openDatabase, but starts nothing: null when NEO4J_URI is unset and no embedded Neo4j
 * serves the data directory (for commands that can do without the graph).
 */
export async function openRunningDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database | null> {
  const found = await locateRunning(config, options.log ?? defaultLog);
  return found === null ? null : connect(config, found);
}

async function connect(config: DatabaseConfig, { uri, embedded }: Located): Promise<Database> {
  const gateway = gatewayFor(config, uri);
  const close = async (): Promise<void> => {
    await gateway.close();
    await embedded?.stop();
  };
  try {
    await withTimeout(gateway.verify(), VERIFY_TIMEOUT_MS);
    await applyConstraints(gateway);
  } catch (error) {
    await close().catch(() => undefined);
    const hint =
      config.neo4j.uri === null
        ? `The embedded Neo4j of ${config.embedded.dataDir} does not answer: stop what runs it, or set NEO4J_URI`
        : 'Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or unset NEO4J_URI to use the embedded Neo4j';
    throw new DatabaseUnreachable(`Cannot reach Neo4j at ${uri}: ${reasonOf(error)}. ${hint}.`, { cause: error });
  }
  return { gateway, uri, embedded, close };
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

async function startEmbedded(config: DatabaseConfig, log: (line: string) => void): Promise<Located> {
  const { dataDir, port, heap, pageCache } = config.embedded;
  log(`NEO4J_URI is unset: starting the embedded Neo4j on ${dataDir}`);
  let embedded: EmbeddedNeo4j;
  try {
    embedded = await startEmbeddedNeo4j({ dataDir, port, heap, pageCache, log });
  } catch (error) {
    const hint =
      error instanceof EmbeddedNeo4jError && error.code === 'DATA_DIR_IN_USE'
        ? '. Its owner publishes no address (a test run, or a server still starting): wait for it, or set NEO4J_DATA_DIR or NEO4J_URI'
        : '';
    throw new DatabaseUnreachable(`Cannot start the embedded Neo4j on ${dataDir}: ${reasonOf(error)}${hint}`, { cause: error });
  }
  log(`embedded Neo4j ${embedded.version} serves Bolt at ${embedded.uri} (pid ${embedded.pid}); other commands on ${dataDir} use it while it runs`);
  return { uri: embedded.uri, embedded };
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}

