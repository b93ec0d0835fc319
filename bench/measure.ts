/**
 * What the bench measures on one server: whether the servers agree on an answer, round
 * trips per request by page size, one request alone, and timed runs under load with
 * autocannon, summarised by their medians.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { compilerCpuSince, processCpuSince, type BenchDatabase } from './database';
import { log } from './log';
import { type Operation, type OperationInput, type Server } from './operations';
import type { ServerProcess } from './server-process';
import type { PhaseReport } from './servers/child';

/**
 * Which sequence a run asked, and of which server: `varied` (the popularity-weighted draws;
 * ours with kept answers off, so every answer is computed), `kept` (the same draws, ours as
 * it serves by default, keeping answers), `never-repeated` (values asked once each; ours as
 * it serves by default). Peer and floor keep nothing: they run `varied` and `never-repeated`.
 */
export type RunSet = 'varied' | 'kept' | 'never-repeated';

export interface RunResult {
  readonly op: string;
  readonly server: Server;
  readonly set: RunSet;
  /** Distinct requests in the sequence, and requests sent (past the length, the sequence starts again; never for never-repeated). */
  readonly distinct: number;
  readonly sent: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly requests: number;
  readonly errors: number;
  /** Counted by the server during the timed run where it counts per request (ours), else on requests sent one at a time before it. */
  readonly roundTripsPerRequest: number;
  /** Latency of one request with nothing else in flight (ms). */
  readonly aloneMs: number;
  /** Length of the timed run (s). */
  readonly seconds: number;
  /** Fewest and most in one request during the timed run, where the server reports them per request (ours). */
  readonly roundTripsMin: number | null;
  readonly roundTripsMax: number | null;
  readonly rssPeakMb: number;
  /**
   * CPU milliseconds per answered request over the timed run, of the server's process and of
   * the embedded Neo4j's (null when Neo4j is not embedded), from /proc: what a request costs
   * each side whatever else the machine runs, where req/s move with the neighbours.
   */
  readonly serverCpuMsPerRequest: number | null;
  readonly neo4jCpuMsPerRequest: number | null;
  /**
   * The part of `neo4jCpuMsPerRequest` that Neo4j's JIT compiler threads spent: time-bound
   * work, charged to whichever server runs while it happens (docs/bench-findings.md, "the
   * window page's Cypher is the floor's; its gap is the server's CPU per request").
   */
  readonly neo4jJitCpuMsPerRequest?: number | null;
  /** 1-minute load average before and after the timed run: the machine is shared. */
  readonly loadBefore: number;
  readonly loadAfter: number;
}

export interface Agreement {
  readonly op: string;
  readonly agree: Readonly<Record<string, boolean>>;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly errors: Readonly<Record<string, unknown>>;
}

export interface RoundTripProbe {
  readonly op: string;
  readonly server: Server;
  /** Round trips per request by page size; null where the server answered with errors. */
  readonly bySize: Readonly<Record<number, number | null>>;
  readonly errors: Readonly<Record<number, string>>;
}

export const mb = (bytes: number): number => Math.round(bytes / 1048576);
export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

function errorsOf(response: unknown): unknown {
  const errors = (response as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.length > 0 ? errors : undefined;
}

export async function checkAgreement(procs: readonly ServerProcess[], op: Operation, input: OperationInput): Promise<Agreement> {
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

export async function roundTripsAt(proc: ServerProcess, op: Operation, input: OperationInput, sizes: readonly number[]): Promise<RoundTripProbe> {
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

export interface Sequential {
  readonly roundTrips: number;
  /** Mean latency of one request with nothing else in flight. */
  readonly latencyMs: number;
}

/**
 * A few requests one after another, nothing else in flight: the round trips per request
 * (not blurred by concurrent requests) and the latency of one request alone.
 */
export async function sequential(proc: ServerProcess, op: Operation, input: OperationInput, requests = 3): Promise<Sequential> {
  await quiesce(proc.database);
  await proc.call('reset');
  const started = process.hrtime.bigint();
  for (let i = 0; i < requests; i += 1) await proc.post(op.body(proc.name, input));
  const latencyMs = Number(process.hrtime.bigint() - started) / 1e6 / requests;
  const report = (await proc.call('report')) as PhaseReport;
  return { roundTrips: round(report.roundTrips / Math.max(report.requests, 1), 2), latencyMs: round(latencyMs, 1) };
}

/** An operation whose single request takes this long gets one long run per server instead of several short ones. */
export const SLOW_MS = 1_000;
export const SLOW_RUN_SECONDS = 30;

export interface Timing {
  readonly duration: number;
  readonly warmup: number;
}

/**
 * The bodies of a run, sent in order whatever the connection, starting again past the end;
 * with `once`, each is sent once at most: the run ends when they are spent, or at its
 * duration. The rate is the requests answered over the time to the last answer, so a run
 * that ends early is not charged autocannon's wait for its next one-second tick.
 */
async function cannon(url: string, bodies: readonly string[], connections: number, duration: number, once = false): Promise<{ result: autocannon.Result; seconds: number }> {
  let next = 0;
  let last = 0;
  const started = performance.now();
  const result = await autocannon({
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    connections,
    timeout: 60,
    duration,
    body: bodies[0],
    // autocannon needs at least one request per connection.
    ...(once ? { maxOverallRequests: Math.max(bodies.length, connections) } : {}),
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
        onResponse: () => {
          last = performance.now();
        },
      },
    ],
  });
  return { result, seconds: last > started ? (last - started) / 1000 : result.duration };
}

export interface Asked {
  readonly set: RunSet;
  /** The sequence timed, as request bodies. */
  readonly bodies: readonly string[];
  /** The warm-up's sequence: the varied one, so that a never-repeated sequence is not spent warming up. */
  readonly warmBodies: readonly string[];
}

export async function timeRun(proc: ServerProcess, op: Operation, asked: Asked, connections: number, timing: Timing, alone: Sequential): Promise<RunResult> {
  const database = proc.database;
  await quiesce(database);
  if (timing.warmup > 0) await cannon(proc.url, asked.warmBodies, connections, timing.warmup);
  await quiesce(database);
  await proc.call('reset');
  const loadBefore = round(os.loadavg()[0] ?? 0, 2);
  const neo4jPid = database.embedded?.pid ?? null;
  const cpu = cpuClocks([proc.pid, neo4jPid]);
  const jit = compilerCpuSince(neo4jPid);
  const { result, seconds } = await cannon(proc.url, asked.bodies, connections, timing.duration, asked.set === 'never-repeated');
  const [serverCpu, neo4jCpu] = cpu();
  const jitCpu = jit();
  const report = (await proc.call('report')) as PhaseReport;
  const completed = result.latency.totalCount;
  const perAnswer = (cpuSeconds: number | null): number | null => (cpuSeconds === null || completed === 0 ? null : round((cpuSeconds * 1000) / completed, 2));
  const perRequest = report.roundTripsMin !== null && report.requests > 0 ? round(report.roundTrips / report.requests, 2) : alone.roundTrips;
  return {
    op: op.key,
    server: proc.name,
    set: asked.set,
    distinct: new Set(asked.bodies).size,
    sent: result.requests.sent,
    requestsPerSecond: round(completed / seconds, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: round(result.latency.mean, 2),
    requests: completed,
    errors: result.errors + result.timeouts + result.non2xx + report.errors,
    roundTripsPerRequest: perRequest,
    aloneMs: alone.latencyMs,
    seconds: round(seconds, 1),
    roundTripsMin: report.roundTripsMin,
    roundTripsMax: report.roundTripsMax,
    rssPeakMb: mb(report.rssPeak),
    serverCpuMsPerRequest: perAnswer(serverCpu ?? null),
    neo4jCpuMsPerRequest: perAnswer(neo4jCpu ?? null),
    neo4jJitCpuMsPerRequest: perAnswer(jitCpu),
    loadBefore,
    loadAfter: round(os.loadavg()[0] ?? 0, 2),
  };
}

/** Starts counting the CPU seconds of each process; the function returned reads what each used since (null where it cannot be read). */
function cpuClocks(pids: readonly (number | null)[]): () => (number | null)[] {
  const clocks = pids.map(processCpuSince);
  return () => clocks.map((clock) => clock());
}

/** The middle value, or the mean of the two middle values of an even count. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const medianOrNull = (values: readonly (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : round(median(known), 2);
};

/** One result from several runs of the same operation on the same server: medians, and the totals of errors. */
export function medianRun(runs: readonly RunResult[]): RunResult {
  const first = runs[0] as RunResult;
  const pick = (f: (r: RunResult) => number): number => round(median(runs.map(f)), 1);
  return {
    ...first,
    requestsPerSecond: pick((r) => r.requestsPerSecond),
    p50: pick((r) => r.p50),
    p99: pick((r) => r.p99),
    mean: pick((r) => r.mean),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    roundTripsPerRequest: pick((r) => r.roundTripsPerRequest),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    rssPeakMb: Math.max(...runs.map((r) => r.rssPeakMb)),
    serverCpuMsPerRequest: medianOrNull(runs.map((r) => r.serverCpuMsPerRequest)),
    neo4jCpuMsPerRequest: medianOrNull(runs.map((r) => r.neo4jCpuMsPerRequest)),
    neo4jJitCpuMsPerRequest: medianOrNull(runs.map((r) => r.neo4jJitCpuMsPerRequest ?? null)),
    loadBefore: pick((r) => r.loadBefore),
    loadAfter: pick((r) => r.loadAfter),
  };
}
