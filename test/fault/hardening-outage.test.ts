/**
 * A real database outage: a Neo4j of this test's own (the shared test database is left
 * alone), connected the way `npm start` connects, is stopped under a running API and
 * started again on the same port and data directory. The API answers SERVICE_UNAVAILABLE
 * quickly while it is down, stays up, and serves again when it is back, without a restart.
 * A statementChanges subscription open across the outage waits through it and then gets
 * the change written after it, once; one asked for while Neo4j is down is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/launcher/embedded-neo4j';
import { bulkLoad } from '../../src/ingest/bulk-load';
import { seedStory } from '../../src/ingest/seed';
import { freePort, requestLines, startTestServer, type TestServer } from '../helpers/server';

const QUERY = 'query Speakers { people(first: 100) { totalCount } }';
const SPEAKERS = { data: { people: { totalCount: 7 } } };

let dataDir: string;
let port: number;
let neo4j: EmbeddedNeo4j;
let database: Database;
let api: TestServer;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'nkg-outage-neo4j-'));
  port = await freePort();
  neo4j = await startEmbeddedNeo4j({ dataDir, port, log: () => undefined });
  database = await openDatabase(loadConfig({ NEO4J_URI: neo4j.uri }), { log: () => undefined });
  await seedStory(database.gateway);
  api = await startTestServer(database.gateway, { production: true });
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await database?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
};

const ready = () => fetch(api.url.replace('/graphql', '/health/ready')).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));

/**
 * "Quickly" is one retry about a second after the first refusal (MAX_RETRY_MS 500, connections
 * refused at once), where the driver's own defaults would wait 30 s; the bound below sits between
 * the two, generous for a busy machine.
 */
const QUICKLY_MS = 10_000;

it('answers SERVICE_UNAVAILABLE quickly while Neo4j is down, stays up, and recovers without a restart', async () => {
  const before = await timed(() => api.post(QUERY));
  expect(before.value.body).toEqual(SPEAKERS);
  const across = await subscribed();

  await neo4j.stop();

  const down: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const { value: answer, ms } = await timed(() => api.post(QUERY));
    down.push(ms);
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 503,
      body: {
        data: null,
        errors: [
          {
            message: 'The graph database is unavailable; try again shortly.',
            locations: [{ line: 1, column: 18 }],
            path: ['people'],
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          },
        ],
      },
    });
    expect(requestLines(api.logs, answer.headers.get('x-request-id') ?? '')).toMatchObject([{ status: 503, outcome: 'error', errors: ['SERVICE_UNAVAILABLE'] }]);
  }
  expect(Math.max(...down)).toBeLessThan(QUICKLY_MS);

  const probe = await timed(ready);
  expect(probe.value).toEqual({ status: 503, body: { status: 'unavailable', neo4j: 'down' } });
  expect(probe.ms).toBeLessThan(QUICKLY_MS);
  expect((await fetch(api.url.replace('/graphql', '/health/live'))).status).toBe(200);
  const duringOutage = watch(connect());
  await duringOutage.until('the refusal', () => duringOutage.errors !== null);
  expect(duringOutage.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  await failedPoll();

  const restart = await timed(() => startEmbeddedNeo4j({ dataDir, port, log: () => undefined }));
  neo4j = restart.value;
  expect(neo4j.port).toBe(port);

  const back = await timed(() => api.post(QUERY));
  expect(back.value.body).toEqual(SPEAKERS);
  expect(await ready()).toEqual({ status: 200, body: { status: 'ok', neo4j: 'up' } });

  const written = await ingestOneQuote();
  await across.until(written, () => across.statementIds().includes(written));
  expect({ ids: across.statementIds(), errors: across.errors, completed: across.completed }).toEqual({ ids: [written], errors: null, completed: false });
  expect(api.logs.filter((l) => String(l.msg).startsWith('live feed')).map((l) => l.msg)).toEqual(['live feed cannot read the change sequence; retrying', 'live feed resumed']);

  process.stderr.write(
    `[outage] first query on the fresh Neo4j ${before.ms} ms; SERVICE_UNAVAILABLE after ${down.join(', ')} ms; ` +
      `ready probe ${probe.ms} ms; Neo4j restart ${restart.ms} ms; first query after restart ${back.ms} ms\n`,
  );
}, 120_000);

const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

function connect(): Client {
  const client = createClient({ url: api.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  clients.push(client);
  return client;
}

/** A statementChanges subscription from now, and what it received. */
function watch(client: Client) {
  const results: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
  const listeners = new Set<() => void>();
  const state = { errors: null as readonly { message: string; extensions?: Record<string, unknown> }[] | null, completed: false };
  const record = (change: () => void): void => {
    change();
    for (const listener of [...listeners]) listener();
  };
  client.subscribe(
    { query: 'subscription { statementChanges { sequence change statementId } }' },
    {
      next: (result) => record(() => results.push(result)),
      error: (error) => record(() => (state.errors = Array.isArray(error) ? error : [{ message: String(error) }])),
      complete: () => record(() => (state.completed = true)),
    },
  );
  return {
    get errors() {
      return state.errors;
    },
    get completed() {
      return state.completed;
    },
    statementIds: (): string[] => results.map((r) => (r.data as { statementChanges: { statementId: string } } | null)?.statementChanges.statementId ?? `error: ${JSON.stringify(r.errors)}`),
    /** Resolves once `done` holds; fails after a minute naming `what`. */
    until: (what: string, done: () => boolean): Promise<void> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (!done()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; received ${JSON.stringify(results)}, errors ${JSON.stringify(state.errors)}`)), 60_000);
        listeners.add(check);
        check();
      }),
  };
}

/** A subscription the server has accepted (its log says so), with the feed polling for it. */
async function subscribed(): Promise<ReturnType<typeof watch>> {
  const before = api.logs.filter((l) => l.msg === 'subscribed').length;
  const watching = watch(connect());
  await until(() => api.logs.filter((l) => l.msg === 'subscribed').length > before);
  return watching;
}

/** Resolves once the feed has logged that it cannot read the change sequence. */
const failedPoll = (): Promise<void> => until(() => api.logs.some((l) => l.msg === 'live feed cannot read the change sequence; retrying'));

async function until(done: () => boolean): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > 60_000) throw new Error('timed out waiting for the server log');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Writes an article of one quote as `npm run ingest` does; its statement's id. */
async function ingestOneQuote(): Promise<string> {
  const words = 'the line held through the outage';
  const text = `Jane Roe said that ${words} on Friday.`;
  const start = text.indexOf(words);
  const document = {
    article: { id: 'article:outage-note', title: 'Outage note', text, publishedAt: '2025-03-07' },
    entities: [{ id: 'person:jane-roe', type: 'Person', name: 'Jane Roe' }],
    statements: [{ kind: 'PARTIAL', speaker: 'person:jane-roe', text: words, start, end: start + words.length }],
  };
  const quiet = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
  await bulkLoad(database.gateway, [document], { batch: 1, deferSearchIndex: false, progress: { total: 1, unit: 'documents' }, out: quiet });
  return `statement:outage-note:${start}-${start + words.length}`;
}
