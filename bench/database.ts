/**
 * The benchmark's database: its own embedded Neo4j on .neo4j/bench-<size> (or the one
 * NEO4J_URI names), loaded with the corpus of (size, seed) unless it already holds exactly
 * that corpus. A marker file in the data directory records what was loaded; it is written
 * only after the whole load succeeded, so an interrupted load is redone from scratch.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, projectRoot, type Config } from '../src/config';
import { openDatabase, type Database } from '../src/db/connect';
import { cypher } from '../src/db/cypher';
import { bulkLoad, DEFAULT_LOAD, type LoadReport } from '../src/ingest/bulk-load';
import { Corpus, type CorpusCounts } from '../src/corpus/corpus';

/**
 * A finished load, as the marker file keeps it, with the CPU time the loader (this Node
 * process) and the Neo4j JVM spent on it: on a shared machine wall time moves with the
 * neighbours, CPU time much less.
 */
export type CorpusLoad = LoadReport & { readonly counts: CorpusCounts; readonly cpuSeconds: LoadCpu | null };

export interface LoadCpu {
  readonly loader: number;
  /** Null when the JVM's /proc entry cannot be read (a Neo4j at NEO4J_URI, or not Linux). */
  readonly neo4j: number | null;
  /** Of `neo4j`, the JIT compiler threads' (compilerCpuSince); absent in markers written before it. */
  readonly jit?: number | null;
}

/** The database (src/db/connect.ts) with the corpus it holds. */
export interface BenchDatabase extends Database {
  readonly corpus: Corpus;
  /** Present when this run loaded the corpus; null when the database already held it. */
  readonly load: CorpusLoad | null;
  /** The load that built the reused database, from its marker file (embedded only). */
  readonly previousLoad: CorpusLoad | null;
  readonly neo4jVersion: string;
}

export interface BenchDatabaseOptions {
  readonly statements: number;
  readonly seed: number;
  /** Drop the data directory and load again. */
  readonly fresh?: boolean;
  /** Write transactions in flight while loading; default DEFAULT_LOAD.concurrency (src/ingest/bulk-load.ts). */
  readonly concurrency?: number;
  /** Documents per write transaction while loading; default DEFAULT_LOAD.batch. */
  readonly batch?: number;
  readonly heap?: string;
  readonly pageCache?: string;
  /** The Neo4j started here only loads and stops (bench:load): its JVM takes the collector for that (src/db/connect.ts `loadOnly`). */
  readonly loadOnly?: boolean;
  readonly log: (line: string) => void;
}

interface Marker {
  readonly statements: number;
  readonly seed: number;
  readonly load: CorpusLoad;
}

/**
 * The configuration for bulk work: long retries (deadlocks between concurrent loads are
 * transient) and long transactions, on the bench's own data directory, with a larger heap.
 */
function benchConfig(options: BenchDatabaseOptions): Config {
  const config = loadConfig();
  return {
    ...config,
    embedded: { ...config.embedded, dataDir: benchDataDir(options.statements), port: 0, heap: options.heap ?? '2g', pageCache: options.pageCache ?? '1g' },
    timeouts: { ...config.timeouts, retryMs: 60_000, connectionMs: 30_000, transactionMs: 120_000 },
  };
}

/** How many statements the loaded graph holds: what the bench tools size their draws and reports by. */
export const COUNT_STATEMENTS = 'MATCH (s:Statement) RETURN count(s) AS n';

/** The number of statements the bench graph holds. */
export async function statementCount(database: Database): Promise<number> {
  return Number((await database.gateway.read({ cypher: COUNT_STATEMENTS, params: {} }))[0]?.n ?? 0);
}

export function benchDataDir(statements: number): string {
  return path.join(projectRoot(), '.neo4j', `bench-${statements}`);
}

export async function openBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const corpus = new Corpus({ statements: options.statements, seed: options.seed });
  const config = benchConfig(options);
  const dataDir = config.embedded.dataDir;
  const markerFile = path.join(dataDir, 'bench-corpus.json');
  if (config.neo4j.uri === null && options.fresh) rmSync(dataDir, { recursive: true, force: true });
  const database: Database = await openDatabase(config, { log: (line) => options.log(`[neo4j] ${line}`), rehearseWriter: true, bulkLoad: true, loadOnly: options.loadOnly });
  const { uri, gateway, embedded, close, health } = database;
  try {
    const versionRow = await gateway.read(cypher('CALL dbms.components() YIELD versions RETURN versions[0] AS version'));
    const neo4jVersion = String(versionRow[0]?.version ?? embedded?.version ?? 'unknown');

    const marker = existsSync(markerFile) ? (JSON.parse(readFileSync(markerFile, 'utf8')) as Marker) : null;
    const lastArticle = await lastArticleId(corpus);
    const present = (await gateway.read(cypher('MATCH (a:Article {id: $id}) RETURN count(a) AS n', { id: lastArticle })))[0]?.n === 1;
    const matches = present && (embedded === null || (marker?.statements === options.statements && marker.seed === options.seed));
    if (matches) {
      options.log(`database already holds the corpus of ${options.statements} statements, seed ${options.seed}: reusing it`);
      return { uri, gateway, embedded, health, corpus, load: null, previousLoad: marker?.load ?? null, neo4jVersion, close };
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
    const { report, cpu } = await loadCorpus(database, corpus, options, counts as { value: CorpusCounts });
    const load: CorpusLoad = { ...report, counts: counts.value as CorpusCounts, cpuSeconds: cpu };
    if (embedded) writeFileSync(markerFile, `${JSON.stringify({ statements: options.statements, seed: options.seed, load } satisfies Marker, null, 2)}\n`);
    return { uri, gateway, embedded, health, corpus, load, previousLoad: null, neo4jVersion, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/**
 * Loads the corpus into an empty graph through the product's bulk loader, until every index
 * is online, with the CPU seconds it took: the bench's load, and `bench:load --again`'s.
 */
export async function loadCorpus(
  database: Pick<Database, 'gateway' | 'embedded'>,
  corpus: Corpus,
  options: { readonly concurrency?: number; readonly batch?: number },
  counts?: { value: CorpusCounts },
): Promise<{ report: LoadReport; cpu: LoadCpu }> {
  const cpu = cpuClock(database.embedded?.pid ?? null);
  const report = await bulkLoad(database.gateway, corpus.articles(counts), {
    firstBatch: corpus.directory(),
    concurrency: options.concurrency,
    batch: options.batch,
    progress: { total: corpus.options.statements, unit: 'statements' },
  });
  await database.gateway.write((tx) => tx.run(cypher('CALL db.awaitIndexes(600)')));
  return { report, cpu: cpu() };
}

/** Starts counting CPU seconds of this process and of `pid`; the function returned reads them. */
function cpuClock(pid: number | null): () => LoadCpu {
  const loader = process.cpuUsage();
  const neo4j = processCpuSince(pid);
  const jit = compilerCpuSince(pid);
  return () => {
    const used = process.cpuUsage(loader);
    return { loader: (used.user + used.system) / 1e6, neo4j: neo4j(), jit: jit() };
  };
}

/**
 * Starts a clock of readings taken by `read` (null: none); the function returned gives the
 * seconds `spent` makes of the first reading and the latest, or null when either is missing.
 */
function clockSince<T>(read: (() => T | null) | null, spent: (before: T, now: T) => number): () => number | null {
  const before = read?.() ?? null;
  return () => {
    const now = read?.() ?? null;
    return now === null || before === null ? null : spent(before, now);
  };
}

/** Starts a clock of the CPU seconds of process `pid` (null: none); the function returned gives the seconds since, or null. */
export const processCpuSince = (pid: number | null): (() => number | null) =>
  clockSince(pid === null ? null : () => processCpuSeconds(pid), (before, now) => now - before);

/** User and system CPU seconds of a process, from /proc/<pid>/stat. */
function processCpuSeconds(pid: number): number | null {
  try {
    return cpuSecondsOf(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** User and system CPU seconds in the text of a /proc stat file (fields 14 and 15, in clock ticks). */
function cpuSecondsOf(stat: string): number {
  // The command name (field 2) may hold spaces; the fields after it are counted from its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/**
 * User and system CPU seconds of each of a JVM's JIT compiler threads (HotSpot names them
 * "C1 CompilerThread…" and "C2 CompilerThread…"), by thread id, from /proc/<pid>/task:
 * compiling goes on for minutes after a JVM starts, at a rate that follows time rather than
 * requests, so a run's Neo4j CPU per request holds a share of it that says nothing of the
 * queries asked.
 */
function compilerThreadSeconds(pid: number): Map<string, number> | null {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  const seconds = new Map<string, number>();
  for (const tid of tids) {
    // HotSpot starts and ends compiler threads as the work comes and goes: one may be gone by now.
    const stat = readIfThere(`/proc/${pid}/task/${tid}/stat`);
    if (stat !== null && /^\d+ \(C[12] CompilerThre/.test(stat)) seconds.set(tid, cpuSecondsOf(stat));
  }
  return seconds;
}

/**
 * The seconds the threads of `now` spent since `before`: a thread new since then counts from
 * zero; a thread that ended in between is in neither sum, so the figure is a lower bound,
 * never below zero (a difference of totals would lose an ended thread's whole time).
 */
export function threadSecondsSince(before: ReadonlyMap<string, number>, now: ReadonlyMap<string, number>): number {
  let seconds = 0;
  for (const [tid, spent] of now) seconds += spent - (before.get(tid) ?? 0);
  return seconds;
}

/** Starts a clock of `pid`'s JIT compiler threads (null: none); the function returned gives their CPU seconds since, or null. */
export const compilerCpuSince = (pid: number | null): (() => number | null) =>
  clockSince(pid === null ? null : () => compilerThreadSeconds(pid), threadSecondsSince);

function readIfThere(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** USER_HZ, which Linux fixes at 100 for /proc on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** The id of the corpus's last article: present only when a load ran to the end. */
async function lastArticleId(corpus: Corpus): Promise<string> {
  let last = '';
  for (const document of corpus.articles()) last = document.article.id ?? '';
  return last;
}
