/**
 * Starts one real Neo4j for the whole run, unless NEO4J_URI names one: the embedded
 * launcher on a fresh temporary data directory, so tests never touch a developer's data.
 * Seeds the story, which every integration test reads.
 *
 * A run that names no file (the whole suite, or a tier) also starts a second, empty Neo4j
 * at the same time, for the files that write what the story database must not see
 * (scratchGraph in own-neo4j.ts): they share it, one after another, instead of starting
 * a JVM each. A run of chosen files starts no second one; a file that needs it then
 * starts a Neo4j of its own.
 */
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config as JestConfig } from '@jest/types';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { seedStory } from '../../src/ingest/seed';
import { embeddedConfig, SCRATCH_URI_VARIABLE, startOwnNeo4j, type OwnNeo4j } from './own-neo4j';

declare global {
  var __TEST_DATABASE__: Database | undefined;
  var __TEST_SCRATCH_NEO4J__: OwnNeo4j | undefined;
}

/** Whether this run names no file (and so holds every file of the tiers it runs). */
const namesNoFile = (globalConfig: JestConfig.GlobalConfig): boolean => globalConfig.testPathPattern === '';

export default async function globalSetup(globalConfig: JestConfig.GlobalConfig): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`[neo4j] ${line}\n`);
  let config = loadConfig();
  if (config.neo4j.uri === null) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nkg-test-neo4j-'));
    process.env.NKG_TEST_DATA_DIR = dataDir;
    config = embeddedConfig(dataDir);
  }
  const started = Date.now();
  const [database, scratch] = await Promise.all([openDatabase(config, { log }), namesNoFile(globalConfig) ? startOwnNeo4j() : undefined]);
  globalThis.__TEST_DATABASE__ = database;
  globalThis.__TEST_SCRATCH_NEO4J__ = scratch;
  if (scratch) process.env[SCRATCH_URI_VARIABLE] = scratch.uri;
  if (database.embedded) {
    process.stderr.write(`\n[neo4j] embedded Neo4j for tests at ${database.uri} (${Date.now() - started} ms)\n`);
    process.env.NEO4J_URI = database.uri;
  }
  await seedStory(database.gateway);
}
