/**
 * What the fast path (src/http/fast-path.ts) is worth: the same statement-by-id query, (g)
 * of bench/operations.ts, against two servers in this process over one Neo4j, one with the
 * fast path and one without (PREPARED_QUERIES=0), in production mode. autocannon runs in a
 * child process, so this process's CPU time is the server's; the servers take turns, and
 * the first `--warmup` rounds are left out of the medians.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/fast-path.js [rounds] [seconds] [warmup]
 *
 * With NEO4J_URI unset it starts the embedded Neo4j on NEO4J_DATA_DIR and loads the story
 * into it when it is empty.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { loadConfig, projectRoot } from '../src/config';
import { openDatabase } from '../src/db/connect';
import { startServer, type RunningServer } from '../src/http/server';
import { isEmpty, seedStory } from '../src/ingest/seed';
import { appSchema } from '../src/schema';
import { median } from './measure';

const STATEMENT = `query StatementById($id: ID!) {
  statement(id: $id) { id text kind speaker { id name } evidence { start end article { id title } } }
}`;

interface Round {
  readonly cpuUsPerRequest: number;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
}

/** Requests the servers logged as answered, not aborted, and how many failed. */
const served = { ok: 0, failed: 0 };

function count(entry: Record<string, unknown>): void {
  if (entry.msg !== 'request' || entry.aborted === true) return;
  if (entry.outcome === 'ok') served.ok += 1;
  else served.failed += 1;
}

function autocannon(url: string, body: string, seconds: number): Promise<{ requests: { average: number }; latency: { p99: number } }> {
  const bin = path.join(projectRoot(), 'node_modules', '.bin', 'autocannon');
  const args = ['-c', '8', '-d', String(seconds), '-m', 'POST', '-H', 'content-type=application/json', '-b', body, '--json', url];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon exited ${code}`))));
  });
}

async function round(server: RunningServer, body: string, seconds: number): Promise<Round> {
  served.ok = 0;
  served.failed = 0;
  const cpu = process.cpuUsage();
  const result = await autocannon(server.url, body, seconds);
  const used = process.cpuUsage(cpu);
  if (served.failed > 0) throw new Error(`${served.failed} requests failed`);
  return { cpuUsPerRequest: Math.round((used.user + used.system) / served.ok), requestsPerSecond: Math.round(result.requests.average), p99Ms: result.latency.p99 };
}

async function main(): Promise<void> {
  const [rounds = 9, seconds = 10, warmup = 3] = process.argv.slice(2).map(Number);
  const config = loadConfig();
  const database = await openDatabase(config);
  if (await isEmpty(database.gateway)) await seedStory(database.gateway);
  const schema = await appSchema();
  const options = { schema, gateway: database.gateway, host: '127.0.0.1', port: 0, apiKeys: [], production: true, log: count };
  const servers = { 'fast path': await startServer(options), 'Apollo only': await startServer({ ...options, preparedQueries: 0 }) };
  try {
    const page = await fetch(servers['Apollo only'].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ statements(first: 1) { edges { node { id } } } }' }),
    });
    const id = ((await page.json()) as { data: { statements: { edges: { node: { id: string } }[] } } }).data.statements.edges[0]?.node.id;
    const body = JSON.stringify({ query: STATEMENT, variables: { id } });
    const seen: Record<string, Round[]> = { 'fast path': [], 'Apollo only': [] };
    for (let n = 0; n < rounds; n++) {
      const order = n % 2 === 0 ? (['Apollo only', 'fast path'] as const) : (['fast path', 'Apollo only'] as const);
      for (const name of order) {
        const result = await round(servers[name], body, seconds);
        console.error(`round ${n + 1} ${name}: ${JSON.stringify(result)}`);
        if (n >= warmup) seen[name]?.push(result);
      }
    }
    console.log('| server | CPU µs per request | requests/s | p99 ms |\n|---|---|---|---|');
    for (const [name, results] of Object.entries(seen)) {
      console.log(`| ${name} | ${median(results.map((r) => r.cpuUsPerRequest))} | ${median(results.map((r) => r.requestsPerSecond))} | ${median(results.map((r) => r.p99Ms))} |`);
    }
  } finally {
    await servers['fast path'].stop();
    await servers['Apollo only'].stop();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
