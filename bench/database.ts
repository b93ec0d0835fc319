/**
 * The benchmark's database: its own embedded Neo4j on .neo4j/bench-<size> (or the one
 * NEO4J_URI names), loaded with the corpus of (size, seed) unless it already holds exactly
 * that corpus. A marker file in the data directory records what was loaded; it is written
 * only after the whole load succeeded, so an interrupted load is redone from scratch.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, projectRoot } from '../src/config';
import { applyConstraints } from '../src/db/constraints';
import { cypher } from '../src/db/cypher';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/embedded-neo4j';
import { Neo4jGateway } from '../src/db/gateway';
import { Corpus, type CorpusCounts } from '../src/corpus/corpus';
import { DEFAULT_LOAD, loadCorpus, type LoadReport } from './load';

/** A finished load, as the marker file keeps it. */
export type CorpusLoad = LoadReport & { readonly counts: CorpusCounts };

export interface BenchDatabase {
  readonly uri: string;
  readonly gateway: Neo4jGateway;
  readonly embedded: EmbeddedNeo4j | null;
  readonly corpus: Corpus;
  /** Present when this run loaded the corpus; null when the database already held it. */
  readonly load: CorpusLoad | null;
  /** The load that built the reused database, from its marker file (embedded only). */
  readonly previousLoad: CorpusLoad | null;
  readonly neo4jVersion: string;
  close(): Promise<void>;
}

export interface BenchDatabaseOptions {
  readonly statements: number;
  readonly seed: number;
  /** Drop the data directory and load again. */
  readonly fresh?: boolean;
  /** Write transactions in flight while loading; default DEFAULT_LOAD.concurrency (bench/load.ts). */
  readonly concurrency?: number;
  /** Documents per write transaction while loading; default DEFAULT_LOAD.batch. */
  readonly batch?: number;
  readonly heap?: string;
  readonly pageCache?: string;
  readonly log: (line: string) => void;
}

interface Marker {
  readonly statements: number;
  readonly seed: number;
  readonly load: CorpusLoad;
}

/** A gateway for bulk work: long retries (deadlocks between concurrent loads are transient) and long transactions. */
export function bulkGateway(uri: string): Neo4jGateway {
  const config = loadConfig();
  return Neo4jGateway.connect({ ...config.neo4j, uri }, { maxRetryTimeMs: 60_000, connectionTimeoutMs: 30_000, transactionTimeoutMs: 120_000 });
}

export function benchDataDir(statements: number): string {
  return path.join(projectRoot(), '.neo4j', `bench-${statements}`);
}

export async function openBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const corpus = new Corpus({ statements: options.statements, seed: options.seed });
  const config = loadConfig();
  const dataDir = benchDataDir(options.statements);
  const markerFile = path.join(dataDir, 'bench-corpus.json');
  let embedded: EmbeddedNeo4j | null = null;
  let uri = config.neo4j.uri;
  if (uri === null) {
    if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedNeo4j({
      dataDir,
      heap: options.heap ?? '2g',
      pageCache: options.pageCache ?? '1g',
      log: (line) => options.log(`[neo4j] ${line}`),
    });
    uri = embedded.uri;
  }
  const gateway = bulkGateway(uri);
  const close = async (): Promise<void> => {
    await gateway.close();
    await embedded?.stop();
  };
  try {
    await gateway.verify();
    await applyConstraints(gateway);
    const versionRow = await gateway.read(cypher('CALL dbms.components() YIELD versions RETURN versions[0] AS version'));
    const neo4jVersion = String(versionRow[0]?.version ?? embedded?.version ?? 'unknown');

    const marker = existsSync(markerFile) ? (JSON.parse(readFileSync(markerFile, 'utf8')) as Marker) : null;
    const directory = corpus.directory();
    const lastArticle = await lastArticleId(corpus);
    const present = (await gateway.read(cypher('MATCH (a:Article {id: $id}) RETURN count(a) AS n', { id: lastArticle })))[0]?.n === 1;
    const matches = present && (embedded === null || (marker?.statements === options.statements && marker.seed === options.seed));
    if (matches) {
      options.log(`database already holds the corpus of ${options.statements} statements, seed ${options.seed}: reusing it`);
      return { uri, gateway, embedded, corpus, load: null, previousLoad: marker?.load ?? null, neo4jVersion, close };
    }
    const articles = (await gateway.read(cypher('MATCH (a:Article) RETURN count(a) AS n')))[0]?.n as number;
    if (articles > 0) {
      throw new Error(
        embedded
          ? `${dataDir} holds another corpus (${articles} articles); run with --fresh to rebuild it`
          : `the database at NEO4J_URI holds ${articles} articles but not this corpus; point NEO4J_URI at an empty database`,
      );
    }
    options.log(
      `loading ${options.statements} statements (seed ${options.seed}) through ingestBatch: ` +
        `${options.concurrency ?? DEFAULT_LOAD.concurrency} transactions at a time, ${options.batch ?? DEFAULT_LOAD.batch} document(s) each`,
    );
    const counts = { value: undefined as CorpusCounts | undefined };
    const report = await loadCorpus(gateway, directory, corpus.articles(counts as { value: CorpusCounts }), {
      concurrency: options.concurrency,
      batch: options.batch,
      expectedStatements: options.statements,
    });
    await gateway.write((tx) => tx.run(cypher('CALL db.awaitIndexes(600)')));
    const load: CorpusLoad = { ...report, counts: counts.value as CorpusCounts };
    if (embedded) writeFileSync(markerFile, `${JSON.stringify({ statements: options.statements, seed: options.seed, load } satisfies Marker, null, 2)}\n`);
    return { uri, gateway, embedded, corpus, load, previousLoad: null, neo4jVersion, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** The id of the corpus's last article: present only when a load ran to the end. */
async function lastArticleId(corpus: Corpus): Promise<string> {
  let last = '';
  for (const document of corpus.articles()) last = document.article.id ?? '';
  return last;
}
