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
 *
 * This file is the order of the run; the options are read in settings.ts, the servers run
 * through server-process.ts, what is measured is measure.ts, and report.ts describes the
 * machine and draws the table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { openBenchDatabase, type BenchDatabase, type CorpusLoad } from './database';
import { log } from './log';
import {
  checkAgreement,
  medianRun,
  round,
  roundTripsAt,
  sequential,
  SLOW_MS,
  SLOW_RUN_SECONDS,
  timeRun,
  walkToPage,
  type Agreement,
  type RoundTripProbe,
  type RunResult,
  type Sequential,
  type Timing,
} from './measure';
import { OPERATIONS, SERVERS, type Operation, type OperationInput, type Server } from './operations';
import { machine, residentMb, sourceRevision, tables } from './report';
import { ServerProcess } from './server-process';
import { settings, type Settings } from './settings';

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
    if (load) logLoad(load, database.load !== null);
    const census = await database.gateway.read({
      cypher: 'MATCH (s:Statement) WITH count(s) AS statements MATCH (a:Article) WITH statements, count(a) AS articles MATCH (e:Entity) RETURN statements, articles, count(e) AS entities',
      params: {},
    });
    log(`graph: ${JSON.stringify(census[0])}`);

    for (const name of s.servers) procs.push(await ServerProcess.start(name, database));
    log(`servers: ${procs.map((p) => `${p.name} ${p.url} (pid ${p.pid})`).join(', ')}`);

    const paging = await walkToTimedPage(procs, s, Number(census[0]?.statements ?? 0));
    const inputFor = (op: Operation): OperationInput => operationInput(database, paging, op);
    const agreements = await checkAgreements(procs, s.ops, inputFor);
    const probes = await probeRoundTrips(procs, s.ops, inputFor);
    const runs = await timeAll(procs, s, inputFor);
    const results = s.ops.flatMap((op) => asking(procs, op).map((proc) => medianRun(runs.filter((r) => r.op === op.key && r.server === proc.name))));
    writeReport(s, { started, database, load, graph: census[0], agreements, notes: paging.notes, probes, results, runs, procs });
  } finally {
    for (const proc of procs) await proc.stop();
    await database.close();
  }
}

function logLoad(load: CorpusLoad, loadedNow: boolean): void {
  log(
    `ingest${loadedNow ? '' : ' (when this database was built)'}: ${load.statements} statements, ${load.documents} documents in ${load.seconds.toFixed(1)} s = ` +
      `${Math.round(load.statementsPerSecond)} statements/s (concurrency ${load.concurrency}, ${load.batch ?? 1} per transaction)`,
  );
}

/** Where operation (f) pages to: the page it is timed on, and each server's cursor for it. */
interface Paging {
  readonly page: number;
  readonly pageSize: number;
  readonly after: Readonly<Record<Server, string | null>>;
  /** The peer's connection could not be walked that far: it is timed on its limit/offset list field. */
  readonly peerByOffset: boolean;
  readonly notes: readonly string[];
}

/** Walks each server's statement list, page by page as a client does, to the page (f) is timed on. */
async function walkToTimedPage(procs: readonly ServerProcess[], s: Settings, statementNodes: number): Promise<Paging> {
  const pageOp = OPERATIONS.find((op) => op.key === 'f') as Operation;
  const pageSize = pageOp.first ?? 20;
  // A corpus too small for page 100 (1 000 statements are 50 pages) is timed on its last full page.
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
  return { page, pageSize, after, peerByOffset, notes };
}

const NO_CURSORS = { ours: null, peer: null, floor: null };

function operationInput(database: BenchDatabase, paging: Paging, op: Operation): OperationInput {
  return {
    probes: database.corpus.probes,
    first: op.first ?? 0,
    after: op.key === 'f' ? paging.after : NO_CURSORS,
    offset: op.key === 'f' ? (paging.page - 1) * paging.pageSize : 0,
    peerByOffset: op.key === 'f' && paging.peerByOffset,
  };
}

type InputFor = (op: Operation) => OperationInput;

/** The servers that can ask `op` (operations.ts `servers`). */
const asking = (procs: readonly ServerProcess[], op: Operation): ServerProcess[] => procs.filter((p) => op.servers?.includes(p.name) ?? true);

async function checkAgreements(procs: readonly ServerProcess[], ops: readonly Operation[], inputFor: InputFor): Promise<Agreement[]> {
  const agreements: Agreement[] = [];
  for (const op of ops) {
    const agreement = await checkAgreement(asking(procs, op), op, inputFor(op));
    agreements.push(agreement);
    const verdict = Object.entries(agreement.agree)
      .map(([name, ok]) => `${name} ${ok ? 'agrees' : 'DIFFERS'}`)
      .join(', ');
    log(`(${op.key}) ${op.name}: ${verdict}${Object.keys(agreement.errors).length > 0 ? ` errors: ${JSON.stringify(agreement.errors).slice(0, 500)}` : ''}`);
  }
  return agreements;
}

/** Round trips per request at page sizes 5 and 100, for every paging operation but (f), on the GraphQL servers. */
async function probeRoundTrips(procs: readonly ServerProcess[], ops: readonly Operation[], inputFor: InputFor): Promise<RoundTripProbe[]> {
  const probes: RoundTripProbe[] = [];
  for (const op of ops.filter((o) => o.first !== null && o.key !== 'f')) {
    for (const proc of asking(procs, op).filter((p) => p.name !== 'floor')) {
      const probe = await roundTripsAt(proc, op, inputFor(op), [5, 100]);
      probes.push(probe);
      const shown = (size: number): string => (probe.bySize[size] === null ? `errors (${probe.errors[size] ?? ''})` : String(probe.bySize[size]));
      log(`(${op.key}) ${proc.name}: round trips per request at first 5: ${shown(5)}, at first 100: ${shown(100)}`);
    }
  }
  return probes;
}

/**
 * Each operation is timed `repeat` times on each server, the servers taking turns, so a
 * burst of load from elsewhere on the machine hits one run of each rather than all runs
 * of one; the tables give the median of the runs.
 */
async function timeAll(procs: readonly ServerProcess[], s: Settings, inputFor: InputFor): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  for (const op of s.ops) runs.push(...(await timeOperation(procs, op, s, inputFor)));
  return runs;
}

/**
 * An operation that takes seconds even alone (paths at 100k) would complete nothing in a
 * 5 s run at 8 connections: it gets one run of SLOW_RUN_SECONDS per server, no warm-up
 * (the requests alone warmed it up).
 */
async function timeOperation(all: readonly ServerProcess[], op: Operation, s: Settings, inputFor: InputFor): Promise<RunResult[]> {
  const procs = asking(all, op);
  const runs: RunResult[] = [];
  const alone = new Map<Server, Sequential>();
  for (const proc of procs) alone.set(proc.name, await sequential(proc, op, inputFor(op)));
  const slow = Math.max(...[...alone.values()].map((a) => a.latencyMs)) > SLOW_MS;
  const timing: Timing = slow ? { duration: Math.max(s.duration, SLOW_RUN_SECONDS), warmup: 0 } : { duration: s.duration, warmup: s.warmup };
  const rounds = slow ? 1 : s.repeat;
  log(`(${op.key}) alone: ${procs.map((p) => `${p.name} ${alone.get(p.name)?.latencyMs} ms`).join(', ')}${slow ? ` → one ${timing.duration} s run per server` : ''}`);
  for (let round = 1; round <= rounds; round += 1) {
    for (const proc of procs) {
      const result = await timeRun(proc, op, inputFor(op), s.connections, timing, alone.get(proc.name) as Sequential);
      runs.push(result);
      log(
        `(${op.key}) ${op.name} · ${proc.name} · run ${round}/${rounds}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
          `${result.roundTripsPerRequest} round trips/request, rss peak ${result.rssPeakMb} MB, errors ${result.errors}, load ${result.loadBefore}→${result.loadAfter}`,
      );
    }
  }
  return runs;
}

interface Outcome {
  readonly started: number;
  readonly database: BenchDatabase;
  readonly load: CorpusLoad | null;
  readonly graph: unknown;
  readonly agreements: readonly Agreement[];
  readonly notes: readonly string[];
  readonly probes: readonly RoundTripProbe[];
  readonly results: readonly RunResult[];
  readonly runs: readonly RunResult[];
  readonly procs: readonly ServerProcess[];
}

/** Writes bench/results/<variant>.json (everything measured) and .md (the table), and prints the table. */
function writeReport(s: Settings, o: Outcome): void {
  const { database, load, results, procs } = o;
  const neo4jRssMb = database.embedded ? residentMb(database.embedded.pid) : null;
  const report = {
    when: new Date().toISOString(),
    commit: sourceRevision(),
    settings: { ...s, ops: s.ops.map((op) => op.key) },
    machine: machine(database),
    corpus: { statements: s.size, seed: s.seed, probes: database.corpus.probes, counts: load?.counts ?? null, graph: o.graph },
    ingest: load,
    agreements: o.agreements.map((a) => ({ op: a.op, agree: a.agree, errors: a.errors })),
    notes: o.notes,
    roundTripsByPageSize: o.probes,
    results,
    runs: o.runs,
    memory: {
      serverRssPeakMb: Object.fromEntries(procs.map((p) => [p.name, Math.max(...results.filter((r) => r.server === p.name).map((r) => r.rssPeakMb))])),
      neo4jRssMb,
    },
    minutes: round((Date.now() - o.started) / 60_000, 1),
  };
  const folder = path.join(projectRoot(), 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  // A run of some operations or servers only never overwrites the results of a full run.
  const partial = s.ops.length < OPERATIONS.length || s.servers.length < SERVERS.length;
  const variant = `bench-${s.size}${partial ? `-${s.ops.map((op) => op.key).join('')}-${s.servers.join('-')}` : ''}`;
  const file = path.join(folder, `${variant}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const table = tables(results, s.ops);
  writeFileSync(path.join(folder, `${variant}.md`), `${table}\n`);
  console.log(
    `\n## ${s.size} statements (seed ${s.seed}), ${s.connections} connections, median of ${s.repeat} runs of ${s.duration} s (after ${s.warmup} s warm-up each)\n`,
  );
  console.log(table);
  console.log(`\nserver RSS peak (MB): ${JSON.stringify(report.memory.serverRssPeakMb)}; Neo4j JVM RSS: ${neo4jRssMb ?? 'n/a'} MB`);
  console.log(`results: ${path.relative(projectRoot(), file)} (${report.minutes} min)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
