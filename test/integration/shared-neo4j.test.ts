/**
 * Commands that work together: while one process serves an embedded Neo4j (as `npm start`
 * does), openDatabase on the same data directory, with NEO4J_URI unset, uses that Neo4j
 * through its address file instead of failing on the store lock; closing it leaves the
 * server's Neo4j running. A stale address file (its process gone) is ignored, and a Neo4j of
 * its own is started. One real Neo4j, on a temporary directory of this file's own, serves
 * both: openDatabase starts it over a stale address file, and it is then the running Neo4j
 * the second callers find.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, openRunningDatabase, type Database } from '../../src/db/connect';
import { cypher } from '../../src/db/cypher';
import { addressFilePath, writeAddressFile } from '../../src/launcher/address-file';
import type { EmbeddedNeo4j } from '../../src/launcher/embedded-neo4j';
import { embeddedConfig } from '../helpers/own-neo4j';

const silent = { log: () => undefined };

let dataDir: string;
/** What openRunningDatabase found while the directory held only the stale file. */
let foundWhileStale: Database | null;
/** The Neo4j openDatabase started over the stale file: the server the second callers find. */
let server: Database;
let neo4j: EmbeddedNeo4j;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'nkg-shared-neo4j-'));
  // What a Neo4j killed with SIGKILL leaves behind: its file, naming a process that is gone.
  const gone = spawnSync(process.execPath, ['-e', '']).pid as number;
  await writeAddressFile(dataDir, { uri: 'bolt://127.0.0.1:1', pid: gone });
  foundWhileStale = await openRunningDatabase(embeddedConfig(dataDir), silent);
  server = await openDatabase(embeddedConfig(dataDir), silent);
  neo4j = server.embedded as EmbeddedNeo4j;
}, 120_000);

afterAll(async () => {
  await foundWhileStale?.close();
  await server?.close();
  // Stopping the Neo4j takes its address with it.
  if (server) expect(existsSync(addressFilePath(dataDir))).toBe(false);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

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
    const file = JSON.parse(readFileSync(addressFilePath(neo4j.dataDir), 'utf8')) as unknown;
    expect(file).toEqual({ uri: neo4j.uri, pid: neo4j.pid });
  });

  it('uses that Neo4j, and leaves it running when it closes', async () => {
    const lines: string[] = [];
    const second = await openDatabase(embeddedConfig(neo4j.dataDir), { log: (line) => lines.push(line) });
    expect({ uri: second.uri, embedded: second.embedded }).toEqual({ uri: neo4j.uri, embedded: null });
    expect(lines).toEqual([`NEO4J_URI is unset: using the embedded Neo4j already serving ${neo4j.dataDir} at ${neo4j.uri} (pid ${neo4j.pid})`]);

    await second.gateway.write((tx) => tx.run(cypher('CREATE (:SharedNeo4jTest {by: $by})', { by: 'second caller' })));
    await second.close();

    const seen = await server.gateway.read(cypher('MATCH (n:SharedNeo4jTest) RETURN n.by AS by'));
    expect(seen).toEqual([{ by: 'second caller' }]);
  }, 60_000);

  it('is what openRunningDatabase finds too (the extractor, which starts nothing)', async () => {
    const running = await openRunningDatabase(embeddedConfig(neo4j.dataDir), silent);
    try {
      expect(running?.uri).toBe(neo4j.uri);
    } finally {
      await running?.close();
    }
  }, 60_000);
});
