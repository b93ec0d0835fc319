/**
 * `npm run bench:load`: the bench's load step alone. Rebuilds the benchmark's own Neo4j for
 * the corpus of (size, seed) and loads it as `npm run bench -- --fresh` does, then prints
 * the load's wall time and the CPU seconds of the loader and of the Neo4j JVM, its phases, and
 * the start-up before it (Neo4j's start, the schema, the writer's rehearsal: not counted), and stops.
 *
 *   npm run bench:load -- --size 100000 [--seed 42] [--ingest-concurrency 1] [--ingest-batch 100]
 */
import { DEFAULT_LOAD } from '../src/ingest/bulk-load';
import { parseOptions, parseSize } from './args';
import { openBenchDatabase, type CorpusLoad } from './database';
import { log } from './log';

const USAGE = 'usage: npm run bench:load -- [--size 10000] [--seed 42] [--ingest-concurrency 1] [--ingest-batch 100]';

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2), { size: 'string', seed: 'number', 'ingest-concurrency': 'number', 'ingest-batch': 'number' }, USAGE);
  const opening = process.hrtime.bigint();
  const database = await openBenchDatabase({
    statements: parseSize((o.size as string | undefined) ?? '10000'),
    seed: (o.seed as number | undefined) ?? 42,
    fresh: true,
    concurrency: (o['ingest-concurrency'] as number | undefined) ?? DEFAULT_LOAD.concurrency,
    batch: (o['ingest-batch'] as number | undefined) ?? DEFAULT_LOAD.batch,
    log,
  });
  try {
    // The load runs inside the opening; what came before it (Neo4j's start, the schema, the writer's rehearsal) is the rest.
    const load = database.load as CorpusLoad;
    const startUp = Number(process.hrtime.bigint() - opening) / 1e9 - load.seconds;
    console.log(`${summary(load)}; outside the load (Neo4j's start, the schema, the writer's rehearsal) ${startUp.toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

function summary(load: CorpusLoad): string {
  const cpu = load.cpuSeconds;
  const seconds = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : `${value.toFixed(1)} s`);
  return [
    `${load.statements} statements, ${load.documents} documents in ${load.seconds.toFixed(1)} s: ${Math.round(load.statementsPerSecond)} statements/s`,
    `(${load.batch} documents a transaction, ${load.concurrency} at a time)`,
    `CPU: loader ${seconds(cpu?.loader)}, Neo4j ${seconds(cpu?.neo4j)} (its JIT compiler threads ${seconds(cpu?.jit)})`,
    `phases: ready ${seconds(load.phases?.ready)}, first batch ${seconds(load.phases?.firstBatch)}, batches ${seconds(load.phases?.batches)}, indexes ${seconds(load.phases?.indexes)}`,
  ].join('; ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
