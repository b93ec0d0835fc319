/**
 * A Neo4j of a test file's own, for tests that change the graph in ways the shared story
 * database must not see (new articles, merges) or that need an empty database. It is a
 * real embedded Neo4j on a fresh temporary directory, opened as `npm start` opens its
 * own (openDatabase), and removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import type { EmbeddedNeo4j } from '../../src/launcher/embedded-neo4j';

export interface OwnNeo4j extends Database {
  readonly neo4j: EmbeddedNeo4j;
  /** Closes the database and removes its directory. */
  stop(): Promise<void>;
}

/** The configuration of an embedded Neo4j on `dataDir`, whatever NEO4J_URI the test run has. */
export function embeddedConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig(env);
  return { ...config, neo4j: { ...config.neo4j, uri: null }, embedded: { ...config.embedded, dataDir, port: 0 } };
}

export async function startOwnNeo4j(): Promise<OwnNeo4j> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nkg-own-neo4j-'));
  const database = await openDatabase(embeddedConfig(dataDir), { log: () => undefined });
  return {
    ...database,
    neo4j: database.embedded as EmbeddedNeo4j,
    async stop() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
