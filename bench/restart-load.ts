/**
 * The first seconds after a restart (issue 21, failure 8): the server as `npm start` runs it
 * (dist/src/main.js, production mode, its own embedded Neo4j on a scratch data directory
 * holding the story) is started twice, and each time a mixed load of reads and small
 * ingests runs against it for `seconds`: once from the moment it listens (what a client
 * met before readiness waited for the warm-up), once from the moment /health/ready first
 * answers 200 (what a load balancer now sends it). Each reports its answers by outcome
 * (reads and ingests apart), throughput, and latency percentiles, and the time from start
 * to listening and to ready; then the same load runs again on the now warm server, which
 * shows what the machine gives at that moment.
 *
 *   npm run build:code && node dist/bench/restart-load.js [seconds] [clients]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../src/config';
import { serverNodeFlags } from './server-process';

const API_KEY = 'restart-load-bench-key-0123456789';

/** Reads of the kinds a dashboard sends, on the story's ids. */
const READS = [
  'query S { statement(id: "statement:us-cuts-off-intelligence-sharing-with-ukraine-report:2470-2531") { id text speaker { name } evidence { start end article { title } } } }',
  'query P { person(id: "person:mike-waltz") { name roles { title } statements(first: 10) { totalCount edges { node { text about { id } } } } } }',
  'query A { statements(filter: { about: "policy:us-intelligence-sharing-pause" }, first: 20) { totalCount edges { node { text speaker { name } reportedBy { name } } } } }',
  'query F { search(text: "intelligence", first: 5) { score node { id } } }',
  'query T { timeline(entity: "policy:us-intelligence-sharing-pause", first: 20) { date node { id } } }',
  'query B { attribution(groupBy: SPEAKER) { id label count } }',
];

/** One request in ten is an ingest of a small article of its own. */
const INGEST_EVERY = 10;

interface Outcome {
  readonly ms: number;
  /** 'read' or 'ingest', then 'ok', an error code, or the transport error. */
  readonly code: string;
}

function smallDocument(n: number): unknown {
  const words = `Restart load quote number ${n} stands on the record`;
  const text = `Restart load ${n}\nThe speaker said: “${words}.”`;
  const start = text.indexOf(words);
  return {
    article: { title: `Restart load ${n} ${process.pid}`, text, url: `https://example.org/restart-load/${process.pid}/${n}`, publishedAt: '2025-03-07' },
    entities: [{ id: 'person:restart-load-speaker', type: 'Person', name: 'Restart Load Speaker', aliases: [] }],
    statements: [{ kind: 'DIRECT', speaker: 'person:restart-load-speaker', start, end: start + words.length, text: words, about: ['person:mike-waltz'] }],
  };
}

async function send(url: string, n: number): Promise<Outcome> {
  const ingest = n % INGEST_EVERY === 0;
  const kind = ingest ? 'ingest' : 'read';
  const body = ingest
    ? { query: 'mutation I($d: ArticleDocumentInput!) { ingestArticle(document: $d) { article } }', variables: { d: smallDocument(n) } }
    : { query: READS[n % READS.length] };
  const started = performance.now();
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` }, body: JSON.stringify(body) });
    const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    const code = answer.errors?.[0]?.extensions?.code ?? (response.status === 200 ? 'ok' : `HTTP ${response.status}`);
    return { ms: performance.now() - started, code: `${kind} ${code}` };
  } catch (error) {
    return { ms: performance.now() - started, code: `${kind} ${String((error as { cause?: { code?: string } }).cause?.code ?? error)}` };
  }
}

async function load(url: string, seconds: number, clients: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const end = Date.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) outcomes.push(await send(url, next++));
    }),
  );
  return outcomes;
}

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  /** Milliseconds from spawn to the "ready at" line. */
  readonly listeningMs: number;
  readonly spawnedAt: number;
}

async function startServer(dataDir: string, port: number): Promise<Server> {
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [...serverNodeFlags(), path.join(projectRoot(), 'dist', 'src', 'main.js')], {
    env: { ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', API_KEYS: API_KEY },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Read to the end, so the child never blocks on a full pipe.
  const lines = readline.createInterface({ input: child.stderr as NodeJS.ReadableStream });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.includes('GraphQL API ready at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before it listened`)));
  });
  return { child, url: `http://127.0.0.1:${port}/graphql`, listeningMs: Date.now() - spawnedAt, spawnedAt };
}

async function untilReady(url: string): Promise<void> {
  for (;;) {
    const status = await fetch(url.replace('/graphql', '/health/ready')).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stop(server: Server): Promise<void> {
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

function report(name: string, server: Server, loadStartMs: number, outcomes: readonly Outcome[], seconds: number): string {
  const codes = new Map<string, number>();
  for (const { code } of outcomes) codes.set(code, (codes.get(code) ?? 0) + 1);
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const fmt = (n: number): string => n.toFixed(0);
  return (
    `${name}: listening after ${fmt(server.listeningMs)} ms, load from ${fmt(loadStartMs)} ms; ${outcomes.length} requests in ${seconds} s ` +
    `(${(outcomes.length / seconds).toFixed(1)} req/s); ${[...codes].map(([code, n]) => `${code} ${n}`).join(', ')}; ` +
    `p50 ${fmt(percentile(ms, 50))} ms, p99 ${fmt(percentile(ms, 99))} ms, max ${fmt(ms.at(-1) ?? NaN)} ms`
  );
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 20);
  const clients = Number(process.argv[3] ?? 8);
  const home = mkdtempSync(path.join(os.tmpdir(), 'nkg-restart-load-'));
  const dataDir = path.join(home, 'data');
  try {
    // The first start seeds the story; the runs below are restarts on that store.
    await stop(await startServer(dataDir, 4390));
    for (const gate of ['listening', 'ready'] as const) {
      const server = await startServer(dataDir, 4390);
      if (gate === 'ready') await untilReady(server.url);
      const loadStartMs = Date.now() - server.spawnedAt;
      console.log(report(`load from ${gate}`, server, loadStartMs, await load(server.url, seconds, clients), seconds));
      // The same load again on the server now warm: what this machine gives at the moment, for comparison.
      const againMs = Date.now() - server.spawnedAt;
      console.log(report(`  then again, warm`, server, againMs, await load(server.url, seconds, clients), seconds));
      await stop(server);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
