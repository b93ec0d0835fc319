/**
 * Neo4j down under a running API, on one store that passes from each test to the next (each
 * JVM start, with the cold plans of the first queries on it, and the story's seeding are most
 * of what these tests cost, so they share them: one seed, four JVM starts and two API
 * processes in all). The API's embedded Neo4j keeps one Bolt port through every restart, so
 * the test's own connection to the store, and a server connected to it by address, follow it.
 * - the embedded Neo4j of the API (src/main.ts on a data directory of its own, as `npm start`
 *   runs it) is killed while reads and an ingest are under way: it is restarted and the API
 *   answers again by itself, and nothing of the document is left, so the ingest can be redone;
 * - the API process is killed (SIGKILL) in the middle of an ingest: its Neo4j shuts down
 *   when the API's end of its stdin closes, and the open transaction never commits, so an
 *   API started again on the same data directory finds no trace of the document, checks
 *   clean, and takes the same ingest;
 * - its Neo4j, killed with its store moved away, cannot be restarted: /health/live fails for
 *   an outside supervisor. A server connected to that Neo4j the way `npm start` connects to
 *   one it does not own answers SERVICE_UNAVAILABLE quickly while it is down, stays up, and
 *   serves again without a restart once the store is back and Neo4j is started on it again,
 *   on the same port and data directory. A statementChanges subscription open across the
 *   outage waits through it and then gets the change written after it, once; one asked for
 *   while Neo4j is down is refused.
 * Each step ends with the integrity check clean. The ingested documents speak about the story's
 * people and places, so the story's count of people that the reads compare stays its own.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/launcher/embedded-neo4j';
import { ingestOneQuote, liveClients, logShows, watch } from '../helpers/fault-outage';
import { freePort, requestLines, startTestServer, type TestServer } from '../helpers/server';
import { type Api, expectCheckClean, footprint, holdChangeSequence, INGEST, ingestUnderWay, longDocument, openGraph, processExit, servingNeo4j, startApi } from './processes';

const SPEAKERS_QUERY = 'query Speakers { people(first: 100) { totalCount } }';
const SPEAKERS = { data: { people: { totalCount: 7 } } };
const RESTARTED = /"msg":"neo4j restarted"/;
/**
 * The quotes of the documents whose ingest a test interrupts: each test holds the change
 * sequence (holdChangeSequence), so the ingest's transaction stays open until the kill
 * however few it writes, and every ingest and integrity check of the store reads them all.
 */
const QUOTES = 20;
/**
 * Between two reads of the load kept up while Neo4j is killed and restarted: each read
 * during the outage is answered at once, so reads back to back would keep the API and
 * this process busy for the whole restart. Paced, they still span it.
 */
const READ_PAUSE_MS = 100;

let home: string;
let dataDir: string;
/** The Bolt port of every Neo4j on the store: the API's embedded one, each restart of it, and the last test's own. */
let boltPort: number;
let env: Record<string, string>;
/** The API process serving the store now. */
let api: Api | undefined;
/** The Neo4j the last test starts on the restored store, once no API serves it. */
let restored: EmbeddedNeo4j | undefined;
/** The store as the tests read it from outside the API, by its fixed Bolt address. */
let store: Database;

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'nkg-neo4j-down-'));
  dataDir = path.join(home, 'data');
  boltPort = await freePort();
  // No warm-up or rehearsal at each start (WARM_UP): these tests are about what survives a fault, not how warm a start is.
  // Two restart attempts show that a failed one is tried again before giving up; each more launches a JVM that fails.
  env = { NEO4J_DATA_DIR: dataDir, NEO4J_EMBEDDED_PORT: String(boltPort), SEED_ON_EMPTY: 'true', NEO4J_RESTART_ATTEMPTS: '2', WARM_UP: 'false' };
  api = await startApi(home, env);
  store = await openGraph(servingNeo4j(dataDir).uri);
}, 240_000);

/** SIGKILL for the API process if it still runs, and the wait for its JVM, which shuts down when the API's end of its stdin closes. */
async function killApi(): Promise<void> {
  if (api === undefined) return;
  const jvm = (() => {
    try {
      return servingNeo4j(dataDir).pid;
    } catch {
      return null;
    }
  })();
  api.kill();
  await api.exited;
  if (jvm !== null) await processExit(jvm, 60_000);
}

afterAll(async () => {
  await store?.close();
  await killApi();
  await restored?.stop();
  rmSync(home, { recursive: true, force: true });
}, 120_000);

/** The API process now serving (the tests of a describe block run in order, each after the one before). */
const serving = (): Api => {
  if (api === undefined) throw new Error('no API process serves the store');
  return api;
};

type Answer = Awaited<ReturnType<Api['post']>>;

const live = (): Promise<number> => fetch(serving().url.replace('/graphql', '/health/live')).then((r) => r.status);

/**
 * Neo4j killed once while both reads and an ingest are under way: each of the two tests
 * below asserts what became of its own work. A second kill would cost a JVM start and a
 * check of cold plans and show nothing the first does not.
 */
describe('the embedded Neo4j killed under the API', () => {
  const document = longDocument('neo4j-killed', 'story', QUOTES);
  const killed = {
    statuses: [] as number[],
    ingest: undefined as Promise<Answer> | undefined,
    restarted: {} as Record<string, unknown>,
    pid: 0,
  };

  beforeAll(async () => {
    const before = servingNeo4j(dataDir);
    killed.pid = before.pid;
    let reading = true;
    const reads = (async () => {
      while (reading) {
        killed.statuses.push((await serving().post(SPEAKERS_QUERY)).status);
        await pause(READ_PAUSE_MS);
      }
    })();
    const held = await holdChangeSequence(store.gateway);
    killed.ingest = serving().post(INGEST, { document });
    // Awaited by the second test; a rejection meanwhile must not count as unhandled.
    killed.ingest.catch(() => undefined);
    await ingestUnderWay(store.gateway);
    const seen = serving().output.lines.length;
    process.kill(before.pid, 'SIGKILL');
    await held.release();
    killed.restarted = JSON.parse(await serving().output.waitFor(RESTARTED, 180_000, seen)) as Record<string, unknown>;
    reading = false;
    await reads;
  }, 240_000);

  it('recovers by itself when Neo4j is killed during reads', async () => {
    expect(await serving().post(SPEAKERS_QUERY)).toEqual({ status: 200, body: SPEAKERS });
    // Every read was answered: with the data, or SERVICE_UNAVAILABLE while Neo4j was down.
    expect(killed.statuses.length).toBeGreaterThan(0);
    expect(killed.statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    const after = servingNeo4j(dataDir);
    expect(after.pid).not.toBe(killed.pid);
    expect(killed.restarted).toMatchObject({ level: 'warn', pid: after.pid, uri: after.uri });
    expect(await live()).toBe(200);
    await expectCheckClean(store.gateway);
  }, 240_000);

  it('leaves nothing of an ingest Neo4j died in, and the ingest can be redone', async () => {
    const answer = await (killed.ingest as Promise<Answer>);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ data: null, errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect(await footprint(store.gateway, 'neo4j-killed')).toEqual({ articles: 0, statements: 0 });

    const redone = await serving().post(INGEST, { document });
    expect(redone.body.errors).toBeUndefined();
    expect(redone).toMatchObject({ status: 200, body: { data: { ingestArticle: { statements: QUOTES } } } });
    expect(await footprint(store.gateway, 'neo4j-killed')).toEqual({ articles: 1, statements: QUOTES });
    await expectCheckClean(store.gateway);
  }, 240_000);
});

describe('the API killed', () => {
  it('leaves no partial write when the API is killed mid-ingest, and takes the ingest after a restart', async () => {
    const first = serving();
    const before = servingNeo4j(dataDir);
    const document = longDocument('api-killed', 'story', QUOTES);
    const held = await holdChangeSequence(store.gateway);
    const ingest = first.post(INGEST, { document }).then(
      () => 'answered',
      () => 'connection lost',
    );
    await ingestUnderWay(store.gateway);
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual([null, 'SIGKILL']);
    // What the dead API sent can no longer commit: its transaction waits for a COMMIT that never comes.
    await held.release();
    expect(await ingest).toBe('connection lost');
    await processExit(before.pid, 60_000);

    api = await startApi(home, env);
    const restarted = servingNeo4j(dataDir);
    expect(restarted.pid).not.toBe(before.pid);
    expect(await footprint(store.gateway, 'api-killed')).toEqual({ articles: 0, statements: 0 });
    await expectCheckClean(store.gateway);

    const redone = await api.post(INGEST, { document });
    expect(redone.body.errors).toBeUndefined();
    expect(redone).toMatchObject({ status: 200, body: { data: { ingestArticle: { statements: QUOTES } } } });
    expect(await footprint(store.gateway, 'api-killed')).toEqual({ articles: 1, statements: QUOTES });
    await expectCheckClean(store.gateway);
  }, 300_000);
});

/**
 * Neo4j killed with its store moved away, so that its supervisor cannot start it again: the
 * API that owns it, and a server in this process that only connects to it, both face a
 * Neo4j that stays down until the test puts the store back and starts Neo4j on it, on the
 * same port. The server is the one that sees the outage end; the API that gave up is
 * stopped instead (an outside supervisor would restart the whole process).
 */
describe('a Neo4j that cannot be restarted, under the API and under a server that does not own it', () => {
  const outage = {
    server: undefined as TestServer | undefined,
    database: undefined as Database | undefined,
    /** The server's first answer, with Neo4j up, and how long it took. */
    before: { body: undefined as unknown, ms: 0 },
    gaveUp: {} as Record<string, unknown>,
    moved: '',
  };
  const server = (): TestServer => {
    if (outage.server === undefined) throw new Error('the outage server did not start');
    return outage.server;
  };
  const database = (): Database => {
    if (outage.database === undefined) throw new Error('the outage server has no database');
    return outage.database;
  };
  const clients = liveClients(server);
  let across: ReturnType<typeof watch>;

  const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const started = Date.now();
    const value = await work();
    return { value, ms: Date.now() - started };
  };

  beforeAll(async () => {
    outage.database = await openDatabase(loadConfig({ NEO4J_URI: servingNeo4j(dataDir).uri }), { log: () => undefined });
    outage.server = await startTestServer(outage.database.gateway, { production: true });
    const first = await timed(() => server().post(SPEAKERS_QUERY));
    outage.before = { body: first.value.body, ms: first.ms };
    across = await clients.subscribed();

    // The store moves away, and a file stands where the data directory was: no start can succeed.
    const before = servingNeo4j(dataDir);
    outage.moved = `${dataDir}.moved`;
    renameSync(dataDir, outage.moved);
    writeFileSync(dataDir, 'not a directory');
    const seen = serving().output.lines.length;
    process.kill(before.pid, 'SIGKILL');
    outage.gaveUp = JSON.parse(await serving().output.waitFor(/"msg":"neo4j could not be restarted"/, 120_000, seen)) as Record<string, unknown>;
  }, 240_000);

  afterAll(async () => {
    await clients.disposeAll();
    await outage.server?.stop();
    await outage.database?.close();
  });

  it('fails /health/live once Neo4j cannot be restarted, and keeps answering', async () => {
    expect(outage.gaveUp).toMatchObject({ level: 'error', attempts: 2 });
    expect(await live()).toBe(503);
    const read = await serving().post(SPEAKERS_QUERY);
    expect(read).toMatchObject({ status: 503, body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] } });
  }, 60_000);

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
    expect(outage.before.body).toEqual(SPEAKERS);

    const down: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { value: answer, ms } = await timed(() => server().post(SPEAKERS_QUERY));
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

    // The API that gave up stops cleanly on SIGTERM; the store goes back, and Neo4j starts on it again, on the same port.
    const gaveUp = serving();
    gaveUp.child.kill('SIGTERM');
    expect(await gaveUp.exited).toEqual([0, null]);
    api = undefined;
    rmSync(dataDir);
    renameSync(outage.moved, dataDir);
    const restart = await timed(() => startEmbeddedNeo4j({ dataDir, port: boltPort, log: () => undefined }));
    restored = restart.value;
    expect(restored.uri).toBe(database().uri);

    const back = await timed(() => server().post(SPEAKERS_QUERY));
    expect(back.value.body).toEqual(SPEAKERS);
    expect(await ready()).toEqual({ status: 200, body: { status: 'ok', neo4j: 'up' } });
    // The store is intact: what the earlier test wrote is still there (a store emptied and seeded again would check clean too).
    expect(await footprint(store.gateway, 'neo4j-killed')).toEqual({ articles: 1, statements: QUOTES });

    const written = await ingestOneQuote(database().gateway);
    await across.until(written, () => across.statementIds().includes(written));
    expect({ ids: across.statementIds(), errors: across.errors, completed: across.completed }).toEqual({ ids: [written], errors: null, completed: false });
    expect(server().logs.filter((l) => String(l.msg).startsWith('live feed')).map((l) => l.msg)).toEqual(['live feed cannot read the change sequence; retrying', 'live feed resumed']);
    await expectCheckClean(store.gateway);

    process.stderr.write(
      `[outage] first query on the running Neo4j ${outage.before.ms} ms; SERVICE_UNAVAILABLE after ${down.join(', ')} ms; ` +
        `ready probe ${probe.ms} ms; Neo4j restart ${restart.ms} ms; first query after restart ${back.ms} ms\n`,
    );
  }, 240_000);
});
