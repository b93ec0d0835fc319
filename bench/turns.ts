/**
 * `node dist/bench/turns.js --size 100000 --ops f`: server processes taking turns over one warm
 * Neo4j, for A/B comparisons inside one run on a shared machine, where only ratios from the
 * same run mean anything. Each process is a server with node flags of its own (`--flags`,
 * sets separated by `|`, '' for none) and, for ours, optionally a second build
 * (`--baseline <another worktree's dist/bench>`); ours always computes its answers
 * (ANSWER_CACHE_SIZE=0). Every process is warmed up at length once, then each round times
 * every process on the bench's varied sequence, the order moving one place each round. It
 * prints each run, then per process the medians of requests a second and of server and
 * Neo4j CPU a request, and each process's rate over the floor's with the same flags, round
 * by round (the median of those ratios).
 */
import { parseOptions, parseSize } from './args';
import { openBenchDatabase, statementCount } from './database';
import { log } from './log';
import { median, round, timeRun, type RunResult } from './measure';
import { OPERATIONS, type Operation, type OperationInput, type Server } from './operations';
import { drawParameters } from './parameters';
import { ServerProcess } from './server-process';

const USAGE =
  "usage: node dist/bench/turns.js [--size 100000] [--ops f] [--servers ours,floor] [--flags '--max-semi-space-size=32|'] [--baseline <dist/bench of another build>] [--rounds 6] [--duration 5] [--warmup 2] [--first-warmup 20] [--connections 8]";

interface Turn {
  readonly proc: ServerProcess;
  readonly flags: string;
}

async function main(): Promise<void> {
  const o = parseOptions(
    process.argv.slice(2),
    { size: 'string', ops: 'string', servers: 'string', flags: 'string', baseline: 'string', rounds: 'number', duration: 'number', warmup: 'number', 'first-warmup': 'number', connections: 'number' },
    USAGE,
  );
  const size = parseSize((o.size as string | undefined) ?? '100000');
  const ops = ((o.ops as string | undefined) ?? 'f').split(',').map((key) => OPERATIONS.find((op) => op.key === key) ?? fail(`unknown operation ${key}`));
  const servers = ((o.servers as string | undefined) ?? 'ours,floor').split(',') as Server[];
  const flagSets = ((o.flags as string | undefined) ?? '--max-semi-space-size=32|').split('|').map((set) => set.trim());
  const baseline = o.baseline as string | undefined;
  const rounds = (o.rounds as number | undefined) ?? 6;
  const timing = { duration: (o.duration as number | undefined) ?? 5, warmup: (o.warmup as number | undefined) ?? 2 };
  const firstWarmup = (o['first-warmup'] as number | undefined) ?? 20;
  const connections = (o.connections as number | undefined) ?? 8;

  const database = await openBenchDatabase({ statements: size, seed: 42, fresh: false, log });
  const turns: Turn[] = [];
  try {
    for (const flags of flagSets) {
      const asFlags = flags.split(' ').filter((flag) => flag !== '');
      for (const server of servers) {
        const env: Record<string, string> = server === 'ours' ? { ANSWER_CACHE_SIZE: '0' } : {};
        turns.push({ proc: await ServerProcess.start(server, database, { label: `${server} [${flags}]`, env, flags: asFlags }), flags });
        if (server === 'ours' && baseline) {
          turns.push({ proc: await ServerProcess.start(server, database, { label: `ours@baseline [${flags}]`, env, flags: asFlags, build: baseline }), flags });
        }
      }
    }
    log(`processes: ${turns.map((t) => `${t.proc.label} (pid ${t.proc.pid})`).join(', ')}`);
    const statements = await statementCount(database);
    const base = (op: Operation): OperationInput => ({
      probes: database.corpus.probes,
      first: op.first ?? 0,
      after: { ours: null, peer: null, floor: null },
      offset: op.key === 'f' ? 99 * (op.first ?? 20) : 0,
      peerByOffset: op.key === 'f',
    });
    const parameters = await drawParameters(database, ops, base, 42, Math.min(100, Math.floor(statements / 20)), statements);
    for (const op of ops) {
      const varied = parameters.get(op.key)?.varied ?? [];
      const bodies = (proc: ServerProcess): string[] => varied.map((input) => JSON.stringify(op.body(proc.name, input)));
      const alone = { roundTrips: 1, latencyMs: 0 };
      const run = (proc: ServerProcess, duration: number, warmup: number): Promise<RunResult> =>
        timeRun(proc, op, { set: 'varied', bodies: bodies(proc), warmBodies: bodies(proc) }, connections, { duration, warmup }, alone);
      const results = new Map<Turn, RunResult[]>(turns.map((t) => [t, []]));
      const answered = new Map<Turn, number>();
      for (const t of turns) answered.set(t, (await run(t.proc, firstWarmup, 0)).requests);
      for (let r = 0; r < rounds; r += 1) {
        for (let i = 0; i < turns.length; i += 1) {
          const t = turns[(i + r) % turns.length] as Turn;
          const result = await run(t.proc, timing.duration, timing.warmup);
          results.get(t)?.push(result);
          answered.set(t, (answered.get(t) ?? 0) + result.requests);
          log(`(${op.key}) round ${r + 1} ${t.proc.label}: ${result.requestsPerSecond} req/s, server ${result.serverCpuMsPerRequest} ms, Neo4j ${result.neo4jCpuMsPerRequest} ms a request, errors ${result.errors}, load ${result.loadBefore}`);
        }
      }
      summarise(op, turns, results);
      // With --warmup 0, every request a process answered: what a profile of it (--cpu-prof in --flags) divides by.
      console.log(`requests answered in timed runs and first warm-ups: ${turns.map((t) => `${t.proc.label} ${answered.get(t) ?? 0}`).join(', ')}`);
    }
  } finally {
    for (const t of turns) await t.proc.stop();
    await database.close();
  }
}

function summarise(op: Operation, turns: readonly Turn[], results: ReadonlyMap<Turn, readonly RunResult[]>): void {
  const of = (t: Turn): readonly RunResult[] => results.get(t) ?? [];
  const mid = (values: readonly (number | null)[]): number => round(median(values.filter((v): v is number => v !== null)), 3);
  console.log(`\n(${op.key}) ${op.name}: medians over the rounds; rate / floor's with the same flags, round by round`);
  for (const t of turns) {
    const floor = turns.find((other) => other.proc.name === 'floor' && other.flags === t.flags);
    const ratios = floor ? of(t).map((result, i) => result.requestsPerSecond / (of(floor)[i]?.requestsPerSecond ?? Number.NaN)) : [];
    const cpuRatios = floor ? of(t).map((result, i) => (result.serverCpuMsPerRequest ?? Number.NaN) / (of(floor)[i]?.serverCpuMsPerRequest ?? Number.NaN)) : [];
    // A process that answered errors is not comparable: its rate would read as speed.
    const errors = of(t).reduce((sum, r) => sum + r.errors, 0);
    console.log(
      (errors > 0 ? `NOT COMPARABLE, ${errors} errors: ` : '') +
      `${t.proc.label.padEnd(44)} ${String(mid(of(t).map((r) => r.requestsPerSecond))).padStart(8)} req/s  server ${mid(of(t).map((r) => r.serverCpuMsPerRequest))} ms  Neo4j ${mid(of(t).map((r) => r.neo4jCpuMsPerRequest))} ms` +
        (floor && floor !== t ? `  rate/floor ${mid(ratios)} (${ratios.map((x) => x.toFixed(2)).join(' ')})  server CPU/floor ${mid(cpuRatios)}` : ''),
    );
  }
}

function fail(message: string): never {
  throw new Error(message);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
