/**
 * Embedded Neo4j for development and tests: builds launcher/ (a small Java program around
 * Neo4j Community's DatabaseManagementServiceBuilder) with Maven on first use, starts it as a
 * child process with Bolt on 127.0.0.1, auth disabled, and hands back its bolt:// URI.
 *
 * - Needs a JDK 17+ (`java`, or `$JAVA_HOME/bin/java`) and, for the one-off build, Maven.
 * - The child dies with us: its stdin is a pipe it watches for EOF, so it shuts down cleanly
 *   even when this process is killed with SIGKILL.
 * - One launcher per data directory: a second one fails fast with an EmbeddedNeo4jError whose
 *   code is DATA_DIR_IN_USE, and the running one and its store are untouched.
 * - After each build a class-data-sharing archive is recorded from a short training run
 *   (launcher/target/neo4j-launcher.jsa), which roughly halves start time. It is optional:
 *   set EMBEDDED_NEO4J_CDS=off to skip it; a stale or unusable archive is ignored by the JVM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { promises as fsp, constants as fsConstants, existsSync, mkdtempSync, rmSync, type Dirent } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';

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
  /** How long to wait for the ready line (default 120 000 ms; a first Maven build is not counted). */
  startTimeoutMs?: number;
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
  /** SIGTERM, wait for a clean shutdown (SIGKILL after 30 s). Idempotent. */
  stop(): Promise<void>;
}

export type EmbeddedNeo4jErrorCode =
  | 'JAVA_NOT_FOUND'
  | 'MAVEN_NOT_FOUND'
  | 'BUILD_FAILED'
  | 'INVALID_OPTIONS'
  | 'DATA_DIR_IN_USE'
  | 'START_FAILED'
  | 'START_TIMEOUT';

export class EmbeddedNeo4jError extends Error {
  constructor(
    message: string,
    readonly code: EmbeddedNeo4jErrorCode,
    /** The launcher's (or Maven's) last output lines, oldest first. */
    readonly outputTail: readonly string[] = [],
  ) {
    super(message);
    this.name = 'EmbeddedNeo4jError';
  }
}

/**
 * JVM flags for the launcher. They follow the `server.jvm.additional` defaults of Neo4j 5.26's
 * own neo4j.conf, minus what only matters for a production server (AlwaysPreTouch, which would
 * make the whole heap resident at start; TLS and profiling flags).
 */
export const NEO4J_JVM_FLAGS: readonly string[] = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
  // A method is compiled by C2 after four times HotSpot's default calls and loops. On two
  // cores the JIT's compiler threads took 50-60 of the ~110 CPU-seconds of a cold 100k
  // ingest, much of it on methods barely used again; in four paired loads this took Java's
  // CPU from 112 to 97 s on average and the load from 70.0 to 64.6 s (BENCHMARKS.md, Loading).
  '-XX:Tier4InvocationThreshold=20000',
  '-XX:Tier4MinInvocationThreshold=2400',
  '-XX:Tier4CompileThreshold=60000',
  '-XX:Tier4BackEdgeThreshold=160000',
  // JVM warnings go to stderr, never to stdout (which carries only the ready line);
  // class-data-sharing chatter (e.g. a stale archive being ignored) is silenced.
  '-Xlog:disable',
  '-Xlog:all=warning,cds*=off:stderr',
];

const READY_PREFIX = 'NEO4J_READY ';
const IN_USE_TEXT = 'is in use by another Neo4j process';
const EXIT_IN_USE = 3;
const DEFAULT_HEAP = '512m';
const DEFAULT_PAGE_CACHE = '256m';
const DEFAULT_START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const FAILED_START_STOP_TIMEOUT_MS = 10_000;
const OUTPUT_TAIL_LINES = 40;
const BUILD_LOCK_STALE_MS = 20 * 60_000;

const defaultLog = (line: string): void => console.error(`[embedded-neo4j] ${line}`);

// ---------------------------------------------------------------------------------------------
// Paths

interface LauncherPaths {
  readonly root: string;
  readonly launcherDir: string;
  readonly pom: string;
  readonly sources: string;
  readonly target: string;
  readonly jar: string;
  readonly lib: string;
  readonly cdsArchive: string;
  readonly cdsStamp: string;
  readonly buildLock: string;
}

let cachedPaths: LauncherPaths | undefined;

/** The project root: the nearest ancestor of this file holding package.json and launcher/pom.xml. */
function launcherPaths(): LauncherPaths {
  if (cachedPaths) return cachedPaths;
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'launcher', 'pom.xml'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new EmbeddedNeo4jError(`Cannot find the project root (package.json and launcher/pom.xml) above ${__dirname}`, 'START_FAILED');
    }
    dir = parent;
  }
  const launcherDir = path.join(dir, 'launcher');
  const target = path.join(launcherDir, 'target');
  cachedPaths = {
    root: dir,
    launcherDir,
    pom: path.join(launcherDir, 'pom.xml'),
    sources: path.join(launcherDir, 'src'),
    target,
    jar: path.join(target, 'neo4j-launcher.jar'),
    lib: path.join(target, 'lib'),
    cdsArchive: path.join(target, 'neo4j-launcher.jsa'),
    cdsStamp: path.join(target, 'neo4j-launcher.jsa.stamp'),
    buildLock: path.join(target, '.build-lock'),
  };
  return cachedPaths;
}

// ---------------------------------------------------------------------------------------------
// Tool discovery

interface JavaInfo {
  readonly java: string;
  readonly javac: string;
  readonly major: number;
  /** First line of `java -version`, e.g. 'openjdk version "17.0.15" 2025-04-15'. */
  readonly versionLine: string;
}

let javaInfoPromise: Promise<JavaInfo> | undefined;

function javaInfo(): Promise<JavaInfo> {
  javaInfoPromise ??= findJava().catch((error: unknown) => {
    javaInfoPromise = undefined;
    throw error;
  });
  return javaInfoPromise;
}

async function findJava(): Promise<JavaInfo> {
  const javaHome = process.env.JAVA_HOME?.trim();
  const exe = process.platform === 'win32' ? '.exe' : '';
  const java = javaHome ? path.join(javaHome, 'bin', `java${exe}`) : 'java';
  const javac = javaHome ? path.join(javaHome, 'bin', `javac${exe}`) : 'javac';
  const where = javaHome ? `JAVA_HOME (${javaHome})` : 'PATH';
  let result: CommandResult;
  try {
    result = await runCommand(java, ['-version']);
  } catch (error) {
    if (isNotFound(error)) {
      throw new EmbeddedNeo4jError(`JDK 17 not found on ${where}: install openjdk-17-jdk (or set JAVA_HOME)`, 'JAVA_NOT_FOUND');
    }
    throw error;
  }
  const output = result.output.join('\n');
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (result.code !== 0 || !match) {
    throw new EmbeddedNeo4jError(`\`${java} -version\` failed: ${output.trim() || `exit code ${result.code}`}`, 'JAVA_NOT_FOUND', result.output);
  }
  const first = Number(match[1]);
  const major = first === 1 ? Number(match[2]) : first;
  if (major < 17) {
    throw new EmbeddedNeo4jError(
      `Java ${major} found on ${where}, but Neo4j 5.26 needs JDK 17 or 21: install openjdk-17-jdk (or set JAVA_HOME)`,
      'JAVA_NOT_FOUND',
    );
  }
  const versionLine = output.split('\n').find((l) => l.includes('version')) ?? output.split('\n')[0] ?? '';
  return { java, javac, major, versionLine: versionLine.trim() };
}

async function checkBuildTools(info: JavaInfo): Promise<string> {
  try {
    await runCommand(info.javac, ['-version']);
  } catch (error) {
    if (isNotFound(error)) {
      throw new EmbeddedNeo4jError(
        `JDK 17 not found: ${info.java} is a Java runtime without javac, which the launcher build needs: install openjdk-17-jdk (or set JAVA_HOME)`,
        'JAVA_NOT_FOUND',
      );
    }
    throw error;
  }
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  try {
    const result = await runCommand(mvn, ['-v']);
    if (result.code !== 0) throw new EmbeddedNeo4jError(`\`mvn -v\` failed: ${result.output.join(' ')}`, 'MAVEN_NOT_FOUND', result.output);
  } catch (error) {
    if (isNotFound(error)) throw new EmbeddedNeo4jError('Maven not found: install maven', 'MAVEN_NOT_FOUND');
    throw error;
  }
  return mvn;
}

// ---------------------------------------------------------------------------------------------
// Build

let buildPromise: Promise<string> | undefined;

/**
 * Builds launcher/target/neo4j-launcher.jar with Maven when it is missing or older than
 * launcher/pom.xml or launcher/src, then records the class-data-sharing archive; returns the
 * jar's path. Safe to call concurrently, also from several processes (a lock directory in
 * launcher/target serialises builds).
 */
export async function ensureLauncherBuilt(log: (line: string) => void = defaultLog): Promise<string> {
  buildPromise ??= buildIfNeeded(log).finally(() => {
    buildPromise = undefined;
  });
  return buildPromise;
}

async function buildIfNeeded(log: (line: string) => void): Promise<string> {
  const paths = launcherPaths();
  const info = await javaInfo();
  if ((await isJarFresh(paths)) && !(await needsCdsArchive(paths, info))) return paths.jar;

  await fsp.mkdir(paths.target, { recursive: true });
  const release = await acquireBuildLock(paths, log);
  try {
    if (!(await isJarFresh(paths))) {
      const mvn = await checkBuildTools(info);
      await runMaven(mvn, paths, log);
      if (!(await isJarFresh(paths))) {
        throw new EmbeddedNeo4jError(`Maven finished but ${paths.jar} is still missing or stale`, 'BUILD_FAILED');
      }
    }
    if (await needsCdsArchive(paths, info)) await recordCdsArchive(paths, info, log);
  } finally {
    await release();
  }
  return paths.jar;
}

async function isJarFresh(paths: LauncherPaths): Promise<boolean> {
  const jarTime = await mtimeMs(paths.jar);
  if (jarTime === null) return false;
  try {
    const libs = await fsp.readdir(paths.lib);
    if (!libs.some((name) => name.endsWith('.jar'))) return false;
  } catch {
    return false;
  }
  const newestInput = Math.max((await mtimeMs(paths.pom)) ?? 0, await newestMtime(paths.sources));
  return jarTime >= newestInput;
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  let entries: Dirent[];
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(full) : ((await mtimeMs(full)) ?? 0));
  }
  return Math.max(newest, (await mtimeMs(dir)) ?? 0);
}

async function mtimeMs(file: string): Promise<number | null> {
  try {
    return (await fsp.stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

async function runMaven(mvn: string, paths: LauncherPaths, log: (line: string) => void): Promise<void> {
  const args = ['-B', '-Dstyle.color=never', '-f', paths.pom, 'package', '-DskipTests'];
  log(`building the Neo4j launcher: ${mvn} ${args.join(' ')} (the first build downloads about 170 MB into ~/.m2)`);
  const started = Date.now();
  const child = spawn(mvn, args, { cwd: paths.launcherDir, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
  const tail: string[] = [];
  // A cold build downloads ~430 files: report them as one progress line every few seconds.
  const downloads = { files: 0, bytes: 0, reportedAt: 0, reportedFiles: 0 };
  const reportDownloads = (force: boolean): void => {
    if (downloads.files === downloads.reportedFiles || (!force && Date.now() - downloads.reportedAt < 3_000)) return;
    log(`mvn: downloaded ${downloads.files} files (${(downloads.bytes / 1e6).toFixed(1)} MB) so far`);
    downloads.reportedAt = Date.now();
    downloads.reportedFiles = downloads.files;
  };
  const onLine = (raw: string): void => {
    const line = stripAnsi(raw);
    if (!line.trim()) return;
    pushTail(tail, line);
    if (line.includes('Downloading from ')) return;
    const downloaded = /Downloaded from .*\((\d+(?:\.\d+)?) (B|kB|MB|GB)/.exec(line);
    if (downloaded) {
      const factor = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[downloaded[2] as 'B' | 'kB' | 'MB' | 'GB'];
      downloads.files += 1;
      downloads.bytes += Number(downloaded[1]) * factor;
      reportDownloads(false);
      return;
    }
    reportDownloads(true);
    log(`mvn: ${line}`);
  };
  const done = Promise.all([readLines(child.stdout, onLine), readLines(child.stderr, onLine)]);
  const [code] = await waitForExit(child);
  await done;
  reportDownloads(true);
  if (code !== 0) {
    throw new EmbeddedNeo4jError(
      `Maven build of the Neo4j launcher failed (exit code ${code}); last output:\n${tail.slice(-15).join('\n')}`,
      'BUILD_FAILED',
      tail,
    );
  }
  log(`built ${path.relative(paths.root, paths.jar)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function acquireBuildLock(paths: LauncherPaths, log: (line: string) => void): Promise<() => Promise<void>> {
  const ownerFile = path.join(paths.buildLock, 'owner');
  let announced = false;
  for (;;) {
    try {
      await fsp.mkdir(paths.buildLock);
      await fsp.writeFile(ownerFile, `${process.pid}\n`);
      return async () => {
        await fsp.rm(paths.buildLock, { recursive: true, force: true });
      };
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    if (await isBuildLockStale(paths.buildLock, ownerFile)) {
      await fsp.rm(paths.buildLock, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      log('waiting for another process that is building the Neo4j launcher');
      announced = true;
    }
    await sleep(500);
  }
}

async function isBuildLockStale(lockDir: string, ownerFile: string): Promise<boolean> {
  const created = await mtimeMs(lockDir);
  if (created === null) return false; // gone already: retry
  if (Date.now() - created > BUILD_LOCK_STALE_MS) return true;
  try {
    const pid = Number((await fsp.readFile(ownerFile, 'utf8')).trim());
    if (Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid)) return true;
  } catch {
    // owner not written yet: give it time
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Class-data-sharing archive (optional start-up speed-up)

function cdsEnabled(): boolean {
  return !/^(0|off|false|no)$/i.test(process.env.EMBEDDED_NEO4J_CDS ?? '');
}

async function cdsStampText(paths: LauncherPaths, info: JavaInfo): Promise<string> {
  const libs = (await fsp.readdir(paths.lib)).filter((n) => n.endsWith('.jar')).sort();
  let newestLib = 0;
  for (const name of libs) newestLib = Math.max(newestLib, (await mtimeMs(path.join(paths.lib, name))) ?? 0);
  return JSON.stringify({ java: info.java, javaVersion: info.versionLine, jarMtimeMs: await mtimeMs(paths.jar), libs: libs.length, newestLib });
}

/** True when no recording was attempted for this jar, its libraries and this JVM. */
async function needsCdsArchive(paths: LauncherPaths, info: JavaInfo): Promise<boolean> {
  if (!cdsEnabled()) return false;
  try {
    const [stamp, expected] = await Promise.all([fsp.readFile(paths.cdsStamp, 'utf8'), cdsStampText(paths, info)]);
    return stamp !== expected;
  } catch {
    return true;
  }
}

async function usableCdsArchive(paths: LauncherPaths, info: JavaInfo): Promise<string | null> {
  if (!cdsEnabled() || (await needsCdsArchive(paths, info))) return null;
  return (await mtimeMs(paths.cdsArchive)) === null ? null : paths.cdsArchive;
}

/**
 * Starts the launcher once with -XX:ArchiveClassesAtExit, runs a few Bolt queries and stops it;
 * the JVM then writes the classes it loaded to launcher/target/neo4j-launcher.jsa. Best effort:
 * the stamp is written either way, so a failure is not retried until the jar or the JVM changes.
 */
async function recordCdsArchive(paths: LauncherPaths, info: JavaInfo, log: (line: string) => void): Promise<void> {
  const partial = `${paths.cdsArchive}.partial`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'neo4j-launcher-cds-'));
  await fsp.rm(partial, { force: true });
  await fsp.rm(paths.cdsStamp, { force: true });
  await fsp.rm(paths.cdsArchive, { force: true });
  log('recording a class-data-sharing archive for faster starts (one-off, about 20 s)');
  const started = Date.now();
  try {
    const instance = await launch(paths, info, {
      dataDir,
      port: 0,
      heap: DEFAULT_HEAP,
      pageCache: '64m',
      startTimeoutMs: DEFAULT_START_TIMEOUT_MS,
      extraJvmFlags: [`-XX:ArchiveClassesAtExit=${partial}`],
      log: () => undefined,
    });
    try {
      const driver = neo4j.driver(instance.uri, neo4j.auth.basic('neo4j', 'neo4j'));
      try {
        await driver.executeQuery('CREATE (n:CdsTraining {name: $name, at: datetime(), n: $n}) RETURN n', { name: 'x', n: 1 });
        await driver.executeQuery('MATCH (n:CdsTraining) WHERE n.name = $name RETURN n.name AS name, n.n AS n ORDER BY name LIMIT 10', { name: 'x' });
        await driver.executeQuery('MATCH (n:CdsTraining) DETACH DELETE n');
      } finally {
        await driver.close();
      }
    } finally {
      await instance.stop();
    }
    if ((await mtimeMs(partial)) === null) {
      log('the JVM wrote no class-data-sharing archive; starts will just be slower');
      return;
    }
    await fsp.rename(partial, paths.cdsArchive);
    log(`recorded ${path.relative(paths.root, paths.cdsArchive)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    log(`skipping the class-data-sharing archive: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await fsp.writeFile(paths.cdsStamp, await cdsStampText(paths, info)).catch(() => undefined);
    await fsp.rm(partial, { force: true }).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Start / stop

/** Builds the launcher if needed, starts Neo4j and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? defaultLog;
  const port = options.port ?? 0;
  const heap = options.heap ?? DEFAULT_HEAP;
  const pageCache = options.pageCache ?? DEFAULT_PAGE_CACHE;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  if (!options.dataDir) throw new EmbeddedNeo4jError('dataDir is required', 'INVALID_OPTIONS');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new EmbeddedNeo4jError(`port must be an integer in 0..65535, got ${port}`, 'INVALID_OPTIONS');
  }
  for (const [name, value] of [['heap', heap], ['pageCache', pageCache]] as const) {
    if (parseSize(value) === null) throw new EmbeddedNeo4jError(`${name} must be a size such as 512m or 1g, got '${value}'`, 'INVALID_OPTIONS');
  }
  if (!(startTimeoutMs > 0)) throw new EmbeddedNeo4jError(`startTimeoutMs must be positive, got ${startTimeoutMs}`, 'INVALID_OPTIONS');

  await ensureLauncherBuilt(log);
  const paths = launcherPaths();
  const info = await javaInfo();
  const archive = await usableCdsArchive(paths, info);
  return launch(paths, info, {
    dataDir: path.resolve(options.dataDir),
    port,
    heap,
    pageCache,
    startTimeoutMs,
    extraJvmFlags: archive ? [`-XX:SharedArchiveFile=${archive}`] : [],
    log,
  });
}

interface LaunchOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly heap: string;
  readonly pageCache: string;
  readonly startTimeoutMs: number;
  readonly extraJvmFlags: readonly string[];
  readonly log: (line: string) => void;
}

interface ReadyInfo {
  readonly uri: string;
  readonly pid: number;
  readonly port: number;
  readonly version: string;
  readonly dataDir: string;
}

async function launch(paths: LauncherPaths, info: JavaInfo, options: LaunchOptions): Promise<EmbeddedNeo4j> {
  await fsp.mkdir(options.dataDir, { recursive: true });
  await fsp.access(options.dataDir, fsConstants.W_OK).catch(() => {
    throw new EmbeddedNeo4jError(`data directory ${options.dataDir} is not writable`, 'INVALID_OPTIONS');
  });
  const heapBytes = parseSize(options.heap) ?? 0;
  const initialHeap = heapBytes >= 64 * 1024 * 1024 ? '64m' : options.heap;
  const args = [
    ...NEO4J_JVM_FLAGS,
    `-Xmx${options.heap}`,
    `-Xms${initialHeap}`,
    ...options.extraJvmFlags,
    '-jar',
    paths.jar,
    '--data-dir',
    options.dataDir,
    '--port',
    String(options.port),
    '--page-cache',
    options.pageCache,
  ];
  const child = spawn(info.java, args, { cwd: paths.root, stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
  const tail: string[] = [];
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = waitForExit(child).then(([code, signal]) => {
    exited = { code, signal };
  });
  // EPIPE on stdin once the child is gone is expected; never let it become an uncaught error.
  child.stdin?.on('error', () => undefined);

  const ready = new Promise<ReadyInfo>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      settle(() => {
        reject(
          new EmbeddedNeo4jError(
            `Embedded Neo4j did not report ready within ${options.startTimeoutMs} ms (data directory ${options.dataDir}); last output:\n${tail.join('\n')}`,
            'START_TIMEOUT',
            [...tail],
          ),
        );
      });
    }, options.startTimeoutMs);

    void readLines(child.stderr, (line) => {
      pushTail(tail, line);
      options.log(line);
    });
    void readLines(child.stdout, (line) => {
      if (!line.startsWith(READY_PREFIX)) {
        pushTail(tail, line);
        options.log(line);
        return;
      }
      try {
        const parsed = parseReadyLine(line.slice(READY_PREFIX.length));
        settle(() => resolve(parsed));
      } catch (error) {
        settle(() => {
          reject(new EmbeddedNeo4jError(`Unreadable ready line from the launcher: ${line} (${String(error)})`, 'START_FAILED', [...tail]));
        });
      }
    });
    child.once('error', (error) => {
      settle(() => reject(new EmbeddedNeo4jError(`Cannot run ${info.java}: ${error.message}`, 'START_FAILED', [...tail])));
    });
    // 'close' comes after 'exit' once stdout and stderr are drained, so the tail is complete.
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      settle(() => {
        const inUse = tail.find((l) => l.includes(IN_USE_TEXT));
        const status = signal ? `signal ${signal}` : `exit code ${code ?? '?'}`;
        if (inUse || code === EXIT_IN_USE) {
          const reason = (inUse ?? `data directory ${options.dataDir} ${IN_USE_TEXT} (store lock held)`).replace(/^neo4j-launcher:\s*/, '');
          reject(new EmbeddedNeo4jError(`Embedded Neo4j did not start: ${reason}`, 'DATA_DIR_IN_USE', [...tail]));
        } else {
          reject(
            new EmbeddedNeo4jError(`Embedded Neo4j exited before it was ready (${status}); last output:\n${tail.join('\n')}`, 'START_FAILED', [
              ...tail,
            ]),
          );
        }
      });
    });
  });

  let readyInfo: ReadyInfo;
  try {
    readyInfo = await ready;
  } catch (error) {
    await stopChild(child, () => exited !== null, exitPromise, FAILED_START_STOP_TIMEOUT_MS);
    throw error;
  }

  // Neither the child nor its pipes keep this process alive; when we exit, its stdin closes
  // and it shuts itself down.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    if (stream instanceof net.Socket) stream.unref();
  }
  let stopping: Promise<void> | undefined;
  void exitPromise.then(() => {
    if (!stopping) options.log(`the Neo4j process ${readyInfo.pid} exited unexpectedly (${exited?.signal ?? exited?.code})`);
  });

  return {
    ...readyInfo,
    stop(): Promise<void> {
      stopping ??= stopChild(child, () => exited !== null, exitPromise, STOP_TIMEOUT_MS);
      return stopping;
    },
  };
}

/** SIGTERM (the launcher's shutdown hook closes the store cleanly), SIGKILL after timeoutMs. */
async function stopChild(child: ChildProcess, hasExited: () => boolean, exitPromise: Promise<void>, timeoutMs: number): Promise<void> {
  if (hasExited()) return;
  child.ref();
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), timeoutMs);
  });
  const timeoutHit = await Promise.race([exitPromise.then(() => false), timedOut]);
  clearTimeout(timer);
  if (timeoutHit && !hasExited()) {
    child.kill('SIGKILL');
    await exitPromise;
  }
  child.stdin?.destroy();
}

function parseReadyLine(json: string): ReadyInfo {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) throw new Error('not an object');
  const record = value as Record<string, unknown>;
  const { uri, pid, port, version, dataDir } = record;
  if (typeof uri !== 'string' || !uri.startsWith('bolt://')) throw new Error('missing uri');
  if (typeof pid !== 'number' || typeof port !== 'number') throw new Error('missing pid or port');
  return {
    uri,
    pid,
    port,
    version: typeof version === 'string' ? version : 'unknown',
    dataDir: typeof dataDir === 'string' ? dataDir : '',
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

interface CommandResult {
  readonly code: number | null;
  readonly output: string[];
}

/** Runs a short command, collecting stdout and stderr lines; rejects with the spawn error (e.g. ENOENT). */
async function runCommand(command: string, args: readonly string[]): Promise<CommandResult> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' && command.endsWith('.cmd') });
  const output: string[] = [];
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  await spawned;
  const reading = Promise.all([readLines(child.stdout, (l) => output.push(stripAnsi(l))), readLines(child.stderr, (l) => output.push(stripAnsi(l)))]);
  const [code] = await waitForExit(child);
  await reading;
  return { code, output };
}

/** Resolves when the child exits, or at once with [null, null] if it could not be spawned. */
function waitForExit(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve([child.exitCode, child.signalCode]);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve([code, signal]));
    child.once('error', () => {
      if (child.pid === undefined) resolve([null, null]);
    });
  });
}

function readLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): Promise<void> {
  if (!stream) return Promise.resolve();
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', onLine);
  return once(lines, 'close').then(() => undefined);
}

function pushTail(tail: string[], line: string): void {
  tail.push(line);
  if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

/** '512m' -> bytes; accepts k, m, g (any case) or plain bytes. */
function parseSize(value: string): number | null {
  const match = /^(\d+)([kmg]?)$/i.exec(value.trim());
  if (!match) return null;
  const unit = match[2]?.toLowerCase() ?? '';
  const factor = unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1;
  const bytes = Number(match[1]) * factor;
  return bytes > 0 ? bytes : null;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM');
  }
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function isNotFound(error: unknown): boolean {
  return isErrno(error, 'ENOENT');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
