/**
 * The test environment when NKG_TEST_COSTS names a file (jest.config.js): Node's, plus one
 * JSON line per test file appended to that file, between the file's setup and its teardown
 * (after its last afterAll):
 * - worker: the Jest worker that ran the file (JEST_WORKER_ID), so the files of each worker
 *   can be laid end to end and its idle time found;
 * - startedAt (epoch milliseconds) and wallSeconds;
 * - cpuSeconds: what the worker process and everything it started (a Neo4j of the file's own,
 *   Chromium, commands run from source) spent. A jest worker runs one file at a time, so the
 *   worker's process tree is the file's;
 * - neo4jSeconds: what the worker's shared Neo4j JVMs (the story database, which both workers
 *   share, and the worker's scratch one, which global setup started) spent meanwhile: this
 *   file's queries, and those the other worker's file asked of the story meanwhile.
 * global-teardown.ts adds a line with all the shared JVMs spent, start and seeding included;
 * test/helpers/costs.mjs prints the table. Linux only: CPU times come from /proc.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment as NodeEnvironment } from 'jest-environment-node';
import { sharedNeo4j, workersOwn } from './run-neo4j';

const TICKS_PER_SECOND = 100;

/** Parent pid and CPU seconds (its own and those of the children it has waited for) from a /proc/PID/stat line. */
function parseStat(stat: string): [number, number] {
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  return [Number(fields[1]), ticks / TICKS_PER_SECOND];
}

const readStat = (pid: number | string): string | null => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
};

/** CPU seconds a live process has spent so far, with its reaped children (0 when it is gone). */
export function cpuSeconds(pid: number): number {
  const stat = readStat(pid);
  return stat === null ? 0 : parseStat(stat)[1];
}

/** What a JVM's threads spent, by kind: the JIT's compiler threads, the garbage collector's, and the rest (Neo4j's work). */
export interface JvmThreadSeconds {
  compiler: number;
  gc: number;
  other: number;
}

const COMPILER_THREAD = /^C[12] CompilerThre/;
/** G1's workers, or the VM thread, which runs the serial collector's pauses (and other safepoints, which are few). */
const GC_THREAD = /^(GC Thread|G1 |VM Thread)/;

/** CPU seconds of a live JVM's threads by kind (all 0 when it is gone), from /proc/PID/task. */
export function jvmThreadSeconds(pid: number): JvmThreadSeconds {
  const seconds: JvmThreadSeconds = { compiler: 0, gc: 0, other: 0 };
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return seconds;
  }
  for (const task of tasks) {
    const stat = readStat(`${pid}/task/${task}`);
    if (stat === null) continue;
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    seconds[COMPILER_THREAD.test(name) ? 'compiler' : GC_THREAD.test(name) ? 'gc' : 'other'] += cpu;
  }
  return seconds;
}

/**
 * The Neo4j JVMs global setup started that serve this worker: the story's, which every worker
 * shares, and the worker's scratch one. Waits for them to be ready (run-neo4j.ts), as the
 * file's own setup would; none for a project without Neo4j.
 */
function sharedPids(usesNeo4j: boolean): number[] {
  const shared = usesNeo4j ? sharedNeo4j() : null;
  if (!shared) return [];
  return [shared.story.pid, workersOwn(shared.scratch)?.pid ?? 0].filter((pid) => pid > 0);
}

/** CPU seconds of `root` and every live descendant, each with its reaped children, leaving out the shared JVMs. */
function treeCpuSeconds(root: number, shared: readonly number[]): number {
  const table = new Map<number, [number, number]>();
  for (const name of readdirSync('/proc')) {
    const stat = /^\d+$/.test(name) ? readStat(name) : null;
    if (stat !== null) table.set(Number(name), parseStat(stat));
  }
  const children = new Map<number, number[]>();
  for (const [pid, [parent]] of table) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    if (shared.includes(pid)) continue;
    total += table.get(pid)?.[1] ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export default class CostEnvironment extends NodeEnvironment {
  private readonly file: string;
  private readonly project: string;
  private readonly usesNeo4j: boolean;
  private shared: number[] = [];
  private started = 0;
  private cpuAtStart = 0;
  private neo4jAtStart = 0;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.file = path.relative(config.projectConfig.rootDir, context.testPath);
    this.project = config.projectConfig.displayName?.name ?? '';
    this.usesNeo4j = Boolean(config.projectConfig.globalSetup);
  }

  private neo4jSeconds(): number {
    return this.shared.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  }

  override async setup(): Promise<void> {
    this.shared = sharedPids(this.usesNeo4j);
    this.started = Date.now();
    this.cpuAtStart = treeCpuSeconds(process.pid, this.shared);
    this.neo4jAtStart = this.neo4jSeconds();
    await super.setup();
  }

  override async teardown(): Promise<void> {
    await super.teardown();
    const line = {
      project: this.project,
      file: this.file,
      worker: process.env.JEST_WORKER_ID ?? '',
      startedAt: this.started,
      wallSeconds: (Date.now() - this.started) / 1000,
      cpuSeconds: Number((treeCpuSeconds(process.pid, this.shared) - this.cpuAtStart).toFixed(2)),
      neo4jSeconds: Number((this.neo4jSeconds() - this.neo4jAtStart).toFixed(2)),
    };
    appendFileSync(process.env.NKG_TEST_COSTS as string, `${JSON.stringify(line)}\n`);
  }
}
