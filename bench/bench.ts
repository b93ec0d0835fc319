/**
 * `npm run bench -- --size 10000` (or 100000): performance at scale, side by side.
 *
 * 1. Opens the benchmark's own Neo4j (.neo4j/bench-<size>, or NEO4J_URI) and loads the
 *    synthetic corpus of that size through `ingestDocument` unless it is already there.
 * 2. Starts three servers over that one database, each in its own child process on
 *    127.0.0.1: our API (src/http/server.ts + src/schema.ts), @neo4j/graphql 7 with
 *    bench/peer.typedefs.graphql, and the raw-Cypher floor (bench/floor.ts).
 * 3. Checks that the three give the same answer to every operation, and that our round
 *    trips per request do not grow with the page size.
 * 4. Times every operation on every server with autocannon: a warm-up, then a fixed time
 *    at a fixed number of connections; throughput, p50 and p99 latency, Neo4j round trips
 *    per request, and the server's peak resident memory.
 * 5. Prints the tables and writes them, with everything measured, to bench/results/.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../src/config';
import { parseOptions, parseSize } from './args';
import { openBenchDatabase, type BenchDatabase } from './database';
import { DEFAULT_LOAD } from '../src/ingest/bulk-load';
import { OPERATIONS, PAGE_QUERIES, SERVERS, statementPage, type Operation, type OperationInput, type RequestBody, type Server } from './operations';
import type { ChildMessage, ParentMessage, PhaseReport } from './servers/child';

const USAGE =
  'usage: npm run bench -- [--size 10000] [--seed 42] [--duration 5] [--warmup 2] [--repeat 3] [--connections 8] [--ops a,b,c,d,e,f] [--servers ours,peer,floor] [--fresh] [--ingest-concurrency 1] [--ingest-batch 100] [--page 100]';

interface Settings {
  readonly size: number;
  readonly seed: number;
  /** Seconds per timed run, after `warmup` seconds of the same load that are not counted. */
  readonly duration: number;
  readonly warmup: number;
  /** Timed runs per operation and server; the tables report their median. */
  readonly repeat: number;
  readonly connections: number;
  readonly ops: readonly Operation[];
  readonly servers: readonly Server[];
  readonly fresh: boolean;
  readonly ingestConcurrency: number;
  readonly ingestBatch: number;
  readonly page: number;
}

function settings(argv: readonly string[]): Settings {
  const o = parseOptions(
    argv,
    {
      size: 'string',
      seed: 'number',
      duration: 'number',
      warmup: 'number',
      repeat: 'number',
      connections: 'number',
      ops: 'string',
      servers: 'string',
      fresh: 'flag',
      'ingest-concurrency': 'number',
      'ingest-batch': 'number',
      page: 'number',
    },
    USAGE,
  );
  const keys = ((o.ops as string | undefined) ?? OPERATIONS.map((op) => op.key).join(',')).split(',');
  const ops = keys.map((key) => {
    const op = OPERATIONS.find((candidate) => candidate.key === key.trim());
    if (!op) throw new Error(`--ops expects keys among ${OPERATIONS.map((c) => c.key).join(', ')}; received ${JSON.stringify(key)}`);
    return op;
  });
  const servers = ((o.servers as string | undefined) ?? SERVERS.join(',')).split(',').map((s) => {
    if (!(SERVERS as readonly string[]).includes(s)) throw new Error(`--servers expects names among ${SERVERS.join(', ')}; received ${JSON.stringify(s)}`);
    return s as Server;
  });
  return {
    size: parseSize((o.size as string | undefined) ?? '10000'),
    seed: (o.seed as number | undefined) ?? 42,
    duration: (o.duration as number | undefined) ?? 5,
    warmup: (o.warmup as number | undefined) ?? 2,
    repeat: (o.repeat as number | undefined) ?? 3,
    connections: (o.connections as number | undefined) ?? 8,
    ops,
    servers,
    fresh: o.fresh === true,
    ingestConcurrency: (o['ingest-concurrency'] as number | undefined) ?? DEFAULT_LOAD.concurrency,
    ingestBatch: (o['ingest-batch'] as number | undefined) ?? DEFAULT_LOAD.batch,
    page: (o.page as number | undefined) ?? 100,
  };
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

// ---------------------------------------------------------------------------------------------
// Server child processes

class ServerProcess {
  private nextId = 1;
  private readonly pending = new Map<number, (report: PhaseReport | undefined) => void>();

  private constructor(
    readonly name: Server,
    private readonly child: ChildProcess,
    readonly url: string,
    readonly database: BenchDatabase,
  ) {
    child.on('message', (message: ChildMessage) => {
      if (message.type !== 'reply') return;
      this.pending.get(message.id)?.(message.report);
      this.pending.delete(message.id);
    });
  }

  static start(name: Server, database: BenchDatabase): Promise<ServerProcess> {
    const uri = database.uri;
    const script = path.join(__dirname, 'servers', `${name}.js`);
    const child = fork(script, [], {
      env: { ...process.env, BENCH_NEO4J_URI: uri, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`the ${name} server exited with code ${code} before it was ready`));
      child.once('exit', onExit);
      child.on('message', (message: ChildMessage) => {
        if (message.type !== 'ready') return;
        child.off('exit', onExit);
        resolve(new ServerProcess(name, child, message.url, database));
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  call(cmd: ParentMessage['cmd']): Promise<PhaseReport | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ id, cmd } satisfies ParentMessage);
    });
  }

  async post(body: RequestBody): Promise<unknown> {
    const response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`${this.name} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await Promise.race([this.call('stop'), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await exited;
  }
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface RunResult {
  readonly op: string;
  readonly server: Server;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly requests: number;
  readonly errors: number;
  /** Measured on requests sent one at a time before the timed runs. */
  readonly roundTripsPerRequest: number;
  /** Latency of one request with nothing else in flight (ms). */
  readonly aloneMs: number;
  /** Length of the timed run (s). */
  readonly seconds: number;
  /** Fewest and most in one request during the timed run, where the server reports them per request (ours). */
  readonly roundTripsMin: number | null;
  readonly roundTripsMax: number | null;
  readonly rssPeakMb: number;
  /** 1-minute load average before and after the timed run: the machine is shared. */
  readonly loadBefore: number;
  readonly loadAfter: number;
}

interface Agreement {
  readonly op: string;
  readonly agree: Readonly<Record<string, boolean>>;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly errors: Readonly<Record<string, unknown>>;
}

interface RoundTripProbe {
  readonly op: string;
  readonly server: Server;
  /** Round trips per request by page size; null where the server answered with errors. */
  readonly bySize: Readonly<Record<number, number | null>>;
  readonly errors: Readonly<Record<number, string>>;
}

const mb = (bytes: number): number => Math.round(bytes / 1048576);
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

async function walkToPage(proc: ServerProcess, page: number, first: number): Promise<string | null> {
  let after: string | null = null;
  for (let i = 1; i < page; i += 1) {
    const body: RequestBody = proc.name === 'floor' ? { op: 'page', params: { first, after } } : { query: PAGE_QUERIES[proc.name], variables: { first, after } };
    const response = await proc.post(body);
    const result = statementPage(proc.name, response);
    if (!result.hasNextPage || result.endCursor === null) {
      throw new Error(`the statement list ended at page ${i}${errorsOf(response) ? ` with ${JSON.stringify(errorsOf(response)).slice(0, 300)}` : ''}`);
    }
    after = result.endCursor;
  }
  return after;
}

function errorsOf(response: unknown): unknown {
  const errors = (response as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.length > 0 ? errors : undefined;
}

async function checkAgreement(procs: readonly ServerProcess[], op: Operation, input: OperationInput): Promise<Agreement> {
  const answers: Record<string, unknown> = {};
  const errors: Record<string, unknown> = {};
  for (const proc of procs) {
    const response = await proc.post(op.body(proc.name, input));
    const problem = errorsOf(response);
    if (problem !== undefined) errors[proc.name] = problem;
    answers[proc.name] = op.answer(proc.name, response);
  }
  const reference = JSON.stringify(answers.floor ?? answers.ours);
  const agree = Object.fromEntries(procs.map((p) => [p.name, errors[p.name] === undefined && JSON.stringify(answers[p.name]) === reference]));
  return { op: op.key, agree, answers, errors };
}

async function roundTripsAt(proc: ServerProcess, op: Operation, input: OperationInput, sizes: readonly number[]): Promise<RoundTripProbe> {
  const bySize: Record<number, number | null> = {};
  const errors: Record<number, string> = {};
  for (const first of sizes) {
    await proc.call('reset');
    const response = await proc.post(op.body(proc.name, { ...input, first }));
    const report = (await proc.call('report')) as PhaseReport;
    const problem = errorsOf(response);
    if (problem !== undefined) errors[first] = JSON.stringify(problem).slice(0, 300);
    bySize[first] = problem !== undefined || report.requests === 0 ? null : report.roundTrips / report.requests;
  }
  return { op: op.key, server: proc.name, bySize, errors };
}

/**
 * Waits until Neo4j runs no transaction but this check, so that what one run left behind
 * (requests the client gave up on, still running in the database) never slows the next.
 * What is still running after `patienceMs` is terminated, and said so.
 */
async function quiesce(database: BenchDatabase, patienceMs = 60_000): Promise<void> {
  const started = Date.now();
  const running = async (): Promise<string[]> => {
    const result = await database.gateway.driver.executeQuery('SHOW TRANSACTIONS YIELD transactionId, currentQuery RETURN transactionId, currentQuery');
    return result.records
      .filter((r) => !String(r.get('currentQuery')).startsWith('SHOW TRANSACTIONS'))
      .map((r) => String(r.get('transactionId')));
  };
  for (let ids = await running(); ids.length > 0; ids = await running()) {
    if (Date.now() - started > patienceMs) {
      await database.gateway.driver.executeQuery('TERMINATE TRANSACTIONS $ids', { ids });
      log(`terminated ${ids.length} transaction(s) still running ${patienceMs / 1000} s after the run`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface Sequential {
  readonly roundTrips: number;
  /** Mean latency of one request with nothing else in flight. */
  readonly latencyMs: number;
}

/**
 * A few requests one after another, nothing else in flight: the round trips per request
 * (not blurred by concurrent requests) and the latency of one request alone.
 */
async function sequential(proc: ServerProcess, op: Operation, input: OperationInput, requests = 3): Promise<Sequential> {
  await quiesce(proc.database);
  await proc.call('reset');
  const started = process.hrtime.bigint();
  for (let i = 0; i < requests; i += 1) await proc.post(op.body(proc.name, input));
  const latencyMs = Number(process.hrtime.bigint() - started) / 1e6 / requests;
  const report = (await proc.call('report')) as PhaseReport;
  return { roundTrips: round(report.roundTrips / Math.max(report.requests, 1), 2), latencyMs: round(latencyMs, 1) };
}

/** An operation whose single request takes this long gets one long run per server instead of several short ones. */
const SLOW_MS = 1_000;
const SLOW_RUN_SECONDS = 30;

interface Timing {
  readonly duration: number;
  readonly warmup: number;
}

async function timeRun(proc: ServerProcess, op: Operation, input: OperationInput, s: Settings, timing: Timing, alone: Sequential): Promise<RunResult> {
  const database = proc.database;
  await quiesce(database);
  const body = JSON.stringify(op.body(proc.name, input));
  const options = { url: proc.url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body, connections: s.connections, timeout: 60 };
  if (timing.warmup > 0) await autocannon({ ...options, duration: timing.warmup });
  await quiesce(database);
  await proc.call('reset');
  const loadBefore = round(os.loadavg()[0] ?? 0, 2);
  const result = await autocannon({ ...options, duration: timing.duration });
  const report = (await proc.call('report')) as PhaseReport;
  const completed = result.latency.totalCount;
  return {
    op: op.key,
    server: proc.name,
    requestsPerSecond: round(completed / result.duration, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: round(result.latency.mean, 2),
    requests: completed,
    errors: result.errors + result.timeouts + result.non2xx + report.errors,
    roundTripsPerRequest: alone.roundTrips,
    aloneMs: alone.latencyMs,
    seconds: timing.duration,
    roundTripsMin: report.roundTripsMin,
    roundTripsMax: report.roundTripsMax,
    rssPeakMb: mb(report.rssPeak),
    loadBefore,
    loadAfter: round(os.loadavg()[0] ?? 0, 2),
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** One result from several runs of the same operation on the same server: medians, and the totals of errors. */
function medianRun(runs: readonly RunResult[]): RunResult {
  const first = runs[0] as RunResult;
  const pick = (f: (r: RunResult) => number): number => round(median(runs.map(f)), 1);
  return {
    ...first,
    requestsPerSecond: pick((r) => r.requestsPerSecond),
    p50: pick((r) => r.p50),
    p99: pick((r) => r.p99),
    mean: pick((r) => r.mean),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    rssPeakMb: Math.max(...runs.map((r) => r.rssPeakMb)),
    loadBefore: pick((r) => r.loadBefore),
    loadAfter: pick((r) => r.loadAfter),
  };
}

// ---------------------------------------------------------------------------------------------
// Machine and report

function machine(database: BenchDatabase): Record<string, string | number> {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  // `java -version` prints to stderr.
  const javaVersion = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const java = `${javaVersion.stderr ?? ''}${javaVersion.stdout ?? ''}`.split('\n')[0] || 'unknown';
  return {
    cpus: os.cpus().length,
    cpuModel: model.trim(),
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    java,
    neo4j: database.neo4jVersion,
    platform: `${os.type()} ${os.release()}`,
  };
}

/** The commit the working tree is on, read from .git without running git (the tree may differ from it). */
function sourceRevision(): string {
  try {
    const git = path.join(projectRoot(), '.git');
    const head = readFileSync(path.join(git, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice('ref: '.length);
    const loose = path.join(git, ref);
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
    const packed = readFileSync(path.join(git, 'packed-refs'), 'utf8').split('\n').find((line) => line.endsWith(` ${ref}`));
    return packed?.split(' ')[0] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function residentMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);

function tables(results: readonly RunResult[], s: Settings): string {
  const find = (op: string, server: Server): RunResult | undefined => results.find((r) => r.op === op && r.server === server);
  const lines: string[] = [];
  lines.push(`| op | question | ours req/s | peer req/s | floor req/s | ours/peer | ours/floor | p50 ours / peer / floor (ms) | p99 ours / peer / floor (ms) | alone ours / peer / floor (ms) | round trips ours / peer / floor | errors ours / peer / floor |`);
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const op of s.ops) {
    const [ours, peer, floor] = SERVERS.map((server) => find(op.key, server));
    const cell = (pick: (r: RunResult) => number | string | null): string => [ours, peer, floor].map((r) => (r ? String(pick(r) ?? '–') : '–')).join(' / ');
    lines.push(
      `| ${op.key} | ${op.name} | ${ours?.requestsPerSecond ?? '–'} | ${peer?.requestsPerSecond ?? '–'} | ${floor?.requestsPerSecond ?? '–'} | ` +
        `${ratio(ours?.requestsPerSecond, peer?.requestsPerSecond)} | ${ratio(ours?.requestsPerSecond, floor?.requestsPerSecond)} | ` +
        `${cell((r) => r.p50)} | ${cell((r) => r.p99)} | ${cell((r) => Math.round(r.aloneMs))} | ${cell((r) => r.roundTripsPerRequest)} | ${cell((r) => r.errors)} |`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const s = settings(process.argv.slice(2));
  const started = Date.now();
  const database = await openBenchDatabase({
    statements: s.size,
    seed: s.seed,
    fresh: s.fresh,
    concurrency: s.ingestConcurrency,
    batch: s.ingestBatch,
    log,
  });
  const procs: ServerProcess[] = [];
  try {
    const load = database.load ?? database.previousLoad;
    if (load) {
      log(
        `ingest${database.load ? '' : ' (when this database was built)'}: ${load.statements} statements, ${load.documents} documents in ${load.seconds.toFixed(1)} s = ` +
          `${Math.round(load.statementsPerSecond)} statements/s (concurrency ${load.concurrency}, ${load.batch ?? 1} per transaction)`,
      );
    }
    const census = await database.gateway.read({
      cypher: 'MATCH (s:Statement) WITH count(s) AS statements MATCH (a:Article) WITH statements, count(a) AS articles MATCH (e:Entity) RETURN statements, articles, count(e) AS entities',
      params: {},
    });
    log(`graph: ${JSON.stringify(census[0])}`);

    for (const name of s.servers) procs.push(await ServerProcess.start(name, database));
    log(`servers: ${procs.map((p) => `${p.name} ${p.url} (pid ${p.pid})`).join(', ')}`);

    const pageOp = OPERATIONS.find((op) => op.key === 'f') as Operation;
    const pageSize = pageOp.first ?? 20;
    // A corpus too small for page 100 (1 000 statements are 50 pages) is timed on its last full page.
    const statementNodes = Number(census[0]?.statements ?? 0);
    const lastFullPage = Math.floor(statementNodes / pageSize);
    const page = Math.min(s.page, lastFullPage);
    if (page < 2) throw new Error(`the graph holds ${statementNodes} statements, too few to page: at least ${2 * pageSize} are needed`);
    if (page < s.page) log(`(f) ${statementNodes} statements are ${lastFullPage} pages of ${pageSize}: timing page ${page} instead of page ${s.page}`);
    const after: Record<Server, string | null> = { ours: null, peer: null, floor: null };
    const notes: string[] = [];
    let peerByOffset = false;
    if (s.ops.includes(pageOp)) {
      for (const proc of procs) {
        const t0 = Date.now();
        try {
          after[proc.name] = await walkToPage(proc, page, pageSize);
          log(`${proc.name}: walked ${page - 1} pages of statements to the cursor of page ${page} in ${Date.now() - t0} ms`);
        } catch (error) {
          if (proc.name !== 'peer') throw error;
          peerByOffset = true;
          const note = `(f) the peer's statementsConnection could not be walked to page ${page}: ${error instanceof Error ? error.message : String(error)}; the peer is timed on its limit/offset list field instead`;
          notes.push(note);
          log(note);
        }
      }
    }
    const noCursors = { ours: null, peer: null, floor: null };
    const inputFor = (op: Operation): OperationInput => ({
      probes: database.corpus.probes,
      first: op.first ?? 0,
      after: op.key === 'f' ? after : noCursors,
      offset: op.key === 'f' ? (page - 1) * pageSize : 0,
      peerByOffset: op.key === 'f' && peerByOffset,
    });

    const agreements: Agreement[] = [];
    for (const op of s.ops) {
      const agreement = await checkAgreement(procs, op, inputFor(op));
      agreements.push(agreement);
      const verdict = Object.entries(agreement.agree)
        .map(([name, ok]) => `${name} ${ok ? 'agrees' : 'DIFFERS'}`)
        .join(', ');
      log(`(${op.key}) ${op.name}: ${verdict}${Object.keys(agreement.errors).length > 0 ? ` errors: ${JSON.stringify(agreement.errors).slice(0, 500)}` : ''}`);
    }

    const probes: RoundTripProbe[] = [];
    for (const op of s.ops.filter((o) => o.first !== null && o.key !== 'f')) {
      for (const proc of procs.filter((p) => p.name !== 'floor')) {
        const probe = await roundTripsAt(proc, op, inputFor(op), [5, 100]);
        probes.push(probe);
        const shown = (size: number): string => (probe.bySize[size] === null ? `errors (${probe.errors[size] ?? ''})` : String(probe.bySize[size]));
        log(`(${op.key}) ${proc.name}: round trips per request at first 5: ${shown(5)}, at first 100: ${shown(100)}`);
      }
    }

    // Each operation is timed `repeat` times on each server, the servers taking turns, so a
    // burst of load from elsewhere on the machine hits one run of each rather than all runs
    // of one; the tables give the median of the runs.
    // An operation that takes seconds even alone (paths at 100k) would complete nothing in a
    // 5 s run at 8 connections: it gets one run of SLOW_RUN_SECONDS per server, no warm-up
    // (the requests alone warmed it up).
    const runs: RunResult[] = [];
    for (const op of s.ops) {
      const alone = new Map<Server, Sequential>();
      for (const proc of procs) alone.set(proc.name, await sequential(proc, op, inputFor(op)));
      const slow = Math.max(...[...alone.values()].map((a) => a.latencyMs)) > SLOW_MS;
      const timing: Timing = slow ? { duration: Math.max(s.duration, SLOW_RUN_SECONDS), warmup: 0 } : { duration: s.duration, warmup: s.warmup };
      const rounds = slow ? 1 : s.repeat;
      log(`(${op.key}) alone: ${procs.map((p) => `${p.name} ${alone.get(p.name)?.latencyMs} ms`).join(', ')}${slow ? ` → one ${timing.duration} s run per server` : ''}`);
      for (let round = 1; round <= rounds; round += 1) {
        for (const proc of procs) {
          const result = await timeRun(proc, op, inputFor(op), s, timing, alone.get(proc.name) as Sequential);
          runs.push(result);
          log(
            `(${op.key}) ${op.name} · ${proc.name} · run ${round}/${rounds}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
              `${result.roundTripsPerRequest} round trips/request, rss peak ${result.rssPeakMb} MB, errors ${result.errors}, load ${result.loadBefore}→${result.loadAfter}`,
          );
        }
      }
    }
    const results = s.ops.flatMap((op) => procs.map((proc) => medianRun(runs.filter((r) => r.op === op.key && r.server === proc.name))));

    const neo4jRssMb = database.embedded ? residentMb(database.embedded.pid) : null;
    const report = {
      when: new Date().toISOString(),
      commit: sourceRevision(),
      settings: { ...s, ops: s.ops.map((o) => o.key) },
      machine: machine(database),
      corpus: { statements: s.size, seed: s.seed, probes: database.corpus.probes, counts: load?.counts ?? null, graph: census[0] },
      ingest: load,
      agreements: agreements.map((a) => ({ op: a.op, agree: a.agree, errors: a.errors })),
      notes,
      roundTripsByPageSize: probes,
      results,
      runs,
      memory: {
        serverRssPeakMb: Object.fromEntries(procs.map((p) => [p.name, Math.max(...results.filter((r) => r.server === p.name).map((r) => r.rssPeakMb))])),
        neo4jRssMb,
      },
      minutes: round((Date.now() - started) / 60_000, 1),
    };
    const folder = path.join(projectRoot(), 'bench', 'results');
    mkdirSync(folder, { recursive: true });
    // A run of some operations or servers only never overwrites the results of a full run.
    const partial = s.ops.length < OPERATIONS.length || s.servers.length < SERVERS.length;
    const variant = `bench-${s.size}${partial ? `-${s.ops.map((o) => o.key).join('')}-${s.servers.join('-')}` : ''}`;
    const file = path.join(folder, `${variant}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    const table = tables(results, s);
    writeFileSync(path.join(folder, `${variant}.md`), `${table}\n`);
    console.log(
      `\n## ${s.size} statements (seed ${s.seed}), ${s.connections} connections, median of ${s.repeat} runs of ${s.duration} s (after ${s.warmup} s warm-up each)\n`,
    );
    console.log(table);
    console.log(`\nserver RSS peak (MB): ${JSON.stringify(report.memory.serverRssPeakMb)}; Neo4j JVM RSS: ${neo4jRssMb ?? 'n/a'} MB`);
    console.log(`results: ${path.relative(projectRoot(), file)} (${report.minutes} min)`);
  } finally {
    for (const proc of procs) await proc.stop();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
