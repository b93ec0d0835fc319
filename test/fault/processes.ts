/**
 * What the fault tests share: the API as `npm start` runs it (src/main.ts in a child
 * process, with its output read line by line), waiting for events of processes the test
 * did not start (a Neo4j JVM's exit, a write transaction under way), a document whose
 * ingest takes long enough to be interrupted, the graph as a test reads it from outside the
 * API, and the integrity check every fault test ends with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkGraph, formatReport } from '../../src/check/check';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { cypher } from '../../src/db/cypher';
import type { Neo4jGateway } from '../../src/db/gateway';
import { raceTimer } from '../../src/deadline';
import { ADDRESS_FILE_NAME, parseAddress, type BoltAddress } from '../../src/launcher/address-file';
import { isProcessAlive } from '../../src/launcher/child-process';
import { freePort } from '../helpers/server';
import { nodeArgsFromSource, ROOT } from '../helpers/typescript-node';

export const API_KEY = 'fault-tests-api-key-0123456789';

const SLOW_MACHINE = { REQUEST_TIMEOUT_MS: '120000', NEO4J_TRANSACTION_TIMEOUT_MS: '60000', NEO4J_CONNECTION_TIMEOUT_MS: '20000' };

/** `promise`, or a rejection saying `what` after `ms`; the timer never outlives the test. */
export const within = <T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> => raceTimer(promise, ms, () => new Error(what()));

export interface Output {
  readonly lines: string[];
  /** The first line (seen already, or to come) matching `pattern` after the first `skip` lines. */
  waitFor(pattern: RegExp, ms: number, skip?: number): Promise<string>;
  /** The JSON lines, parsed. */
  json(): Record<string, unknown>[];
}

/** Lines the child prints on stdout and stderr, and a way to wait for one. */
export function collect(child: ChildProcess): Output {
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    lines,
    waitFor: (pattern, ms, skip = 0) => {
      const seen = lines.slice(skip).find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return within(new Promise<string>((resolve) => waiters.push({ pattern, resolve })), ms, () => `no line matching ${pattern} within ${ms} ms; output:\n${lines.join('\n')}`);
    },
    json: () => lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

export interface Api {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  readonly output: Output;
  readonly exited: Promise<[number | null, NodeJS.Signals | null]>;
  post(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }>;
  /** SIGKILL if it still runs (for finally blocks). */
  kill(): void;
}

/** Starts src/main.ts (NEO4J_URI unset unless `env` sets it) and resolves once it listens; `home` is a directory of the test's. */
export async function startApi(home: string, env: Record<string, string>): Promise<Api> {
  const port = await freePort();
  // The test run's own Neo4j (global setup sets NEO4J_URI) is not this API's unless `env` says so.
  const inherited = { ...process.env };
  delete inherited.NEO4J_URI;
  const child = spawn(process.execPath, nodeArgsFromSource(home, 'src/main.ts'), {
    cwd: ROOT,
    // Budgets for a machine shared with other work: these tests are about what survives a fault, not how fast.
    env: { ...inherited, ...SLOW_MACHINE, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production', API_KEYS: API_KEY, NEO4J_RESTART_BACKOFF_MS: '200', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const url = `http://127.0.0.1:${port}/graphql`;
  const api: Api = {
    child,
    port,
    url,
    output,
    exited,
    async post(query, variables = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  try {
    const exitedEarly = exited.then(([code, signal]) => Promise.reject(new Error(`the API exited (${signal ?? code}) before it listened; output:\n${output.lines.join('\n')}`)));
    exitedEarly.catch(() => undefined);
    await Promise.race([output.waitFor(/GraphQL API ready at/, 180_000), exitedEarly]);
  } catch (error) {
    api.kill();
    throw error;
  }
  return api;
}

/** The embedded Neo4j serving `dataDir` now, by its address file. */
export function servingNeo4j(dataDir: string): BoltAddress {
  const address = parseAddress(readFileSync(path.join(dataDir, ADDRESS_FILE_NAME), 'utf8'));
  if (address === null) throw new Error(`no address in ${dataDir}`);
  return address;
}

/**
 * Resolves when the process `pid` (not a child of ours: a Neo4j JVM the API started) has
 * exited. Nothing notifies another process's parent's grandparent, so this asks the OS.
 */
export async function processExit(pid: number, ms: number): Promise<void> {
  const started = Date.now();
  while (isProcessAlive(pid)) {
    if (Date.now() - started > ms) throw new Error(`process ${pid} still runs after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The graph at `uri`, opened as every command opens a Neo4j it does not own (openDatabase),
 * with budgets for a busy machine: for the checks and counts a test makes from outside the
 * API. A Neo4j restarted on the same port is the same graph to it: its driver reconnects.
 */
export const openGraph = (uri: string): Promise<Database> => openDatabase(loadConfig({ ...SLOW_MACHINE, NEO4J_URI: uri }), { log: () => undefined });

/**
 * Resolves once `graph`'s Neo4j runs a transaction whose query matches `pattern` (an ingest
 * under way). SHOW TRANSACTIONS asks about Neo4j's transactions, not the graph, so it goes
 * straight through the gateway's driver, as a command of its own.
 */
export async function transactionUnderWay(graph: Neo4jGateway, pattern: RegExp, ms: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    const { records } = await graph.driver.executeQuery('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery');
    if (records.some((r) => pattern.test(String(r.get('currentQuery'))))) return;
    if (Date.now() - started > ms) throw new Error(`no transaction matching ${pattern} within ${ms} ms`);
  }
}

/** The integrity check (src/check) over `graph`: every invariant holds. */
export async function expectCheckClean(graph: Neo4jGateway): Promise<void> {
  const report = await checkGraph(graph);
  if (!report.ok) throw new Error(`npm run check found broken invariants:\n${formatReport(report)}`);
}

/** How many articles and statements of longDocument(slug) `graph` holds. */
export async function footprint(graph: Neo4jGateway, slug: string): Promise<{ articles: number; statements: number }> {
  const [row] = await graph.read(
    cypher(
      'OPTIONAL MATCH (a:Article {title: $title}) WITH count(a) AS articles OPTIONAL MATCH (s:Statement) WHERE s.text ENDS WITH $words RETURN articles, count(s) AS statements',
      { title: titleOf(slug), words: ` of ${slug} is on the record` },
    ),
  );
  return { articles: row?.articles as number, statements: row?.statements as number };
}

export const INGEST = `mutation Ingest($document: ArticleDocumentInput!) {
  ingestArticle(document: $document) { article created statements }
}`;

/**
 * The quotes of a long document: enough that its write transaction stays open far longer
 * (seconds) than a test takes from seeing it open to killing a process (a round trip and a
 * signal); each more is more work for every ingest of it and every check after.
 */
export const LONG_QUOTES = 400;

/**
 * Whose words a long document quotes: the story's people and places (the graph must hold the
 * story; the document adds no person to the story's count), or a speaker and a place the
 * document defines (for a graph without the story).
 */
export type LongDocumentEntities = 'story' | 'own';

const SPEAKERS: Record<LongDocumentEntities, { speaker: string; place: string; entities: Record<string, unknown>[] }> = {
  story: { speaker: 'person:mick-mulroy', place: 'place:europe', entities: [] },
  own: {
    speaker: 'person:fault-test-speaker',
    place: 'place:fault-test-place',
    entities: [
      { id: 'person:fault-test-speaker', type: 'Person', name: 'Fault Test Speaker', aliases: [] },
      { id: 'place:fault-test-place', type: 'Place', name: 'Fault Test Place', aliases: [] },
    ],
  },
};

/**
 * An article of `quotes` quotes, each a statement of its own: its ingest is one write
 * transaction, which with LONG_QUOTES runs for a while, so a test can interrupt it. A test
 * that holds the change sequence (holdChangeSequence) keeps the transaction open however
 * short it is, and can ask for fewer.
 */
export function longDocument(slug: string, whose: LongDocumentEntities = 'story', quotes = LONG_QUOTES): Record<string, unknown> {
  const { speaker, place, entities } = SPEAKERS[whose];
  const lines = [titleOf(slug)];
  const statements: Record<string, unknown>[] = [];
  let offset = lines[0]!.length + 1;
  for (let i = 0; i < quotes; i += 1) {
    const words = `Quote ${spelled(i)} of ${slug} is on the record`;
    const line = `The speaker said: “${words}.”`;
    const start = offset + line.indexOf(words);
    statements.push({ kind: 'DIRECT', speaker, start, end: start + words.length, text: words, about: [place] });
    lines.push(line);
    offset += line.length + 1;
  }
  return {
    article: { title: titleOf(slug), text: lines.join('\n'), url: `https://example.org/fault-test/${slug}`, publishedAt: '2025-03-06' },
    entities,
    statements,
  };
}

const titleOf = (slug: string): string => `Fault test ${slug}`;

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** 11 as "one-one": quote keys ignore doubled characters (src/ingest/text.ts), so "11" and "1" would be one quote. */
const spelled = (n: number): string => [...String(n)].map((d) => DIGITS[Number(d)]).join('-');

/**
 * Holds the write lock of the change sequence's counter on `graph`'s Neo4j until `release`:
 * every write transaction that changes statements ends by taking it (src/graph/live/live.cypher.ts)
 * and commits only after, so an ingest started meanwhile writes its statements and then waits,
 * uncommitted, however long the test takes to kill what runs it. Without it, on a busy
 * machine the test could see the transaction only as it committed. `release` rolls the hold
 * back, and is harmless once the Neo4j is gone.
 */
export async function holdChangeSequence(graph: Neo4jGateway): Promise<{ release(): Promise<void> }> {
  const session = graph.driver.session({ defaultAccessMode: 'WRITE' });
  const tx = session.beginTransaction();
  const { records } = await tx.run("MATCH (c:ChangeSequence {name: 'statements'}) SET c.heldByTest = true RETURN count(c) AS held");
  if (Number(records[0]?.get('held')) !== 1) throw new Error('no change sequence to hold: the graph has had no write that changes statements');
  return {
    async release() {
      await tx.rollback().catch(() => undefined);
      await session.close().catch(() => undefined);
    },
  };
}

/**
 * Resolves once the ingest writer's transaction is open on `graph`'s Neo4j: the writers'
 * queries take their values in one map, $batch (src/db/cypher.ts batchQuery), and no read of
 * the API does, so the warm-up's reads, still running after a start, are never taken for it.
 */
export const ingestUnderWay = (graph: Neo4jGateway): Promise<void> => transactionUnderWay(graph, /\$batch\b/, 60_000);
