/**
 * The API process is killed (SIGKILL) in the middle of an ingest. Its Neo4j shuts down when
 * the API's end of its stdin closes, and the open transaction never commits: an API started
 * again on the same data directory finds no trace of the document, checks clean, and takes
 * the same ingest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Api, expectCheckClean, footprint, INGEST, ingestUnderWay, longDocument, processExit, servingNeo4j, startApi } from './processes';

let home: string;
let dataDir: string;
let api: Api | undefined;

beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'nkg-api-killed-'));
  dataDir = path.join(home, 'data');
});

afterAll(async () => {
  const jvm = api ? servingNeo4j(dataDir).pid : null;
  api?.kill();
  await api?.exited;
  if (jvm !== null) await processExit(jvm, 60_000);
  rmSync(home, { recursive: true, force: true });
}, 120_000);

it('leaves no partial write when the API is killed mid-ingest, and takes the ingest after a restart', async () => {
  const env = { NEO4J_DATA_DIR: dataDir, SEED_ON_EMPTY: 'true' };
  const first = await startApi(home, env);
  api = first;
  const serving = servingNeo4j(dataDir);
  const document = longDocument('api-killed', 2_000);
  const ingest = first.post(INGEST, { document }).then(
    () => 'answered',
    () => 'connection lost',
  );
  await ingestUnderWay(serving.uri);
  first.child.kill('SIGKILL');
  expect(await first.exited).toEqual([null, 'SIGKILL']);
  expect(await ingest).toBe('connection lost');
  await processExit(serving.pid, 60_000);

  api = await startApi(home, env);
  const restarted = servingNeo4j(dataDir);
  expect(restarted.pid).not.toBe(serving.pid);
  expect(await footprint(restarted.uri, 'api-killed')).toEqual({ articles: 0, statements: 0 });
  await expectCheckClean(restarted.uri);

  const redone = await api.post(INGEST, { document });
  expect(redone.body.errors).toBeUndefined();
  expect(redone).toMatchObject({ status: 200, body: { data: { ingestArticle: { statements: 2_000 } } } });
  expect(await footprint(restarted.uri, 'api-killed')).toEqual({ articles: 1, statements: 2_000 });
  await expectCheckClean(restarted.uri);
}, 300_000);
