/**
 * `npm run bench:ingest-load`: the single-document `ingestArticle` mutation under a mixed read
 * load (issue 26). The server as `npm start` runs it (dist/src/main.js, production mode, with
 * an API key) over the benchmark's own Neo4j holding the corpus of (size, seed), loaded first
 * when absent as `npm run bench` loads it. `clients` readers ask the bench's headline
 * questions (bench/operations.ts, parameters drawn from the graph by bench/parameters.ts)
 * back to back, while one writer sends `ingestArticle` at a steady `rate`, whether or not the
 * previous one has answered (a feed does not wait for the graph). Each written document is
 * an article of the corpus made new: its own id, url and title, and a word of its own at the
 * head of every quote, so it is a new article with new quotes about the corpus's own people,
 * policies and outlets (the popular ones included), as a newsroom feed sends them.
 *
 * After `warm-up` seconds, which are not counted, it counts `seconds`, then prints the
 * ingests' p50, p99 and max with their outcomes, the reads' rate and percentiles, the CPU
 * seconds of the server and of Neo4j over the counted window, and the load average.
 *
 *   npm run bench:ingest-load -- [--size 10000] [--seed 42] [--rate 1] [--clients 4] [--seconds 30] [--warm-up 10]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../src/config';
import type { ArticleDocument } from '../src/ingest/document';
import { parseOptions, parseSize } from './args';
import { compilerCpuSince, openBenchDatabase, processCpuSince, statementCount, type BenchDatabase } from './database';
import { log, secondsText } from './log';
import { HEADLINE_OPERATIONS, type OperationInput, type RequestBody } from './operations';
import { drawParameters } from './parameters';
import { serverNodeFlags } from './server-process';

const USAGE = 'usage: npm run bench:ingest-load -- [--size 10000] [--seed 42] [--rate 1] [--clients 4] [--seconds 30] [--warm-up 10]';

const API_KEY = 'ingest-load-bench-key-0123456789';

const INGEST = 'mutation I($d: ArticleDocumentInput!) { ingestArticle(document: $d) { article statements } }';

interface Outcome {
  readonly ms: number;
  /** 'ok', the first error's code, or the transport error. */
  readonly code: string;
  /** When it was sent, in ms since the counted window began (negative during the warm-up). */
  readonly at: number;
}

async function main(): Promise<void> {
  const o = parseOptions(
    process.argv.slice(2),
    { size: 'string', seed: 'number', rate: 'number', clients: 'number', seconds: 'number', 'warm-up': 'number' },
    USAGE,
  );
  const settings = {
    size: parseSize((o.size as string | undefined) ?? '10000'),
    seed: (o.seed as number | undefined) ?? 42,
    rate: (o.rate as number | undefined) ?? 1,
    clients: (o.clients as number | undefined) ?? 4,
    seconds: (o.seconds as number | undefined) ?? 30,
    warmUp: (o['warm-up'] as number | undefined) ?? 10,
  };
  const database = await openBenchDatabase({ statements: settings.size, seed: settings.seed, log });
  let server: Server | undefined;
  try {
    const reads = await readBodies(database, settings.seed);
    const documents = feed(database);
    server = await startServer(database.uri);
    log(`server ${server.url} (pid ${server.child.pid ?? '?'}); waiting for its warm-up`);
    await untilReady(server.url);
    const url = server.url;
    const windowStart = Date.now() + settings.warmUp * 1000;
    const end = windowStart + settings.seconds * 1000;
    const ingests: Promise<Outcome>[] = [];
    const readOutcomes: Outcome[] = [];
    let windowCpu: (() => WindowCpu) | null = null;
    const startWindow = setTimeout(() => (windowCpu = cpuClock(server as Server, database)), settings.warmUp * 1000);
    const readers = Array.from({ length: settings.clients }, async (_, client) => {
      for (let n = client; Date.now() < end; n += settings.clients) readOutcomes.push(await send(url, reads[n % reads.length] as RequestBody, windowStart));
    });
    // Open loop: the n-th ingest leaves at n / rate seconds, answered or not.
    const began = Date.now();
    for (let n = 0; began + (n * 1000) / settings.rate < end; n += 1) {
      const due = began + (n * 1000) / settings.rate;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      ingests.push(send(url, { query: INGEST, variables: { d: documents.next().value } }, windowStart, API_KEY));
    }
    await Promise.all(readers);
    const written = await Promise.all(ingests);
    clearTimeout(startWindow);
    const used = (windowCpu as (() => WindowCpu) | null)?.() ?? null;
    const counted = (outcomes: readonly Outcome[]): Outcome[] => outcomes.filter((x) => x.at >= 0 && x.at < settings.seconds * 1000);
    console.log(
      [
        `ingest-load at ${settings.size} statements: ${settings.clients} readers, ingestArticle at ${settings.rate}/s, ${settings.seconds} s counted after ${settings.warmUp} s`,
        `ingestArticle: ${summary(counted(written), settings.seconds)}; queries each (median): ${median(server.ingestQueries)}`,
        `reads: ${summary(counted(readOutcomes), settings.seconds)}`,
        `CPU over the counted window: server ${secondsText(used?.server)}, Neo4j ${secondsText(used?.neo4j)} (JIT compiler threads ${secondsText(used?.jit)})`,
        `load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (${os.cpus().length} cores)`,
      ].join('\n'),
    );
  } finally {
    if (server) await stop(server);
    await database.close();
  }
}

/** The headline questions, each with its parameters drawn from the graph, interleaved. */
async function readBodies(database: BenchDatabase, seed: number): Promise<RequestBody[]> {
  const base = (first: number): OperationInput => ({ probes: database.corpus.probes, first, after: { ours: null, peer: null, floor: null }, offset: 0, peerByOffset: false });
  const parameters = await drawParameters(database, HEADLINE_OPERATIONS, (op) => base(op.first ?? 0), seed, 1, await statementCount(database));
  const sequences = HEADLINE_OPERATIONS.map((op) => (parameters.get(op.key)?.varied ?? []).map((input) => op.body('ours', input)));
  const longest = Math.max(...sequences.map((s) => s.length));
  return Array.from({ length: longest }, (_, i) => sequences.flatMap((s) => (i < s.length ? [s[i] as RequestBody] : []))).flat();
}

/**
 * The corpus's articles, each made a new article with new quotes: its id, url and title
 * carry this run and its number, and a word of its own opens every quote (the spans after it
 * move along), so no quote is shared with the graph's and the plan writes what a new article writes.
 * Articles with a quote inside another are left out: the word would change the outer quote too.
 */
function* feed(database: BenchDatabase): Generator<ArticleDocument> {
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  for (let n = 0, pass = -1; n > pass; ) {
    pass = n;
    for (const document of database.corpus.articles()) {
      if (document.statements.some((s) => s.id || s.quotedIn)) continue;
      n += 1;
      yield madeNew(document, `r${run}n${n}`);
    }
  }
}

function madeNew(document: ArticleDocument, token: string): ArticleDocument {
  // Ids a document gives its statements (for `quotedIn`) are made new with the article's.
  const own = (id: string | null | undefined): string | null | undefined => (id === null || id === undefined ? id : `${id}-${token}`);
  const statements = document.statements.map((s) => ({ ...s, id: own(s.id), quotedIn: own(s.quotedIn) }));
  let text = document.article.text;
  const quotes = statements.filter((s) => s.kind !== 'INDIRECT').sort((a, b) => b.start - a.start);
  for (const quote of quotes) {
    const at = quote.start;
    text = `${text.slice(0, at)}${token} ${text.slice(at)}`;
    for (const s of statements) {
      if (s !== quote && s.start > at) s.start += token.length + 1;
      if (s.end > at) s.end += token.length + 1;
    }
    quote.text = `${token} ${quote.text}`;
  }
  const id = `${document.article.id as string}-${token}`;
  return {
    ...document,
    article: { ...document.article, id, title: `${document.article.title} (${token})`, url: `${document.article.url ?? 'https://news.example/'}-${token}`, text },
    statements,
  };
}

/** The error codes whose first message has been logged. */
const reported = new Set<string>();

async function send(url: string, body: RequestBody, windowStart: number, apiKey?: string): Promise<Outcome> {
  const at = Date.now() - windowStart;
  const started = performance.now();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (apiKey !== undefined) headers.authorization = `Bearer ${apiKey}`;
  try {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    const answer = (await response.json()) as { errors?: { message?: string; extensions?: { code?: string } }[] };
    const error = answer.errors?.[0];
    const code = error ? (error.extensions?.code ?? error.message ?? 'error') : response.status === 200 ? 'ok' : `HTTP ${response.status}`;
    if (error && !reported.has(code)) {
      reported.add(code);
      log(`first ${code}: ${error.message ?? ''}`.slice(0, 600));
    }
    return { ms: performance.now() - started, code, at };
  } catch (error) {
    return { ms: performance.now() - started, code: String((error as { cause?: { code?: string } }).cause?.code ?? error), at };
  }
}

const median = (values: readonly number[]): number => percentile([...values].sort((a, b) => a - b), 50);

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

function summary(outcomes: readonly Outcome[], seconds: number): string {
  const codes = new Map<string, number>();
  for (const { code } of outcomes) codes.set(code, (codes.get(code) ?? 0) + 1);
  const ms = outcomes.map((x) => x.ms).sort((a, b) => a - b);
  const fmt = (n: number): string => n.toFixed(0);
  return (
    `${outcomes.length} in ${seconds} s (${(outcomes.length / seconds).toFixed(1)}/s); ${[...codes].map(([code, n]) => `${code} ${n}`).join(', ')}; ` +
    `p50 ${fmt(percentile(ms, 50))} ms, p99 ${fmt(percentile(ms, 99))} ms, max ${fmt(ms.at(-1) ?? NaN)} ms`
  );
}

interface WindowCpu {
  readonly server: number | null;
  readonly neo4j: number | null;
  readonly jit: number | null;
}

/** Starts counting the CPU seconds of the server, of Neo4j and of Neo4j's JIT compiler threads; the function returned reads them. */
function cpuClock(server: Server, database: BenchDatabase): () => WindowCpu {
  const neo4jPid = database.embedded?.pid ?? null;
  const clocks = { server: processCpuSince(server.child.pid ?? null), neo4j: processCpuSince(neo4jPid), jit: compilerCpuSince(neo4jPid) };
  return () => ({ server: clocks.server(), neo4j: clocks.neo4j(), jit: clocks.jit() });
}

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  /** The queries each answered ingestArticle ran, from the server's request log (`roundTrips`). */
  readonly ingestQueries: number[];
}

/** `npm start`'s server on a port of its own choosing, over the bench's Neo4j, with an API key for the writer. */
async function startServer(uri: string): Promise<Server> {
  const child = spawn(process.execPath, [...serverNodeFlags(), path.join(projectRoot(), 'dist', 'src', 'main.js')], {
    env: { ...process.env, NEO4J_URI: uri, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', API_KEYS: API_KEY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Both read to the end, so the child never blocks on a full pipe; its errors are shown.
  const lines = [child.stdout, child.stderr].map((stream) => readline.createInterface({ input: stream as NodeJS.ReadableStream }));
  const ingestQueries: number[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    for (const out of lines) out.on('line', (line) => {
      const ready = /GraphQL API ready at (\S+?);/.exec(line);
      if (ready) resolve(ready[1] as string);
      else if (line.includes('"level":"error"')) log(`server: ${line.slice(0, 800)}`);
      else if (line.includes('"operation":"I"')) ingestQueries.push(Number((JSON.parse(line) as { roundTrips?: number }).roundTrips));
    });
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before it listened`)));
  });
  return { child, url, ingestQueries };
}

async function untilReady(url: string): Promise<void> {
  for (;;) {
    const status = await fetch(url.replace(/graphql$/, 'health/ready')).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
