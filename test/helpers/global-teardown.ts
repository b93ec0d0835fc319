import { appendFileSync, rmSync } from 'node:fs';
import { cpuSeconds, jvmThreadSeconds } from './cost-environment';
import { plansFile, writePlans } from './plan-counts';
import { SCRATCH_PIDS_VARIABLE, STORY_PIDS_VARIABLE } from './worker-neo4j';

export default async function globalTeardown(): Promise<void> {
  const costs = process.env.NKG_TEST_COSTS;
  if (costs) {
    // All the run's shared Neo4j JVMs (global-setup.ts) spent: start, seeding, and every file's queries.
    const pids = [STORY_PIDS_VARIABLE, SCRATCH_PIDS_VARIABLE].flatMap((variable) => (process.env[variable] ?? '').split(' ').filter(Boolean).map(Number));
    const cpu = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    // How much of it the JIT and the garbage collector took (threads still alive), to judge the test JVMs' flags by.
    const threads = pids.map(jvmThreadSeconds);
    const total = (kind: 'compiler' | 'gc'): number => Number(threads.reduce((sum, t) => sum + t[kind], 0).toFixed(2));
    const line = { project: 'global', file: `shared Neo4j JVMs (${pids.length})`, wallSeconds: 0, cpuSeconds: Number(cpu.toFixed(2)), neo4jSeconds: 0, compilerSeconds: total('compiler'), gcSeconds: total('gc') };
    appendFileSync(costs, `${JSON.stringify(line)}\n`);
  }
  const plans = plansFile();
  if (plans) {
    const shared = [...(globalThis.__TEST_DATABASES__ ?? []).map((d, i) => [`story ${i + 1}`, d] as const), ...(globalThis.__TEST_SCRATCH_NEO4J__ ?? []).map((d, i) => [`scratch ${i + 1}`, d] as const)];
    for (const [jvm, database] of shared) await writePlans(database.gateway.driver, jvm, plans);
  }
  await Promise.all([...(globalThis.__TEST_DATABASES__ ?? []).map((database) => database.close()), ...(globalThis.__TEST_SCRATCH_NEO4J__ ?? []).map((scratch) => scratch.stop())]);
  const dataDir = process.env.NKG_TEST_DATA_DIR;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
