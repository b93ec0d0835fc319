/**
 * Neo4j down under a running API, on one store that passes from each test to the next (each
 * JVM start and the story's seeding are most of what these tests cost, so they share them):
 * - the embedded Neo4j of the API (src/main.ts on a data directory of its own, as `npm start`
 *   runs it) dies: killed during reads, it is restarted and the API answers again by itself;
 *   killed during an ingest, nothing of the document is left and the ingest can be redone;
 *   and when it cannot be restarted, /health/live fails for an outside supervisor;
 * - the API process is killed (SIGKILL) in the middle of an ingest: its Neo4j shuts down
 *   when the API's end of its stdin closes, and the open transaction never commits, so an
 *   API started again on the same data directory finds no trace of the document, checks
 *   clean, and takes the same ingest;
 * - a Neo4j outage under a server connected the way `npm start` connects to a Neo4j it does
 *   not own: the Neo4j is stopped and started again on the same port and data directory.
 *   The server answers SERVICE_UNAVAILABLE quickly while it is down, stays up, and serves
 *   again when it is back, without a restart. A statementChanges subscription open across
 *   the outage waits through it and then gets the change written after it, once; one asked
 *   for while Neo4j is down is refused.
 * Each step ends with the integrity check clean. The long documents speak about the story's
 * people and places, so the story's count of people that the reads compare stays its own.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/launcher/embedded-neo4j';
import { ingestOneQuote, liveClients, logShows, watch } from '../helpers/fault-outage';
import { requestLines, startTestServer, type TestServer } from '../helpers/server';
import { type Api, expectCheckClean, footprint, INGEST, ingestUnderWay, LONG_QUOTES, longDocument, processExit, servingNeo4j, startApi } from './processes';

const SPEAKERS_QUERY = 'query Speakers { people(first: 100) { totalCount } }';
const SPEAKERS = { data: { people: { totalCount: 7 } } };
const RESTARTED = /"msg":"neo4j restarted"/;

let home: string;
let dataDir: string;
let env: Record<string, string>;
/** The API process serving the store now. */
let api: Api | undefined;

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'nkg-neo4j-down-'));
  dataDir = path.join(home, 'data');
  env = { NEO4J_DATA_DIR: dataDir, SEED_ON_EMPTY: 'true', NEO4J_RESTART_ATTEMPTS: '4' };
  api = await startApi(home, env);
}, 240_000);

/**
 * The server of the outage runs in this process on the Neo4j the API process started, which
 * then is a Neo4j it does not own, as a deployment's is: stopping that API stops its Neo4j
 * cleanly (SIGTERM, the process closes Neo4j before it exits), as stopping a Neo4j of the
 * test's own would.
 */
const outage = {
  server: undefined as TestServer | undefined,
  database: undefined as Database | undefined,
  neo4j: undefined as EmbeddedNeo4j | undefined,
  async stop(): Promise<void> {
    await this.server?.stop();
    await this.database?.close();
    await this.neo4j?.stop();
  },
};

/** SIGKILL for the API process if it still runs, and the wait for its JVM, which shuts down when the API's end of its stdin closes. */
async function killApi(): Promise<void> {
  const jvm = (() => {
    try {
      return servingNeo4j(dataDir).pid;
    } catch {
      return null;
    }
  })();
  api?.kill();
  await api?.exited;
  if (jvm !== null) await processExit(jvm, 60_000);
}

afterAll(async () => {
  await outage.stop();
  await killApi();
  rmSync(home, { recursive: true, force: true });
}, 120_000);

/** The API process now serving (the tests of a describe block run in order, each after the one before). */
const serving = (): Api => {
  if (api === undefined) throw new Error('no API process serves the store');
  return api;
};

const live = (): Promise<number> => fetch(serving().url.replace('/graphql', '/health/live')).then((r) => r.status);

describe('the embedded Neo4j killed under the API', () => {
  it('recovers by itself when Neo4j is killed during reads', async () => {
    const before = servingNeo4j(dataDir);
    const statuses: number[] = [];
    let reading = true;
    const reads = (async () => {
      while (reading) statuses.push((await serving().post(SPEAKERS_QUERY)).status);
    })();
    const seen = serving().output.lines.length;
    process.kill(before.pid, 'SIGKILL');
    const restarted = JSON.parse(await serving().output.waitFor(RESTARTED, 180_000, seen)) as Record<string, unknown>;
    reading = false;
    await reads;

    expect(await serving().post(SPEAKERS_QUERY)).toEqual({ status: 200, body: SPEAKERS });
    // Every read was answered: with the data, or SERVICE_UNAVAILABLE while Neo4j was down.
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    const after = servingNeo4j(dataDir);
    expect(after.pid).not.toBe(before.pid);
    expect(restarted).toMatchObject({ level: 'warn', pid: after.pid, uri: after.uri });
    expect(await live()).toBe(200);
    await expectCheckClean(after.uri);
  }, 240_000);

  it('leaves nothing of an ingest Neo4j died in, and the ingest can be redone', async () => {
    const document = longDocument('neo4j-killed');
    const before = servingNeo4j(dataDir);
    const ingest = serving().post(INGEST, { document });
    await ingestUnderWay(before.uri);
    const seen = serving().output.lines.length;
    process.kill(before.pid, 'SIGKILL');

    const answer = await ingest;
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ data: null, errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    await serving().output.waitFor(RESTARTED, 180_000, seen);
    const now = servingNeo4j(dataDir);
    expect(await footprint(now.uri, 'neo4j-killed')).toEqual({ articles: 0, statements: 0 });

    const redone = await serving().post(INGEST, { document });
    expect(redone.body.errors).toBeUndefined();
    expect(redone).toMatchObject({ status: 200, body: { data: { ingestArticle: { statements: LONG_QUOTES } } } });
    expect(await footprint(now.uri, 'neo4j-killed')).toEqual({ articles: 1, statements: LONG_QUOTES });
    await expectCheckClean(now.uri);
  }, 240_000);

  it('fails /health/live once Neo4j cannot be restarted, and keeps answering', async () => {
    const before = servingNeo4j(dataDir);
    // The store moves away, and a file stands where the data directory was: no start can succeed.
    const moved = `${dataDir}.moved`;
    renameSync(dataDir, moved);
    writeFileSync(dataDir, 'not a directory');
    const seen = serving().output.lines.length;
    process.kill(before.pid, 'SIGKILL');

    const gaveUp = JSON.parse(await serving().output.waitFor(/"msg":"neo4j could not be restarted"/, 120_000, seen)) as Record<string, unknown>;
    expect(gaveUp).toMatchObject({ level: 'error', attempts: 4 });
    expect(await live()).toBe(503);
    const read = await serving().post(SPEAKERS_QUERY);
    expect(read).toMatchObject({ status: 503, body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] } });

    // The store itself is intact: back in place, it opens (an API started on it, which the next tests use) and checks clean.
    await killApi();
    rmSync(dataDir);
    renameSync(moved, dataDir);
    api = await startApi(home, env);
    // What the earlier test wrote is still there: a store emptied and seeded again would check clean too.
    expect(await footprint(servingNeo4j(dataDir).uri, 'neo4j-killed')).toEqual({ articles: 1, statements: LONG_QUOTES });
    await expectCheckClean(servingNeo4j(dataDir).uri);
  }, 240_000);
});

describe('the API killed', () => {
  it('leaves no partial write when the API is killed mid-ingest, and takes the ingest after a restart', async () => {
    const first = serving();
    const before = servingNeo4j(dataDir);
    const document = longDocument('api-killed');
    const ingest = first.post(INGEST, { document }).then(
      () => 'answered',
      () => 'connection lost',
    );
    await ingestUnderWay(before.uri);
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual([null, 'SIGKILL']);
    expect(await ingest).toBe('connection lost');
    await processExit(before.pid, 60_000);

    api = await startApi(home, env);
    const restarted = servingNeo4j(dataDir);
    expect(restarted.pid).not.toBe(before.pid);
    expect(await footprint(restarted.uri, 'api-killed')).toEqual({ articles: 0, statements: 0 });
    await expectCheckClean(restarted.uri);

    const redone = await api.post(INGEST, { document });
    expect(redone.body.errors).toBeUndefined();
    expect(redone).toMatchObject({ status: 200, body: { data: { ingestArticle: { statements: LONG_QUOTES } } } });
    expect(await footprint(restarted.uri, 'api-killed')).toEqual({ articles: 1, statements: LONG_QUOTES });
    await expectCheckClean(restarted.uri);
  }, 300_000);
});

describe('a Neo4j outage under a running server', () => {
  const QUERY = 'query Speakers { people(first: 100) { totalCount } }';
  let port: number;
  const server = (): TestServer => {
    if (outage.server === undefined) throw new Error('the outage server did not start');
    return outage.server;
  };
  const database = (): Database => {
    if (outage.database === undefined) throw new Error('the outage server has no database');
    return outage.database;
  };
  const clients = liveClients(server);

  beforeAll(async () => {
    const neo4j = servingNeo4j(dataDir);
    port = Number(new URL(neo4j.uri).port);
    outage.database = await openDatabase(loadConfig({ NEO4J_URI: neo4j.uri }), { log: () => undefined });
    outage.server = await startTestServer(outage.database.gateway, { production: true });
  }, 120_000);

  afterEach(() => clients.disposeAll());

  /** Stops the Neo4j under the server: the API process that owns it exits 0 once it has closed it. */
  async function stopNeo4j(): Promise<void> {
    const owner = serving();
    const jvm = servingNeo4j(dataDir).pid;
    owner.child.kill('SIGTERM');
    expect(await owner.exited).toEqual([0, null]);
    api = undefined;
    await processExit(jvm, 60_000);
  }

  const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const started = Date.now();
    const value = await work();
    return { value, ms: Date.now() - started };
  };

  const ready = () => fetch(server().url.replace('/graphql', '/health/ready')).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));

  /** Resolves once the feed has logged that it cannot read the change sequence. */
  const failedPoll = (): Promise<void> => logShows(() => server().logs.some((l) => l.msg === 'live feed cannot read the change sequence; retrying'));

  /**
   * "Quickly" is one retry about a second after the first refusal (MAX_RETRY_MS 500, connections
   * refused at once), where the driver's own defaults would wait 30 s; the bound below sits between
   * the two, generous for a busy machine.
   */
  const QUICKLY_MS = 10_000;

  it('answers SERVICE_UNAVAILABLE quickly while Neo4j is down, stays up, and recovers without a restart', async () => {
    const before = await timed(() => server().post(QUERY));
    expect(before.value.body).toEqual(SPEAKERS);
    const across = await clients.subscribed();

    await stopNeo4j();

    const down: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { value: answer, ms } = await timed(() => server().post(QUERY));
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
      expect(requestLines(server().logs, answer.headers.get('x-request-id') ?? '')).toMatchObject([{ status: 503, outcome: 'error', errors: ['SERVICE_UNAVAILABLE'] }]);
    }
    expect(Math.max(...down)).toBeLessThan(QUICKLY_MS);

    const probe = await timed(ready);
    expect(probe.value).toEqual({ status: 503, body: { status: 'unavailable', neo4j: 'down' } });
    expect(probe.ms).toBeLessThan(QUICKLY_MS);
    expect((await fetch(server().url.replace('/graphql', '/health/live'))).status).toBe(200);
    const duringOutage = watch(clients.connect());
    await duringOutage.until('the refusal', () => duringOutage.errors !== null);
    expect(duringOutage.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    await failedPoll();

    const restart = await timed(() => startEmbeddedNeo4j({ dataDir, port, log: () => undefined }));
    outage.neo4j = restart.value;
    expect(outage.neo4j.port).toBe(port);

    const back = await timed(() => server().post(QUERY));
    expect(back.value.body).toEqual(SPEAKERS);
    expect(await ready()).toEqual({ status: 200, body: { status: 'ok', neo4j: 'up' } });

    const written = await ingestOneQuote(database().gateway);
    await across.until(written, () => across.statementIds().includes(written));
    expect({ ids: across.statementIds(), errors: across.errors, completed: across.completed }).toEqual({ ids: [written], errors: null, completed: false });
    expect(server().logs.filter((l) => String(l.msg).startsWith('live feed')).map((l) => l.msg)).toEqual(['live feed cannot read the change sequence; retrying', 'live feed resumed']);
    await expectCheckClean(outage.neo4j.uri);

    process.stderr.write(
      `[outage] first query on the running Neo4j ${before.ms} ms; SERVICE_UNAVAILABLE after ${down.join(', ')} ms; ` +
        `ready probe ${probe.ms} ms; Neo4j restart ${restart.ms} ms; first query after restart ${back.ms} ms\n`,
    );
  }, 120_000);
});
