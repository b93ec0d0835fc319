/**
 * Embedded Neo4j for development and tests: builds launcher/ (a small Java program around
 * Neo4j Community's DatabaseManagementServiceBuilder) with Maven on first use, starts it as a
 * child process with Bolt on 127.0.0.1, auth disabled, and hands back its bolt:// URI.
 *
 * - Needs a JDK 17+ (`java`, or `$JAVA_HOME/bin/java`) and, for the one-off build, Maven.
 * - One launcher per data directory: a second one fails fast with an EmbeddedNeo4jError whose
 *   code is DATA_DIR_IN_USE, and the running one and its store are untouched. While it
 *   serves, the data directory's address file names it (address-file.ts), so other commands
 *   can use it instead.
 */
import path from 'node:path';
import { DEFAULT_START_TIMEOUT_MS } from '../config';
import { removeAddressFile, writeAddressFile } from './address-file';
import { buildLauncher } from './build';
import { cdsFlags } from './cds';
import { EmbeddedNeo4jError } from './error';
import { javaInfo } from './java';
import { launcherPaths } from './paths';
import { launch, parseSize, type Collector } from './process';

export { EmbeddedNeo4jError, type EmbeddedNeo4jErrorCode } from './error';
export { NEO4J_JVM_FLAGS, type Collector } from './process';

export interface EmbeddedNeo4jOptions {
  /** Neo4j home directory (store in dataDir/data, logs in dataDir/logs); created if missing. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** JVM max heap (-Xmx), e.g. '512m' (default) or '1g'. */
  heap?: string;
  /** Neo4j page cache size, e.g. '256m' (default). */
  pageCache?: string;
  /** Receives build output and the launcher's log lines; default: console.error with a prefix. */
  log?: (line: string) => void;
  /** How long to wait for the ready line (default DEFAULT_START_TIMEOUT_MS, NEO4J_START_TIMEOUT_MS for the server; a first Maven build is not counted). */
  startTimeoutMs?: number;
  /** The JVM's garbage collector: G1 (the default) for one that serves requests, Parallel for one that only bulk loads (process.ts). */
  collector?: Collector;
}

export interface EmbeddedNeo4j {
  /** bolt://127.0.0.1:PORT (auth disabled: any credentials, or none, are accepted). */
  readonly uri: string;
  /** Process id of the Neo4j JVM. */
  readonly pid: number;
  readonly port: number;
  /** Neo4j version, e.g. '5.26.30'. */
  readonly version: string;
  /** Absolute Neo4j home directory. */
  readonly dataDir: string;
  /** Resolves when the JVM has exited, stopped or not (supervisor.ts restarts one that died). */
  readonly exited: Promise<void>;
  /** SIGTERM, wait for a clean shutdown (SIGKILL after 30 s). Idempotent. */
  stop(): Promise<void>;
}

const defaultLog = (line: string): void => console.error(`[embedded-neo4j] ${line}`);

/** Builds launcher/ if it is missing or older than its sources (build.ts); returns the jar's path. */
export function ensureLauncherBuilt(log: (line: string) => void = defaultLog): Promise<string> {
  return buildLauncher(log);
}

/** Builds the launcher if needed, starts Neo4j and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? defaultLog;
  if (!options.dataDir) throw new EmbeddedNeo4jError('dataDir is required', 'INVALID_OPTIONS');
  const settings = {
    dataDir: path.resolve(options.dataDir),
    port: options.port ?? 0,
    heap: options.heap ?? '512m',
    pageCache: options.pageCache ?? '256m',
    startTimeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
    collector: options.collector ?? 'G1',
  };
  checkOptions(settings);

  await buildLauncher(log);
  const paths = launcherPaths();
  const info = await javaInfo();
  const launched = await launch(paths, info, { ...settings, extraJvmFlags: await cdsFlags(paths, info), log });
  await writeAddressFile(settings.dataDir, launched).catch((error: unknown) => {
    log(`could not write the address file, so other commands cannot find this Neo4j: ${String(error)}`);
  });
  const forget = (): Promise<void> => removeAddressFile(settings.dataDir, launched.pid).catch(() => undefined);
  void launched.exited.then(forget);
  return {
    uri: launched.uri,
    pid: launched.pid,
    port: launched.port,
    version: launched.version,
    dataDir: launched.dataDir,
    exited: launched.exited,
    async stop() {
      await launched.stop();
      await forget();
    },
  };
}

function checkOptions(settings: { port: number; heap: string; pageCache: string; startTimeoutMs: number }): void {
  const { port, startTimeoutMs } = settings;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new EmbeddedNeo4jError(`port must be an integer in 0..65535, got ${port}`, 'INVALID_OPTIONS');
  }
  for (const name of ['heap', 'pageCache'] as const) {
    if (parseSize(settings[name]) === null) throw new EmbeddedNeo4jError(`${name} must be a size such as 512m or 1g, got '${settings[name]}'`, 'INVALID_OPTIONS');
  }
  if (!(startTimeoutMs > 0)) throw new EmbeddedNeo4jError(`startTimeoutMs must be positive, got ${startTimeoutMs}`, 'INVALID_OPTIONS');
}
