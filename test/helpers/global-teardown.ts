import { appendFileSync, rmSync } from 'node:fs';
import { cpuSeconds, jvmThreadSeconds } from './cost-environment';
import { plansFile, writePlans } from './plan-counts';

export default async function globalTeardown(): Promise<void> {
  // A run whose files all ended before the JVMs were ready (the unit files alone, or a failed run) stops them once they are.
  const run = await globalThis.__TEST_NEO4J__;
  const shared = run ? [['story', run.story] as const, ...run.scratch.map((d, i) => [`scratch ${i + 1}`, d] as const)] : [];
  const costs = process.env.NKG_TEST_COSTS;
  if (costs && run) {
    // All the run's shared Neo4j JVMs (global-setup.ts) spent: start, seeding, and every file's queries.
    const jvms = shared.map(([jvm, database]) => [jvm, database.embedded?.pid ?? 0] as const).filter(([, pid]) => pid > 0);
    const pids = jvms.map(([, pid]) => pid);
    // Each JVM's own share, to judge the flags of a long-lived JVM (the story's) against a scratch one's.
    const byJvm = Object.fromEntries(jvms.map(([jvm, pid]) => [jvm, Number(cpuSeconds(pid).toFixed(2))]));
    const cpu = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    // How much of it the JIT and the garbage collector took (threads still alive), to judge the test JVMs' flags by.
    const threads = pids.map(jvmThreadSeconds);
    const total = (kind: 'compiler' | 'gc'): number => Number(threads.reduce((sum, t) => sum + t[kind], 0).toFixed(2));
    const line = { project: 'global', file: `shared Neo4j JVMs (${pids.length})`, wallSeconds: 0, cpuSeconds: Number(cpu.toFixed(2)), neo4jSeconds: 0, compilerSeconds: total('compiler'), gcSeconds: total('gc'), byJvm };
    appendFileSync(costs, `${JSON.stringify(line)}\n`);
  }
  const plans = plansFile();
  if (plans) for (const [jvm, database] of shared) await writePlans(database.gateway.driver, jvm, plans);
  await Promise.all([run?.story.close(), ...(run?.scratch ?? []).map((scratch) => scratch.stop())]);
  const dataDir = globalThis.__TEST_DATA_DIR__;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
