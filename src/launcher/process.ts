/**
 * The Neo4j JVM as a child process: its command line, the ready line it prints once Bolt
 * accepts queries, and stopping it.
 *
 * The child dies with us: its stdin is a pipe it watches for EOF, so it shuts down cleanly
 * even when this process is killed with SIGKILL. Neither the child nor its pipes keep this
 * process alive once it is ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fsp, constants as fsConstants } from 'node:fs';
import net from 'node:net';
import { pushTail, readLines, waitForExit } from './child-process';
import { EmbeddedNeo4jError } from './error';
import type { JavaInfo } from './java';
import type { LauncherPaths } from './paths';

/**
 * JVM flags for the launcher. They follow the `server.jvm.additional` defaults of Neo4j 5.26's
 * own neo4j.conf, minus what only matters for a production server (AlwaysPreTouch, which would
 * make the whole heap resident at start; TLS and profiling flags).
 */
export const NEO4J_JVM_FLAGS: readonly string[] = [
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
  // A method is compiled by C2 only after four times HotSpot's default calls and loops: on
  // two cores the JIT's compiler threads compete with the one transaction of a bulk load,
  // and much of what they compile early is barely used again (BENCHMARKS.md, Loading).
  '-XX:Tier4InvocationThreshold=20000',
  '-XX:Tier4MinInvocationThreshold=2400',
  '-XX:Tier4CompileThreshold=60000',
  '-XX:Tier4BackEdgeThreshold=160000',
  // JVM warnings go to stderr, never to stdout (which carries only the ready line);
  // class-data-sharing chatter (e.g. a stale archive being ignored) is silenced.
  '-Xlog:disable',
  '-Xlog:all=warning,cds*=off:stderr',
];

/**
 * The garbage collector's flag, by what the JVM is for: G1 (Neo4j's own choice) for one that
 * serves requests, whose pauses it keeps short; the parallel collector for one that only bulk
 * loads and stops, where only the CPU spent counts: it spent less than G1 over whole 100k
 * loads (docs/bench-findings.md), with cheaper write barriers for the compiled code.
 */
const COLLECTOR_FLAGS = { G1: '-XX:+UseG1GC', Parallel: '-XX:+UseParallelGC' } as const;

export type Collector = keyof typeof COLLECTOR_FLAGS;

/**
 * The JIT of a JVM that only bulk loads (the one given the parallel collector), after
 * NEO4J_JVM_FLAGS, whose C2 thresholds these raise further: such a JVM lives for one load,
 * and its C2 compiler thread competes with the writer for the two cores all through it,
 * most of its work on the write path's largest methods, each inlined up to C2's budget. Higher
 * thresholds leave the lukewarm methods to C1, and a shallower inlining makes each C2
 * compile smaller (docs/bench-findings.md, issue 26's profile of a fresh load's JVM).
 */
const LOAD_ONLY_JIT_FLAGS: readonly string[] = [
  '-XX:Tier4InvocationThreshold=50000',
  '-XX:Tier4MinInvocationThreshold=6000',
  '-XX:Tier4CompileThreshold=150000',
  '-XX:Tier4BackEdgeThreshold=400000',
  '-XX:MaxInlineLevel=9',
  '-XX:InlineSmallCode=1500',
];

const READY_PREFIX = 'NEO4J_READY ';
/** Neo4j logs the configured Bolt address, port 0 included; the ready line has the real one. */
const CONFIGURED_PORT_ZERO = /Bolt enabled on \S+:0\.?$/;
const IN_USE_TEXT = 'is in use by another Neo4j process';
const EXIT_IN_USE = 3;
const STOP_TIMEOUT_MS = 30_000;
const FAILED_START_STOP_TIMEOUT_MS = 10_000;

export interface LaunchOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly heap: string;
  readonly pageCache: string;
  readonly startTimeoutMs: number;
  readonly extraJvmFlags: readonly string[];
  /** G1 unless given (COLLECTOR_FLAGS); 'Parallel', for a JVM that only bulk loads, also takes LOAD_ONLY_JIT_FLAGS. */
  readonly collector?: Collector;
  readonly log: (line: string) => void;
  /** How long stop() waits for a clean exit before SIGKILL (default 30 s). */
  readonly stopTimeoutMs?: number;
}

/** What the launcher's ready line says. */
export interface ReadyInfo {
  readonly uri: string;
  readonly pid: number;
  readonly port: number;
  readonly version: string;
  readonly dataDir: string;
}

export interface Launched extends ReadyInfo {
  /** Resolves when the JVM has exited, for whatever reason. */
  readonly exited: Promise<void>;
  /** SIGTERM, wait for a clean shutdown (SIGKILL after 30 s). Idempotent. */
  stop(): Promise<void>;
}

/** A running JVM and what is known of it so far. */
interface Child {
  readonly process: ChildProcess;
  /** Its last output lines, for error messages. */
  readonly tail: string[];
  readonly exited: Promise<void>;
  hasExited(): boolean;
  exitStatus(): string;
}

/** Starts the Neo4j JVM and resolves once it reports Bolt ready; a failed start leaves no process behind. */
export async function launch(paths: LauncherPaths, info: JavaInfo, options: LaunchOptions): Promise<Launched> {
  await fsp.mkdir(options.dataDir, { recursive: true });
  await fsp.access(options.dataDir, fsConstants.W_OK).catch(() => {
    throw new EmbeddedNeo4jError(`data directory ${options.dataDir} is not writable`, 'INVALID_OPTIONS');
  });
  const child = spawnChild(info.java, jvmArguments(paths, options), paths.root);
  let ready: ReadyInfo;
  try {
    ready = await readyLine(child, info, options);
  } catch (error) {
    await stopChild(child, FAILED_START_STOP_TIMEOUT_MS);
    throw error;
  }
  detach(child.process);
  let stopping: Promise<void> | undefined;
  void child.exited.then(() => {
    if (!stopping) options.log(`the Neo4j process ${ready.pid} exited unexpectedly (${child.exitStatus()})`);
  });
  return {
    ...ready,
    exited: child.exited,
    stop(): Promise<void> {
      stopping ??= stopChild(child, options.stopTimeoutMs ?? STOP_TIMEOUT_MS);
      return stopping;
    },
  };
}

/** Whether JVM options choose a garbage collector: one chosen in JAVA_TOOL_OPTIONS (the test run's, for one) replaces the launcher's, since the JVM refuses two. */
export function choosesCollector(javaOptions: string): boolean {
  return /-XX:\+Use\w+GC\b/.test(javaOptions);
}

export function jvmArguments(paths: LauncherPaths, options: LaunchOptions, env: NodeJS.ProcessEnv = process.env): string[] {
  const heapBytes = parseSize(options.heap) ?? 0;
  const initialHeap = heapBytes >= 64 * 1024 * 1024 ? '64m' : options.heap;
  const collector = choosesCollector(env.JAVA_TOOL_OPTIONS ?? '') ? [] : [COLLECTOR_FLAGS[options.collector ?? 'G1']];
  return [
    ...collector,
    ...NEO4J_JVM_FLAGS,
    ...(options.collector === 'Parallel' ? LOAD_ONLY_JIT_FLAGS : []),
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
}

function spawnChild(java: string, args: readonly string[], cwd: string): Child {
  const child = spawn(java, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
  let status: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = waitForExit(child).then(([code, signal]) => {
    status = { code, signal };
  });
  // EPIPE on stdin once the child is gone is expected; never let it become an uncaught error.
  child.stdin?.on('error', () => undefined);
  return {
    process: child,
    tail: [],
    exited,
    hasExited: () => status !== null,
    exitStatus: () => String(status?.signal ?? status?.code),
  };
}

/** Resolves with the ready line; rejects when the JVM exits, cannot run, or stays silent past the start timeout. */
function readyLine(child: Child, info: JavaInfo, options: LaunchOptions): Promise<ReadyInfo> {
  const { process: jvm, tail } = child;
  return new Promise<ReadyInfo>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      const message = `Embedded Neo4j did not report ready within ${options.startTimeoutMs} ms (data directory ${options.dataDir}); last output:\n${tail.join('\n')}`;
      settle(() => reject(new EmbeddedNeo4jError(message, 'START_TIMEOUT', [...tail])));
    }, options.startTimeoutMs);

    const logLine = (line: string): void => {
      pushTail(tail, line);
      if (!CONFIGURED_PORT_ZERO.test(line)) options.log(line);
    };
    void readLines(jvm.stderr, logLine);
    void readLines(jvm.stdout, (line) => {
      if (!line.startsWith(READY_PREFIX)) return logLine(line);
      try {
        const parsed = parseReadyLine(line.slice(READY_PREFIX.length));
        settle(() => resolve(parsed));
      } catch (error) {
        settle(() => reject(new EmbeddedNeo4jError(`Unreadable ready line from the launcher: ${line} (${String(error)})`, 'START_FAILED', [...tail])));
      }
    });
    jvm.once('error', (error) => {
      settle(() => reject(new EmbeddedNeo4jError(`Cannot run ${info.java}: ${error.message}`, 'START_FAILED', [...tail])));
    });
    // 'close' comes after 'exit' once stdout and stderr are drained, so the tail is complete.
    jvm.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      settle(() => reject(exitedBeforeReady(tail, code, signal, options.dataDir)));
    });
  });
}

/** The error for a JVM that ended before its ready line: DATA_DIR_IN_USE when another launcher holds the store. */
export function exitedBeforeReady(tail: readonly string[], code: number | null, signal: NodeJS.Signals | null, dataDir: string): EmbeddedNeo4jError {
  const inUse = tail.find((l) => l.includes(IN_USE_TEXT));
  if (inUse || code === EXIT_IN_USE) {
    const reason = (inUse ?? `data directory ${dataDir} ${IN_USE_TEXT} (store lock held)`).replace(/^neo4j-launcher:\s*/, '');
    return new EmbeddedNeo4jError(`Embedded Neo4j did not start: ${reason}`, 'DATA_DIR_IN_USE', [...tail]);
  }
  const status = signal ? `signal ${signal}` : `exit code ${code ?? '?'}`;
  return new EmbeddedNeo4jError(`Embedded Neo4j exited before it was ready (${status}); last output:\n${tail.join('\n')}`, 'START_FAILED', [...tail]);
}

/** When we exit, the child's stdin closes and it shuts itself down; until then it must not keep us alive. */
function detach(child: ChildProcess): void {
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    if (stream instanceof net.Socket) stream.unref();
  }
}

/** SIGTERM (the launcher's shutdown hook closes the store cleanly), SIGKILL after timeoutMs. */
async function stopChild(child: Child, timeoutMs: number): Promise<void> {
  if (child.hasExited()) return;
  child.process.ref();
  child.process.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), timeoutMs);
  });
  const timeoutHit = await Promise.race([child.exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (timeoutHit && !child.hasExited()) {
    child.process.kill('SIGKILL');
    await child.exited;
  }
  child.process.stdin?.destroy();
}

export function parseReadyLine(json: string): ReadyInfo {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) throw new Error('not an object');
  const { uri, pid, port, version, dataDir } = value as Record<string, unknown>;
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

/** '512m' -> bytes; accepts k, m, g (any case) or plain bytes. */
export function parseSize(value: string): number | null {
  const match = /^(\d+)([kmg]?)$/i.exec(value.trim());
  if (!match) return null;
  const unit = match[2]?.toLowerCase() ?? '';
  const factor = unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1;
  const bytes = Number(match[1]) * factor;
  return bytes > 0 ? bytes : null;
}
