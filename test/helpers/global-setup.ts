/**
 * Starts one real Neo4j for the whole run, unless NEO4J_URI names one: the embedded
 * launcher on a fresh temporary data directory, so tests never touch a developer's data.
 * Seeds the story, which every integration test reads.
 */
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { seedStory } from '../../src/ingest/seed';
import { embeddedConfig } from './own-neo4j';

declare global {
  var __TEST_DATABASE__: Database | undefined;
}

export default async function globalSetup(): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`[neo4j] ${line}\n`);
  let config = loadConfig();
  if (config.neo4j.uri === null) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nkg-test-neo4j-'));
    process.env.NKG_TEST_DATA_DIR = dataDir;
    config = embeddedConfig(dataDir);
  }
  const started = Date.now();
  const database = await openDatabase(config, { log });
  globalThis.__TEST_DATABASE__ = database;
  if (database.embedded) {
    process.stderr.write(`\n[neo4j] embedded Neo4j for tests at ${database.uri} (${Date.now() - started} ms)\n`);
    process.env.NEO4J_URI = database.uri;
  }
  await seedStory(database.gateway);
}
