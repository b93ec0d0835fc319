/**
 * The embedded Neo4j launcher, for real: a JVM on a fresh data directory, Bolt on a free port,
 * a round trip with the driver, a second launcher on the same directory refused without harm,
 * and a clean stop that leaves the store intact for the next start.
 *
 * That next start is made as commands make one (openDatabase, NEO4J_URI unset), over a stale
 * address file, and the commands that work together are tested on it: while one process
 * serves an embedded Neo4j (as `npm start` does), openDatabase on the same data directory
 * uses that Neo4j through its address file instead of failing on the store lock; closing it
 * leaves the server's Neo4j running. A stale address file (its process gone) is ignored, and
 * a Neo4j of its own is started. One data directory and two JVM starts serve both.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { openDatabase, openRunningDatabase, type Database } from '../../src/db/connect';
import { cypher } from '../../src/db/cypher';
import { addressFilePath, writeAddressFile } from '../../src/launcher/address-file';
import { EmbeddedNeo4jError, ensureLauncherBuilt, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/launcher/embedded-neo4j';
import { embeddedConfig } from '../helpers/own-neo4j';

const TIMEOUT_MS = 120_000;
// Only when the launcher was not built yet (normally done by the global setup): Maven's
// first build downloads Neo4j, then a class-data-sharing archive is recorded.
const BUILD_TIMEOUT_MS = 15 * 60_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/** The store every test here works on: the launcher's, then the next start's. */
let dataDir: string;

beforeAll(async () => {
  await ensureLauncherBuilt((line) => process.stderr.write(`[embedded-neo4j] ${line}\n`));
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'embedded-neo4j-test-'));
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded Neo4j launcher', () => {
  let db: EmbeddedNeo4j | undefined;
  let driver: Driver | undefined;
  const output: string[] = [];
  const log = (line: string): void => {
    output.push(line);
  };

  beforeAll(async () => {
    db = await startEmbeddedNeo4j({ dataDir, port: 0, log });
    // Auth is disabled: basic credentials (or none at all) are accepted.
    driver = neo4j.driver(db.uri, neo4j.auth.basic('neo4j', 'neo4j'));
  }, TIMEOUT_MS);

  afterAll(async () => {
    await driver?.close();
    await db?.stop();
  }, TIMEOUT_MS);

  it('reports a loopback bolt URI, the JVM pid and the Neo4j version', () => {
    expect(db).toBeDefined();
    const started = db as EmbeddedNeo4j;
    expect(started.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(started.uri).toBe(`bolt://127.0.0.1:${started.port}`);
    expect(started.port).toBeGreaterThan(0);
    expect(started.version).toMatch(/^5\.26\.\d+$/);
    expect(isAlive(started.pid)).toBe(true);
    expect(started.pid).not.toBe(process.pid);
  });

  it('round-trips a node with parameters', async () => {
    const d = driver as Driver;
    const props = { key: 'round-trip', title: 'Minister says "it\'s fine" — ünïcödé', count: 42, score: 0.5, ok: true, tags: ['a', 'b'] };
    const created = await d.executeQuery('CREATE (n:EmbeddedTest $props) RETURN elementId(n) AS id', { props });
    const id = created.records[0]?.get('id') as string;
    expect(typeof id).toBe('string');

    const read = await d.executeQuery('MATCH (n:EmbeddedTest {key: $key}) RETURN n { .* } AS n', { key: 'round-trip' });
    expect(read.records).toHaveLength(1);
    const node = read.records[0]?.get('n') as Record<string, unknown>;
    expect(node.title).toBe(props.title);
    expect(neo4j.integer.toNumber(node.count as number)).toBe(42);
    expect(node.score).toBe(0.5);
    expect(node.ok).toBe(true);
    expect(node.tags).toEqual(['a', 'b']);

    const deleted = await d.executeQuery('MATCH (n) WHERE elementId(n) = $id DELETE n RETURN count(*) AS c', { id });
    expect(neo4j.integer.toNumber(deleted.records[0]?.get('c') as number)).toBe(1);
    const left = await d.executeQuery('MATCH (n:EmbeddedTest) RETURN count(n) AS c');
    expect(neo4j.integer.toNumber(left.records[0]?.get('c') as number)).toBe(0);
  });

  it('looks for transactions past their timeout every 100 ms, so a deadline cancels its query on time', async () => {
    const d = driver as Driver;
    const setting = await d.executeQuery("SHOW SETTINGS YIELD name, value WHERE name = 'db.transaction.monitor.check.interval' RETURN value");
    // Neo4j's default is 2 s: a 1 s deadline could then run on to 3 s, past the API's 504 backstop.
    expect(setting.records.map((r) => r.get('value') as string)).toEqual(['100ms']);
  });

  it('refuses a second launcher on the same data directory and leaves the first one working', async () => {
    const d = driver as Driver;
    await d.executeQuery('CREATE (:EmbeddedTest {key: $key})', { key: 'survivor' });

    const secondOutput: string[] = [];
    const second = startEmbeddedNeo4j({ dataDir, port: 0, log: (line) => secondOutput.push(line) });
    await expect(second).rejects.toBeInstanceOf(EmbeddedNeo4jError);
    const error = (await second.catch((e: unknown) => e)) as EmbeddedNeo4jError;
    expect(error.code).toBe('DATA_DIR_IN_USE');
    expect(error.message).toContain(`data directory ${(db as EmbeddedNeo4j).dataDir} is in use by another Neo4j process`);
    expect(error.message).toContain('(store lock held)');
    expect(error.message.split('\n')).toHaveLength(1);
    // Our own file lock is checked before Neo4j starts: the second launcher never got as far as Neo4j's own log.
    expect(secondOutput.filter((line) => line.includes('[o.n.'))).toEqual([]);
    expect(secondOutput.length).toBeGreaterThan(0);

    const still = await d.executeQuery('MATCH (n:EmbeddedTest {key: $key}) RETURN count(n) AS c', { key: 'survivor' });
    expect(neo4j.integer.toNumber(still.records[0]?.get('c') as number)).toBe(1);
    expect(isAlive((db as EmbeddedNeo4j).pid)).toBe(true);
  }, TIMEOUT_MS);

  it('stops cleanly (the next start, below, finds the store intact)', async () => {
    const first = db as EmbeddedNeo4j;
    await (driver as Driver).close();
    driver = undefined;
    await first.stop();
    expect(await waitUntilDead(first.pid, 5_000)).toBe(true);
    await first.stop(); // idempotent
    expect(output.some((line) => line.includes('Neo4j stopped'))).toBe(true);
    // Stopping the Neo4j takes its address with it.
    expect(existsSync(addressFilePath(dataDir))).toBe(false);
  }, TIMEOUT_MS);
});

describe('the next start, by a command, over a stale address file', () => {
  const silent = { log: () => undefined };
  /** What openRunningDatabase found while the directory held only the stale file. */
  let foundWhileStale: Database | null;
  /** The Neo4j openDatabase started over the stale file: the server the second callers find. */
  let server: Database;
  let running: EmbeddedNeo4j;

  beforeAll(async () => {
    // What a Neo4j killed with SIGKILL leaves behind: its file, naming a process that is gone.
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number;
    await writeAddressFile(dataDir, { uri: 'bolt://127.0.0.1:1', pid: gone });
    foundWhileStale = await openRunningDatabase(embeddedConfig(dataDir), silent);
    server = await openDatabase(embeddedConfig(dataDir), silent);
    running = server.embedded as EmbeddedNeo4j;
  }, TIMEOUT_MS);

  afterAll(async () => {
    await foundWhileStale?.close();
    await server?.close();
    // Stopping the Neo4j takes its address with it.
    if (server) expect(existsSync(addressFilePath(dataDir))).toBe(false);
  }, 60_000);

  it('finds the store intact', async () => {
    expect(await server.gateway.read(cypher('MATCH (n:EmbeddedTest {key: $key}) RETURN count(n) AS c', { key: 'survivor' }))).toEqual([{ c: 1 }]);
  });

  describe('a stale address file', () => {
    it('counts as no running Neo4j', () => {
      expect(foundWhileStale).toBeNull();
    });

    it('is ignored: openDatabase starts a Neo4j of its own, which replaces the file with its address', async () => {
      expect(server.embedded).not.toBeNull();
      expect(server.uri).not.toBe('bolt://127.0.0.1:1');
      expect(JSON.parse(readFileSync(addressFilePath(dataDir), 'utf8'))).toEqual({ uri: server.uri, pid: server.embedded?.pid });
      expect(await server.gateway.read(cypher('RETURN 1 AS one'))).toEqual([{ one: 1 }]);
    });
  });

  describe('a second caller on a data directory whose Neo4j is running', () => {
    it('finds the address file the launcher wrote once Bolt was up', () => {
      const file = JSON.parse(readFileSync(addressFilePath(running.dataDir), 'utf8')) as unknown;
      expect(file).toEqual({ uri: running.uri, pid: running.pid });
    });

    it('uses that Neo4j, and leaves it running when it closes', async () => {
      const lines: string[] = [];
      const second = await openDatabase(embeddedConfig(running.dataDir), { log: (line) => lines.push(line) });
      expect({ uri: second.uri, embedded: second.embedded }).toEqual({ uri: running.uri, embedded: null });
      expect(lines).toEqual([`NEO4J_URI is unset: using the embedded Neo4j already serving ${running.dataDir} at ${running.uri} (pid ${running.pid})`]);

      await second.gateway.write((tx) => tx.run(cypher('CREATE (:SharedNeo4jTest {by: $by})', { by: 'second caller' })));
      await second.close();

      const seen = await server.gateway.read(cypher('MATCH (n:SharedNeo4jTest) RETURN n.by AS by'));
      expect(seen).toEqual([{ by: 'second caller' }]);
    }, 60_000);

    it('is what openRunningDatabase finds too (the extractor, which starts nothing)', async () => {
      const found = await openRunningDatabase(embeddedConfig(running.dataDir), silent);
      try {
        expect(found?.uri).toBe(running.uri);
      } finally {
        await found?.close();
      }
    }, 60_000);
  });
});
