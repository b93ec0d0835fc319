/**
 * Starts the real Neo4j the run's tests read, unless NEO4J_URI names one: the embedded
 * launcher on fresh temporary data directories, so tests never touch a developer's data.
 * Seeds the story, which every integration test reads.
 *
 * One story Neo4j per jest worker (worker-neo4j.ts hands each worker its own): a file may
 * write to the story database, and a kept answer ends at any commit anywhere in it, so two
 * files running at once must never share one. A run in band has one worker and one Neo4j.
 *
 * A run in band of the integration tier that names no file also starts a second, empty
 * Neo4j at the same time, for the files that write what the story database must not see
 * (scratchGraph in own-neo4j.ts): they share it, one after another, instead of starting a
 * JVM each. Runs with more workers, or of chosen files, start no second one; a file that
 * needs it then starts a Neo4j of its own.
 */
import 'reflect-metadata';
import './short-lived-jvms';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config as JestConfig } from '@jest/types';
import { loadConfig, type Config } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { seedStory } from '../../src/ingest/seed';
import { embeddedConfig, SCRATCH_URI_VARIABLE, startOwnNeo4j, type OwnNeo4j } from './own-neo4j';
import { STORY_URIS_VARIABLE } from './worker-neo4j';

declare global {
  var __TEST_DATABASES__: Database[] | undefined;
  var __TEST_SCRATCH_NEO4J__: OwnNeo4j | undefined;
}

/**
 * Whether the run has a scratch graph to share: one file at a time, no file named, and the
 * integration tier (whose files use it) among the projects. Jest hands global setup the
 * project of the first file it will run; a run that starts with another project's file goes
 * without the shared one, and its scratch files each start their own.
 */
const sharesScratch = (globalConfig: JestConfig.GlobalConfig, projectConfig: JestConfig.ProjectConfig): boolean =>
  globalConfig.maxWorkers === 1 && globalConfig.testPathPattern === '' && projectConfig.displayName?.name === 'integration';

/** The story databases' configurations: the one NEO4J_URI names, or one embedded Neo4j per worker. */
function storyConfigs(globalConfig: JestConfig.GlobalConfig): Config[] {
  const config = loadConfig();
  if (config.neo4j.uri !== null) return [config];
  const root = mkdtempSync(path.join(os.tmpdir(), 'nkg-test-neo4j-'));
  process.env.NKG_TEST_DATA_DIR = root;
  return Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, (_, i) => embeddedConfig(path.join(root, `worker-${i + 1}`)));
}

export default async function globalSetup(globalConfig: JestConfig.GlobalConfig, projectConfig: JestConfig.ProjectConfig): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`[neo4j] ${line}\n`);
  const started = Date.now();
  const [scratch, ...databases] = await Promise.all([
    sharesScratch(globalConfig, projectConfig) ? startOwnNeo4j() : undefined,
    ...storyConfigs(globalConfig).map(async (config) => {
      const database = await openDatabase(config, { log });
      await seedStory(database.gateway);
      return database;
    }),
  ]);
  globalThis.__TEST_DATABASES__ = databases;
  globalThis.__TEST_SCRATCH_NEO4J__ = scratch;
  if (scratch) process.env[SCRATCH_URI_VARIABLE] = scratch.uri;
  if (databases.some((database) => database.embedded)) {
    process.stderr.write(`\n[neo4j] embedded Neo4j for tests at ${databases.map((d) => d.uri).join(', ')} (${Date.now() - started} ms)\n`);
    process.env.NEO4J_URI = databases[0]?.uri;
  }
  process.env[STORY_URIS_VARIABLE] = databases.map((database) => database.uri).join(' ');
}
