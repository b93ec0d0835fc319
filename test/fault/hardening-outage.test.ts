/**
 * A real database outage: a Neo4j of this test's own (the shared test database is left
 * alone), connected the way `npm start` connects, is stopped under a running API and
 * started again on the same port and data directory. The API answers SERVICE_UNAVAILABLE
 * quickly while it is down, stays up, and serves again when it is back, without a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/launcher/embedded-neo4j';
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

  const restart = await timed(() => startEmbeddedNeo4j({ dataDir, port, log: () => undefined }));
  neo4j = restart.value;
  expect(neo4j.port).toBe(port);

  const back = await timed(() => api.post(QUERY));
  expect(back.value.body).toEqual(SPEAKERS);
  expect(await ready()).toEqual({ status: 200, body: { status: 'ok', neo4j: 'up' } });

  process.stderr.write(
    `[outage] first query on the fresh Neo4j ${before.ms} ms; SERVICE_UNAVAILABLE after ${down.join(', ')} ms; ` +
      `ready probe ${probe.ms} ms; Neo4j restart ${restart.ms} ms; first query after restart ${back.ms} ms\n`,
  );
}, 120_000);
