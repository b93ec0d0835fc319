/**
 * `npm run bench:generate -- --statements 10000 --seed 42 --out DIR [--load] [--concurrency 1] [--batch 100]`
 *
 * Writes the synthetic corpus as ingest documents: DIR/documents/*.json, each a list of
 * documents in load order (so `npm run ingest -- DIR/documents` loads it too), and
 * DIR/manifest.json with the options, the counts and the ids the benchmark asks about.
 * With --load it also loads the corpus into the benchmark's database for that size
 * (.neo4j/bench-<statements>, or NEO4J_URI) and reports statements per second.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleDocument } from '../src/ingest/document';
import { parseOptions, parseSize } from './args';
import { Corpus, type CorpusCounts } from '../src/corpus/corpus';
import { openBenchDatabase } from './database';

const USAGE = 'usage: npm run bench:generate -- --statements 10000 [--seed 42] --out DIR [--load] [--fresh] [--concurrency 1] [--batch 100]';
const FILE_SIZE = 100;

async function main(): Promise<void> {
  const options = parseOptions(
    process.argv.slice(2),
    { statements: 'string', seed: 'number', out: 'string', load: 'flag', fresh: 'flag', concurrency: 'number', batch: 'number' },
    USAGE,
  );
  if (options.statements === undefined || options.out === undefined) throw new Error(USAGE);
  const statements = parseSize(options.statements as string);
  const seed = (options.seed as number | undefined) ?? 42;
  const out = path.resolve(options.out as string);
  const started = Date.now();
  const corpus = new Corpus({ statements, seed });
  const folder = path.join(out, 'documents');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });

  const directory = corpus.directory();
  writeFileSync(path.join(folder, '00000-directory.json'), JSON.stringify(directory));
  const counts = { value: undefined as CorpusCounts | undefined };
  let chunk: ArticleDocument[] = [];
  let files = 1;
  let bytes = 0;
  const flush = (): void => {
    if (chunk.length === 0) return;
    const text = JSON.stringify(chunk);
    bytes += text.length;
    writeFileSync(path.join(folder, `${String(files).padStart(5, '0')}-articles.json`), text);
    files += 1;
    chunk = [];
  };
  for (const document of corpus.articles(counts as { value: CorpusCounts })) {
    chunk.push(document);
    if (chunk.length === FILE_SIZE) flush();
  }
  flush();
  const manifest = { statements, seed, counts: counts.value, probes: corpus.probes, files, generatedIn: `${((Date.now() - started) / 1000).toFixed(1)} s` };
  writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${counts.value?.articles ?? 0} articles + ${directory.length} directory documents (${(bytes / 1e6).toFixed(1)} MB) to ${folder} in ${manifest.generatedIn}`);
  console.log(JSON.stringify(counts.value));

  if (options.load) {
    const database = await openBenchDatabase({
      statements,
      seed,
      fresh: options.fresh === true,
      concurrency: options.concurrency as number | undefined,
      batch: options.batch as number | undefined,
      log: (line) => console.error(line),
    });
    try {
      const load = database.load;
      if (load) {
        console.log(
          `loaded ${load.statements} statements in ${load.documents} documents in ${load.seconds.toFixed(1)} s: ` +
            `${Math.round(load.statementsPerSecond)} statements/s, ${load.documentsPerSecond.toFixed(1)} documents/s (concurrency ${load.concurrency}, ${load.batch} per transaction)`,
        );
      }
    } finally {
      await database.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
