/**
 * `npm run bench -- --size 10000` (or 100000): performance at scale, side by side.
 *
 * 1. Opens the benchmark's own Neo4j (.neo4j/bench-<size>, or NEO4J_URI) and loads the
 *    synthetic corpus of that size through `ingestDocument` unless it is already there.
 * 2. Starts three servers over that one database, each in its own child process on
 *    127.0.0.1: our API (src/http/server.ts + src/schema.ts), @neo4j/graphql 7 with
 *    bench/peer.typedefs.graphql, and the raw-Cypher floor (bench/floor.ts).
 *    Ours runs twice: as it serves by default, keeping answers, and with ANSWER_CACHE_SIZE=0
 *    ("ours computed"), so that kept and computed answers are measured side by side.
 * 3. Draws each operation's parameters from the loaded graph (parameters.ts): a varied,
 *    popularity-weighted sequence, sent to every server in the same order, and, where it
 *    matters, never-repeated values, of which each server is sent a share of its own.
 * 4. Checks that the servers give the same answers to the first few of each, and that our
 *    round trips per request do not grow with the page size.
 * 5. Times every operation with autocannon: a warm-up, then a fixed time at a fixed number of
 *    connections; computed (ours computed, peer, floor) and kept (ours) on the varied
 *    sequence, then ours, peer and floor each on its share of the never-repeated values; throughput, p50 and p99
 *    latency, Neo4j round trips per request, and each server's peak resident memory.
 * 6. Prints the tables and writes them, with everything measured, to bench/results/.
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
  type Agreement,
  type RoundTripProbe,
  type RunResult,
  type RunSet,
  type Sequential,
  type Timing,
} from './measure';
import { HEADLINE_OPERATIONS, OPERATIONS, SERVERS, type Operation, type OperationInput } from './operations';
import { distinct, drawParameters, FRESH_CHECKED, type ParameterSets } from './parameters';
import { machine, peakResidentMb, residentMb, sourceRevision, tables } from './report';
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
    if (s.servers.includes('ours')) procs.push(await ServerProcess.start('ours', database, { label: OURS_COMPUTED, env: { ANSWER_CACHE_SIZE: '0' } }));
    log(`servers: ${procs.map((p) => `${p.label} ${p.url} (pid ${p.pid})`).join(', ')}`);

    const statements = Number(census[0]?.statements ?? 0);
    const paging = timedPage(s, statements);
    const baseFor = (op: Operation): OperationInput => operationInput(database, paging, op);
    const parameters = await drawParameters(database, s.ops, baseFor, s.seed, paging.page, statements, lineup(procs, 'never-repeated').length);
    for (const op of s.ops) {
      const sets = parameters.get(op.key) as ParameterSets;
      const fresh = sets.fresh ? `, never repeated: ${sets.fresh.checked.length} checked and ${sets.fresh.shares.length} shares of ${sets.fresh.shares[0]?.length ?? 0}` : '';
      log(`(${op.key}) parameters: ${sets.varied.length} varied (${distinct(op, sets.varied)} distinct)${fresh}`);
    }
    const computing = lineup(procs, 'varied');
    const agreements = await checkAgreements(computing, s.ops, parameters);
    const probes = await probeRoundTrips(computing, s.ops, baseFor);
    const runs = await timeAll(procs, s, parameters);
    const summary = (set: RunSet): RunResult[] =>
      s.ops.flatMap((op) => SERVERS.map((server) => runs.filter((r) => r.op === op.key && r.server === server && r.set === set)).filter((of) => of.length > 0).map(medianRun));
    const memory = Object.fromEntries(procs.map((p) => [p.label, peakResidentMb(p.pid)]));
    writeReport(s, { started, database, load, graph: census[0], agreements, notes: paging.notes, probes, results: summary('varied'), kept: summary('kept'), fresh: summary('never-repeated'), runs, memory, parameters });
  } finally {
    for (const proc of procs) await proc.stop();
    await database.close();
  }
}

/** Our API with kept answers off: every answer computed. */
const OURS_COMPUTED = 'ours computed';

/**
 * The processes that run a set: for `varied`, ours computed and the others; for `kept`, ours
 * as it serves by default; for `never-repeated`, ours as it serves by default and the others.
 */
function lineup(procs: readonly ServerProcess[], set: RunSet): ServerProcess[] {
  const ours = procs.find((p) => p.label === 'ours');
  const computed = procs.find((p) => p.label === OURS_COMPUTED);
  const others = procs.filter((p) => p.name !== 'ours');
  const first = set === 'varied' ? computed : ours;
  if (set === 'kept') return ours ? [ours] : [];
  return first ? [first, ...others] : others;
}

function logLoad(load: CorpusLoad, loadedNow: boolean): void {
  log(
    `ingest${loadedNow ? '' : ' (when this database was built)'}: ${load.statements} statements, ${load.documents} documents in ${load.seconds.toFixed(1)} s = ` +
      `${Math.round(load.statementsPerSecond)} statements/s (concurrency ${load.concurrency}, ${load.batch ?? 1} per transaction)`,
  );
}

/** The page (f) centres on (parameters.ts draws pages around it), and what the report says of it. */
interface Paging {
  readonly page: number;
  readonly pageSize: number;
  readonly notes: readonly string[];
}

function timedPage(s: Settings, statementNodes: number): Paging {
  const pageOp = OPERATIONS.find((op) => op.key === 'f') as Operation;
  const pageSize = pageOp.first ?? 20;
  // A corpus too small for page 100 (1 000 statements are 50 pages) centres on its last full page.
  const lastFullPage = Math.floor(statementNodes / pageSize);
  const page = Math.min(s.page, lastFullPage);
  if (page < 2) throw new Error(`the graph holds ${statementNodes} statements, too few to page: at least ${2 * pageSize} are needed`);
  const notes = [
    `(f) pages drawn from 2 to ${Math.min(2 * page, lastFullPage)}, each server starting after the statement before the page (ours and the floor from their cursors); ` +
      "the peer is asked for each with its limit/offset list field, since its connection's cursors cannot be made without walking to them",
  ];
  return { page, pageSize, notes };
}

const NO_CURSORS = { ours: null, peer: null, floor: null };

function operationInput(database: BenchDatabase, paging: Paging, op: Operation): OperationInput {
  return {
    probes: database.corpus.probes,
    first: op.first ?? 0,
    after: NO_CURSORS,
    offset: op.key === 'f' ? (paging.page - 1) * paging.pageSize : 0,
    peerByOffset: op.key === 'f',
  };
}

type InputFor = (op: Operation) => OperationInput;

/** How many of the varied sequence the agreement check asks (of the never-repeated, the FRESH_CHECKED no share holds). */
const CHECKED_VARIED = 3;

/** The servers that can ask `op` (operations.ts `servers`). */
const asking = (procs: readonly ServerProcess[], op: Operation): ServerProcess[] => procs.filter((p) => op.servers?.includes(p.name) ?? true);

async function checkAgreements(procs: readonly ServerProcess[], ops: readonly Operation[], parameters: ReadonlyMap<string, ParameterSets>): Promise<Agreement[]> {
  const agreements: Agreement[] = [];
  for (const op of ops) {
    const sets = parameters.get(op.key) as ParameterSets;
    for (const input of [...sets.varied.slice(0, CHECKED_VARIED), ...(sets.fresh?.checked ?? []).slice(0, FRESH_CHECKED)]) {
      const agreement = await checkAgreement(asking(procs, op), op, input);
      agreements.push(agreement);
      const verdict = Object.entries(agreement.agree)
        .map(([name, ok]) => `${name} ${ok ? 'agrees' : 'DIFFERS'}`)
        .join(', ');
      log(`(${op.key}) ${op.name}: ${verdict}${Object.keys(agreement.errors).length > 0 ? ` errors: ${JSON.stringify(agreement.errors).slice(0, 500)}` : ''}`);
    }
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
 * of one, and each round starting with the next server (turnOrder); the tables give the
 * median of the runs. The never-repeated values are timed once per server, after them, each
 * server asking its own share: a value is spent once asked, in the server's answers and in
 * Neo4j's page cache alike.
 */
async function timeAll(procs: readonly ServerProcess[], s: Settings, parameters: ReadonlyMap<string, ParameterSets>): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  for (const op of s.ops) runs.push(...(await timeOperation(procs, op, s, parameters.get(op.key) as ParameterSets)));
  return runs;
}

/**
 * The servers in the order they take their turns in round `round` (from 1): each round starts
 * one further along, so each server in turn is the first to ask a run's parameters (whose
 * pages and compiled code the first one warms for the others) and the median spreads it.
 */
const turnOrder = <T>(procs: readonly T[], round: number): T[] => procs.map((_, i) => procs[(i + round - 1) % procs.length] as T);

/**
 * What is asked once per operation (the request alone, the never-repeated round) starts with
 * the server this operation's place among all operations gives it, so that over the bench
 * each server is the first to meet an operation about as often, whichever operations run.
 */
const onceTurn = (op: Operation): number => OPERATIONS.findIndex((o) => o.key === op.key) + 1;

/** A sequence as one server's request bodies. */
const bodiesOf = (proc: ServerProcess, op: Operation, inputs: readonly OperationInput[]): string[] => inputs.map((input) => JSON.stringify(op.body(proc.name, input)));

/**
 * An operation that takes seconds even alone (paths at 100k) would complete nothing in a
 * 5 s run at 8 connections: it gets one run of SLOW_RUN_SECONDS per server, after a warm-up
 * as long. The warm-up sends the sequence the run then sends from its start, so every
 * server's run meets the same parameters with Neo4j's pages and compiled code as warm as
 * the others found them; without it, the first server in line paid for warming them for
 * the servers after it.
 */
async function timeOperation(all: readonly ServerProcess[], op: Operation, s: Settings, sets: ParameterSets): Promise<RunResult[]> {
  const varied = asking(lineup(all, 'varied'), op);
  const kept = asking(lineup(all, 'kept'), op);
  const runs: RunResult[] = [];
  const alone = new Map<ServerProcess, Sequential>();
  for (const proc of turnOrder([...varied, ...kept], onceTurn(op))) alone.set(proc, await sequential(proc, op, sets.varied[0] as OperationInput));
  // Ours keeping answers is not asked whether it is slow: its first requests are computed.
  const slow = Math.max(...varied.map((p) => (alone.get(p) as Sequential).latencyMs)) > SLOW_MS;
  const slowRun = Math.max(s.duration, SLOW_RUN_SECONDS);
  const timing: Timing = slow ? { duration: slowRun, warmup: slowRun } : { duration: s.duration, warmup: s.warmup };
  const rounds = slow ? 1 : s.repeat;
  log(`(${op.key}) alone: ${[...alone].map(([p, a]) => `${p.label} ${a.latencyMs} ms`).join(', ')}${slow ? ` → one ${timing.duration} s run per server` : ''}`);
  const time = async (proc: ServerProcess, set: RunSet, inputs: readonly OperationInput[], round: number, of: number): Promise<void> => {
    const bodies = bodiesOf(proc, op, sets.varied);
    const asked = { set, bodies: set === 'never-repeated' ? bodiesOf(proc, op, inputs) : bodies, warmBodies: bodies };
    const result = await timeRun(proc, op, asked, s.connections, timing, alone.get(proc) ?? (alone.get(varied[0] as ServerProcess) as Sequential));
    runs.push(result);
    log(
      `(${op.key}) ${op.name} · ${proc.label} · ${set} · run ${round}/${of}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
        `${result.roundTripsPerRequest} round trips/request, ${result.sent} sent of ${result.distinct} distinct, CPU per request server ${result.serverCpuMsPerRequest ?? '–'} ms, Neo4j ${result.neo4jCpuMsPerRequest ?? '–'} ms (its JIT compilers ${result.neo4jJitCpuMsPerRequest ?? '–'}), rss peak ${result.rssPeakMb} MB, errors ${result.errors}, load ${result.loadBefore}→${result.loadAfter}`,
    );
  };
  for (let round = 1; round <= rounds; round += 1) {
    for (const proc of turnOrder(varied, round)) await time(proc, 'varied', sets.varied, round, rounds);
    for (const proc of kept) await time(proc, 'kept', sets.varied, round, rounds);
  }
  const { fresh } = sets;
  if (fresh) {
    // A share belongs to a server's place in the whole lineup, so it does not move with the turns or with the servers an operation leaves out.
    const everyone = lineup(all, 'never-repeated');
    for (const proc of turnOrder(asking(everyone, op), onceTurn(op))) {
      const share = fresh.shares[everyone.indexOf(proc)] ?? [];
      if (share.length > 0) await time(proc, 'never-repeated', share, 1, 1);
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
  /** Computed answers on the varied sequence: the headline. */
  readonly results: readonly RunResult[];
  /** Ours keeping answers, on the same sequence. */
  readonly kept: readonly RunResult[];
  readonly fresh: readonly RunResult[];
  readonly runs: readonly RunResult[];
  /** Each server process's peak resident set over the whole bench, by its label. */
  readonly memory: Readonly<Record<string, number | null>>;
  readonly parameters: ReadonlyMap<string, ParameterSets>;
}

/**
 * Writes bench/results/<variant>.json (everything measured), <variant>.md (computed answers
 * on the varied sequence, beside ours keeping answers) and <variant>-never-repeated.md, and
 * prints the tables.
 */
function writeReport(s: Settings, o: Outcome): void {
  const { database, load, results } = o;
  const neo4jRssMb = database.embedded ? residentMb(database.embedded.pid) : null;
  const report = {
    when: new Date().toISOString(),
    commit: sourceRevision(),
    settings: { ...s, ops: s.ops.map((op) => op.key) },
    machine: machine(database),
    corpus: { statements: s.size, seed: s.seed, probes: database.corpus.probes, counts: load?.counts ?? null, graph: o.graph },
    parameters: Object.fromEntries(
      s.ops.map((op) => {
        const sets = o.parameters.get(op.key) as ParameterSets;
        return [op.key, { varied: sets.varied.length, variedDistinct: distinct(op, sets.varied), neverRepeated: sets.fresh ? { checked: sets.fresh.checked.length, shares: sets.fresh.shares.length, each: sets.fresh.shares[0]?.length ?? 0 } : null }];
      }),
    ),
    ingest: load,
    agreements: o.agreements.map((a) => ({ op: a.op, agree: a.agree, errors: a.errors })),
    notes: o.notes,
    roundTripsByPageSize: o.probes,
    results,
    kept: o.kept,
    neverRepeated: o.fresh,
    runs: o.runs,
    memory: { serverRssPeakMb: o.memory, neo4jRssMb },
    minutes: round((Date.now() - o.started) / 60_000, 1),
  };
  const folder = path.join(projectRoot(), 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  // A run of some operations or servers only never overwrites the results of a full run.
  const partial = s.ops.map((op) => op.key).join() !== HEADLINE_OPERATIONS.map((op) => op.key).join() || s.servers.length < SERVERS.length;
  const variant = `bench-${s.size}${partial ? `-${s.ops.map((op) => op.key).join('')}-${s.servers.join('-')}` : ''}`;
  const file = path.join(folder, `${variant}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const table = tables(results, s.ops, o.kept);
  writeFileSync(path.join(folder, `${variant}.md`), `${table}\n`);
  const freshOps = s.ops.filter((op) => o.parameters.get(op.key)?.fresh);
  const freshTable = tables(o.fresh, freshOps);
  if (freshOps.length > 0) writeFileSync(path.join(folder, `${variant}-never-repeated.md`), `${freshTable}\n`);
  console.log(
    `\n## ${s.size} statements (seed ${s.seed}), ${s.connections} connections, median of ${s.repeat} runs of ${s.duration} s (after ${s.warmup} s warm-up each)\n`,
  );
  console.log(`computed (ours with kept answers off), varied parameters; ours keeping answers beside it:\n${table}`);
  if (freshOps.length > 0) console.log(`\nnever-repeated parameters (ours keeping answers):\n${freshTable}`);
  console.log(`\nserver RSS peak over the whole bench (MB): ${JSON.stringify(report.memory.serverRssPeakMb)}; Neo4j JVM RSS: ${neo4jRssMb ?? 'n/a'} MB`);
  console.log(`results: ${path.relative(projectRoot(), file)} (${report.minutes} min)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
