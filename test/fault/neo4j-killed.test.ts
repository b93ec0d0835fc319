/**
 * The embedded Neo4j dies under a running API (src/main.ts on a data directory of its own,
 * as `npm start` runs it): killed during reads, it is restarted and the API answers again
 * by itself; killed during an ingest, nothing of the document is left and the ingest can be
 * redone; and when it cannot be restarted, /health/live fails for an outside supervisor.
 * Each step ends with the integrity check clean.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Api, expectCheckClean, footprint, INGEST, ingestUnderWay, longDocument, processExit, servingNeo4j, startApi } from './processes';
import { openDatabase } from '../../src/db/connect';
import { embeddedConfig } from '../helpers/own-neo4j';

const SPEAKERS_QUERY = 'query Speakers { people(first: 100) { totalCount } }';
const SPEAKERS = { data: { people: { totalCount: 7 } } };
const RESTARTED = /"msg":"neo4j restarted"/;

let home: string;
let dataDir: string;
let api: Api;

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'nkg-neo4j-killed-'));
  dataDir = path.join(home, 'data');
  api = await startApi(home, { NEO4J_DATA_DIR: dataDir, SEED_ON_EMPTY: 'true', NEO4J_RESTART_ATTEMPTS: '4' });
}, 240_000);

afterAll(async () => {
  const jvm = (() => {
    try {
      return servingNeo4j(dataDir).pid;
    } catch {
      return null;
    }
  })();
  api?.kill();
  await api?.exited;
  // Its JVM shuts down when the API's end of its stdin closes.
  if (jvm !== null) await processExit(jvm, 60_000);
  rmSync(home, { recursive: true, force: true });
}, 120_000);

const live = (): Promise<number> => fetch(api.url.replace('/graphql', '/health/live')).then((r) => r.status);

it('recovers by itself when Neo4j is killed during reads', async () => {
  const before = servingNeo4j(dataDir);
  const statuses: number[] = [];
  let reading = true;
  const reads = (async () => {
    while (reading) statuses.push((await api.post(SPEAKERS_QUERY)).status);
  })();
  const seen = api.output.lines.length;
  process.kill(before.pid, 'SIGKILL');
  const restarted = JSON.parse(await api.output.waitFor(RESTARTED, 180_000, seen)) as Record<string, unknown>;
  reading = false;
  await reads;

  expect(await api.post(SPEAKERS_QUERY)).toEqual({ status: 200, body: SPEAKERS });
  // Every read was answered: with the data, or SERVICE_UNAVAILABLE while Neo4j was down.
  expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
  const after = servingNeo4j(dataDir);
  expect(after.pid).not.toBe(before.pid);
  expect(restarted).toMatchObject({ level: 'warn', pid: after.pid, uri: after.uri });
  expect(await live()).toBe(200);
  await expectCheckClean(after.uri);
}, 240_000);

it('leaves nothing of an ingest Neo4j died in, and the ingest can be redone', async () => {
  const document = longDocument('neo4j-killed', 2_000);
  const serving = servingNeo4j(dataDir);
  const ingest = api.post(INGEST, { document });
  await ingestUnderWay(serving.uri);
  const seen = api.output.lines.length;
  process.kill(serving.pid, 'SIGKILL');

  const answer = await ingest;
  expect(answer.status).toBe(503);
  expect(answer.body).toMatchObject({ data: null, errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
  await api.output.waitFor(RESTARTED, 180_000, seen);
  const now = servingNeo4j(dataDir);
  expect(await footprint(now.uri, 'neo4j-killed')).toEqual({ articles: 0, statements: 0 });

  const redone = await api.post(INGEST, { document });
  expect(redone.body.errors).toBeUndefined();
  expect(redone).toMatchObject({ status: 200, body: { data: { ingestArticle: { statements: 2_000 } } } });
  expect(await footprint(now.uri, 'neo4j-killed')).toEqual({ articles: 1, statements: 2_000 });
  await expectCheckClean(now.uri);
}, 240_000);

it('fails /health/live once Neo4j cannot be restarted, and keeps answering', async () => {
  const serving = servingNeo4j(dataDir);
  // The store moves away, and a file stands where the data directory was: no start can succeed.
  const moved = `${dataDir}.moved`;
  renameSync(dataDir, moved);
  writeFileSync(dataDir, 'not a directory');
  const seen = api.output.lines.length;
  process.kill(serving.pid, 'SIGKILL');

  const gaveUp = JSON.parse(await api.output.waitFor(/"msg":"neo4j could not be restarted"/, 120_000, seen)) as Record<string, unknown>;
  expect(gaveUp).toMatchObject({ level: 'error', attempts: 4 });
  expect(await live()).toBe(503);
  const read = await api.post(SPEAKERS_QUERY);
  expect(read).toMatchObject({ status: 503, body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] } });

  // The store itself is intact: back in place, it opens and checks clean.
  rmSync(dataDir);
  renameSync(moved, dataDir);
  const database = await openDatabase(embeddedConfig(dataDir), { log: () => undefined });
  try {
    await expectCheckClean(database.uri);
  } finally {
    await database.close();
  }
}, 240_000);
