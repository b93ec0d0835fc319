/**
 * How long a statement takes from its commit to a statementChanges subscriber: a server on
 * its own embedded Neo4j (or NEO4J_URI's), one subscriber over a real WebSocket, and
 * `--changes` articles of one quote each written by the bulk loader `npm run ingest` uses,
 * over a Bolt connection of its own, one at a time, each at a random moment of the poll.
 * The time runs from the loader's promise resolving (just after the commit) to the change
 * reaching the client. Prints the distribution and the CPU the process used.
 *
 * With `--filters K`, K subscriptions with K different filters, all selecting every change:
 * the server then reads each round's changes once per filter, and a change counts as
 * delivered when all K have it.
 *
 *   npm run build:code && node dist/bench/live-latency.js --changes 50 [--filters 20]
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/connect';
import { Neo4jGateway } from '../src/db/gateway';
import { startServer } from '../src/http/server';
import { bulkLoad } from '../src/ingest/bulk-load';
import { appSchema } from '../src/schema';

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]) || fallback;
};
const changes = option('--changes', 50);
/** Subscriptions, each with a filter of its own (a different `since`, all selecting every change): one read of changes each per round. */
const filters = option('--filters', 1);
const quiet = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;

function quote(i: number): { document: unknown; statement: string } {
  // Digits apart: ingest's quote key folds doubled letters ("11" would be the quote of "1").
  const words = `the measured quote number ${String(i).split('').join(' ')}`;
  const text = `Jane Roe said that ${words} on the record.`;
  const start = text.indexOf(words);
  const slug = `live-latency-${Date.now()}-${i}`;
  return {
    document: {
      article: { id: `article:${slug}`, title: `Latency ${i}`, text, publishedAt: '2025-03-07' },
      entities: [{ id: 'person:jane-roe', type: 'Person', name: 'Jane Roe' }],
      statements: [{ kind: 'PARTIAL', speaker: 'person:jane-roe', text: words, start, end: start + words.length }],
    },
    statement: `statement:${slug}:${start}-${start + words.length}`,
  };
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

async function main(): Promise<void> {
  const base = loadConfig();
  const dataDir = base.neo4j.uri === null ? mkdtempSync(path.join(os.tmpdir(), 'nkg-live-latency-')) : null;
  const database = await openDatabase(dataDir === null ? base : { ...base, embedded: { ...base.embedded, dataDir, port: 0 } }, { log: () => undefined });
  const writer = Neo4jGateway.connect({ ...base.neo4j, uri: database.uri });
  let subscribed = (): void => undefined;
  let acceptedCount = 0;
  const accepted = new Promise<void>((resolve) => (subscribed = () => (acceptedCount += 1) === filters && resolve()));
  const server = await startServer({
    schema: await appSchema(),
    gateway: database.gateway,
    host: '127.0.0.1',
    port: 0,
    apiKeys: [],
    production: true,
    live: { ...base.live, subscriptionsPerConnection: Math.max(filters, base.live.subscriptionsPerConnection) },
    log: (entry) => entry.msg === 'subscribed' && subscribed(),
  });
  // When each change reached the last of the subscriptions, and how many have it.
  const received = new Map<string, number>();
  const copies = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
  for (let f = 0; f < filters; f += 1) {
    client.subscribe(
      {
        query: 'subscription($filter: StatementFilter) { statementChanges(filter: $filter) { sequence statement { id } } }',
        variables: { filter: { since: `2025-01-${String(1 + (f % 28)).padStart(2, '0')}`, kinds: f < 28 ? null : ['PARTIAL'] } },
      },
      {
        next: ({ data }) => {
          const id = (data as { statementChanges: { statement: { id: string } } }).statementChanges.statement.id;
          const seen = (copies.get(id) ?? 0) + 1;
          copies.set(id, seen);
          if (seen < filters) return;
          received.set(id, performance.now());
          waiting.get(id)?.();
        },
        error: (error) => console.error('subscription failed:', error),
        complete: () => undefined,
      },
    );
  }
  await accepted;
  // One change first, unmeasured: the first read of each query is Neo4j planning it.
  const quotes = Array.from({ length: changes + 1 }, (_, i) => quote(i));
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (const [i, { document, statement }] of quotes.entries()) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * base.live.pollMs));
    const delivered = new Promise<void>((resolve) => waiting.set(statement, resolve));
    await bulkLoad(writer, [document], { batch: 1, deferSearchIndex: false, progress: { total: 1, unit: 'documents' }, out: quiet });
    const committed = performance.now();
    await delivered;
    if (i > 0) latencies.push((received.get(statement) as number) - committed);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (v: number): string => `${Math.round(v)} ms`;
  console.log(
    JSON.stringify({
      changes: sorted.length,
      filters,
      pollMs: base.live.pollMs,
      min: ms(sorted[0] as number),
      p50: ms(percentile(sorted, 50)),
      p95: ms(percentile(sorted, 95)),
      max: ms(sorted[sorted.length - 1] as number),
      overTwoSeconds: sorted.filter((v) => v > 2_000).length,
      nodeCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    }),
  );
  await client.dispose();
  await server.stop();
  await writer.close();
  await database.close();
  if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
