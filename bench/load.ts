/**
 * `npm run bench:load`: the bench's load step alone. Rebuilds the benchmark's own Neo4j for
 * the corpus of (size, seed) and loads it as `npm run bench -- --fresh` does, then prints
 * the load's wall time and the CPU seconds of the loader and of the Neo4j JVM, its phases, and
 * the start-up before it (Neo4j's start, the schema, the writer's rehearsal: not counted), and stops.
 *
 * With `--again`, the graph is then emptied and the corpus loaded a second time into the same
 * Neo4j, whose JVM has by then compiled what a load runs: the second line is a warm JVM's load,
 * printed under the fresh one's, which stays the load the bench counts.
 *
 *   npm run bench:load -- --size 100000 [--seed 42] [--ingest-concurrency 1] [--ingest-batch 100] [--again]
 */
import { DEFAULT_LOAD, deferIndexesIfEmpty, type LoadReport } from '../src/ingest/bulk-load';
import { rehearseWriter } from '../src/ingest/rehearsal';
import { cypher } from '../src/db/cypher';
import { parseOptions, parseSize } from './args';
import { loadCorpus, openBenchDatabase, type BenchDatabase, type CorpusLoad, type LoadCpu } from './database';
import { log, secondsText } from './log';

const USAGE = 'usage: npm run bench:load -- [--size 10000] [--seed 42] [--ingest-concurrency 1] [--ingest-batch 100] [--again]';

/** Relationships, then nodes, deleted per transaction while the graph is emptied for `--again`. */
const EMPTY_CHUNK = 20_000;
const DELETE_RELATIONSHIPS = 'MATCH ()-[r]->() WITH r LIMIT toInteger($chunk) DELETE r RETURN count(*) AS deleted';
const DELETE_NODES = 'MATCH (n) WITH n LIMIT toInteger($chunk) DELETE n RETURN count(*) AS deleted';

async function main(): Promise<void> {
  const o = parseOptions(
    process.argv.slice(2),
    { size: 'string', seed: 'number', 'ingest-concurrency': 'number', 'ingest-batch': 'number', again: 'flag' },
    USAGE,
  );
  const opening = process.hrtime.bigint();
  const loadOptions = {
    concurrency: (o['ingest-concurrency'] as number | undefined) ?? DEFAULT_LOAD.concurrency,
    batch: (o['ingest-batch'] as number | undefined) ?? DEFAULT_LOAD.batch,
  };
  const database = await openBenchDatabase({
    statements: parseSize((o.size as string | undefined) ?? '10000'),
    seed: (o.seed as number | undefined) ?? 42,
    fresh: true,
    loadOnly: true,
    ...loadOptions,
    log,
  });
  try {
    // The load runs inside the opening; what came before it (Neo4j's start, the schema, the writer's rehearsal) is the rest.
    const load = database.load as CorpusLoad;
    const startUp = Number(process.hrtime.bigint() - opening) / 1e9 - load.seconds;
    console.log(`${summary(load, load.cpuSeconds)}; outside the load (Neo4j's start, the schema, the writer's rehearsal) ${startUp.toFixed(1)} s`);
    if (o.again === true) {
      const again = await loadAgain(database, loadOptions);
      console.log(`again, into the same JVM after emptying the graph: ${summary(again.report, again.cpu)}`);
    }
  } finally {
    await database.close();
  }
}

/** Empties the graph and loads the corpus again as openBenchDatabase did, in the same Neo4j, with its CPU seconds. */
async function loadAgain(database: BenchDatabase, options: { concurrency: number; batch: number }): Promise<{ report: LoadReport; cpu: LoadCpu }> {
  const { gateway, corpus } = database;
  // Relationships first, then the nodes, in chunks: a popular speaker's node alone holds thousands.
  for (const query of [DELETE_RELATIONSHIPS, DELETE_NODES]) {
    for (;;) {
      const [deleted] = await gateway.write((tx) => tx.run(cypher(query, { chunk: EMPTY_CHUNK })));
      if (deleted?.deleted === 0) break;
    }
  }
  // As the fresh load's start-up did (openDatabase with bulkLoad): the indexes go, then the writer is
  // rehearsed, so that neither is counted in this load where it was not in the fresh one.
  await deferIndexesIfEmpty(gateway);
  await rehearseWriter(gateway);
  return loadCorpus(database, corpus, options);
}

function summary(load: LoadReport, cpu: LoadCpu | null): string {
  return [
    `${load.statements} statements, ${load.documents} documents in ${load.seconds.toFixed(1)} s: ${Math.round(load.statementsPerSecond)} statements/s`,
    `(${load.batch} documents a transaction, ${load.concurrency} at a time)`,
    `CPU: loader ${secondsText(cpu?.loader)}, Neo4j ${secondsText(cpu?.neo4j)} (its JIT compiler threads ${secondsText(cpu?.jit)})`,
    `phases: ready ${secondsText(load.phases?.ready)}, first batch ${secondsText(load.phases?.firstBatch)}, batches ${secondsText(load.phases?.batches)}, indexes ${secondsText(load.phases?.indexes)}`,
  ].join('; ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
