/**
 * The embedded Neo4j launcher, for real: a JVM on a fresh data directory, Bolt on a free port,
 * a round trip with the driver, a second launcher on the same directory refused without harm,
 * and a clean stop that leaves the store intact for the next start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { EmbeddedNeo4jError, ensureLauncherBuilt, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/launcher/embedded-neo4j';

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

describe('embedded Neo4j launcher', () => {
  let dataDir: string;
  let db: EmbeddedNeo4j | undefined;
  let driver: Driver | undefined;
  const output: string[] = [];
  const log = (line: string): void => {
    output.push(line);
  };

  beforeAll(async () => {
    await ensureLauncherBuilt((line) => process.stderr.write(`[embedded-neo4j] ${line}\n`));
  }, BUILD_TIMEOUT_MS);

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'embedded-neo4j-test-'));
    db = await startEmbeddedNeo4j({ dataDir, port: 0, log });
    // Auth is disabled: basic credentials (or none at all) are accepted.
    driver = neo4j.driver(db.uri, neo4j.auth.basic('neo4j', 'neo4j'));
  }, TIMEOUT_MS);

  afterAll(async () => {
    await driver?.close();
    await db?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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

  it('stops cleanly, and the store is intact on the next start', async () => {
    const first = db as EmbeddedNeo4j;
    await (driver as Driver).close();
    driver = undefined;
    await first.stop();
    expect(await waitUntilDead(first.pid, 5_000)).toBe(true);
    await first.stop(); // idempotent
    expect(output.some((line) => line.includes('Neo4j stopped'))).toBe(true);

    db = await startEmbeddedNeo4j({ dataDir, port: 0, log });
    driver = neo4j.driver(db.uri);
    const still = await driver.executeQuery('MATCH (n:EmbeddedTest {key: $key}) RETURN count(n) AS c', { key: 'survivor' });
    expect(neo4j.integer.toNumber(still.records[0]?.get('c') as number)).toBe(1);
  }, TIMEOUT_MS);
});
