/**
 * Graphs of a test file's own, for tests that change the graph in ways the shared story
 * database must not see (new articles, merges) or that need an empty database.
 *
 * - startOwnNeo4j: a real embedded Neo4j on a fresh temporary directory, opened as
 *   `npm start` opens its own (openDatabase), and removed afterwards; for a file that needs
 *   the process itself (its directory, its address file, stopping it).
 * - scratchGraph: an empty graph, on the jest worker's scratch Neo4j when global setup started
 *   them (a run that names no file does), else on a Neo4j of the file's own. A worker runs
 *   one file at a time, so one file's scratch graph is emptied before the next file's
 *   begins, and a JVM start is paid once per worker instead of once per file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import type { Neo4jGateway } from '../../src/db/gateway';
import type { EmbeddedNeo4j } from '../../src/launcher/embedded-neo4j';
import { SCRATCH_URI_VARIABLE } from './run-neo4j';

export interface OwnNeo4j extends Database {
  readonly neo4j: EmbeddedNeo4j;
  /** Closes the database and removes its directory. */
  stop(): Promise<void>;
}

/** The configuration of an embedded Neo4j on `dataDir`, whatever NEO4J_URI the test run has. */
export function embeddedConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig(env);
  return { ...config, neo4j: { ...config.neo4j, uri: null }, embedded: { ...config.embedded, dataDir, port: 0 } };
}

/**
 * `config` with a start and a connection timeout for a machine busy starting JVMs: a start,
 * and the first connection to a Neo4j that has just reported ready, while the run starts
 * others and the unit files and the type checkers run beside it on a machine shared with
 * other work, must not fail the run for want of a few seconds.
 */
export function patient(config: Config): Config {
  return {
    ...config,
    timeouts: { ...config.timeouts, connectionMs: Math.max(config.timeouts.connectionMs, 30_000) },
    embedded: { ...config.embedded, startTimeoutMs: Math.max(config.embedded.startTimeoutMs, 300_000) },
  };
}

export async function startOwnNeo4j(): Promise<OwnNeo4j> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nkg-own-neo4j-'));
  const database = await openDatabase(patient(embeddedConfig(dataDir)), { log: () => undefined });
  return {
    ...database,
    neo4j: database.embedded as EmbeddedNeo4j,
    async stop() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ScratchGraph {
  readonly gateway: Neo4jGateway;
  /** The Bolt address, for commands run against this graph. */
  readonly uri: string;
  /** Deletes every node and relationship (constraints and indexes stay). */
  empty(): Promise<void>;
  /** Empties the graph and lets it go (stopping the Neo4j when it was the file's own). */
  stop(): Promise<void>;
}

/** A scratch graph may wait for a JVM start (a run of chosen files starts one for it). */
const SCRATCH_OPEN_MS = 120_000;

/** An empty graph for the calling file's tests: opened before them and handed to `opened`, let go after them. */
export function scratchGraphForFile(opened: (graph: ScratchGraph) => void): void {
  let graph: ScratchGraph | undefined;
  beforeAll(async () => {
    graph = await scratchGraph();
    opened(graph);
  }, SCRATCH_OPEN_MS);
  afterAll(async () => {
    await graph?.stop();
  });
}

/** An empty graph for this file (see the header). */
export async function scratchGraph(): Promise<ScratchGraph> {
  const uri = process.env[SCRATCH_URI_VARIABLE];
  const own = uri ? null : await startOwnNeo4j();
  const database = own ?? (await openDatabase(patient(loadConfig({ ...process.env, NEO4J_URI: uri })), { log: () => undefined }));
  const empty = async (): Promise<void> => {
    // In batches, outside any transaction of the gateway's: a bulk load leaves more than one transaction should hold.
    const session = database.gateway.driver.session();
    try {
      await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    } finally {
      await session.close();
    }
  };
  await empty();
  return {
    gateway: database.gateway,
    uri: database.uri,
    empty,
    async stop() {
      // The next file on the shared one finds it as empty as this one did.
      if (uri) await empty();
      await (own ? own.stop() : database.close());
    },
  };
}
