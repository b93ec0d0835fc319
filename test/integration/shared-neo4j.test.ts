/**
 * Commands that work together: while one process serves an embedded Neo4j (as `npm start`
 * does), openDatabase on the same data directory, with NEO4J_URI unset, uses that Neo4j
 * through its address file instead of failing on the store lock; closing it leaves the
 * server's Neo4j running. A stale address file (its process gone) is ignored, and a Neo4j of
 * its own is started. Each Neo4j here is real, on a temporary directory of this file's own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, openRunningDatabase } from '../../src/db/connect';
import { cypher } from '../../src/db/cypher';
import { addressFilePath, writeAddressFile } from '../../src/launcher/address-file';
import { embeddedConfig, startOwnNeo4j, type OwnNeo4j } from '../helpers/own-neo4j';

const silent = { log: () => undefined };

describe('a second caller on a data directory whose Neo4j is running', () => {
  let server: OwnNeo4j;
  beforeAll(async () => {
    server = await startOwnNeo4j();
  }, 120_000);
  afterAll(async () => {
    const dataDir = server?.neo4j.dataDir;
    await server?.stop();
    // Stopping the Neo4j takes its address with it.
    if (dataDir) expect(existsSync(addressFilePath(dataDir))).toBe(false);
  }, 60_000);

  it('finds the address file the launcher wrote once Bolt was up', () => {
    const file = JSON.parse(readFileSync(addressFilePath(server.neo4j.dataDir), 'utf8')) as unknown;
    expect(file).toEqual({ uri: server.neo4j.uri, pid: server.neo4j.pid });
  });

  it('uses that Neo4j, and leaves it running when it closes', async () => {
    const lines: string[] = [];
    const second = await openDatabase(embeddedConfig(server.neo4j.dataDir), { log: (line) => lines.push(line) });
    expect({ uri: second.uri, embedded: second.embedded }).toEqual({ uri: server.neo4j.uri, embedded: null });
    expect(lines).toEqual([`NEO4J_URI is unset: using the embedded Neo4j already serving ${server.neo4j.dataDir} at ${server.neo4j.uri} (pid ${server.neo4j.pid})`]);

    await second.gateway.write((tx) => tx.run(cypher('CREATE (:SharedNeo4jTest {by: $by})', { by: 'second caller' })));
    await second.close();

    const seen = await server.gateway.read(cypher('MATCH (n:SharedNeo4jTest) RETURN n.by AS by'));
    expect(seen).toEqual([{ by: 'second caller' }]);
  }, 60_000);

  it('is what openRunningDatabase finds too (the extractor, which starts nothing)', async () => {
    const running = await openRunningDatabase(embeddedConfig(server.neo4j.dataDir), silent);
    try {
      expect(running?.uri).toBe(server.neo4j.uri);
    } finally {
      await running?.close();
    }
  }, 60_000);
});

describe('a stale address file', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'nkg-stale-address-'));
    // What a Neo4j killed with SIGKILL leaves behind: its file, naming a process that is gone.
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number;
    await writeAddressFile(dataDir, { uri: 'bolt://127.0.0.1:1', pid: gone });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('counts as no running Neo4j', async () => {
    expect(await openRunningDatabase(embeddedConfig(dataDir), silent)).toBeNull();
  });

  it('is ignored: openDatabase starts a Neo4j of its own, which replaces the file with its address', async () => {
    const database = await openDatabase(embeddedConfig(dataDir), silent);
    try {
      expect(database.embedded).not.toBeNull();
      expect(database.uri).not.toBe('bolt://127.0.0.1:1');
      expect(JSON.parse(readFileSync(addressFilePath(dataDir), 'utf8'))).toEqual({ uri: database.uri, pid: database.embedded?.pid });
      expect(await database.gateway.read(cypher('RETURN 1 AS one'))).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
    expect(existsSync(addressFilePath(dataDir))).toBe(false);
  }, 120_000);
});
